"""At a glance: the network in a few counts and two charts."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from mdnet.commitments import active_circles, is_coming, number
from mdnet.giveback import give_take
from mdnet.health import ACTIVE, FOLLOW_UP, LOSING_TOUCH, NEW, OVERDUE, PASSIVE, SNOOZED
from mdnet.model import Interaction
from mdnet.rules import give_take_imbalance as G003
from mdnet.summary.charts import bars_and_line, last_months, month_label, pie
from mdnet.summary.facts import Facts
from mdnet.summary.text import Blocks, bullets, code, plural, table

# How each state reads in a sentence and in the pie chart, in the order shown.
STATE_WORDS = {
    ACTIVE: ("active", "Active"),
    OVERDUE: ("overdue", "Overdue"),
    LOSING_TOUCH: ("losing touch", "Losing touch"),
    FOLLOW_UP: ("to follow up", "To follow up"),
    NEW: ("met recently", "Met recently"),
    SNOOZED: ("snoozed", "Snoozed"),
    PASSIVE: ("passive (no interaction at all)", "Passive"),
}


def at_a_glance(facts: Facts) -> Blocks:
    """The counts, then the health pie and the give-and-take chart."""
    states = Counter(s.state for s in facts.standings)
    entries = facts.interactions()
    blocks = ["## At a glance", bullets(_counts(facts, states, entries))]
    if facts.standings:
        slices = [(label, states[state]) for state, (_, label) in STATE_WORDS.items()]
        blocks += ["Where each relationship stands:", pie("Contacts by health", slices)]
    blocks += _give_and_take_chart(facts, entries)
    return blocks


def _counts(facts: Facts, states: Counter[str], entries: list[Interaction]) -> list[str]:
    vault = facts.vault
    stale = states[OVERDUE] + states[LOSING_TOUCH]
    parts = [f"{states[ACTIVE]} active", f"{stale} stale"]
    if stale:
        parts[-1] += f" ({states[OVERDUE]} overdue, {states[LOSING_TOUCH]} losing touch)"
    parts.append(f"{states[PASSIVE]} passive (no interaction at all)")
    parts += [
        f"{states[state]} {STATE_WORDS[state][0]}"
        for state in (FOLLOW_UP, NEW, SNOOZED)
        if states[state]
    ]
    contacts = f"Contacts: {len(facts.standings)}"
    if facts.standings:
        contacts += " — " + ", ".join(parts)
    active = len(active_circles(vault))
    prospects = sum(circle.status == "prospect" for circle in vault.circles.values())
    coming = sum(is_coming(event, facts.today) for event in vault.events.values())
    lines = [
        contacts,
        f"Circles: {len(vault.circles)} — {active} active, {plural(prospects, 'prospect')}",
        f"Events: {len(vault.events)} — {coming} in the next 30 days",
        f"Interactions: {len(facts.within(entries, 30))} in the last 30 days, "
        f"{len(facts.within(entries, 365))} in the last 365 days",
    ]
    # the balance leaves out the contacts that silence G003, as G003 does
    gave, got = give_take(vault, facts.today, vault.silencing(G003.CODE, G003.NAME))
    balance = f"Give and take over the last 365 days: gave {gave}, got {got}"
    if got:
        goal = number(facts.config.thresholds.min_give_ratio, 2)
        balance += f" — {number(gave / got, 2)} given per thing received (goal: at least {goal})"
    return [*lines, balance]


def _give_and_take_chart(facts: Facts, entries: list[Interaction]) -> Blocks:
    months = last_months(facts.today)
    skip = facts.vault.silencing(G003.CODE, G003.NAME)
    recent = [e for e in entries if e.date >= months[0] and e.contact not in skip]
    gave = _per_month(months, [e for e in recent if "gave" in e.markers])
    got = _per_month(months, [e for e in recent if "got" in e.markers])
    first, last = months[0], months[-1]
    span = f"{month_label(first)} {first.year} to {month_label(last)} {last.year}"
    if not any(gave) and not any(got):
        return [f"No {code('#gave')} or {code('#got')} entries from {span}."]
    return [
        f"Given (bars, {code('#gave')}) and received (line, {code('#got')}) per month, "
        f"from {span}:",
        bars_and_line("Given and received per month", months, gave, got, "Entries"),
        table(
            ["Month", *(month_label(month) for month in months)],
            [["Gave", *map(str, gave)], ["Got", *map(str, got)]],
        ),
    ]


def _per_month(months: list[dt.date], entries: list[Interaction]) -> list[int]:
    counts = Counter((entry.date.year, entry.date.month) for entry in entries)
    return [counts[(month.year, month.month)] for month in months]
