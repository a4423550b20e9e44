"""What a change of notes reaches past the notes themselves: whether it reshapes the
model (what links resolve to), the contacts, circles and events that stay, and what the
vault worked out about all its notes, carried over."""

from __future__ import annotations

import heapq
from collections.abc import Callable
from operator import attrgetter
from typing import TypeVar

from mdnet.model.commitment import Circle, Event
from mdnet.model.contact import Contact
from mdnet.model.found import Found
from mdnet.model.linkers import Linkers
from mdnet.model.links import Resolver, name_key, names_of
from mdnet.model.vault import Dangling, Vault
from mdnet.notes.note import Note


def moved_links(
    resolver: Resolver, linkers: Linkers, old: Vault, reshaping: list[Note], gone: set[str]
) -> set[str]:
    """The notes that link a name which now resolves elsewhere (or to a note of another
    kind), once the ``reshaping`` notes changed and those ``gone`` went."""
    before = [old.notes[n.path] for n in reshaping if n.path in old.notes]
    before += [old.notes[path] for path in gone]
    moved = resolver.reclaim(old.notes.values(), before, reshaping)
    for note in reshaping:
        prior = old.notes.get(note.path)
        if prior is not None and prior.kind != note.kind:
            for _, name in names_of(note):
                if resolver.by_name.get(name) == note.path:
                    moved.add(name)  # links to it may now be interactions, or not
    return linkers.of(moved) - gone


def of_kinds(
    old: Vault, reshaping: list[Note], gone: set[str]
) -> tuple[dict[str, Contact], dict[str, Circle], dict[str, Event]]:
    """The old contacts, circles and events, less those gone or of another kind now,
    with a new contact for each note that became one (circles and events read again
    are made by the caller)."""
    contacts, circles, events = dict(old.contacts), dict(old.circles), dict(old.events)
    for note in reshaping:
        prior = old.notes.get(note.path)
        if prior is not None and prior.kind != note.kind:
            gone = gone | {note.path}
        if (note.kind == "contact" and note.path not in contacts) or note.path in gone:
            contacts[note.path] = Contact(note)
    for path in gone:
        circles.pop(path, None)
        events.pop(path, None)
        if path in contacts and not any(n.path == path and n.kind == "contact" for n in reshaping):
            del contacts[path]
    return contacts, circles, events


T = TypeVar("T")


def notes_after(before: dict[str, Note], changed: list[Note], gone: set[str]) -> dict[str, Note]:
    """The notes by path, in path order, once the ``changed`` ones are in and the ``gone``
    ones out (new notes are merged in, not sorted in with every note: 17 MB at 100k)."""
    changed_at = {note.path: note for note in changed}
    new = sorted(changed_at.keys() - before.keys())
    if new:
        return {
            path: changed_at[path] if path in changed_at else before[path]
            for path in heapq.merge(before, new)
            if path not in gone
        }
    notes = {**before, **changed_at}
    for path in gone:
        del notes[path]
    return notes


def in_path_order(by_path: dict[str, T]) -> dict[str, T]:
    return dict(sorted(by_path.items()))


def carry(
    old: Vault,
    new: Vault,
    changed: list[Note],
    gone: set[str],
    titles: Callable[[str], int] | None = None,
) -> None:
    """Give ``new`` what ``old`` worked out about all its notes, as ``new`` would work it
    out (30,000 notes looked at for a few). ``titles``, when notes came or went: how many
    notes now have a title (``links.name_key``'s; the links' resolver counts them)."""
    paths = {note.path for note in changed} | gone
    if titles is None:
        new.shared_titles = old.shared_titles  # the same titles
    elif "shared_titles" in old.__dict__:  # worked out: brought up to date
        counted = {name_key(old.notes[path].title) for path in gone}
        counted.update(name_key(note.title) for note in changed if note.path not in old.notes)
        shared = {title for title in counted if titles(title) > 1}
        new.shared_titles = (old.shared_titles - counted) | shared
    confidential = {p for p in old.confidential if p not in paths}
    new.confidential = frozenset(
        confidential | {n.path for n in changed if n.fields.get("confidential")}
    )
    new.ignoring = {p: n for p, n in old.ignoring.items() if p not in paths} | {
        n.path: n for n in changed if "mdnet-ignore" in n.fields
    }
    kept = [note for note in old.with_problems if note.path not in paths]
    new.with_problems = sorted(kept + [n for n in changed if n.problems], key=_path)


def still_dangling(old: Vault, read_again: set[str], found: dict[str, Found]) -> list[Dangling]:
    """The links to no note once the notes at ``read_again`` were read again (those still
    there ``found`` anew): in the order of the notes, each note's in its own order."""
    dangling = [link for link in old.dangling if link.path not in read_again]
    dangling += [link for brought in found.values() for link in brought.dangling]
    dangling.sort(key=_path)
    return dangling


def reshapes(before: Note | None, after: Note) -> bool:
    """Whether a note's change reaches past what it brings itself: a new note, another
    kind or aliases (what links resolve to)."""
    return (
        before is None
        or before.kind != after.kind
        or before.fields.get("aliases") != after.fields.get("aliases")
    )


_path = attrgetter("path")
