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
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import ngettext
from mdnet.model.contact import IN_FILE_ORDER, Contact, Interaction
from mdnet.model.totals import Some, total
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "F007"
NAME = "future-interaction"
SEVERITY = "warning"


def _future(contact: Contact, config: Config, today: dt.date) -> list[Interaction]:
    return [entry for entry in contact.entries if entry.date > today and not entry.is_plan]


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    seen: set[tuple[str, int]] = set()
    future = total(vault, Some, _future, config, today).items()
    for entry in sorted(future, key=IN_FILE_ORDER):
        if (entry.path, entry.line) in seen:
            continue
        seen.add((entry.path, entry.line))
        days = (entry.date - today).days
        yield Hit(
            entry.path,
            entry.line,
            ngettext(
                "Interaction dated {date} is {days} day after today ({today}); fix the date, "
                "or make it a task (- [ ] {date} ...) if it is a plan.",
                "Interaction dated {date} is {days} days after today ({today}); fix the date, "
                "or make it a task (- [ ] {date} ...) if it is a plan.",
                days,
            ).format(date=entry.date, days=days, today=today),
            vault.subject_of(entry.path) or vault.contacts[entry.contact].title,
        )
