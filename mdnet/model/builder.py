"""Build the Vault model from parsed notes: resolve links, gather the timelines.

SPEC §3: dated list items in a contact note are interactions with that contact (links
in them are mentions); a dated item elsewhere is an interaction with every contact it
links; a dated note records one with each contact linked in its body, except in dated
items, plans, code, quotes and embeds; dated items tagged #attended or #missed in a
circle note are its meeting records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from mdnet.config import Config
from mdnet.model.commitment import Circle, Event, MeetingRecord
from mdnet.model.contact import Contact, Interaction
from mdnet.model.links import Resolver
from mdnet.model.vault import Dangling, Vault
from mdnet.notes.markdown import LEADING_DATE_RE, Block, Link
from mdnet.notes.note import Note


def build(root: Path, notes: list[Note], config: Config) -> Vault:
    """The model of a vault from its notes (sorted by path)."""
    return Builder(root, config).build(notes)


class Found(NamedTuple):
    """What one note brings to the model besides itself."""

    entries: list[Interaction]  # with any contacts
    dangling: tuple[Dangling, ...]
    meetings: tuple[MeetingRecord, ...]  # when the note is a circle's


class Builder:
    """Builds the model from every note, then keeps it up to date as notes change.

    ``update`` (watch mode, a check from ``mdnet.cache.snapshot``) rebuilds only the contacts,
    circles and events that the changed notes touch: every other Contact object carries
    over, and with it what was worked out about it (``Contact.kept``). A change in what
    links resolve to (a note added, removed or renamed; a kind or aliases changed) or in
    what other notes read of a note (``confidential``) builds everything again, and keeps
    the Contact objects that come out the same. Either way the Vault is the one
    ``build`` makes from the same notes.
    """

    def __init__(self, root: Path, config: Config) -> None:
        self.root, self.config = root, config
        self.vault = Vault(root, {}, {}, {}, {}, [])
        self.resolver = Resolver([])
        self.found: dict[str, Found] = {}  # only for the notes that bring something
        self.markers_of: dict[tuple[str, ...], frozenset[str]] = {}  # by tags: few differ
        self.rebuilt = False  # whether the model was last built from all the notes
        self.has_blocks = True  # the notes have their blocks (not so in mdnet.cache.snapshot's)

    @classmethod
    def restored(
        cls,
        vault: Vault,
        config: Config,
        found: dict[str, Found],
        names: dict[str, str],
        markers_of: dict[tuple[str, ...], frozenset[str]],
    ) -> Builder:
        """The builder of ``vault`` as ``mdnet.cache.snapshot`` saved it: what each note brings
        and what links resolve to. Its notes lack their blocks: it can be updated, but
        changes that need everything built again need all the notes (``reshapes``)."""
        builder = cls(vault.root, config)
        builder.vault, builder.found, builder.markers_of = vault, found, markers_of
        builder.resolver.by_name = names
        builder.has_blocks = False
        return builder

    def build(self, notes: list[Note]) -> Vault:
        """The model of a vault from all its notes (sorted by path)."""
        self.resolver, self.rebuilt, self.has_blocks = Resolver(notes), True, True
        contacts = {n.path: Contact(n) for n in notes if n.kind == "contact"}
        self.found = self._found_in(notes, contacts)
        for found in self.found.values():
            for entry in found.entries:
                contacts[entry.contact].entries.append(entry)
        events = {n.path: self._event(n, contacts) for n in notes if n.kind == "event"}
        attended = _attended(events)
        before = self.vault.contacts
        for path, person in contacts.items():
            person.entries.sort(key=_in_date_order)
            if path in attended or "met_at" in person.note.fields:  # else none: most
                self._met_at_events(person, events, attended)
            if path in before and _same(before[path], person):
                contacts[path] = before[path]  # and what was worked out about them
                before[path].note = person.note  # the same but for blocks (a snapshot's)
        circles = {n.path: self._circle(n) for n in notes if n.kind == "circle"}
        by_path = {note.path: note for note in notes}
        self.vault = Vault(self.root, by_path, contacts, circles, events, self._dangling(by_path))
        return self.vault

    def update(self, changed: list[Note], removed: Iterable[str] = ()) -> Vault:
        """The model once the ``changed`` notes are parsed again and ``removed`` ones gone."""
        old = self.vault
        gone = set(removed) & old.notes.keys()
        if self.reshapes(changed, gone):
            if not self.has_blocks:
                raise ValueError("a model restored without its notes' blocks cannot be rebuilt")
            notes = {**old.notes, **{note.path: note for note in changed}}
            return self.build(sorted((n for p, n in notes.items() if p not in gone), key=_path))
        notes = {**old.notes, **{note.path: note for note in changed}}
        self.rebuilt = False
        contacts, events = dict(old.contacts), dict(old.events)
        touched: set[str] = set()  # the contacts to rebuild
        before = [self.found.pop(note.path) for note in changed if note.path in self.found]
        after = self._found_in(changed, contacts)
        self.found.update(after)
        for found in [*before, *after.values()]:
            touched.update(entry.contact for entry in found.entries)
        for note in changed:
            if note.kind == "contact":
                touched.add(note.path)
            elif note.kind == "event":
                events[note.path] = self._event(note, contacts)
                touched.update(old.events[note.path].attendees, events[note.path].attendees)
                touched.update(self._met_at(note.path, old.contacts))
        paths = {note.path for note in changed}
        attended = _attended(events)
        for path in touched:
            person = contacts[path] = Contact(notes[path])
            person.entries += [e for e in old.contacts[path].entries if e.path not in paths]
            for source in paths & self.found.keys():
                person.entries += [e for e in self.found[source].entries if e.contact == path]
            person.entries.sort(key=_in_date_order)
            self._met_at_events(person, events, attended)
        circles = dict(old.circles)
        circles.update((n.path, self._circle(n)) for n in changed if n.kind == "circle")
        self.vault = Vault(self.root, notes, contacts, circles, events, self._dangling(notes))
        _carry(old, self.vault, changed)
        return self.vault

    def _markers(self, tags: tuple[str, ...]) -> frozenset[str]:
        """The markers that an entry's tags stand for (kept: a vault has few tag sets)."""
        markers = self.markers_of.get(tags)
        if markers is None:
            markers = frozenset(filter(None, map(self.config.marker_for, tags)))
            self.markers_of[tags] = markers
        return markers

    def reshapes(self, changed: list[Note], removed: Iterable[str] = ()) -> bool:
        """Whether ``update`` must build everything again for these changes."""
        notes = self.vault.notes
        return any(path in notes for path in removed) or any(
            _reshapes(notes.get(note.path), note) for note in changed
        )

    def _found_in(self, notes: list[Note], contacts: dict[str, Contact]) -> dict[str, Found]:
        """The interactions, dangling links and meeting records written in each note, by
        path, for the notes that have any (one loop for all: 30,000 notes)."""
        found_in: dict[str, Found] = {}
        resolve = self.resolver.resolve
        new = tuple.__new__  # an Interaction without the call to its __new__ (94,000 of them)
        for note in notes:
            path_of_note = note.path
            is_contact = note.kind == "contact"
            is_circle = note.kind == "circle"
            entries: list[Interaction] = []
            dangling: tuple[Dangling, ...] = ()  # few notes have any: no list for each
            meetings: tuple[MeetingRecord, ...] = ()
            for block in note.blocks:
                line, text, is_item, task, date, _time, channel, tags, links, _ = block
                targets = [(link, resolve(link, path_of_note)) for link in links] if links else []
                if date is not None and targets and None in [path for _, path in targets]:
                    dangling += tuple(
                        Dangling(path_of_note, link.line, link.target, link.relative)
                        for link, path in targets
                        if path is None and not LEADING_DATE_RE.fullmatch(link.target)
                    )
                if date is not None and tags and NEWS in self._markers(tags):
                    found = []  # `#news` (`#update`, as the import logs it): not contact made
                elif not is_contact:
                    found = _entries_of(note, block, targets, contacts) if targets else []
                elif date is not None and is_item:
                    found = [(path_of_note, line, date)]  # a dated item of a contact's note
                else:
                    found = []
                if found:
                    markers = self._markers(tags)
                    linked = (
                        tuple([path for _, path in targets if path is not None]) if links else ()
                    )
                    rest = (markers, channel, task, linked)
                    for contact_path, at, when in found:
                        entry = (contact_path, when, path_of_note, at, text, *rest)
                        entries.append(new(Interaction, entry))
                if is_circle and date is not None and ("attended" in tags or "missed" in tags):
                    meetings += (MeetingRecord(date, "attended" in tags, line),)
            if entries or dangling or meetings:
                found_in[path_of_note] = Found(entries, dangling, meetings)
        return found_in

    def _circle(self, note: Note) -> Circle:
        found = self.found.get(note.path)
        return Circle(note, list(found.meetings) if found else [])

    def _event(self, note: Note, contacts: dict[str, Contact]) -> Event:
        """The event with its attendees: listed in ``attendees`` or linked in the body."""
        resolve = self.resolver.resolve
        found = [resolve(Link(name, 0), note.path) for name in note.fields.get("attendees", ())]
        found += [resolve(link, note.path) for block in note.blocks for link in block.links]
        return Event(note, [path for path in dict.fromkeys(found) if path in contacts])

    def _met_at_events(
        self, person: Contact, events: dict[str, Event], attended: dict[str, list[Met]]
    ) -> None:
        """The events attended, then the ``met_at`` event, with their dates."""
        person.met_at_events = list(attended.get(person.note.path, ()))
        place = self._place(person.note)
        event_date = events[place].date if place in events else None
        if place is not None and event_date is not None:
            person.met_at_events.append((event_date, events[place].title))

    def _place(self, note: Note) -> str | None:
        """The path of the note a contact's ``met_at`` names."""
        met_at = note.fields.get("met_at")
        return self.resolver.resolve(Link(met_at, 0), note.path) if met_at else None

    def _met_at(self, event: str, contacts: dict[str, Contact]) -> list[str]:
        """The contacts whose ``met_at`` is this event."""
        return [
            path
            for path, person in contacts.items()
            if "met_at" in person.note.fields and self._place(person.note) == event
        ]

    def _dangling(self, notes: dict[str, Note]) -> list[Dangling]:
        found = self.found
        return [link for path in notes if path in found for link in found[path].dangling]


