"""The whole network: every note by path, and the contacts, circles and events in them."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from mdnet.language import _
from mdnet.model.commitment import Circle, Event
from mdnet.model.contact import Contact
from mdnet.model.links import name_key
from mdnet.notes.note import Note

_marks = itertools.count(1)


@dataclass(frozen=True)
class Dangling:
    """A link in an interaction entry to a note that does not exist (F005)."""

    path: str
    line: int
    target: str
    relative: bool = False  # a Markdown link's path, not a wikilink's title

    @property
    def written(self) -> str:
        """The link as the user wrote it, near enough to find it on the line."""
        if self.relative:
            return _("The link to {target}").format(target=self.target)
        return f"[[{self.target}]]"

    @property
    def title(self) -> str:
        """The title a note would need for the link to resolve."""
        return self.target.rsplit("/", 1)[-1].removesuffix(".md")


@dataclass
class Vault:
    """The whole network: notes by path, and the contacts, circles and events in them."""

    root: Path
    notes: dict[str, Note]
    contacts: dict[str, Contact]
    circles: dict[str, Circle]
    events: dict[str, Event]
    dangling: list[Dangling]
    # which version of the network this is, and how it follows the one before
    # (``model.totals``: what is added up over every contact, kept up to date)
    mark: int = field(default_factory=lambda: next(_marks), compare=False)
    follows: int = field(default=0, compare=False)  # the previous version's mark
    changed: frozenset[str] = field(default=frozenset(), compare=False)  # contacts since
    totals: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def shared_titles(self) -> frozenset[str]:
        """The titles (as ``links.name_key`` makes them) that several notes have: links to
        them need a path. (A later version counts the titles a change touches with the
        links' resolver.)"""
        titles = Counter(name_key(note.title) for note in self.notes.values())
        return frozenset(title for title, count in titles.items() if count > 1)

    @cached_property
    def confidential(self) -> frozenset[str]:
        """The paths of the notes marked ``confidential: true`` (G004)."""
        return frozenset(
            path for path, note in self.notes.items() if note.fields.get("confidential")
        )

    @cached_property
    def with_problems(self) -> list[Note]:
        """The notes in which the parser found problems (F001–F004): a few."""
        return [note for note in self.notes.values() if note.problems]

    @cached_property
    def ignoring(self) -> dict[str, Note]:
        """The notes with an ``mdnet-ignore``, by path: a few."""
        return {path: note for path, note in self.notes.items() if "mdnet-ignore" in note.fields}

    def silencing(self, code: str, name: str) -> frozenset[str]:
        """The paths of the contacts whose ``mdnet-ignore`` silences this rule."""
        return frozenset(  # only a note with an mdnet-ignore can
            path
            for path, note in self.ignoring.items()
            if path in self.contacts and note.silences(code, name)
        )

    def subject_of(self, path: str) -> str | None:
        """The title of the contact, circle or event at ``path``."""
        note = self.notes.get(path)
        if note is None or note.kind == "plain":
            return None
        contact = self.contacts.get(path)  # a contact's title is made once (memory)
        return contact.title if contact is not None else note.title
