"""F006 duplicate-contact — two contact notes share a name, alias, email or LinkedIn URL.

Why it matters: when one person has two notes, their interactions are split between
them; each note looks more stale than the person is, and imports cannot tell which
note to match.

When it fires: a contact's name (its `name:` or its title), an alias, an email
(any case) or a LinkedIn URL (ignoring `https://`, `www.`, a trailing slash and
case) is also another contact's. The finding is on the later note, by path.

How to fix it: merge the two notes into one, keeping both logs, and list the other
spelling under `aliases:`. If they really are two people with the same name, give
one a distinct `name:` (e.g. "Jane Doe (Acme)").

Example: People/Jane Doe.md and Imported/Jane D.md both say
`email: jane@acme.example`:

    Imported/Jane D.md:3:1: F006 duplicate-contact [warning] This contact shares the
    email "jane@acme.example" with People/Jane Doe.md; merge the two notes ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import N_, _
from mdnet.model.contact import Contact
from mdnet.model.identity import identities
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "F006"
NAME = "duplicate-contact"
SEVERITY = "warning"
IDENTITIES = {"name": N_("name"), "email": N_("email"), "LinkedIn URL": N_("LinkedIn URL")}


def _identities(contact: Contact, config: Config, today: dt.date) -> list[tuple[str, str, str]]:
    return list(identities(contact))


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    owners: dict[tuple[str, str], Contact] = {}
    for contact in vault.contacts.values():
        reported: set[str] = set()
        for what, value, field in contact.kept(_identities, config, today):
            other = owners.setdefault((what, value), contact)
            if other is contact or other.note.path in reported:
                continue
            reported.add(other.note.path)
            yield Hit(
                contact.note.path,
                contact.note.line_of(field),
                _(
                    'This contact shares the {what} "{value}" with {path}; merge the two notes '
                    "(keep both logs, list the other spelling in aliases)."
                ).format(what=_(IDENTITIES.get(what, what)), value=value, path=other.note.path),
                contact.title,
            )
