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
from mdnet.config import Config
from mdnet.dates import NO_YEAR
from mdnet.model.contact import Contact
from mdnet.model.giveback import Finder, Pending, open_givebacks, open_promises, overdue
from mdnet.model.health import FOLLOW_UP as MET_NOT_FOLLOWED
from mdnet.model.health import Standing, standing
from mdnet.notes.note import Note
from mdnet.rules import Rule
from mdnet.rules import missing_give_back as G001
from mdnet.rules import no_follow_up as R003
from mdnet.rules import open_promise as G002
from mdnet.rules import stale_contact as R001
from mdnet.summary.facts import Facts

WINDOW_DAYS = 90  # reach-outs coming due this far ahead are in the calendar
LEAP_YEARS_APART = 8  # at most, as from 1896 to 1904


def opted_out(note: Note) -> bool:
    """``mdnet-ignore: all``: the note wants no advice at all, so no reminder either."""
    return note.silences("all", "all")  # Note.silences reads the list; no rule is "all"


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
        said = tuple(facts.reports(rule, contact.note.path) for rule in (G001, G002))
        found.append(contact.kept(_reach_out, facts.config, today, day, said))
    return found


def _due_key(where: Standing) -> tuple[dt.date, str]:
    assert where.due is not None
    return where.due, where.contact.note.path


# What each contact's reminders say is worked out once per day and kept with the contact
# (``Contact.kept``): in watch mode, only the contacts a change touched are worded again.


def _reach_out(
    contact: Contact, config: Config, today: dt.date, day: dt.date, said: tuple[bool, bool]
) -> Reminder:
    """Reach out to ``contact`` on ``day``; ``said``: whether G001 and G002 report it."""
    where = standing(contact, config, today)
    assert where.last is not None
    lines = [*texts.who(contact), texts.reach_out_why(where, today, day)]
    snooze = contact.note.fields.get("snooze_until")
    if snooze and snooze > today:
        lines.append(texts.snoozed_until(snooze))
    pending = [
        (say, item)
        for reported, find, say in zip(said, FINDERS, SAYINGS, strict=True)
        if reported
        for item in find(contact, config, today)
    ]
    relative = day == today  # "148 days ago" is true on that day only
    last = texts.last_interaction(
        contact, where.last, today, relative, tuple(item for _, item in pending)
    )
    lines += [last] if last else []
    lines += [say(item, relative) for say, item in pending]  # every open one, as the summary says
    return on(REACH_OUT, contact.note.path, day, texts.reach_out_title(contact), lines)


FINDERS: tuple[Finder, Finder] = (open_givebacks, open_promises)
SAYINGS: tuple[Callable[[Pending, bool], str], Callable[[Pending, bool], str]] = (
    texts.received,
    texts.promised,
)


def follow_ups(facts: Facts) -> list[Reminder]:
    """Today: each contact R003 reports, met lately and not followed up."""
    if not facts.reports(R003):
        return []
    return [
        where.contact.kept(_follow_up, facts.config, facts.today)
        for where in facts.standings
        if where.state == MET_NOT_FOLLOWED
        and where.met is not None
        and facts.reports(R003, where.contact.note.path)
    ]


def _follow_up(contact: Contact, config: Config, today: dt.date) -> Reminder:
    met, how = standing(contact, config, today).met or (today, "met")
    at = how if how != "met" else None
    why = texts.follow_up_why(met, at, today, config.thresholds.followup_horizon_days)
    lines = [*texts.who(contact), why]
    return on(FOLLOW_UP, contact.note.path, today, texts.follow_up_title(contact), lines)


def give_backs(facts: Facts) -> list[Reminder]:
    """Today: one reminder per contact with a ``#got`` that G001 reports."""
    return _overdue(facts, G001, _give_back)


def promises(facts: Facts) -> list[Reminder]:
    """Today: one reminder per contact with a ``#promised`` that G002 reports."""
    return _overdue(facts, G002, _promise)


def _overdue(
    facts: Facts, rule: Rule, make: Callable[[Contact, Config, dt.date], Reminder | None]
) -> list[Reminder]:
    if not facts.reports(rule):
        return []
    found = []
    for where in facts.standings:
        if facts.reports(rule, where.contact.note.path):
            reminder = where.contact.kept(make, facts.config, facts.today)
            if reminder is not None:
                found.append(reminder)
    return found


def _give_back(contact: Contact, config: Config, today: dt.date) -> Reminder | None:
    return _open(contact, config, today, G001, GIVE_BACK)


def _promise(contact: Contact, config: Config, today: dt.date) -> Reminder | None:
    return _open(contact, config, today, G002, PROMISE)


def _open(
    contact: Contact, config: Config, today: dt.date, rule: Rule, kind: str
) -> Reminder | None:
    """What ``rule`` (G001 or G002) finds open past its limit, if anything."""
    find, say, title = (
        (open_givebacks, texts.received, texts.give_back_title)
        if kind == GIVE_BACK
        else (open_promises, texts.promised, texts.promise_title)
    )
    pending = overdue(contact, config, today, (rule.CODE, rule.NAME), find)
    if not pending:
        return None
    lines = [*texts.who(contact), *(say(item) for item in pending)]
    last = contact.last_contact(today)
    if last is not None:
        said = texts.last_interaction(contact, last, today, True, tuple(pending))
        lines += [said] if said else []
    return on(kind, contact.note.path, today, title(contact), lines)


def birthdays(facts: Facts) -> list[Reminder]:
    """Every year on the day: one recurring reminder per contact with a ``birthday``."""
    found = []
    for where in facts.standings:
        note = where.contact.note
        if "birthday" in note.fields and not opted_out(note):
            found.append(where.contact.kept(_birthday, facts.config, facts.today))
    return found


def _birthday(contact: Contact, config: Config, today: dt.date) -> Reminder:
    born = contact.note.fields["birthday"]
    if born.year == NO_YEAR:
        said, first = texts.born_on(born), _this_years(born, today)
    else:
        said, first = texts.born(born), born
    lines = [*texts.who(contact), said]
    return on(BIRTHDAY, contact.note.path, first, texts.birthday_title(contact), lines, yearly=True)


def _this_years(born: dt.date, today: dt.date) -> dt.date:
    """The first day of the yearly event of a birthday whose year is unknown: its day in
    ``today``'s year (29 February: in the latest leap year up to it, so that the event
    repeats as a 29 February does). Not in 1604, the import's stand-in for the year: an
    event that starts four centuries ago is one that some calendar programs mishandle."""
    for year in range(today.year, today.year - LEAP_YEARS_APART - 1, -1):
        try:
            return born.replace(year=year)
        except ValueError:  # 29 February in a year without one
            continue
    raise AssertionError("unreachable: a leap year comes at least every 8 years")
