"""F007 future-interaction — an interaction is dated after today.

Why it matters: an entry in the future is either a typo in the date or a plan
written as if it had happened; either way it hides how long ago you really were in
touch.

When it fires: a dated entry that is not an open task (`- [ ] ...`) has a date after
today. Open tasks are plans and may be in the future.

How to fix it: correct the date, or turn the entry into a task. Example:

    - [ ] 2026-12-15 lunch with Jane #promised bring the report
"""

from __future__ import annotations

import datetime as dt

from mdnet.config import Config
from mdnet.language import ngettext
from mdnet.model.contact import Contact, Interaction
from mdnet.notes.note import title_of
from mdnet.rules.finding import Hit
from mdnet.rules.per_contact import each_contact

CODE = "F007"
NAME = "future-interaction"
SEVERITY = "warning"


def about(contact: Contact, config: Config, today: dt.date) -> list[Hit]:
    """The contact's entries dated after today, plans aside. An entry that several
    contacts share is the same finding for each (under the title of its ``subject``),
    so that it is reported once."""
    return [
        _hit(entry, entry.date - today, today, contact)
        for entry in contact.entries
        if entry.date > today and not entry.is_plan
    ]


def _hit(entry: Interaction, ahead: dt.timedelta, today: dt.date, contact: Contact) -> Hit:
    message = ngettext(
        "Interaction dated {date} is {days} day after today ({today}); fix the date, "
        "or make it a task (- [ ] {date} ...) if it is a plan.",
        "Interaction dated {date} is {days} days after today ({today}); fix the date, "
        "or make it a task (- [ ] {date} ...) if it is a plan.",
        ahead.days,
    ).format(date=entry.date, days=ahead.days, today=today)
    subject = title_of(entry.subject) if entry.subject else contact.title
    return Hit(entry.path, entry.line, message, subject)


check = each_contact(about)
