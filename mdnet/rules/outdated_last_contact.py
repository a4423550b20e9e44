"""F008 outdated-last-contact — `last_contact` is older than the latest interaction.

Why it matters: `last_contact` is what you and other tools read first; when the log
says you met later, the field misleads you.

When it fires: a contact's front matter `last_contact` is earlier than its latest
interaction up to today (plans and future entries do not count).

How to fix it: `mdnet check --fix` sets `last_contact` to the latest interaction,
changing only that value in the file. Or remove the field: the log is enough.

Example:

    ---
    type: contact
    last_contact: 2026-05-01
    ---
    - 2026-06-12 call: her new role

    People/Jane Doe.md:3:1: F008 outdated-last-contact [warning] last_contact is
    2026-05-01 but the latest interaction is 2026-06-12 (People/Jane Doe.md:5); ...
"""

from __future__ import annotations

import datetime as dt

from mdnet.config import Config
from mdnet.language import _
from mdnet.model.contact import Contact
from mdnet.rules.finding import Fix, Hit
from mdnet.rules.per_contact import each_contact

CODE = "F008"
NAME = "outdated-last-contact"
SEVERITY = "warning"


def about(contact: Contact, config: Config, today: dt.date) -> list[Hit]:
    written = contact.note.fields.get("last_contact")
    past = contact.past_interactions(today)
    if written is None or not past or past[-1].date <= written:
        return []
    latest = past[-1]
    line = contact.note.line_of("last_contact")
    message = _(
        "last_contact is {written} but the latest interaction is {date} ({path}:{line}); "
        "set it to {date} (mdnet check --fix)."
    ).format(written=written, date=latest.date, path=latest.path, line=latest.line)
    fix = Fix(contact.note.path, line, "last_contact", latest.date.isoformat())
    return [Hit(contact.note.path, line, message, contact.title, fix=fix)]


check = each_contact(about)
