"""The sections about people: reach out this week, follow up (give back: ``giving``).

Each follows its rule (R001, G001/G002, R003) through the same functions
(``health.standing``, ``giveback.open_givebacks``/``open_promises``), and leaves out
what that rule would not report: all of it when the rule is not selected in
``[rules]``, the notes whose ``mdnet-ignore`` silences it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mdnet.config import Config
from mdnet.dates import add_months
from mdnet.language import _, formats, ngettext
from mdnet.model.contact import Contact
from mdnet.model.giveback import Finder, Pending, open_givebacks, open_promises
from mdnet.model.health import FOLLOW_UP, LOSING_TOUCH, NEW, Standing, standing
from mdnet.model.totals import Some, total
from mdnet.rules import Rule
from mdnet.rules import missing_give_back as G001
from mdnet.rules import no_follow_up as R003
from mdnet.rules import open_promise as G002
from mdnet.rules import stale_contact as R001
from mdnet.summary.facts import Facts
from mdnet.summary.text import (
    Blocks,
    bullets,
    cadence_said,
    capped,
    code,
    day,
    days_ago,
    entry_phrase,
    more,
    not_selected,
)

BIRTHDAY_DAYS = 7


def reach_out(facts: Facts) -> Blocks:
    """The most overdue contacts, losing touch apart from overdue; then birthdays."""
    # the most days overdue first: the earliest due date (thousands are due, a few shown)
    due = facts.ordered(_due) if facts.reports(R001) else []
    shown = [facts.standing(path) for _when, path in due[: facts.config.reach_out]]
    blocks = ["## " + _("Reach out this week")]
    if not facts.reports(R001):
        blocks.append(not_selected(R001))
    elif not due:
        blocks.append(_("Nobody is overdue: every relationship is within its cadence."))
    losing = [s for s in shown if s.state == LOSING_TOUCH]
    overdue = [s for s in shown if s.state != LOSING_TOUCH]
    if losing:
        blocks += [
            "### " + _("Losing touch (past twice the cadence)"),
            bullets(_reasons(facts, losing)),
        ]
    if overdue:
        blocks += ["### " + _("Overdue (past the cadence)"), bullets(_reasons(facts, overdue))]
    if len(due) > len(shown):
        hidden = more(len(due) - len(shown), R001.CODE)
        blocks.append(f"{hidden} (summary.reach_out = {facts.config.reach_out})")
    blocks.append("### " + _("Birthdays in the next 7 days"))
    birthdays = _birthdays(facts)
    if birthdays:
        blocks += capped(birthdays, facts.config.max_items)
    else:
        blocks.append(_("No birthdays in the next 7 days."))
    return blocks


def _due(contact: Contact, config: Config, today: dt.date) -> tuple[tuple[dt.date, str], ...]:
    """The contact, by the date it was due, when it is overdue and does not silence R001."""
    where = standing(contact, config, today)
    if (
        where.due is None
        or not where.needs_reaching_out
        or contact.note.silences(R001.CODE, R001.NAME)
    ):
        return ()
    return ((where.due, contact.note.path),)  # a tuple: a list for each contact, 2 MB at 100k


def _reasons(facts: Facts, standings: list[Standing]) -> list[str]:
    today = facts.today
    unanswered = facts.flagged("R004")
    items = []
    for where in standings:
        contact = where.contact
        assert where.cadence is not None and where.last is not None
        overdue = where.days_overdue(today)
        reason = ngettext(
            "{days} day overdue ({cadence}); last {last}",
            "{days} days overdue ({cadence}); last {last}",
            overdue,
        ).format(days=overdue, cadence=cadence_said(where), last=_last(contact, where.last, today))
        givebacks = _unless(facts, contact, G001, open_givebacks)
        if givebacks:
            since = day(givebacks[0].entry.date)
            reason += _("; open give-back since {date}").format(date=since)
        promises = _unless(facts, contact, G002, open_promises)
        if promises:
            reason += _("; open promise since {date}").format(date=day(promises[0].entry.date))
        if contact.note.path in unanswered:
            count = facts.config.thresholds.max_unanswered
            reason += ngettext(
                "; the last {count} message got no reply ({tag}): try an introduction or an "
                "event rather than writing again",
                "; the last {count} messages got no reply ({tag}): try an introduction or an "
                "event rather than writing again",
                count,
            ).format(count=count, tag=code("#noreply"))
        items.append(f"{facts.link(contact.note.path)} — {reason}")
    return items


def _last(contact: Contact, last: dt.date, today: dt.date) -> str:
    """``2026-05-02 (208 days ago): coffee, talked about Berlin``."""
    said = _("{date} ({ago})").format(date=day(last), ago=days_ago((today - last).days))
    entries = [entry for entry in contact.past_interactions(today) if entry.date == last]
    if not entries:
        return _("contact {when}, from {field}").format(when=said, field=code("last_contact"))
    phrase = entry_phrase(entries[-1].text, 60)
    if phrase:
        return _("interaction {when}: {what}").format(when=said, what=phrase)
    return _("interaction {when}").format(when=said)


def _unless(facts: Facts, contact: Contact, rule: Rule, find: Finder) -> list[Pending]:
    if not facts.reports(rule, contact.note.path):
        return []
    return find(contact, facts.config, facts.today)


def _birthdays(facts: Facts) -> list[str]:
    found = []
    born_on = total(facts.vault, Some, _born, facts.config, facts.today).parts
    for path, born in born_on.items():
        birthday = next_birthday(born, facts.today)
        days = (birthday - facts.today).days
        if days <= BIRTHDAY_DAYS:
            when = {0: _("today"), 1: _("tomorrow")}.get(days) or ngettext(
                "in {days} day", "in {days} days", days
            ).format(days=days)
            said = _("{weekday} {date}, {when}").format(
                weekday=formats.weekday(birthday), date=day(birthday), when=when
            )
            found.append((birthday, path, f"{facts.link(path)} — {said}"))
    return [text for _day, _path, text in sorted(found)]


def _born(contact: Contact, config: Config, today: dt.date) -> dt.date | None:
    born: dt.date | None = contact.note.fields.get("birthday")
    return born


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
    blocks = ["## " + _("Follow up")]
    if not facts.reports(R003):
        return [*blocks, not_selected(R003)]
    events: dict[str, str] = {}  # path by title, the first in path order
    for path, event in sorted(facts.vault.events.items()):
        events.setdefault(event.title, path)
    waiting = facts.ordered(_waiting)  # the longest ago first: the fewest days left
    limit = facts.config.max_items
    items = []
    for _met, path in waiting[:limit]:
        where = facts.standing(path)
        assert where.met is not None
        date, how = where.met
        days = (facts.today - date).days
        place = _at(facts, events, how)
        said = (
            _("{contact} — met {date} at {place} ({ago}), no interaction since")
            if place
            else _("{contact} — met {date} ({ago}), no interaction since")
        )
        left = ngettext(
            "; {days} day left before the {horizon}-day horizon",
            "; {days} days left before the {horizon}-day horizon",
            horizon - days,
        )
        items.append(
            said.format(contact=facts.link(path), date=day(date), place=place, ago=days_ago(days))
            + left.format(days=horizon - days, horizon=horizon)
        )
    if items:
        blocks += capped(items, limit, R003.CODE, of=len(waiting))
    else:
        blocks.append(_("Nobody met lately is waiting for a follow-up."))
    met = facts.ordered(_met_lately)
    if met:
        names = ", ".join(facts.link(path) for _date, path in met[:limit])
        names += f", {more(len(met) - limit)}" if len(met) > limit else "."
        days = facts.config.thresholds.followup_days
        blocks.append(
            ngettext(
                "Met in the last {days} day, to follow up soon: {names}",
                "Met in the last {days} days, to follow up soon: {names}",
                days,
            ).format(days=days, names=names)
        )
    return blocks


def _waiting(contact: Contact, config: Config, today: dt.date) -> tuple[tuple[Any, ...], ...]:
    """The contact, by when and how it was met, if it waits for a follow-up (R003's)."""
    where = standing(contact, config, today)
    if where.state != FOLLOW_UP or where.met is None or contact.note.silences(R003.CODE, R003.NAME):
        return ()
    return ((where.met, contact.note.path),)


def _met_lately(contact: Contact, config: Config, today: dt.date) -> tuple[tuple[Any, ...], ...]:
    """The contact, by the day it was met, if it was met lately (to follow up soon)."""
    where = standing(contact, config, today)
    if where.state != NEW or where.met is None or contact.note.silences(R003.CODE, R003.NAME):
        return ()
    return ((where.met[0], contact.note.path),)


def _at(facts: Facts, events: dict[str, str], how: str) -> str:
    """``[[Event]]`` when met at an event (``events``: path by title), else nothing."""
    path = events.get(how) if how != "met" else None
    return facts.link(path) if path else ""
