"""G003 give-take-imbalance — over the last year you received more than you gave.

Why it matters: a network runs on give and take. Someone who only asks ends up at its
margin; someone known to give gets answers.

When it fires: once for the whole vault, when over the 365 days up to today the
number of `#gave` interactions divided by the number of `#got` ones is below
`min_give_ratio`, and there are at least 3 `#got`. Plans (`- [ ]` task items) and
future-dated entries do not count; an entry with several contacts counts once for
each. Exactly at the ratio it does not fire.

How to fix it: look for ways to give: introduce two people who should meet, share
your expertise, recommend someone, answer a question. Tag those entries `#gave`.
To silence it: `ignore = ["G003"]` under [rules] in .mdnet.toml, or lower
`min_give_ratio` (0 turns it off). A contact with `mdnet-ignore: [G003]` is left out
of the count.

Thresholds: [thresholds] min_give_ratio = 1.0; at least 3 `#got` in 365 days.

Example:

    - 2026-10-02 call with [[Jane Doe]]: #got feedback on my talk

    .:0:1: G003 give-take-imbalance [warning] Over the last 365 days you gave 1 time
    (#gave) and received 4 times (#got): a ratio of 0.25, below min_give_ratio = 1;
    give back: an intro, advice, a referral.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import _, formats, ngettext
from mdnet.model.giveback import give_take
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "G003"
NAME = "give-take-imbalance"
SEVERITY = "warning"
MIN_GOT = 3


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    gave, got = give_take(vault, config, today, (CODE, NAME))
    limit = config.thresholds.min_give_ratio
    if got < MIN_GOT or gave / got >= limit:
        return
    yield Hit(
        "",
        0,
        _(
            "Over the last 365 days you gave {gave} (#gave) and received {got} (#got): "
            "a ratio of {ratio}, below min_give_ratio = {limit}; give back: an intro, "
            "advice, a referral."
        ).format(
            gave=_times(gave),
            got=_times(got),
            ratio=formats.fixed(gave / got, 2),
            limit=formats.short_number(limit),
        ),
    )


def _times(count: int) -> str:
    return ngettext("{count} time", "{count} times", count).format(count=count)
