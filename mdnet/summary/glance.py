"""At a glance: the network in a few counts and two charts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import NamedTuple

from mdnet.config import Config
from mdnet.model.budget import active_circles, is_coming, number
from mdnet.model.contact import Contact, Interaction
from mdnet.model.giveback import give_take
from mdnet.model.health import ACTIVE, FOLLOW_UP, LOSING_TOUCH, NEW, OVERDUE, PASSIVE, SNOOZED
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
    tallies = {
        where.contact.note.path: where.contact.kept(_tally, facts.config, facts.today)
        for where in facts.standings
    }
    blocks = ["## At a glance", bullets(_counts(facts, states, list(tallies.values())))]
    if facts.standings:
        slices = [(label, states[state]) for state, (_, label) in STATE_WORDS.items()]
        blocks += ["Where each relationship stands:", pie("Contacts by health", slices)]
    blocks += _give_and_take_chart(facts, tallies)
    return blocks


def _counts(facts: Facts, states: Counter[str], tallies: list[Tally]) -> list[str]:
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
        f"Interactions: {sum(t.month for t in tallies)} in the last 30 days, "
        f"{sum(t.year for t in tallies)} in the last 365 days",
    ]
    # the balance leaves out the contacts that silence G003, as G003 does
    gave, got = give_take(vault, facts.config, facts.today, vault.silencing(G003.CODE, G003.NAME))
    balance = f"Give and take over the last 365 days: gave {gave}, got {got}"
    if got:
        goal = number(facts.config.thresholds.min_give_ratio, 2)
        balance += f" — {number(gave / got, 2)} given per thing received (goal: at least {goal})"
    return [*lines, balance]


def _give_and_take_chart(facts: Facts, tallies: dict[str, Tally]) -> Blocks:
    months = last_months(facts.today)
    skip = facts.vault.silencing(G003.CODE, G003.NAME)
    counted = [tally for path, tally in tallies.items() if path not in skip]
    none = [(0,) * len(months)]  # no contact: nothing per month
    gave = [sum(month) for month in zip(*([t.gave for t in counted] or none), strict=True)]
    got = [sum(month) for month in zip(*([t.got for t in counted] or none), strict=True)]
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


class Tally(NamedTuple):
    """One contact's interactions up to today, as the counts and the chart add them up."""

    month: int  # in the last 30 days
    year: int  # in the last 365 days
    gave: tuple[int, ...]  # #gave entries in each month of the chart
    got: tuple[int, ...]


def _tally(contact: Contact, config: Config, today: dt.date) -> Tally:
    """An entry naming two contacts counts for each, as in ``check``'s counts and G003."""
    made = contact.past_interactions(today)
    months = last_months(today)
    return Tally(
        sum(today - dt.timedelta(days=30) < entry.date for entry in made),
        sum(today - dt.timedelta(days=365) < entry.date for entry in made),
        _per_month(months, [entry for entry in made if "gave" in entry.markers]),
        _per_month(months, [entry for entry in made if "got" in entry.markers]),
    )


def _per_month(months: list[dt.date], entries: list[Interaction]) -> tuple[int, ...]:
    counts = Counter((entry.date.year, entry.date.month) for entry in entries)
    return tuple(counts[(month.year, month.month)] for month in months)
