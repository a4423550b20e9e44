"""C006 renewal-due — an active circle's membership renews soon: decide before it does.

Why it matters: renewal is the one moment a membership asks you to choose. Renewing
by default keeps the circles you no longer go to; deciding keeps the ones that serve
you and that you serve.

When it fires: a circle with status `member`, `active` or `board` has a `renewal`
date from today to today + `renewal_days` (under [thresholds], default 30). The
message recalls what you need to decide: your attendance over the last 365 days, why
you joined (`why`), its dues and hours. The finding is at the `renewal:` line. An
info, not a warning: nothing is wrong yet.

How to fix it: decide. Renewing: move `renewal` to the next date. Leaving: set
`status: former`. A past `renewal` no longer fires — update it.

    [thresholds]
    renewal_days = 45

Example circle note:

    type: association
    status: member
    renewal: 2026-12-15
    dues: "120 EUR/year"
    why: meet the CTOs of the region
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import _, formats, ngettext
from mdnet.model.budget import dues_items, money, number
from mdnet.model.commitment import Circle
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "C006"
NAME = "renewal-due"
SEVERITY = "info"


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    window = dt.timedelta(days=config.thresholds.renewal_days)
    for path, circle in sorted(vault.circles.items()):
        renewal = circle.note.fields.get("renewal")
        if not circle.is_active or renewal is None or not today <= renewal <= today + window:
            continue
        days = (renewal - today).days
        when = (
            _("today")
            if days == 0
            else ngettext("in {days} day", "in {days} days", days).format(days=days)
        )
        yield Hit(
            path,
            circle.note.line_of("renewal"),
            _(
                "{circle} renews on {date} ({when}): {facts}. Decide: renew and move `renewal` "
                "to the next date, or leave (status: former)."
            ).format(circle=circle.title, date=renewal, when=when, facts=_facts(circle, today)),
            circle.title,
        )


def _facts(circle: Circle, today: dt.date) -> str:
    attended, recorded = circle.attendance(today)
    facts = [
        ngettext(  # "meeting" goes with the meetings recorded: "1 of 1 meeting"
            "attended {attended} of {recorded} meeting in the last 365 days",
            "attended {attended} of {recorded} meetings in the last 365 days",
            recorded,
        ).format(attended=attended, recorded=recorded)
        if recorded
        else _("no meetings recorded in the last 365 days")
    ]
    why = circle.note.fields.get("why")
    facts.append(_('why: "{why}"').format(why=why) if why else _("no `why` written"))
    dues = dues_items([circle])
    facts.append(
        _("dues {amount} a year").format(amount=money(dues[0].amount, dues[0].currency))
        if dues
        else _("no dues")
    )
    if circle.hours_per_month > 0:
        facts.append(hours_a_month(circle.hours_per_month))
    return _("; ").join(facts)


def hours_a_month(hours: float) -> str:
    """``2 hours a month``, ``1 hour a month``, ``1.5 hours a month`` (the calendar says
    it too)."""
    count = formats.plural_count(hours)
    said = ngettext("{hours} hour a month", "{hours} hours a month", count)
    return said.format(hours=number(hours))
