"""The calendar (SPEC §11): what to do, as all-day events in the calendar one looks at.

Two functions, shared by ``mdnet calendar`` and ``mdnet watch``:

- ``render_calendar(vault, config, today, findings, selection) -> list[bytes]`` (the
  file's bytes in parts, written one after the other) is pure but
  for one look at the disk (whether the vault is an Obsidian vault, for the links): the
  same vault, config, date and rule selection give the same bytes. What appears follows
  the rules behind it (the selection, ``mdnet-ignore``), as in the summary.
- ``write_calendar(vault_root, config, parts) -> bool`` writes it to ``calendar.path``
  atomically, only when it changed (True then), and raises ``CalendarRefused`` rather
  than write outside the vault or over a file that mdnet did not write.

The stages: ``people`` and ``commitments`` make Reminders from the model, ``texts``
words them, ``ics`` makes the iCalendar file, ``writer`` writes it.

Usage::

    selection = Selection.from_config(config)
    vault, findings = check_vault(vault_root, config, today, selection)
    parts = render_calendar(vault, config, today, findings, selection)
    changed = write_calendar(vault_root, config, parts)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mdnet.calendar.commitments import planned_events, renewals
from mdnet.calendar.ics import NoteUrls, to_ical
from mdnet.calendar.people import birthdays, follow_ups, give_backs, promises, reach_outs
from mdnet.calendar.reminder import Reminder
from mdnet.calendar.writer import CalendarRefused, calendar_file, is_calendar, write_calendar
from mdnet.config import Config
from mdnet.model.vault import Vault
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection
from mdnet.summary.facts import Facts, gather

__all__ = [
    "CalendarRefused",
    "calendar_file",
    "is_calendar",
    "reminders",
    "render_calendar",
    "write_calendar",
]

MAKERS = (reach_outs, follow_ups, give_backs, promises, renewals, planned_events, birthdays)


def reminders(facts: Facts) -> list[Reminder]:
    """Every reminder the calendar holds on ``facts.today``, in the file's order."""
    found = (r for make in MAKERS for r in make(facts))
    # a day with no day after it (9999-12-31) cannot end: left out, it is no real date
    return sorted((r for r in found if r.last_day < dt.date.max), key=lambda r: r.sort_key)


def render_calendar(
    vault: Vault,
    config: Config,
    today: dt.date,
    findings: Sequence[Finding],
    selection: Selection | None = None,
) -> list[bytes]:
    """The iCalendar file for ``vault`` on ``today``, in parts (``ics.to_ical``), given
    its findings and the rules that ran (by default, the configuration's ``[rules]``)."""
    if selection is None:
        selection = Selection.from_config(config)
    selected = frozenset(rule.CODE for rule in selection.rules())
    facts = gather(vault, config, today, findings, selected)
    return to_ical(
        reminders(facts),
        name=vault.root.resolve().name,
        today=today,
        alarm=config.calendar_alarm,
        url_of=NoteUrls(vault.root),
    )
