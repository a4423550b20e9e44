"""The sections about people: reach out this week, follow up (give back: ``giving``).

Each follows its rule (R001, G001/G002, R003) through the same functions
(``health.standing``, ``giveback.open_givebacks``/``open_promises``), and leaves out
what that rule would not report: all of it when the rule is not selected in
``[rules]``, the notes whose ``mdnet-ignore`` silences it.
"""

from __future__ import annotations

import datetime as dt
import heapq

from mdnet.dates import add_months
from mdnet.model.contact import Contact
from mdnet.model.giveback import Finder, Pending, open_givebacks, open_promises
from mdnet.model.health import FOLLOW_UP, LOSING_TOUCH, NEW, Standing
from mdnet.rules import Rule
from mdnet.rules import missing_give_back as G001
from mdnet.rules import no_follow_up as R003
from mdnet.rules import open_promise as G002
from mdnet.rules import stale_contact as R001
from mdnet.summary.facts import Facts
from mdnet.summary.text import (
    Blocks,
    bullets,
    capped,
    code,
    days_ago,
    entry_phrase,
    more,
    not_selected,
    plural,
)

BIRTHDAY_DAYS = 7
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def reach_out(facts: Facts) -> Blocks:
    """The most overdue contacts, losing touch apart from overdue; then birthdays."""
    due = [
        s
        for s in facts.standings
        if s.needs_reaching_out and facts.reports(R001, s.contact.note.path)
    ]
    # the most days overdue first: the earliest due date (thousands are due, a few shown)
    shown = heapq.nsmallest(facts.config.reach_out, due, key=_due_key)
    blocks = ["## Reach out this week"]
    if not facts.reports(R001):
        blocks.append(not_selected(R001))
    elif not due:
        blocks.append("Nobody is overdue: every relationship is within its cadence.")
    losing = [s for s in shown if s.state == LOSING_TOUCH]
    overdue = [s for s in shown if s.state != LOSING_TOUCH]
    if losing:
        blocks += ["### Losing touch (past twice the cadence)", bullets(_reasons(facts, losing))]
    if overdue:
        blocks += ["### Overdue (past the cadence)", bullets(_reasons(facts, overdue))]
    if len(due) > len(shown):
        hidden = more(len(due) - len(shown), R001.CODE)
        blocks.append(f"{hidden} (summary.reach_out = {facts.config.reach_out})")
    blocks.append("### Birthdays in the next 7 days")
    birthdays = _birthdays(facts)
    if birthdays:
        blocks += capped(birthdays, facts.config.max_items)
    else:
        blocks.append("No birthdays in the next 7 days.")
    return blocks


def _due_key(where: Standing) -> tuple[dt.date, str]:
    assert where.due is not None
    return where.due, where.contact.note.path


def _reasons(facts: Facts, standings: list[Standing]) -> list[str]:
    today = facts.today
    unanswered = facts.flagged("R004")
    items = []
    for where in standings:
        contact = where.contact
        assert where.cadence is not None and where.last is not None
        reason = (
            f"{plural(where.days_overdue(today), 'day')} overdue "
            f"({where.cadence.describe()} cadence, {where.cadence_source}); "
            f"last {_last(contact, where.last, today)}"
        )
        givebacks = _unless(facts, contact, G001, open_givebacks)
        if givebacks:
            reason += f"; open give-back since {givebacks[0].entry.date}"
        promises = _unless(facts, contact, G002, open_promises)
        if promises:
            reason += f"; open promise since {promises[0].entry.date}"
        if contact.note.path in unanswered:
            count = facts.config.thresholds.max_unanswered
            reason += (
                f"; the last {plural(count, 'message')} got no reply ({code('#noreply')}): "
                "try an introduction or an event rather than writing again"
            )
        items.append(f"{facts.link(contact.note.path)} — {reason}")
    return items


def _last(contact: Contact, last: dt.date, today: dt.date) -> str:
    """``2026-05-02 (208 days ago): coffee, talked about Berlin``."""
    said = f"{last} ({days_ago((today - last).days)})"
    entries = [entry for entry in contact.past_interactions(today) if entry.date == last]
    if not entries:
        return f"contact {said}, from {code('last_contact')}"
    phrase = entry_phrase(entries[-1].text, 60)
    return f"interaction {said}" + (f": {phrase}" if phrase else "")


def _unless(facts: Facts, contact: Contact, rule: Rule, find: Finder) -> list[Pending]:
    if not facts.reports(rule, contact.note.path):
        return []
    return find(contact, facts.config, facts.today)


def _birthdays(facts: Facts) -> list[str]:
    found = []
    for where in facts.standings:
        born = where.contact.note.fields.get("birthday")
        if born is None:
            continue
        day = next_birthday(born, facts.today)
        days = (day - facts.today).days
        if days <= BIRTHDAY_DAYS:
            when = {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")
            path = where.contact.note.path
            weekday = WEEKDAYS[day.weekday()]
            found.append((day, path, f"{facts.link(path)} — {weekday} {day}, {when}"))
    return [text for _, _, text in sorted(found)]


def next_birthday(born: dt.date, today: dt.date) -> dt.date:
    """The next date, today included, that is ``born``'s day (29 February: the 28th)."""
    for year in (today.year, today.year + 1):
        day = add_months(born, (year - born.year) * 12)  # clamps 29 Feb to the 28th
        if day >= today:
            return day
    raise AssertionError("unreachable: next year's birthday is after today")


def follow_up(facts: Facts) -> Blocks:
    """People met lately with no interaction since, the longest ago first."""
    horizon = facts.config.thresholds.followup_horizon_days
    blocks = ["## Follow up"]
    if not facts.reports(R003):
        return [*blocks, not_selected(R003)]
    events: dict[str, str] = {}  # path by title, the first in path order
    for path, event in sorted(facts.vault.events.items()):
        events.setdefault(event.title, path)
    waiting = [
        s
        for s in facts.standings
        if s.state == FOLLOW_UP and s.met is not None and facts.reports(R003, s.contact.note.path)
    ]
    waiting.sort(key=lambda s: (s.met, s.contact.note.path))
    items = []
    for where in waiting:
        assert where.met is not None
        date, how = where.met
        days = (facts.today - date).days
        items.append(
            f"{facts.link(where.contact.note.path)} — met {date}{_at(facts, events, how)} "
            f"({days_ago(days)}), no interaction since; {horizon - days} days left "
            f"before the {horizon}-day horizon"
        )
    if items:  # the longest ago first: the fewest days left
        blocks += capped(items, facts.config.max_items, R003.CODE)
    else:
        blocks.append("Nobody met lately is waiting for a follow-up.")
    new = [
        s
        for s in facts.standings
        if s.state == NEW and s.met is not None and facts.reports(R003, s.contact.note.path)
    ]
    if new:
        limit = facts.config.max_items
        met = sorted(new, key=_met_key)
        names = ", ".join(facts.link(s.contact.note.path) for s in met[:limit])
        names += f", {more(len(met) - limit)}" if len(met) > limit else "."
        days = facts.config.thresholds.followup_days
        blocks.append(f"Met in the last {days} days, to follow up soon: {names}")
    return blocks


def _met_key(where: Standing) -> tuple[dt.date, str]:
    assert where.met is not None
    return where.met[0], where.contact.note.path


def _at(facts: Facts, events: dict[str, str], how: str) -> str:
    """`` at [[Event]]`` when met at an event (``events``: path by title), else nothing."""
    path = events.get(how) if how != "met" else None
    return f" at {facts.link(path)}" if path else ""
