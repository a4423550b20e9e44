"""Reminders about circles and events: renewals to decide, planned events to go to.

A renewal follows C006 (``[rules]`` and ``mdnet-ignore``), but on its date, however
far ahead: the calendar is where a date belongs. A planned event (as C005 reads it:
status ``planned``, or no status and a date to come) is on its ``date``, to its ``end``.
What has passed no longer applies and is left out. Pure: ``today`` comes in.
"""

from __future__ import annotations

from dataclasses import replace

from mdnet.calendar import texts
from mdnet.calendar.people import opted_out
from mdnet.calendar.reminder import EVENT, RENEWAL, Reminder, on
from mdnet.model.budget import dues_items, money
from mdnet.model.commitment import Commitment
from mdnet.rules import renewal_due as C006
from mdnet.rules.missing_purpose import is_planned
from mdnet.summary.facts import Facts

PURPOSE = ("why", "meet", "offer")


def renewals(facts: Facts) -> list[Reminder]:
    """On each active circle's ``renewal`` date to come: attendance, dues and purpose."""
    if not facts.reports(C006):
        return []
    found = []
    for path, circle in sorted(facts.vault.circles.items()):
        renewal = circle.note.fields.get("renewal")
        if not circle.is_active or renewal is None or renewal < facts.today:
            continue
        if not facts.reports(C006, path):
            continue
        lines = texts.renewal_why(circle, renewal, facts.today)
        dues = dues_items([circle])
        if dues:
            lines.append(texts.dues(money(dues[0].amount, dues[0].currency)))
        if circle.hours_per_month > 0:
            lines.append(texts.hours_a_month(circle.hours_per_month))
        lines += _purpose(circle)
        found.append(on(RENEWAL, path, renewal, texts.renewal_title(circle), lines))
    return found


def planned_events(facts: Facts) -> list[Reminder]:
    """Each planned event on its ``date`` (to its ``end``), with why, meet and offer."""
    found = []
    for path, event in sorted(facts.vault.events.items()):
        date = event.date
        if date is None or not is_planned(event, facts.today) or opted_out(event.note):
            continue
        end = event.note.fields.get("end")
        last = end if end is not None and end > date else date
        if last < facts.today:
            continue
        lines = _purpose(event)
        lines.append(texts.event_cost(event.hours, event.note.fields.get("cost")))
        reminder = on(EVENT, path, date, texts.event_title(event), lines)
        found.append(replace(reminder, last_day=last))
    return found


def _purpose(commitment: Commitment) -> list[str]:
    """Why, meet and offer as written, then those not written yet."""
    fields = commitment.note.fields
    lines = [texts.purpose(key, fields[key]) for key in PURPOSE if fields.get(key)]
    missing = commitment.missing_purpose()
    if missing:
        lines.append(texts.missing_purpose(missing))
    return lines
