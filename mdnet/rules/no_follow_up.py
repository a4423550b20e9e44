"""R003 no-follow-up — you met someone a few weeks ago and never followed up.

Why it matters: a meeting with no follow-up is a meeting with no tomorrow. A short
message within weeks of meeting turns a card into a relationship; after months it is
awkward, and the person is just one more passive contact.

When it fires: a contact with no interaction at all (and no `last_contact`) who was
met more than `followup_days` and at most `followup_horizon_days` ago. When you met
is the earliest of the contact's `met:` date, the date of the event its `met_at:`
links, and the date of an attended event (`status: attended`) that lists it among
its `attendees` or links it in its body. Before `followup_days` there is still time;
after the horizon the contact counts as passive (R002) instead. A LinkedIn
connection's `connected:` date (as `mdnet import linkedin` writes it) is not a
meeting: it is passive until a `met:`, a `met_at:` or an attended event says you
really met, so that an import is one R002, not hundreds of R003. (A note that an
earlier import wrote, with `source: linkedin` and no `connected:`, has its
connection date in `met:`, and is read so.)

How to fix it: write to them (recall where you met, share something useful) and log
it as a dated entry in their note: `- 2026-11-20 email: sent the article we discussed`.
To put it off, set `snooze_until:` (no advice before that date); or add
`mdnet-ignore: [R003]` to the note.

Thresholds: [thresholds] followup_days = 14, followup_horizon_days = 90.

Example, in People/Sam Lee.md (today 2026-11-26):

    ---
    type: contact
    met_at: "[[2026-10-08 DevOps Days]]"
    ---

    People/Sam Lee.md:2:1: R003 no-follow-up [warning] Met 2026-10-08 at
    "2026-10-08 DevOps Days" (49 days ago) and no interaction since; follow up now
    (41 days left before the 90-day horizon).
"""

from __future__ import annotations

import datetime as dt

from mdnet.config import Config
from mdnet.language import ngettext
from mdnet.model.contact import Contact
from mdnet.model.health import FOLLOW_UP, standing
from mdnet.rules.finding import Hit
from mdnet.rules.per_contact import each_contact

CODE = "R003"
NAME = "no-follow-up"
SEVERITY = "warning"


def about(contact: Contact, config: Config, today: dt.date) -> list[Hit]:
    horizon = config.thresholds.followup_horizon_days
    where = standing(contact, config, today)
    if where.state != FOLLOW_UP or where.met is None:
        return []
    date, how = where.met
    days = (today - date).days
    left = horizon - days
    if how == "met":
        met = ngettext("Met {date} ({days} day ago)", "Met {date} ({days} days ago)", days)
    else:
        met = ngettext(
            'Met {date} at "{place}" ({days} day ago)',
            'Met {date} at "{place}" ({days} days ago)',
            days,
        )
    message = ngettext(
        "{met} and no interaction since; follow up now ({left} day left before the "
        "{horizon}-day horizon).",
        "{met} and no interaction since; follow up now ({left} days left before the "
        "{horizon}-day horizon).",
        left,
    ).format(met=met.format(date=date, place=how, days=days), left=left, horizon=horizon)
    return [Hit(contact.note.path, _line(contact, how), message, contact.title)]


check = each_contact(about)


def _line(contact: Contact, how: str) -> int:
    """The `met:` line when that is the date used, else `met_at:`, else 1."""
    if how == "met":
        return contact.note.line_of("met")
    return contact.note.line_of("met_at")
