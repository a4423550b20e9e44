"""What one note brings to the model besides itself: interactions, dangling links,
meeting records (SPEC §3).

Dated list items in a contact note are interactions with that contact (links in them
are mentions); a dated item elsewhere is an interaction with every contact it links; a
dated note records one with each contact linked in its body, except in dated items,
plans, code, quotes and embeds; dated items tagged #attended or #missed in a circle note
are its meeting records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import NamedTuple

from mdnet.config import Config
from mdnet.dates import LEADING_DATE_RE
from mdnet.model.commitment import MeetingRecord
from mdnet.model.contact import Interaction
from mdnet.model.links import link_keys
from mdnet.model.vault import Dangling
from mdnet.notes.blocks import Block, Link
from mdnet.notes.note import Note
from mdnet.notes.sharing import shared_date, shared_text

NEWS = "news"  # the marker of a dated entry that is news about a contact, not contact
Resolve = Callable[[Link, str], "str | None"]


class Found(NamedTuple):
    """What one note brings to the model besides itself."""

    entries: tuple[Interaction, ...]  # with any contacts (a tuple: 4 MB less at 100k)
    dangling: tuple[Dangling, ...]
    meetings: tuple[MeetingRecord, ...]  # when the note is a circle's


class Finder:
    """Reads what notes bring, resolving their links; keeps the marker sets it made (a
    few differ, by tags) and the paths entries link (most link one contact, whose tuple
    many entries share) so that equal entries share them."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.markers_of: dict[tuple[str, ...], frozenset[str]] = {}
        self.linked: dict[tuple[str, ...], tuple[str, ...]] = {}

    def takes(self, config: Config) -> bool:
        """Whether notes bring the same under ``config`` (it gives tags the same meaning):
        then it is this finder's config from now on."""
        if config.markers != self.config.markers:
            return False
        self.config = config
        return True

    def found_in(
        self, notes: list[Note], resolve: Resolve, contacts: Collection[str]
    ) -> dict[str, Found]:
        """The interactions, dangling links and meeting records written in each note, by
        path, for the notes that have any (one loop for all: 30,000 notes)."""
        found_in: dict[str, Found] = {}
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
                        self._linked(tuple([path for _, path in targets if path is not None]))
                        if links
                        else ()
                    )
                    rest = (markers, channel and shared_text(channel), task, linked)
                    subjects = _subjects(note, found)
                    for contact_path, at, when in found:  # one date object for each day
                        entry = (contact_path, shared_date(when), path_of_note, at, text, *rest)
                        entries.append(new(Interaction, (*entry, subjects.get(at, ""))))
                if is_circle and date is not None and ("attended" in tags or "missed" in tags):
                    meetings += (MeetingRecord(date, "attended" in tags, line),)
            if entries or dangling or meetings:
                found_in[path_of_note] = Found(tuple(entries), dangling, meetings)
        return found_in

    def _linked(self, paths: tuple[str, ...]) -> tuple[str, ...]:
        """The one tuple of these linked paths (10,000 of them for 52,000 entries at 30k)."""
        return self.linked.setdefault(paths, paths)

    def _markers(self, tags: tuple[str, ...]) -> frozenset[str]:
        """The markers that an entry's tags stand for (kept: a vault has few tag sets)."""
        markers = self.markers_of.get(tags)
        if markers is None:
            markers = frozenset(filter(None, map(self.config.marker_for, tags)))
            self.markers_of[tags] = markers
        return markers


def linked_names(note: Note) -> set[str]:
    """Every name the note's links may resolve through: in its body, its ``attendees``
    and its ``met_at`` (what must be read again when such a name resolves elsewhere)."""
    names = {
        key for block in note.blocks for link in block.links for key in link_keys(link, note.path)
    }
    written = [*note.fields.get("attendees", ()), note.fields.get("met_at")]
    names.update(key for name in written if name for key in link_keys(Link(name, 0), note.path))
    return names


def _subjects(note: Note, found: list[tuple[str, int, dt.date]]) -> dict[int, str]:
    """Where the entries of a block are reported when several contacts share one
    (``Interaction.subject``), by line: a circle's or an event's note, else the first
    contact by path among those on the line (none when a contact is alone there)."""
    if note.kind in ("circle", "event"):
        return {at: note.path for _, at, _ in found}
    if len(found) == 1:
        return {}
    first: dict[int, str] = {}
    for contact_path, at, _ in found:
        if at not in first or contact_path < first[at]:
            first[at] = contact_path
    return first


def _entries_of(
    note: Note, block: Block, targets: list[tuple[Link, str | None]], contacts: Collection[str]
) -> list[tuple[str, int, dt.date]]:
    """(contact path, line, date) of each interaction that ``block``, with links to
    ``targets``, records in a note that is not a contact's (``Finder.found_in`` reads
    those)."""
    if block.date is not None:
        date, links = block.date, targets
    elif note.date is not None and not block.excluded:
        date, links = note.date, [(link, path) for link, path in targets if not link.embed]
    else:
        return []
    found: dict[str, tuple[str, int, dt.date]] = {}
    for link, path in links:
        if path is not None and path in contacts and path not in found:
            found[path] = (path, (block.line if block.date is not None else link.line), date)
    return list(found.values())