Met = tuple[dt.date, str]  # when and where a contact was met


def _attended(events: dict[str, Event]) -> dict[str, list[Met]]:
    """Contact path → the dated events marked attended that list them, in path order."""
    attended: dict[str, list[Met]] = {}
    for event in events.values():
        if event.status == "attended" and event.date is not None:
            for path in event.attendees:
                attended.setdefault(path, []).append((event.date, event.title))
    return attended


def _carry(old: Vault, new: Vault, changed: list[Note]) -> None:
    """Give ``new`` what ``old`` worked out about all its notes, as ``new`` would work it
    out (30,000 notes looked at for a few): titles and ``confidential`` flags are the
    same (else everything is built again); ``mdnet-ignore`` and problems are updated."""
    new.shared_titles = old.shared_titles
    new.confidential = old.confidential
    paths = {note.path for note in changed}
    new.ignoring = {p: n for p, n in old.ignoring.items() if p not in paths} | {
        n.path: n for n in changed if "mdnet-ignore" in n.fields
    }
    kept = [note for note in old.with_problems if note.path not in paths]
    new.with_problems = sorted(kept + [n for n in changed if n.problems], key=_path)


def _same(before: Contact, after: Contact) -> bool:
    """The same note and the same entries (made from the same notes, mostly the same
    objects: quick to compare)."""
    return (
        (before.note is after.note or _alike(before.note, after.note))
        and before.entries == after.entries
        and before.met_at_events == after.met_at_events
    )


