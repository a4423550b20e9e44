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

from mdnet.config import Config
from mdnet.language import _, formats, ngettext
from mdnet.model.health import PASSIVE, Standing, is_snoozed, standing
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "R002"
NAME = "passive-network"
SEVERITY = "warning"
NAMED = 5


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    silencing = vault.silencing(CODE, NAME)
    counted = [c for path, c in vault.contacts.items() if path not in silencing]
    passive = [w for c in counted if (w := standing(c, config, today)).state == PASSIVE]
    limit = config.thresholds.max_passive_share
    if not counted or len(passive) / len(counted) <= limit:
        return
    share = len(passive) / len(counted)
    message = ngettext(
        "{passive} of {counted} contacts ({share}) have no interaction at all, above the "
        "{limit} limit (max_passive_share = {setting})",
        "{passive} of {counted} contacts ({share}) have no interaction at all, above the "
        "{limit} limit (max_passive_share = {setting})",
        len(passive),
    ).format(
        passive=len(passive),
        counted=len(counted),
        share=formats.percent(share),
        limit=formats.percent(limit),
        setting=formats.short_number(limit),
    )
    names = [
        _('"{name}"').format(name=where.contact.title)
        for where in sorted(passive, key=lambda where: _priority(where, config))
        if not is_snoozed(where.contact, today)
    ][:NAMED]
    if names:
        message = _("{facts}; reactivate a few: {names}.").format(
            facts=message, names=", ".join(names)
        )
    else:
        message = _("{facts}; reactivate a few of them.").format(facts=message)
    yield Hit("", 0, message)


def _priority(where: Standing, config: Config) -> tuple[bool, int, int, str]:
    """Closer tiers first (tiers with no cadence last), then the most recently met."""
    tiers = list(config.tiers)
    tier = where.contact.note.fields.get("tier")
    rank = tiers.index(tier) if tier in tiers else len(tiers)
    met = -where.met[0].toordinal() if where.met else 0
    return (where.cadence is None, rank, met, where.contact.title.lower())
