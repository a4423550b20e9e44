"""C004 low-attendance — you seldom go to the meetings of a circle you belong to.

Why it matters: a membership you do not attend costs dues and brings nothing; the
people there cannot get to know someone who is never in the room.

When it fires: a circle with status `member`, `active` or `board` has at least 3
meeting records in the last 365 days, and you attended fewer than `min_attendance`
of them (under [thresholds], default 0.5, i.e. half). Exactly at the threshold is
fine. The finding is at the latest meeting record.

Meeting records are list items in the circle's note that start with a date and are
tagged `#attended` or `#missed`.

How to fix it: go to the next meetings, or decide to leave (`status: former`). Or
set the share you mean:

    [thresholds]
    min_attendance = 0.3

Example circle note body:

    - 2026-09-10 monthly dinner #attended
    - 2026-10-08 monthly dinner #missed
    - 2026-11-12 monthly dinner #missed
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import formats, ngettext
from mdnet.model.budget import exceeds
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "C004"
NAME = "low-attendance"
SEVERITY = "warning"
MIN_RECORDS = 3


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    least = config.thresholds.min_attendance
    since = today - dt.timedelta(days=364)
    for path, circle in sorted(vault.circles.items()):
        if not circle.is_active:
            continue
        attended, recorded = circle.attendance(today)
        if recorded < MIN_RECORDS or not exceeds(least, attended / recorded):
            continue
        latest = max(circle.recent_meetings(today), key=lambda m: (m.date, m.line))
        yield Hit(
            path,
            latest.line,
            (
                ngettext(
                    "Attended {attended} of {recorded} meetings of {circle} since {since} "
                    "({share}), below min_attendance {least}; the latest, on {date}, was "
                    "attended. Go to the next meetings, or decide whether to stay "
                    "(status: former).",
                    "Attended {attended} of {recorded} meetings of {circle} since {since} "
                    "({share}), below min_attendance {least}; the latest, on {date}, was "
                    "attended. Go to the next meetings, or decide whether to stay "
                    "(status: former).",
                    attended,
                )
                if latest.attended
                else ngettext(
                    "Attended {attended} of {recorded} meetings of {circle} since {since} "
                    "({share}), below min_attendance {least}; the latest, on {date}, was "
                    "missed. Go to the next meetings, or decide whether to stay "
                    "(status: former).",
                    "Attended {attended} of {recorded} meetings of {circle} since {since} "
                    "({share}), below min_attendance {least}; the latest, on {date}, was "
                    "missed. Go to the next meetings, or decide whether to stay "
                    "(status: former).",
                    attended,
                )
            ).format(
                attended=attended,
                recorded=recorded,
                circle=circle.title,
                since=since,
                share=formats.percent(attended / recorded),
                least=formats.percent(least),
                date=latest.date,
            ),
            circle.title,
        )
