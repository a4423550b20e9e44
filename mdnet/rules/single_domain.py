"""C007 single-domain — all your active circles are in your own field.

Why it matters: circles in your own field bring the people you would meet anyway.
The introductions that change a career often come from outside it: a neighbourhood
association, a sports club, another trade's network.

When it fires: `domain` under [me] is set, you have two or more circles with status
`member`, `active` or `board`, and every one of them has a `domain` equal to yours
(any case, surrounding spaces ignored). An active circle with no `domain` counts as
possibly outside your field, so then the rule does not fire: give your circles a
domain for it to judge. With `domain` under [me] empty (the default), it is off. A
vault-level info.

How to fix it: join (or mark as active) one circle outside your field, or silence
it with `ignore = ["C007"]` under [rules].

    [me]
    domain = "software"

Example circle note:

    type: club
    status: member
    domain: rowing
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import _
from mdnet.model.budget import active_circles, listing
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "C007"
NAME = "single-domain"
SEVERITY = "info"


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    mine = config.my_domain.strip().lower()
    circles = active_circles(vault)
    if not mine or len(circles) < 2:
        return
    domains = [str(circle.note.fields.get("domain", "")).strip().lower() for circle in circles]
    if any(domain != mine for domain in domains):
        return
    names = sorted((circle.title for circle in circles), key=str.lower)
    yield Hit(
        "",
        0,
        _(
            'All {count} active circles are in your own field, "{domain}" (me.domain): '
            "{names}. Look outside it: a circle in another field brings people you would "
            "not meet otherwise."
        ).format(
            count=len(circles), domain=config.my_domain.strip(), names=listing(names, most=10)
        ),
    )
