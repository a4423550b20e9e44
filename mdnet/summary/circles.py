"""The sections about circles and events: commitments against the budget, and purpose.

Hours and dues are counted by ``mdnet.model.budget``, as the rules C001–C003 count them.
The table and totals are facts; what they flag (over budget, low attendance, a renewal
due, a missing purpose) follows the rule that reports it (C001–C006): nothing is
flagged that ``mdnet check`` would not report, by ``[rules]`` or ``mdnet-ignore``.
"""

from __future__ import annotations

import datetime as dt

from mdnet.model.budget import (
    active_circles,
    dues_items,
    dues_totals,
    exceeds,
    is_coming,
    money,
    number,
    time_items,
)
from mdnet.model.commitment import Circle
from mdnet.rules import Rule
from mdnet.rules import low_attendance as C004
from mdnet.rules import missing_purpose as C005
from mdnet.rules import over_committed_dues as C002
from mdnet.rules import over_committed_time as C001
from mdnet.rules import renewal_due as C006
from mdnet.rules import too_many_circles as C003
from mdnet.summary.facts import Facts
from mdnet.summary.text import Blocks, bullets, capped, more, not_selected, plural, table


def commitments(facts: Facts) -> Blocks:
    """A table of the active circles, then the totals against the budget."""
    circles = active_circles(facts.vault)
    blocks = ["## Commitments"]
    if circles:
        dues = {item.path: item for item in dues_items(circles)}
        rows = [
            [
                facts.link(circle.note.path),
                money(dues[circle.note.path].amount, dues[circle.note.path].currency)
                if circle.note.path in dues
                else "",
                number(circle.hours_per_month) if circle.hours_per_month else "",
                _attendance(facts, circle),
                _renewal(facts, circle),
                _purpose(facts, circle),
            ]
            for circle in circles[: facts.config.max_items]
        ]
        header = ["Circle", "Dues a year", "Hours a month", "Attendance", "Renewal", "Purpose"]
        blocks.append(table(header, rows))
        if len(circles) > len(rows):
            blocks.append(more(len(circles) - len(rows), C003.CODE))
    else:
        blocks.append("No active circles (status member, active or board).")
    blocks.append(bullets(_totals(facts, circles)))
    coming = [
        (event.date, path, event)
        for path, event in facts.vault.events.items()
        if is_coming(event, facts.today)
    ]
    if coming:
        coming.sort(key=lambda item: (item[0], item[1]))  # the soonest first
        limit = facts.config.max_items
        listed = ", ".join(
            f"{facts.link(path)} ({date}, {number(event.hours)} h)"
            for date, path, event in coming[:limit]
        )
        listed += f", {more(len(coming) - limit)}" if len(coming) > limit else "."
        blocks.append(f"Events in the next 30 days: {listed}")
    return blocks


def _attendance(facts: Facts, circle: Circle) -> str:
    attended, recorded = circle.attendance(facts.today)
    if not recorded:
        return ""
    share = attended / recorded
    text = f"{attended} of {recorded} ({round(share * 100)} %)"
    if circle.note.path in facts.flagged(C004.CODE):
        text += ", low"
    return text


def _renewal(facts: Facts, circle: Circle) -> str:
    renewal = circle.note.fields.get("renewal")
    if renewal is None:
        return ""
    days = (renewal - facts.today).days
    if days < 0:
        return f"{renewal} (passed)"
    if days <= facts.config.thresholds.renewal_days and facts.reports(C006, circle.note.path):
        return f"{renewal} (in {plural(days, 'day')})"
    return str(renewal)


def _purpose(facts: Facts, circle: Circle) -> str:
    missing = circle.missing_purpose()
    if not missing:
        return "why, meet, offer"
    return _missing(missing) if facts.reports(C005, circle.note.path) else ""


def _totals(facts: Facts, circles: list[Circle]) -> list[str]:
    budget = facts.config.budget
    items = time_items(facts.vault, facts.today)
    hours = sum(item.hours for item in items)
    from_events = sum(item.hours for item in items if item.date is not None)
    time = (
        f"Time: {number(hours)} h a month, {number(from_events)} h of it events in the "
        f"next 30 days; budget {number(budget.hours_per_month)} h"
        + _verdict(facts, C001, hours, budget.hours_per_month, " h")
    )
    totals = dues_totals(dues_items(circles))
    currency = next(iter(totals)) if len(totals) == 1 else ""
    written = " + ".join(money(total, name) for name, total in totals.items()) or "0"
    dues = f"Dues: {written} a year; "
    if budget.dues_per_year > 0:
        highest = max(totals.values(), default=0.0)  # each currency is held to the budget
        dues += f"budget {money(budget.dues_per_year, currency)}"
        dues += _verdict(facts, C002, highest, budget.dues_per_year, f" {currency}".rstrip())
    else:
        dues += "no dues budget set (budget.dues_per_year)"
    count = len(circles)
    limit = budget.max_circles
    circles_line = f"Circles: {count} active; budget {limit}" + _verdict(
        facts, C003, count, limit, ""
    )
    return [time, dues, circles_line]


def _missing(keys: list[str]) -> str:
    return "missing " + ", ".join(keys)


def _verdict(facts: Facts, rule: Rule, total: float, budget: float, unit: str) -> str:
    """Over or within budget, as ``rule`` judges it; nothing when it does not run."""
    if not facts.reports(rule):
        return ""
    if exceeds(total, budget):
        return f" — over budget by {number(total - budget)}{unit}"
    return " — within budget"


def without_purpose(facts: Facts) -> Blocks:
    """Active and prospect circles, and planned events, missing why, meet or offer."""
    items = []
    flagged = facts.flagged(C005.CODE)  # what C005 reports, no less, no more
    for path, circle in sorted(facts.vault.circles.items()):
        if path in flagged:
            missing = circle.missing_purpose()
            items.append(f"{facts.link(path)} ({circle.status} circle) — {_missing(missing)}")
    planned = sorted(
        (event.date or dt.date.max, path, event)
        for path, event in facts.vault.events.items()
        if path in flagged
    )
    for _, path, event in planned:
        when = f" on {event.date}" if event.date else ""
        missing = event.missing_purpose()
        items.append(f"{facts.link(path)} (planned event{when}) — {_missing(missing)}")
    blocks = ["## Without a purpose"]
    if not facts.reports(C005):
        blocks.append(not_selected(C005))
    elif items:
        blocks += [
            "Write down why you go, whom you can meet there and what you can bring "
            "(the fields why, meet and offer):",
            *capped(items, facts.config.max_items, C005.CODE),
        ]
    else:
        blocks.append("Every active or prospect circle and planned event says why, meet and offer.")
    return blocks
