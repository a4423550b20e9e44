"""G002 open-promise — a promise you made is still open.

Why it matters: a promise not kept costs more than no promise at all. People remember
the intro you said you would make.

When it fires: an entry tagged `#promised` is more than `promise_days` old and still
open. A promise is kept by a `#gave` or `#done` entry for that contact dated on or
after it (another entry, or `#done` in the promise's own entry), or by checking its
task item: `- [x] 2026-10-01 #promised send the deck`. A promise written as an open
task (`- [ ] 2026-10-01 #promised ...`) counts like any other. It fires at the
`#promised` entry, wherever it is written.

How to fix it: keep the promise and log it (`- 2026-11-20 #done sent the deck`), or
check the promise's task item. If you cannot keep it, say so to the person and remove
the tag. To put it off, set `snooze_until:` on the contact (no advice before that
date); or add `mdnet-ignore: [G002]` to the contact's note or to the note holding the
entry.

Thresholds: [thresholds] promise_days = 14.

Example, in People/Jane Doe.md (today 2026-11-26):

    - [ ] 2026-10-30 coffee: #promised to send the pricing deck

    People/Jane Doe.md:6:1: G002 open-promise [warning] Promised 2026-10-30 (27 days
    ago) to "Jane Doe", still open (promise_days = 14); keep it and log it with #done
    or #gave, or check its task.
"""

from __future__ import annotations

import datetime as dt

from mdnet.config import Config
from mdnet.language import ngettext
from mdnet.model.contact import Contact
from mdnet.model.giveback import open_promises, overdue
from mdnet.rules.finding import Hit
from mdnet.rules.per_contact import each_contact

CODE = "G002"
NAME = "open-promise"
SEVERITY = "warning"


def about(contact: Contact, config: Config, today: dt.date) -> list[Hit]:
    hits = []
    for pending in overdue(contact, config, today, (CODE, NAME), open_promises):
        entry = pending.entry
        message = ngettext(
            'Promised {date} ({days} day ago) to "{contact}", still open '
            "(promise_days = {limit}); keep it and log it with #done or #gave, or check its task.",
            'Promised {date} ({days} days ago) to "{contact}", still open '
            "(promise_days = {limit}); keep it and log it with #done or #gave, or check its task.",
            pending.days,
        ).format(date=entry.date, days=pending.days, contact=contact.title, limit=pending.limit)
        hits.append(Hit(entry.path, entry.line, message, contact.title))
    return hits


check = each_contact(about)