def _alike(one: Note, other: Note) -> bool:
    """The same note but maybe for its blocks, which a snapshot's notes lack and nothing
    worked out about a contact reads (what they bring is in the entries)."""
    return (one.path, one.kind, one.fields, one.lines, one.problems, one.date) == (
        other.path,
        other.kind,
        other.fields,
        other.lines,
        other.problems,
        other.date,
    )


def _reshapes(before: Note | None, after: Note) -> bool:
    """Whether a note's change reaches past what it brings itself: a new note, another
    kind or aliases (what links resolve to), ``confidential`` (what G004 reads)."""
    return (
        before is None
        or before.kind != after.kind
        or any(before.fields.get(key) != after.fields.get(key) for key in OUTWARD_FIELDS)
    )


OUTWARD_FIELDS = ("aliases", "confidential")
NEWS = "news"  # the marker of a dated entry that is news about a contact, not contact
_path = attrgetter("path")
_in_date_order = attrgetter("date", "path", "line")


def _entries_of(
    note: Note, block: Block, targets: list[tuple[Link, str | None]], contacts: dict[str, Contact]
) -> list[tuple[str, int, dt.date]]:
    """(contact path, line, date) of each interaction that ``block``, with links to
    ``targets``, records in a note that is not a contact's (``Builder._found_in`` reads
    those)."""
    if block.date is not None:
        date, links = block.date, targets
    elif note.date is not None and not block.excluded:
        date, links = note.date, [(link, path) for link, path in targets if not link.embed]
    else:
        return []
    found: dict[str, tuple[str, int, dt.date]] = {}
    for link, path in links:
        if path in contacts and path not in found:
            found[path] = (path, (block.line if block.date is not None else link.line), date)
    return list(found.values())
