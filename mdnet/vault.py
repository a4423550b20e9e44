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
from operator import attrgetter
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
        name = self.by_name.setdefault
        for note in notes:  # sorted by path: the first note of a shared title wins
            path = note.path
            stem = path.removesuffix(".md")
            name(stem.lower(), path)
            name(stem.rsplit("/", 1)[-1].lower(), path)  # the note's title
            if "aliases" in note.fields:
                for alias in note.fields["aliases"]:
                    by_alias.setdefault(alias.lower(), path)
        for alias, path in by_alias.items():
            self.by_name.setdefault(alias, path)
        self.wikilinks: dict[str, str | None] = {}  # target as written → path

    def resolve(self, link: Link, from_path: str) -> str | None:
        """The path of the note ``link`` points to, or None."""
        target = link.target
        if not link.relative:  # a wikilink resolves the same from every note
            try:
                return self.wikilinks[target]
            except KeyError:
                found = self.wikilinks[target] = self._by_title(target)
                return found
        folder = posixpath.dirname(from_path)
        joined = posixpath.normpath(posixpath.join(folder, target)).removesuffix(".md")
        return self.by_name.get(joined.lower()) or self._by_title(target)

    def _by_title(self, target: str) -> str | None:
        return self.by_name.get(target.strip().removesuffix(".md").lstrip("/").lower())


def build(root: Path, notes: list[Note], config: Config) -> Vault:
    """The model of a vault from its notes (sorted by path)."""
    resolver = Resolver(notes)
    by_path = {note.path: note for note in notes}
    contacts = {n.path: Contact(n) for n in notes if n.kind == "contact"}
    circles = {n.path: Circle(n) for n in notes if n.kind == "circle"}
    events = {n.path: Event(n) for n in notes if n.kind == "event"}
    dangling: list[Dangling] = []
    resolve = resolver.resolve
    markers_of: dict[tuple[str, ...], frozenset[str]] = {}  # by a block's tags: few differ
    new = tuple.__new__  # an Interaction without the call to its __new__ (94,000 of them)
    for note in notes:
        path_of_note = note.path
        is_contact = note.kind == "contact"
        circle = circles.get(path_of_note)
        for block in note.blocks:
            line, text, is_item, task, date, time, channel, tags, links, _ = block
            targets = [(link, resolve(link, path_of_note)) for link in links] if links else []
            if date is not None and targets:
                dangling += [
                    Dangling(path_of_note, link.line, link.target, link.relative)
                    for link, path in targets
                    if path is None and not LEADING_DATE_RE.fullmatch(link.target)
                ]
            if not is_contact:
                found = _entries_of(note, block, targets, contacts) if targets else []
            elif date is not None and is_item and "update" not in tags:
                found = [(path_of_note, line, date)]  # _entries_of's commonest case, inline
            else:
                found = []
            if found:
                markers = markers_of.get(tags)
                if markers is None:
                    markers = frozenset(filter(None, map(config.marker_for, tags)))
                    markers_of[tags] = markers
                linked = tuple([path for _, path in targets if path is not None]) if links else ()
                for contact_path, at, when in found:
                    fields = (contact_path, when, path_of_note, at, text, markers, channel, task)
                    entry = new(Interaction, (*fields, time, linked))
                    contacts[contact_path].entries.append(entry)
            if circle and date is not None and ("attended" in tags or "missed" in tags):
                circle.meetings.append(MeetingRecord(date, "attended" in tags, line))
    for event in events.values():
        _gather_attendees(event, resolver, contacts)
    for person in contacts.values():
        person.entries.sort(key=_in_date_order)
        met_at = person.note.fields.get("met_at")
        place = resolver.resolve(Link(met_at, 0), person.note.path) if met_at else None
        event_date = events[place].date if place in events else None
        if place is not None and event_date is not None:
            person.met_at_events.append((event_date, events[place].title))
    return Vault(root, by_path, contacts, circles, events, dangling)


_in_date_order = attrgetter("date", "path", "line")


def _entries_of(
    note: Note, block: Block, targets: list[tuple[Link, str | None]], contacts: dict[str, Contact]
) -> list[tuple[str, int, dt.date]]:
    """(contact path, line, date) of each interaction that ``block`` records."""
    if block.date is not None and "update" in block.tags:
        return []  # `#update` (as `mdnet import --update` logs): news about them, not contact
    if note.kind == "contact":
        if block.date is not None and block.is_item:
            return [(note.path, block.line, block.date)]
        return []
    if not targets:
        return []
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
