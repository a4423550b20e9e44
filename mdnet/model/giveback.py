"""Give and take: what you received and have not returned, what you promised and not kept.

One place decides it, so that the rules (G001, G002, G003) and the summary agree.
Only contact made counts (no plans, nothing dated after today), except that a promise
written as an open task (`- [ ] 2026-10-01 #promised send the deck`) is a promise all
the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from mdnet.config import Config
from mdnet.model.contact import Contact, Interaction
from mdnet.model.health import is_snoozed
from mdnet.model.totals import Summed, total
from mdnet.model.vault import Vault
from mdnet.notes.sharing import shared_counts

YEAR = dt.timedelta(days=365)
CLOSING = frozenset({"gave", "done"})  # what keeps a promise


class Pending(NamedTuple):
    """An open ``#got`` or ``#promised``: its entry, its age, and the age it may reach (a
    named tuple: a large vault has tens of thousands, kept with the contacts)."""

    entry: Interaction
    days: int  # days since the entry's date
    limit: int  # giveback_days or promise_days

    @property
    def overdue(self) -> bool:
        """Older than the limit: what G001 and G002 report."""
        return self.days > self.limit


def _made(entry: Interaction, today: dt.date) -> bool:
    """Contact made: not a plan, not dated after today."""
    return entry.task != " " and entry.date <= today


def _same(one: Interaction, other: Interaction) -> bool:
    return (one.path, one.line) == (other.path, other.line)


def open_givebacks(contact: Contact, config: Config, today: dt.date) -> list[Pending]:
    """Every ``#got`` with no ``#gave`` to that contact on or after it, oldest first.

    A ``#gave`` in the same entry (an exchange) counts as given back.
    """
    return contact.kept(_open_givebacks, config, today)


def _open_givebacks(contact: Contact, config: Config, today: dt.date) -> list[Pending]:
    got = [entry for entry in contact.entries if "got" in entry.markers and _made(entry, today)]
    if not got:
        return []  # most contacts: a quick answer
    gave = [e.date for e in contact.entries if "gave" in e.markers and _made(e, today)]
    latest = max(gave, default=None)
    limit = config.thresholds.giveback_days
    return [
        Pending(entry, (today - entry.date).days, limit)
        for entry in got
        if latest is None or latest < entry.date
    ]


def open_promises(contact: Contact, config: Config, today: dt.date) -> list[Pending]:
    """Every ``#promised`` not yet kept, oldest first (open-task promises included).

    A promise is kept by a later ``#gave`` or ``#done`` for that contact (another
    entry, on or after its date), by a ``#done`` in its own entry, or by checking its
    task item ``- [x]``.
    """
    return contact.kept(_open_promises, config, today)


def _open_promises(contact: Contact, config: Config, today: dt.date) -> list[Pending]:
    promised = [entry for entry in contact.entries if "promised" in entry.markers]
    if not promised:
        return []  # most contacts: a quick answer
    closers = [
        entry
        for entry in contact.entries
        if not entry.markers.isdisjoint(CLOSING) and _made(entry, today)
    ]
    limit = config.thresholds.promise_days
    pending = []
    for entry in promised:
        if entry.date > today:
            continue
        if entry.task == "x" or "done" in entry.markers:
            continue
        if any(c.date >= entry.date and not _same(c, entry) for c in closers):
            continue
        pending.append(Pending(entry, (today - entry.date).days, limit))
    return pending


Finder = Callable[[Contact, Config, dt.date], list[Pending]]  # open_givebacks, open_promises


def overdue(
    contact: Contact, config: Config, today: dt.date, rule: tuple[str, str], find: Finder
) -> list[Pending]:
    """The contact's pendings (``open_givebacks`` or ``open_promises``) past their
    limit, unless it is snoozed or silences ``rule`` (G001, G002)."""
    if contact.note.silences(*rule) or is_snoozed(contact, today):
        return []
    return [pending for pending in find(contact, config, today) if pending.overdue]


def give_take(
    vault: Vault, config: Config, today: dt.date, rule: tuple[str, str]
) -> tuple[int, int]:
    """(#gave, #got) interactions over the 365 days up to ``today``, across the vault.

    An entry with several contacts counts once for each; contacts that silence ``rule``
    (G003's code and name) are left out.
    """
    gave, got = total(vault, Summed, _gave_and_got, config, today, rule).sums or (0, 0)
    return gave, got


def _gave_and_got(
    contact: Contact, config: Config, today: dt.date, rule: tuple[str, str]
) -> tuple[int, int]:
    """(#gave, #got) interactions with one contact over the 365 days up to ``today``
    ((0, 0) if it silences ``rule``)."""
    if contact.note.silences(*rule):
        return (0, 0)
    since = today - YEAR
    recent = [
        entry.markers
        for entry in contact.entries
        if since < entry.date <= today and entry.task != " "  # contact made (see _made)
    ]
    gave, got = sum("gave" in m for m in recent), sum("got" in m for m in recent)
    return shared_counts((gave, got))
