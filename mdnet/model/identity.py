"""What identifies a contact: its names, e-mails and LinkedIn URL.

F006 reports two contacts that share one; ``mdnet import`` matches a person to the
note they already have by the same values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mdnet.model.contact import Contact
from mdnet.model.links import name_key


def linkedin_key(url: str) -> str:
    """A LinkedIn URL without scheme, ``www.``, query or trailing slash, in lower case."""
    url = re.sub(r"^[a-z]+://", "", url.strip().lower())
    return url.removeprefix("www.").split("?")[0].rstrip("/")


def identities(contact: Contact) -> Iterator[tuple[str, str, str]]:
    """(what, value, field) of each thing that identifies a contact: ``name`` (its name
    and aliases, as links match names: ``name_key``, so "Chloé" is one name, composed or
    not), ``email`` (in lower case) and ``LinkedIn URL`` (as ``linkedin_key``)."""
    fields = contact.note.fields
    yield "name", name_key(contact.name), "name"
    for alias in fields.get("aliases", ()):
        yield "name", name_key(alias), "aliases"
    for email in fields.get("email", ()):
        lower = email.lower()
        yield "email", email if lower == email else lower, "email"  # most: the note's own
    if fields.get("linkedin"):
        yield "LinkedIn URL", linkedin_key(fields["linkedin"]), "linkedin"
