"""C003 too-many-circles — you are an active member of more circles than your budget.

Why it matters: each circle asks for dues, meetings and a share of the work. Past a
handful, you stop showing up and the membership turns into a name on a list — the
opposite of a network.

When it fires: the circles with status `member`, `active` or `board` are more than
`max_circles` under [budget] (default 5). Exactly at the budget is fine. Prospect,
former and circles with no status do not count. A vault-level finding; the message
names the active circles.

How to fix it: for each circle, ask why you are there, whom you meet and what you
bring; leave the ones with no answer (`status: former`). Or set the budget you mean:

    [budget]
    max_circles = 7

Example circle note:

    type: network
    status: former
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import ngettext
from mdnet.model.budget import active_circles, listing
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "C003"
NAME = "too-many-circles"
SEVERITY = "warning"


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    circles = active_circles(vault)
    most = config.budget.max_circles
    if len(circles) <= most:
        return
    names = sorted((circle.title for circle in circles), key=str.lower)
    yield Hit(
        "",
        0,
        ngettext(  # one circle is over a budget of 0
            "You are active in {count} circle, above the budget of {most} "
            "(budget.max_circles): {names}. Keep the ones you can say why you are in, whom "
            "you meet and what you bring; leave the others (status: former).",
            "You are active in {count} circles, above the budget of {most} "
            "(budget.max_circles): {names}. Keep the ones you can say why you are in, whom "
            "you meet and what you bring; leave the others (status: former).",
            len(circles),
        ).format(count=len(circles), most=most, names=listing(names, most=10)),
    )
