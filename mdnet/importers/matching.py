"""Who is new and who is already in the vault: an import's plan, decided before any write.

A person already has a note when a contact shares their LinkedIn URL (normalised as
F006 does), one of their e-mails (any case), or their name (a contact's name, title
or alias) — unless both have LinkedIn URLs and they differ: then it is a namesake, a
different person, who gets a note of their own with a numbered name. A matched note is
never rewritten; where the export shows a new company or role, the plan says so.
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from mdnet.config import Config
from mdnet.edits.new_note import CannotCreate, template_text
from mdnet.importers.person import Person, Skipped, front_matter, note_text, position, quoted
from mdnet.importers.template_note import templated_note
from mdnet.model.contact import Contact
from mdnet.model.identity import identities, linkedin_key
from mdnet.model.links import Resolver
from mdnet.model.vault import Vault
from mdnet.notes.files import OutsideVault, inside_vault, kind_folder, safe_title


@dataclass(frozen=True)
class NewContact:
    """A contact note to create at ``path`` (vault-relative) holding ``text``."""

    person: Person
    path: str
    name: str  # as written in the note: the person's, numbered for a namesake
    text: str
    namesake: str = ""  # the path of another person with the same name


@dataclass(frozen=True)
class Known:
    """A person who already has a note at ``path``, found by ``by``."""

    person: Person
    path: str
    by: str  # "LinkedIn URL", "email", "name"
    was: str = ""  # the note's role and company, when the export shows new ones
    logged: bool = False  # the note's log already records the change

    @property
    def changed(self) -> bool:
        return bool(self.was) and not self.logged


@dataclass
class ImportPlan:
    """What an import would do: notes to create, people matched, rows skipped."""

    folder: str
    created: list[NewContact] = field(default_factory=list)
    matched: list[Known] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> list[Known]:
        return [known for known in self.matched if known.changed]


def key(text: str) -> str:
    """Names and e-mails compare without case, with spaces collapsed, and in either
    Unicode form (a vCard's ``Chloé`` decomposed is the note ``Chloé``, as links find it)."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def update_phrase(person: Person) -> str:
    """What a log entry says about a new position: ``now Role at Company``."""
    return f"now {person.position}"


def plan_import(
    vault: Vault, config: Config, people: list[Person], today: dt.date | None = None
) -> ImportPlan:
    """Decide, for each person, whether to create a note or match an existing one;
    new notes follow the contact template (``{{date}}`` is ``today``).

    Raises OutsideVault when the contacts folder would lie outside the vault.
    """
    folder = kind_folder(config.kinds, "contact")
    inside_vault(vault.root, folder)
    directory = Directory(vault, today)
    plan = ImportPlan(folder)
    for person in people:
        found = directory.find(person)
        if found is not None:
            plan.matched.append(_known(vault, person, *found))
            continue
        try:
            new = directory.allocate(person, folder)
        except OutsideVault as error:
            plan.skipped.append(Skipped(person.where, str(error)))
            continue
        directory.add(new)
        plan.created.append(new)
    return plan


class Directory:
    """The vault's contacts (and this import's new ones) by LinkedIn URL, e-mail, name."""

    def __init__(self, vault: Vault, today: dt.date | None = None) -> None:
        self.root = vault.root
        self.template = contact_template(vault.root)
        self.now = dt.datetime.combine(today or dt.date.today(), dt.time())  # for {{date}}
        self.owners: dict[tuple[str, str], str] = {}
        self.linkedin: dict[str, str] = {}  # contact path → its LinkedIn key
        # what links resolve to (titles, paths, aliases): a new note must not take one
        self.titles = set(Resolver(vault.notes.values()).by_name)
        for contact in vault.contacts.values():
            self._register(contact.note.path, *_identities(contact))

    def _register(self, path: str, linkedin: str, emails: list[str], names: list[str]) -> None:
        if linkedin:
            self.owners.setdefault(("linkedin", linkedin), path)
            self.linkedin.setdefault(path, linkedin)
        for email in emails:
            self.owners.setdefault(("email", key(email)), path)
        for name in names:
            self.owners.setdefault(("name", key(name)), path)

    def find(self, person: Person) -> tuple[str, str] | None:
        """(path, how) of the note this person already has, or None."""
        url = linkedin_key(person.linkedin) if person.linkedin else ""
        if url and ("linkedin", url) in self.owners:
            return self.owners[("linkedin", url)], "LinkedIn URL"
        for email in person.emails:
            if ("email", key(email)) in self.owners:
                return self.owners[("email", key(email))], "email"
        path = self.owners.get(("name", key(person.name)))
        if path is None or (url and self.linkedin.get(path, url) != url):
            return None  # unknown, or a namesake with another LinkedIn profile
        return path, "name"

    def allocate(self, person: Person, folder: str) -> NewContact:
        """A free title in ``folder``, numbered (" 2") for a namesake or a taken title."""
        namesake = self.owners.get(("name", key(person.name)), "")
        base = safe_title(person.name)
        for number in itertools.count(1):
            suffix = f" {number}" if number > 1 else ""
            name = person.name + suffix if namesake else person.name
            title = base + suffix
            path = f"{folder}/{title}.md"
            if namesake and ("name", key(name)) in self.owners:
                continue
            if title.lower() in self.titles or path.removesuffix(".md").lower() in self.titles:
                continue
            if inside_vault(self.root, path).exists():
                continue
            return NewContact(person, path, name, self.note(person, name, title), namesake)
        raise AssertionError("unreachable")  # pragma: no cover

    def note(self, person: Person, name: str, title: str) -> str:
        """The new note: from the contact template (as `mdnet new` makes one), else plain."""
        if self.template is not None:
            front, body = front_matter(person, name), quoted(person.note)
            text = templated_note(self.template, title, front, body, self.now)
            if text is not None:
                return text
        return note_text(person, name)

    def add(self, new: NewContact) -> None:
        """Count a planned note as known, so that a repeated row matches it."""
        title = new.path.rsplit("/", 1)[-1].removesuffix(".md")
        self.titles |= {title.lower(), new.path.removesuffix(".md").lower()}
        person = new.person
        url = linkedin_key(person.linkedin) if person.linkedin else ""
        self._register(new.path, url, list(person.emails), [new.name])


def _identities(contact: Contact) -> tuple[str, list[str], list[str]]:
    """(LinkedIn key, e-mails, names) of a contact: F006's identities, and its title."""
    found: dict[str, list[str]] = {"LinkedIn URL": [], "email": [], "name": [contact.title]}
    for what, value, _ in identities(contact):
        found[what].append(value)
    return next(iter(found["LinkedIn URL"]), ""), found["email"], found["name"]


def _known(vault: Vault, person: Person, path: str, by: str) -> Known:
    """The match, with the note's old position when the export shows a new one."""
    contact = vault.contacts.get(path)
    if contact is None:  # a person repeated in the same export
        return Known(person, path, by)
    fields = contact.note.fields
    company, role = fields.get("company", ""), fields.get("role", "")
    moved = person.company and company and key(person.company) != key(company)
    promoted = person.role and role and key(person.role) != key(role)
    if not (moved or promoted):
        return Known(person, path, by)
    was = position(role, company)
    entry = f"#update {key(update_phrase(person))}"
    logged = any(entry in key(block.text) for block in contact.note.blocks)
    return Known(person, path, by, was, logged)


def contact_template(root: Path) -> str | None:
    """The contact template `mdnet new` uses, if it can be read."""
    try:
        return template_text(root, "contact")
    except CannotCreate:
        return None
