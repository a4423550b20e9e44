"""Reminders about people: reach out, follow up, give back, keep a promise, birthdays.

Each follows the rule behind it (R001, R003, G001, G002) through the same functions as
the rule and the summary (``health.standing``, ``giveback.open_givebacks`` and
``open_promises``), and ``Facts.reports``: nothing appears here that the configuration's
``[rules]`` or a note's ``mdnet-ignore`` silence. Pure: ``today`` comes in.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable

from mdnet.calendar import texts
from mdnet.calendar.reminder import BIRTHDAY, FOLLOW_UP, GIVE_BACK, PROMISE, REACH_OUT, Reminder, on
from mdnet.model.contact import Contact
from mdnet.model.giveback import Finder, Pending, open_givebacks, open_promises, overdue
from mdnet.model.health import FOLLOW_UP as MET_NOT_FOLLOWED
from mdnet.model.health import Standing
from mdnet.notes.note import Note
from mdnet.rules import Rule
from mdnet.rules import missing_give_back as G001
from mdnet.rules import no_follow_up as R003
from mdnet.rules import open_promise as G002
from mdnet.rules import stale_contact as R001
from mdnet.summary.facts import Facts

WINDOW_DAYS = 90  # reach-outs coming due this far ahead are in the calendar


def opted_out(note: Note) -> bool:
    """``mdnet-ignore: all``: the note wants no advice at all, so no reminder either."""
    return "all" in note.ignored


def reach_outs(facts: Facts) -> list[Reminder]:
    """Today: the contacts "Reach out this week" lists (the most overdue first, as many
    as ``summary.reach_out``); on their due date: those coming due in the next 90 days
    (after ``snooze_until``, when it is later)."""
    if not facts.reports(R001):
        return []
    today = facts.today
    reported = [s for s in facts.standings if facts.reports(R001, s.contact.note.path)]
    due = [s for s in reported if s.needs_reaching_out]
    this_week = {
        s.contact.note.path for s in heapq.nsmallest(facts.config.reach_out, due, key=_due_key)
    }
    horizon = today + dt.timedelta(days=WINDOW_DAYS)
    found = []
    for where in reported:
        if where.due is None or where.last is None:
            continue  # no cadence, or never in touch (that is R003's, or passive)
        contact = where.contact
        snooze = contact.note.fields.get("snooze_until")
        if contact.note.path in this_week:
            day = today
        else:
            day = max(where.due, snooze) if snooze else where.due
            if not today <= day <= horizon:
                continue  # overdue but past the cap of "Reach out this week", or far off
        lines = [*texts.who(contact), texts.reach_out_why(where, today, day)]
        if snooze and snooze > today:
            lines.append(texts.snoozed_until(snooze))
        pending = _pending(facts, contact)
        said = tuple(item for _, item in pending)
        last = texts.last_interaction(contact, where.last, today, day == today, said)
        lines += [last] if last else []
        lines += [say(item) for say, item in pending]
        found.append(on(REACH_OUT, contact.note.path, day, texts.reach_out_title(contact), lines))
    return found


def _due_key(where: Standing) -> tuple[dt.date, str]:
    assert where.due is not None
    return where.due, where.contact.note.path


def _pending(facts: Facts, contact: Contact) -> list[tuple[Callable[[Pending], str], Pending]]:
    """What was received and not returned, what was promised and not kept: every open
    one, as the summary's reasons name them, with how to say it."""
    found: list[tuple[Callable[[Pending], str], Pending]] = []
    for rule, find, say in (
        (G001, open_givebacks, texts.received),
        (G002, open_promises, texts.promised),
    ):
        if facts.reports(rule, contact.note.path):
            found += [(say, pending) for pending in find(contact, facts.config, facts.today)]
    return found


def follow_ups(facts: Facts) -> list[Reminder]:
    """Today: each contact R003 reports, met lately and not followed up."""
    if not facts.reports(R003):
        return []
    horizon = facts.config.thresholds.followup_horizon_days
    found = []
    for where in facts.standings:
        path = where.contact.note.path
        if where.state != MET_NOT_FOLLOWED or where.met is None or not facts.reports(R003, path):
            continue
        met, how = where.met
        at = how if how != "met" else None
        why = texts.follow_up_why(met, at, facts.today, horizon)
        lines = [*texts.who(where.contact), why]
        title = texts.follow_up_title(where.contact)
        found.append(on(FOLLOW_UP, path, facts.today, title, lines))
    return found


def give_backs(facts: Facts) -> list[Reminder]:
    """Today: one reminder per contact with a ``#got`` that G001 reports."""
    return _overdue(facts, G001, open_givebacks, GIVE_BACK)


def promises(facts: Facts) -> list[Reminder]:
    """Today: one reminder per contact with a ``#promised`` that G002 reports."""
    return _overdue(facts, G002, open_promises, PROMISE)


def _overdue(facts: Facts, rule: Rule, find: Finder, kind: str) -> list[Reminder]:
    if not facts.reports(rule):
        return []
    say = texts.received if kind == GIVE_BACK else texts.promised
    title = texts.give_back_title if kind == GIVE_BACK else texts.promise_title
    found = []
    for where in facts.standings:
        contact = where.contact
        if not facts.reports(rule, contact.note.path):
            continue
        pending = overdue(contact, facts.config, facts.today, (rule.CODE, rule.NAME), find)
        if not pending:
            continue
        lines = [*texts.who(contact), *(say(item) for item in pending)]
        if where.last is not None:
            last = texts.last_interaction(contact, where.last, facts.today, True, tuple(pending))
            lines += [last] if last else []
        found.append(on(kind, contact.note.path, facts.today, title(contact), lines))
    return found


def birthdays(facts: Facts) -> list[Reminder]:
    """Every year on the day: one recurring reminder per contact with a ``birthday``."""
    found = []
    for where in facts.standings:
        note = where.contact.note
        born = note.fields.get("birthday")
        if born is None or opted_out(note):
            continue
        lines = [*texts.who(where.contact), texts.born(born)]
        title = texts.birthday_title(where.contact)
        found.append(on(BIRTHDAY, note.path, born, title, lines, yearly=True))
    return found
