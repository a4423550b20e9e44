"""C001 over-committed-time — circles and coming events take more hours than your budget.

Why it matters: every association, club and fair costs evenings. Joining everything
within reach and then missing the meetings helps no one: people remember the member
who never comes, not the one who never joined.

When it fires: the hours a month of your active circles (status `member`, `active`
or `board`) plus the hours of the events in the next 30 days (dated today to today
+ 30, status not `skipped`) add up to more than `hours_per_month` under [budget]
(default 12). Exactly at the budget is fine. A vault-level finding; the message
names the biggest items.

How a circle's hours are counted: `hours_per_month`, else `meetings` × `meeting_hours`
(default 2), where weekly is 52/12 meetings a month, biweekly 26/12, monthly 1,
quarterly 1/3 and yearly 1/12. A circle with neither counts 0. An event counts its
`hours` (default 3) once, however many days it lasts. Prospect, former and circles
with no status do not count.

How to fix it: step back from a circle (`status: former`), skip an event
(`status: skipped`), or raise the budget in .mdnet.toml:

    [budget]
    hours_per_month = 16

Example circle note:

    type: association
    status: member
    meetings: monthly
    meeting_hours: 3
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import formats, ngettext
from mdnet.model.budget import exceeds, listing, number, time_items
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "C001"
NAME = "over-committed-time"
SEVERITY = "warning"


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    budget = config.budget.hours_per_month
    items = time_items(vault, today)
    total = sum(item.hours for item in items)
    if not exceeds(total, budget):
        return
    yield Hit(
        "",
        0,
        ngettext(  # one hour is over a budget of 0 or 0.5
            "Active circles and events in the next 30 days take {total} hour a month, above "
            "the budget of {budget} (budget.hours_per_month); the biggest: {biggest}. Step "
            "back from a circle (status: former), skip an event (status: skipped), or raise "
            "the budget.",
            "Active circles and events in the next 30 days take {total} hours a month, above "
            "the budget of {budget} (budget.hours_per_month); the biggest: {biggest}. Step "
            "back from a circle (status: former), skip an event (status: skipped), or raise "
            "the budget.",
            formats.plural_count(total),
        ).format(
            total=number(total),
            budget=number(budget),
            biggest=listing([item.label for item in items]),
        ),
    )
