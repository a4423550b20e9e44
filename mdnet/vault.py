"""Build the Vault model from parsed notes: resolve links, gather the timelines.

SPEC §3: dated list items in a contact note are interactions with that contact (links
in them are mentions); a dated item elsewhere is an interaction with every contact it
links; a dated note records one with each contact linked in its body, except in dated
items, plans, code, quotes and embeds; dated items tagged #attended or #missed in a
circle note are its meeting records.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from pathlib import Path

from mdnet.config import Config
from mdnet.markdown import LEADING_DATE_RE, Block, Link
from mdnet.model import Circle, Contact, Dangling, Event, Interaction, MeetingRecord, Vault
from mdnet.note import Note


class Resolver:
    """Obsidian's link resolution: title, alias or path without ``.md``, any case."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.by_name: dict[str, str] = {}
        by_alias: dict[str, str] = {}
        for note in notes:  # sorted by path: the first note of a shared title wins
            self.by_name.setdefault(note.path.removesuffix(".md").lower(), note.path)
            self.by_name.setdefault(note.title.lower(), note.path)
            for alias in note.fields.get("aliases", ()):
                by_alias.setdefault(alias.lower(), note.path)
        for alias, path in by_alias.items():
            self.by_name.setdefault(alias, path)

    def resolve(self, link: Link, from_path: str) -> str | None:
        """The path of the note ``link`` points to, or None."""
        target = link.target
        if link.relative:
            folder = posixpath.dirname(from_path)
            joined = posixpath.normpath(posixpath.join(folder, target)).removesuffix(".md")
            found = self.by_name.get(joined.lower())
            if found:
                return found
        target = target.strip().removesuffix(".md").lstrip("/")
        return self.by_name.get(target.lower())


def build(root: Path, notes: list[Note], config: Config) -> Vault:
    """The model of a vault from its notes (sorted by path)."""
    resolver = Resolver(notes)
    by_path = {note.path: note for note in notes}
    contacts = {n.path: Contact(n) for n in notes if n.kind == "contact"}
    circles = {n.path: Circle(n) for n in notes if n.kind == "circle"}
    events = {n.path: Event(n) for n in notes if n.kind == "event"}
    dangling: list[Dangling] = []
    for note in notes:
        for block in note.blocks:
            targets = [(link, resolver.resolve(link, note.path)) for link in block.links]
            if block.date is not None:
                dangling += [
                    Dangling(note.path, link.line, link.target, link.relative)
                    for link, path in targets
                    if path is None and not LEADING_DATE_RE.fullmatch(link.target)
                ]
            for contact_path, line, date in _entries_of(note, block, targets, contacts):
                markers = frozenset(filter(None, map(config.marker_for, block.tags)))
                entry = Interaction(
                    contact_path,
                    date,
                    note.path,
                    line,
                    block.text,
                    markers,
                    block.channel,
                    block.task,
                    block.time,
                    tuple(path for _, path in targets if path is not None),
                )
                contacts[contact_path].entries.append(entry)
            if note.path in circles and block.date is not None:
                tags = set(block.tags)
                if tags & {"attended", "missed"}:
                    record = MeetingRecord(block.date, "attended" in tags, block.line)
                    circles[note.path].meetings.append(record)
    for event in events.values():
        _gather_attendees(event, resolver, contacts)
    for person in contacts.values():
        person.entries.sort(key=lambda entry: (entry.date, entry.path, entry.line))
        met_at = person.note.fields.get("met_at")
        place = resolver.resolve(Link(met_at, 0), person.note.path) if met_at else None
        event_date = events[place].date if place in events else None
        if place is not None and event_date is not None:
            person.met_at_events.append((event_date, events[place].title))
    return Vault(root, by_path, contacts, circles, events, dangling)


def _entries_of(
    note: Note, block: Block, targets: list[tuple[Link, str | None]], contacts: dict[str, Contact]
) -> Iterable[tuple[str, int, dt.date]]:
    """(contact path, line, date) of each interaction that ``block`` records."""
    if block.date is not None and "update" in block.tags:
        return  # `#update` (as `mdnet import --update` logs): news about them, not contact
    if note.kind == "contact":
        if block.date is not None and block.is_item:
            yield note.path, block.line, block.date
        return
    if block.date is not None:
        date, links = block.date, targets
    elif note.date is not None and not block.excluded:
        date, links = note.date, [(link, path) for link, path in targets if not link.embed]
    else:
        return
    seen: set[str] = set()
    for link, path in links:
        if path in contacts and path not in seen:
            seen.add(path)
            yield path, (block.line if block.date is not None else link.line), date


def _gather_attendees(event: Event, resolver: Resolver, contacts: dict[str, Contact]) -> None:
    """Contacts listed in ``attendees`` or linked in the body; met there if attended."""
    note = event.note
    found = [
        resolver.resolve(Link(name, 0), note.path) for name in note.fields.get("attendees", ())
    ]
    found += [resolver.resolve(link, note.path) for block in note.blocks for link in block.links]
    for path in dict.fromkeys(found):
        if path in contacts:
            event.attendees.append(path)
            if event.status == "attended" and event.date is not None:
                contacts[path].met_at_events.append((event.date, event.title))
