"""R002 passive-network — most of your contacts are cards in a file, nothing more.

Why it matters: exchanging cards and accepting LinkedIn connections builds a passive
network. People you never exchanged with will not answer when you need them; a few
real conversations are worth more than hundreds of connections.

When it fires: once for the whole vault, when more than `max_passive_share` of the
contacts are passive: no interaction at all, no `last_contact`, and not met within
the last `followup_horizon_days` (those are R003's to follow up). The message names
up to 5 passive contacts worth reactivating, closer tiers first (in [cadence] order,
contacts with no tier next, tiers whose cadence is "none" last), then the most
recently met. Snoozed contacts are counted but not named. A contact with
`mdnet-ignore: [R002]` (or `all`) is left out of the count.

How to fix it: pick a few of the named contacts, get in touch, and log it as a dated
entry in their notes. Delete the notes of people you will never contact. To silence
it: `ignore = ["R002"]` under [rules] in .mdnet.toml, or raise the threshold.

Thresholds: [thresholds] max_passive_share = 0.5 (a share between 0 and 1).

Example (after importing LinkedIn connections):

    .:0:0: R002 passive-network [warning] 412 of 480 contacts (86%) have no
    interaction at all, above the 50% limit (max_passive_share = 0.5); reactivate a
    few: "Ana Ruiz", "Tom Becker", "Li Wei", "Omar Haddad", "Eva Novak".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from mdnet.config import Config
from mdnet.language import _, formats, ngettext
from mdnet.model.contact import Contact
from mdnet.model.health import PASSIVE, Standing, is_snoozed, standing
from mdnet.model.totals import Ordered, Summed, total
from mdnet.model.vault import Vault
from mdnet.notes.sharing import shared_counts
from mdnet.rules.finding import Hit

CODE = "R002"
NAME = "passive-network"
SEVERITY = "warning"
NAMED = 5


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    counted, passive = total(vault, Summed, _counted, config, today).sums or (0, 0)
    limit = config.thresholds.max_passive_share
    if not counted or passive / counted <= limit:
        return
    share = passive / counted
    message = ngettext(
        "{passive} of {counted} contacts ({share}) has no interaction at all, above the "
        "{limit} limit (max_passive_share = {setting})",
        "{passive} of {counted} contacts ({share}) have no interaction at all, above the "
        "{limit} limit (max_passive_share = {setting})",
        passive,
    ).format(
        passive=passive,
        counted=counted,
        share=formats.percent(share),
        limit=formats.percent(limit),
        setting=formats.short_number(limit),
    )
    worth = total(vault, Ordered, _worth_reactivating, config, today).items[:NAMED]
    names = [_('"{name}"').format(name=title) for *_rank, title in worth]
    if names:
        message = _("{facts}; reactivate a few: {names}.").format(
            facts=message, names=", ".join(names)
        )
    else:
        message = _("{facts}; reactivate a few of them.").format(facts=message)
    yield Hit("", 0, message)


def _counted(contact: Contact, config: Config, today: dt.date) -> tuple[int, int]:
    """(1, 1) for a passive contact, (1, 0) for another, (0, 0) if it silences R002."""
    if contact.note.silences(CODE, NAME):
        return shared_counts((0, 0))
    return shared_counts((1, int(standing(contact, config, today).state == PASSIVE)))


def _worth_reactivating(contact: Contact, config: Config, today: dt.date) -> list[tuple[Any, ...]]:
    """A passive contact that may be named, by priority (then path) and with its title."""
    if contact.note.silences(CODE, NAME) or is_snoozed(contact, today):
        return []
    where = standing(contact, config, today)
    if where.state != PASSIVE:
        return []
    return [(*_priority(where, config), contact.note.path, contact.title)]


def _priority(where: Standing, config: Config) -> tuple[bool, int, int, str]:
    """Closer tiers first (tiers with no cadence last), then the most recently met."""
    tiers = list(config.tiers)
    tier = where.contact.note.fields.get("tier")
    rank = tiers.index(tier) if tier in tiers else len(tiers)
    met = -where.met[0].toordinal() if where.met else 0
    return (where.cadence is None, rank, met, where.contact.title.lower())
