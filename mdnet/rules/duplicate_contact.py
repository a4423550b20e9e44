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
from mdnet.model.totals import Total, total
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "F006"
NAME = "duplicate-contact"
SEVERITY = "warning"
IDENTITIES = {"name": N_("name"), "email": N_("email"), "LinkedIn URL": N_("LinkedIn URL")}

# the contact's path, then what, value and field of each thing that identifies it, all
# in one tuple (a list and a tuple for each of 100,000 identities: 9 MB at 100k notes)
Identities = tuple[str, ...]


def _identities(contact: Contact, config: Config, today: dt.date) -> Identities:
    return (contact.note.path, *(item for identity in identities(contact) for item in identity))


def _each(part: Identities) -> Iterator[tuple[str, str, str]]:
    """(what, value, field) of each identity in ``part``."""
    return zip(part[1::3], part[2::3], part[3::3], strict=True)


class Owners(Total[Identities]):
    """Which contacts claim each (what, value), and those that several claim."""

    def __init__(self) -> None:
        super().__init__()
        # by what, by value: the paths of the contacts that claim it — the path alone
        # for most, which one contact claims (no list, no key tuple for each of the
        # 300,000 identities of a large vault)
        self.owners: dict[str, dict[str, str | list[str]]] = {}
        self.shared: set[tuple[str, str]] = set()

    def claims(self, what: str, value: str) -> list[str]:
        """The paths of the contacts that claim (what, value)."""
        claims = self.owners[what][value]
        return [claims] if isinstance(claims, str) else claims

    def add(self, part: Identities) -> None:
        path = part[0]
        for what, value, _field in _each(part):
            by_value = self.owners.get(what)
            if by_value is None:
                by_value = self.owners[what] = {}
            claims = by_value.get(value)
            if claims is None:  # most: one contact's own
                by_value[value] = path
                continue
            if isinstance(claims, str):
                claims = by_value[value] = [claims]
            claims.append(path)
            if any(other != path for other in claims):
                self.shared.add((what, value))

    def take_back(self, part: Identities) -> None:
        path = part[0]
        for what, value, _field in _each(part):
            by_value = self.owners[what]
            claims = by_value[value]
            if isinstance(claims, str):  # its one claimant
                del by_value[value]
                continue
            claims.remove(path)
            if len(claims) == 1:
                by_value[value] = claims[0]
            if len(set(claims)) < 2:
                self.shared.discard((what, value))


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    kept = total(vault, Owners, _identities, config, today)
    first = {key: min(kept.claims(*key)) for key in kept.shared}  # by path, as listed
    later = sorted({path for key in first for path in kept.claims(*key) if path != first[key]})
    for path in later:  # a contact that shares a name, an email... with an earlier one
        contact, reported = vault.contacts[path], set()
        for what, value, field in _each(kept.parts[path]):
            other = first.get((what, value), path)
            if other == path or other in reported:
                continue
            reported.add(other)
            yield Hit(
                path,
                contact.note.line_of(field),
                _(
                    'This contact shares the {what} "{value}" with {path}; merge the two notes '
                    "(keep both logs, list the other spelling in aliases)."
                ).format(what=_(IDENTITIES.get(what, what)), value=value, path=other),
                contact.title,
            )
