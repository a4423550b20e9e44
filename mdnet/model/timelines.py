"""Assembling the model's parts from what the notes bring: events with their attendees,
when each contact was met, and whether a contact came out the same as before."""

from __future__ import annotations

import datetime as dt
from operator import attrgetter

from mdnet.model.commitment import Event
from mdnet.model.contact import Contact, Interaction
from mdnet.model.found import Found
from mdnet.model.links import Resolver
from mdnet.notes.blocks import Link
from mdnet.notes.note import Note

Met = tuple[dt.date, str]  # when and where a contact was met
in_date_order = attrgetter("date", "path", "line")


def event_of(note: Note, resolver: Resolver, contacts: dict[str, Contact]) -> Event:
    """The event with its attendees: listed in ``attendees`` or linked in the body."""
    resolve = resolver.resolve
    found = [resolve(Link(name, 0), note.path) for name in note.fields.get("attendees", ())]
    found += [resolve(link, note.path) for block in note.blocks for link in block.links]
    return Event(note, [path for path in dict.fromkeys(found) if path in contacts])


def attended(events: dict[str, Event]) -> dict[str, list[Met]]:
    """Contact path → the dated events marked attended that list them, in path order."""
    found: dict[str, list[Met]] = {}
    for event in events.values():
        if event.status == "attended" and event.date is not None:
            for path in event.attendees:
                found.setdefault(path, []).append((event.date, event.title))
    return found


def place(note: Note, resolver: Resolver) -> str | None:
    """The path of the note a contact's ``met_at`` names."""
    met_at = note.fields.get("met_at")
    return resolver.resolve(Link(met_at, 0), note.path) if met_at else None


def set_met_at_events(
    person: Contact, events: dict[str, Event], met: dict[str, list[Met]], resolver: Resolver
) -> None:
    """The events attended, then the ``met_at`` event, with their dates."""
    person.met_at_events = tuple(met.get(person.note.path, ()))
    where = place(person.note, resolver)
    event_date = events[where].date if where in events else None
    if where is not None and event_date is not None:
        person.met_at_events += ((event_date, events[where].title),)


def met_at(event: str, contacts: dict[str, Contact], resolver: Resolver) -> list[str]:
    """The contacts whose ``met_at`` is this event."""
    return [
        path
        for path, person in contacts.items()
        if "met_at" in person.note.fields and place(person.note, resolver) == event
    ]


class Keeping:
    """Keeps each contact that came out the same as before (with what was worked out
    about it), and its entries with it: what the notes read again brought then holds
    those, not equal copies (twice the memory of a vault's entries, and of its snapshot)."""

    def __init__(self) -> None:
        self.shared: dict[int, Interaction] = {}  # id of an entry made again → the kept one

    def kept(self, before: Contact | None, after: Contact) -> Contact:
        """``before`` when ``after`` came out the same, else ``after``."""
        if before is None or not same(before, after):
            return after
        pairs = zip(after.entries, before.entries, strict=True)
        self.shared.update((id(new), old) for new, old in pairs if new is not old)
        return before

    def share(self, found: dict[str, Found]) -> None:
        """Make ``found`` hold the kept contacts' entries in place of the equal new ones."""
        shared = self.shared
        for path in {entry.path for entry in shared.values()}:
            brought = found.get(path)
            if brought is not None:
                entries = tuple([shared.get(id(entry), entry) for entry in brought.entries])
                found[path] = brought._replace(entries=entries)


def same(before: Contact, after: Contact) -> bool:
    """The same note and the same entries (made from the same notes, mostly the same
    objects: quick to compare)."""
    return (
        (before.note is after.note or alike(before.note, after.note))
        and before.entries == after.entries
        and before.met_at_events == after.met_at_events
    )


def alike(one: Note, other: Note) -> bool:
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
