"""G001 missing-give-back — you received something and have given nothing back since.

Why it matters: expecting everything from others and offering nothing pushes you to
the margin of a network. When someone helps you (an intro, advice, a referral), find
a way to return the favour, to them or forward.

When it fires: an entry tagged `#got` (up to today, not a plan) is more than
`giveback_days` old and no entry tagged `#gave` for that contact is dated on or after
it (the same entry counts: `#got advice #gave an intro` is an exchange). It fires at
the `#got` entry, wherever it is written: the contact's note or a daily note that
links the contact. A mention (`#got intro to [[Bob]]` in Jane's note) is about Jane,
not Bob.

How to fix it: give something of value (an introduction, a useful article, your
expertise) and log it: `- 2026-11-20 email: #gave intro to a recruiter`. To put it
off, set `snooze_until:` on the contact (no advice before that date); or add
`mdnet-ignore: [G001]` to the contact's note or to the note holding the entry.

Thresholds: [thresholds] giveback_days = 60.

Example, in People/Jane Doe.md (today 2026-11-26):

    - 2026-08-03 call: #got an intro to the CTO of Acme

    People/Jane Doe.md:5:1: G001 missing-give-back [warning] Received 2026-08-03
    (115 days ago) from "Jane Doe" and nothing given back since (giveback_days = 60);
    offer something of value and log it with #gave.
"""

from __future__ import annotations

import datetime as dt

from mdnet.config import Config
from mdnet.language import ngettext
from mdnet.model.contact import Contact
from mdnet.model.giveback import open_givebacks, overdue
from mdnet.rules.finding import Hit
from mdnet.rules.per_contact import each_contact

CODE = "G001"
NAME = "missing-give-back"
SEVERITY = "warning"


def about(contact: Contact, config: Config, today: dt.date) -> list[Hit]:
    hits = []
    for pending in overdue(contact, config, today, (CODE, NAME), open_givebacks):
        entry = pending.entry
        message = ngettext(
            'Received {date} ({days} day ago) from "{contact}" and nothing given back since '
            "(giveback_days = {limit}); offer something of value and log it with #gave.",
            'Received {date} ({days} days ago) from "{contact}" and nothing given back since '
            "(giveback_days = {limit}); offer something of value and log it with #gave.",
            pending.days,
        ).format(date=entry.date, days=pending.days, contact=contact.title, limit=pending.limit)
        hits.append(Hit(entry.path, entry.line, message, contact.title))
    return hits


check = each_contact(about)
