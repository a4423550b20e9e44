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
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.finding import Fix, Hit
from mdnet.model import Vault

CODE = "F008"
NAME = "outdated-last-contact"
SEVERITY = "warning"


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    for contact in vault.contacts.values():
        written = contact.note.fields.get("last_contact")
        past = contact.past_interactions(today)
        if written is None or not past or past[-1].date <= written:
            continue
        latest = past[-1]
        line = contact.note.line_of("last_contact")
        yield Hit(
            contact.note.path,
            line,
            f"last_contact is {written} but the latest interaction is {latest.date} "
            f"({latest.path}:{latest.line}); set it to {latest.date} (mdnet check --fix).",
            contact.title,
            fix=Fix(contact.note.path, line, "last_contact", latest.date.isoformat()),
        )
