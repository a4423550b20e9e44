"""X101 missing-email — a contact note has no email address.

Why it matters: an introduction you cannot send is an introduction you do not make.

When it fires: a contact's front matter has no `email`.

How to fix it: add `email: jane@example.com`, or `mdnet-ignore: [X101]`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "X101"
NAME = "missing-email"
SEVERITY = "warning"


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    for path, contact in vault.contacts.items():
        if not contact.note.fields.get("email"):
            yield Hit(path, 1, f"{contact.name} has no email address", contact.title)
