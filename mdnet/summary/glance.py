"""At a glance: the network in a few counts and two charts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Hashable

from mdnet.config import Config
from mdnet.language import N_, _, formats, ngettext
from mdnet.model.budget import active_circles, is_coming, number
from mdnet.model.contact import Contact, Interaction
from mdnet.model.giveback import give_take
from mdnet.model.health import (
    ACTIVE,
    FOLLOW_UP,
    LOSING_TOUCH,
    NEW,
    OVERDUE,
    PASSIVE,
    SNOOZED,
    standing,
)
from mdnet.model.totals import Counted, Summed, total
from mdnet.notes.sharing import shared_counts
from mdnet.rules import give_take_imbalance as G003
from mdnet.summary.charts import bars_and_line, last_months, month_label, pie
from mdnet.summary.facts import Facts
from mdnet.summary.text import Blocks, bullets, code, table

# How each state reads in a sentence, in the pie chart, and of one contact (the editor's
# hover), in the order shown.
STATE_WORDS: dict[str, tuple[Callable[[int], str], str, str]] = {
    ACTIVE: (
        lambda n: ngettext("{count} active", "{count} active", n),
        N_("Active"),
        N_("in touch"),
    ),
    OVERDUE: (
        lambda n: ngettext("{count} overdue", "{count} overdue", n),
        N_("Overdue"),
        N_("overdue"),
    ),
    LOSING_TOUCH: (
        lambda n: ngettext("{count} losing touch", "{count} losing touch", n),
        N_("Losing touch"),
        N_("losing touch"),
    ),
    FOLLOW_UP: (
        lambda n: ngettext("{count} to follow up", "{count} to follow up", n),
        N_("To follow up"),
        N_("to follow up"),
    ),
    NEW: (
        lambda n: ngettext("{count} met recently", "{count} met recently", n),
        N_("Met recently"),
        N_("met recently"),
    ),
    SNOOZED: (
        lambda n: ngettext("{count} snoozed", "{count} snoozed", n),
        N_("Snoozed"),
        N_("snoozed"),
    ),
    PASSIVE: (
        lambda n: ngettext(
            "{count} passive (no interaction at all)", "{count} passive (no interaction at all)", n
        ),
        N_("Passive"),
        N_("passive"),
    ),
}


def at_a_glance(facts: Facts) -> Blocks:
    """The counts, then the health pie and the give-and-take chart."""
    vault, config, today = facts.vault, facts.config, facts.today
    states = total(vault, Counted, _state, config, today).counts
    blocks = ["## " + _("At a glance"), bullets(_counts(facts, states))]
    if vault.contacts:
        slices = [
            (_(label), states[state]) for state, (_sentence, label, _one) in STATE_WORDS.items()
        ]
        blocks += [_("Where each relationship stands:"), pie(_("Contacts by health"), slices)]
    blocks += _give_and_take_chart(facts)
    return blocks


def _counts(facts: Facts, states: Counter[Hashable]) -> list[str]:
    vault, config, today = facts.vault, facts.config, facts.today
    stale = states[OVERDUE] + states[LOSING_TOUCH]
    parts = [
        _words(states, ACTIVE),
        ngettext("{count} stale", "{count} stale", stale).format(count=stale),
    ]
    if stale:
        parts[-1] = ngettext(
            "{count} stale ({overdue}, {losing})", "{count} stale ({overdue}, {losing})", stale
        ).format(count=stale, overdue=_words(states, OVERDUE), losing=_words(states, LOSING_TOUCH))
    parts.append(_words(states, PASSIVE))
    parts += [_words(states, state) for state in (FOLLOW_UP, NEW, SNOOZED) if states[state]]
    contacts = _("Contacts: {count}").format(count=len(vault.contacts))
    if vault.contacts:
        contacts += " — " + ", ".join(parts)
    active = len(active_circles(vault))
    prospects = sum(circle.status == "prospect" for circle in vault.circles.values())
    coming = sum(is_coming(event, facts.today) for event in vault.events.values())
    month, year = total(vault, Summed, _made, config, today).sums or (0, 0)
    lines = [
        contacts,
        ngettext(
            "Circles: {count} — {active} active, {prospects} prospect",
            "Circles: {count} — {active} active, {prospects} prospects",
            prospects,
        ).format(count=len(vault.circles), active=active, prospects=prospects),
        _("Events: {count} — {coming} in the next 30 days").format(
            count=len(vault.events), coming=coming
        ),
        _("Interactions: {month} in the last 30 days, {year} in the last 365 days").format(
            month=month, year=year
        ),
    ]
    # the balance leaves out the contacts that silence G003, as G003 does
    gave, got = give_take(vault, config, today, (G003.CODE, G003.NAME))
    balance = _("Give and take over the last 365 days: gave {gave}, got {got}").format(
        gave=gave, got=got
    )
    if got:
        goal = number(facts.config.thresholds.min_give_ratio, 2)
        balance += _(" — {ratio} given per thing received (goal: at least {goal})").format(
            ratio=number(gave / got, 2), goal=goal
        )
    return [*lines, balance]


def _words(states: Counter[Hashable], state: str) -> str:
    """``3 overdue``: how many contacts are in ``state``, as a sentence says it."""
    return STATE_WORDS[state][0](states[state]).format(count=states[state])


def _give_and_take_chart(facts: Facts) -> Blocks:
    months = last_months(facts.today)
    # the contacts that silence G003 left out, as G003 does
    rule = (G003.CODE, G003.NAME)
    per_month = total(facts.vault, Summed, _given_and_received, facts.config, facts.today, rule)
    sums = per_month.sums or (0,) * 2 * len(months)
    gave, got = list(sums[: len(months)]), list(sums[len(months) :])
    first, last = formats.month_year(months[0]), formats.month_year(months[-1])
    tags = {"gave": code("#gave"), "got": code("#got"), "first": first, "last": last}
    if not any(gave) and not any(got):
        return [_("No {gave} or {got} entries from {first} to {last}.").format(**tags)]
    return [
        _(
            "Given (bars, {gave}) and received (line, {got}) per month, from {first} to {last}:"
        ).format(**tags),
        bars_and_line(_("Given and received per month"), months, gave, got, _("Entries")),
        table(
            [_("Month"), *(month_label(month) for month in months)],
            [[_("Gave"), *map(str, gave)], [_("Got"), *map(str, got)]],
        ),
    ]


def _state(contact: Contact, config: Config, today: dt.date) -> str:
    return standing(contact, config, today).state


def _made(contact: Contact, config: Config, today: dt.date) -> tuple[int, int]:
    """Interactions in the last 30 and 365 days (an entry naming two contacts counts
    for each, as in ``check``'s counts and G003)."""
    made = contact.past_interactions(today)
    return shared_counts(
        (
            sum(today - dt.timedelta(days=30) < entry.date for entry in made),
            sum(today - dt.timedelta(days=365) < entry.date for entry in made),
        )
    )


def _given_and_received(
    contact: Contact, config: Config, today: dt.date, rule: tuple[str, str]
) -> tuple[int, ...]:
    """``#gave`` entries in each month of the chart, then ``#got`` ones (none if the
    contact silences ``rule``, G003). Kept for every contact: those with none (most)
    share one tuple of zeros (5 MB at 100k notes); others are a contact's own."""
    months = last_months(today)
    if contact.note.silences(*rule):
        return shared_counts((0,) * 2 * len(months))
    made = contact.past_interactions(today)
    counts = (
        *_per_month(months, [entry for entry in made if "gave" in entry.markers]),
        *_per_month(months, [entry for entry in made if "got" in entry.markers]),
    )
    return counts if any(counts) else shared_counts(counts)


def _per_month(months: list[dt.date], entries: list[Interaction]) -> tuple[int, ...]:
    counts = Counter((entry.date.year, entry.date.month) for entry in entries)
    return tuple(counts[(month.year, month.month)] for month in months)
