"""C002 over-committed-dues — your active circles' yearly dues exceed your budget.

Why it matters: dues renew quietly, one association at a time. Added up, they are
often more than you would ever agree to pay at once, for circles you may no longer
attend.

When it fires: the yearly dues of your active circles (status `member`, `active` or
`board`) add up to more than `dues_per_year` under [budget]. The default budget is 0,
which turns this rule off. Exactly at the budget is fine. A vault-level finding; the
message names the biggest dues.

How dues are read: `dues: 120` is 120 a year; a string gives an amount, an optional
currency and a period: `"120 EUR/year"`, `"15/month"` (180 a year), `"30/quarter"`
(120 a year), `"10 per week"`. Dues with no currency count in the currency the others
name, when they name only one. When circles name several currencies, mdnet does not
convert them: it totals each currency apart, says so, and fires when any total is
above the budget. A value it cannot read (`dues: lots`) is F004.

How to fix it: leave a circle (`status: former`), or set the budget you mean:

    [budget]
    dues_per_year = 600

Example circle note:

    type: club
    status: member
    dues: "45 EUR/quarter"
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import _
from mdnet.model.budget import active_circles, dues_items, dues_totals, exceeds, listing, money
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "C002"
NAME = "over-committed-dues"
SEVERITY = "warning"


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    budget = config.budget.dues_per_year
    if budget <= 0:
        return
    items = dues_items(active_circles(vault))
    totals = dues_totals(items)
    over = {currency: total for currency, total in totals.items() if exceeds(total, budget)}
    if not over:
        return
    biggest = listing([item.label for item in items])
    if len(totals) == 1:
        ((currency, total),) = totals.items()
        facts = _(
            "Active circles cost {total} a year in dues, above the budget of {budget} "
            "(budget.dues_per_year)"
        ).format(total=money(total, currency), budget=money(budget, currency))
    else:
        facts = _(
            "Active circles' dues are in several currencies, totalled apart since mdnet does "
            "not convert them: {totals} a year; {over} above the budget of {budget} "
            "(budget.dues_per_year)"
        ).format(totals=_amounts(totals), over=_amounts(over), budget=money(budget, ""))
    yield Hit(
        "",
        0,
        _(
            "{facts}; the biggest: {biggest}. Leave a circle you no longer use "
            "(status: former), or raise the budget."
        ).format(facts=facts, biggest=biggest),
    )


def _amounts(totals: dict[str, float]) -> str:
    return ", ".join(
        money(total, currency)
        if currency
        else _("{amount} with no currency").format(amount=money(total, ""))
        for currency, total in totals.items()
    )
