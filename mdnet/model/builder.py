"""Build the Vault model from parsed notes, then keep it up to date as notes change.

What each note brings (its interactions, dangling links, meeting records) is read by
``found.Finder``; the builder resolves links (``links.Resolver``), gathers every
contact's timeline, and assembles the circles and events (``timelines``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mdnet.config import Config
from mdnet.model.changes import (
    carry,
    in_path_order,
    moved_links,
    notes_after,
    of_kinds,
    reshapes,
    still_dangling,
)
from mdnet.model.commitment import Circle, Event
from mdnet.model.contact import Contact
from mdnet.model.found import Finder, Found
from mdnet.model.linkers import Linkers, ReadAgain, with_blocks
from mdnet.model.links import Resolver
from mdnet.model.timelines import (
    Keeping,
    Met,
    attended,
    event_of,
    in_date_order,
    met_at,
    set_met_at_events,
)
from mdnet.model.totals import follow
from mdnet.model.vault import Dangling, Vault
from mdnet.notes.note import Note


class Builder:
    """Builds the model from every note, then keeps it up to date as notes change.

    ``update`` (watch mode, the editor, a check from ``mdnet.cache.snapshot``) reads again
    only the notes that changed and the notes whose links they concern: a note that
    appears, goes, or changes its kind or aliases re-resolves only the links to the names
    it gains or loses (the notes that link each name are kept in ``linkers``). Only the
    contacts, circles and events those notes touch are made anew; every other Contact
    object carries over, and with it what was worked out about it (``Contact.kept``).
    Either way the Vault is the one ``build`` makes from the same notes.

    ``live`` builders (watch, lsp) index the links when they build; others index them
    when a change first needs it. Given a way to ``read_again`` a note, a live builder
    lets the notes' blocks go once built, and takes them back for those it reads again
    (``linkers``).
    """

    def __init__(
        self, root: Path, config: Config, live: bool = False, read_again: ReadAgain | None = None
    ) -> None:
        self.root, self.live, self.read_again = root, live, read_again
        self.vault = Vault(root, {}, {}, {}, {}, [])
        self.resolver = Resolver([])
        self.finder = Finder(config)
        self.found: dict[str, Found] = {}  # only for the notes that bring something
        self.linkers: Linkers | None = None  # name → the notes that link it
        self.rebuilt = False  # whether the model was last built from all the notes
        self.has_blocks = True  # the notes have their blocks, or can read them again

    @property
    def markers_of(self) -> dict[tuple[str, ...], frozenset[str]]:
        return self.finder.markers_of

    @classmethod
    def restored(
        cls,
        vault: Vault,
        config: Config,
        found: dict[str, Found],
        names: dict[str, str],
        markers_of: dict[tuple[str, ...], frozenset[str]],
        linkers: Linkers | None,
        read_again: ReadAgain | None,
        live: bool = False,
    ) -> Builder:
        """The builder of ``vault`` as ``mdnet.cache.snapshot`` saved it: what each note
        brings, what links resolve to, the notes that link each name. Its notes let their
        blocks go: given ``linkers`` and a way to ``read_again`` a note, a change that
        reaches other notes reads those again, as in a live model (``live``: one, from
        now on); else it needs all the notes (``has_blocks``)."""
        builder = cls(vault.root, config, live, read_again)
        builder.vault, builder.found, builder.linkers = vault, found, linkers
        builder.finder.markers_of, builder.resolver.by_name = markers_of, names
        builder.has_blocks = linkers is not None and read_again is not None
        return builder

    def takes(self, config: Config) -> bool:
        """Whether the model stands under ``config`` (notes read alike: the caller's to
        know); then it is the model's config (``Finder.takes``)."""
        return self.finder.takes(config)

    def build(self, notes: list[Note]) -> Vault:
        """The model of a vault from all its notes (sorted by path)."""
        if self.read_again is not None:  # a live model's notes may have let them go
            with_blocks(notes, self.read_again)
        self.resolver, self.rebuilt, self.has_blocks = Resolver(notes), True, True
        contacts = {n.path: Contact(n) for n in notes if n.kind == "contact"}
        self.finder.linked.clear()  # those of notes since gone: let go, as a build starts
        self.found = self.finder.found_in(notes, self.resolver.resolve, contacts)
        for found in self.found.values():
            for entry in found.entries:
                contacts[entry.contact].entries.append(entry)
        resolver = self.resolver
        events = {n.path: event_of(n, resolver, contacts) for n in notes if n.kind == "event"}
        met = attended(events)
        before, keeping = self.vault.contacts, Keeping()
        for path, person in contacts.items():
            person.entries.sort(key=in_date_order)
            if path in met or "met_at" in person.note.fields:  # else none: most
                set_met_at_events(person, events, met, resolver)
            if path in before:  # kept when the same, with what was worked out about them
                contacts[path] = keeping.kept(before[path], person)
                contacts[path].note = person.note  # the same but for blocks (a snapshot's)
        keeping.share(self.found)
        circles = {n.path: self._circle(n) for n in notes if n.kind == "circle"}
        by_path = {note.path: note for note in notes}
        self.vault = Vault(self.root, by_path, contacts, circles, events, self._dangling(by_path))
        self.linkers = None
        if self.live:
            self._index_links(notes)
            if self.read_again is not None:  # what they bring is in found
                for note in notes:
                    note.shed_blocks()
        return self.vault

    def shed_blocks(self, keep_links: bool = False) -> None:
        """Let the notes' blocks go once the model is built (a check does: what they
        bring is in ``found``); a change that reaches other notes then needs them all
        read again (``has_blocks``). ``keep_links``: the notes that link each name are
        indexed first (a snapshot saves them, to be reshaped as a live model is)."""
        if keep_links and self.linkers is None:
            self.linkers = Linkers(self.vault.notes.values())
        for note in self.vault.notes.values():
            if note.blocks:
                note.shed_blocks()
        self.has_blocks, self.linkers = False, self.linkers if keep_links else None

    def update(self, changed: list[Note], removed: Iterable[str] = ()) -> Vault:
        """The model once the ``changed`` notes are parsed again and ``removed`` ones gone."""
        old = self.vault
        gone = set(removed) & old.notes.keys()
        reshaping = [n for n in changed if reshapes(old.notes.get(n.path), n)]
        if (reshaping or gone) and not self.has_blocks:
            raise ValueError("a model restored without its notes' blocks cannot be reshaped")
        notes = notes_after(old.notes, changed, gone)
        self.rebuilt = False
        refind = {note.path for note in changed}
        if reshaping or gone:
            linkers = self._index_links(old.notes.values())
            refind |= moved_links(self.resolver, linkers, old, reshaping, gone)
        refound = [notes[path] for path in sorted(refind) if path in notes]
        reread = with_blocks(refound, self.read_again)
        if self.linkers is not None:
            self.linkers.relink(old.notes, refound, gone)
        contacts, circles, events = of_kinds(old, reshaping, gone)
        touched: set[str] = set()  # the contacts to make anew
        for path in refind | gone:
            found = self.found.pop(path, None)
            if found is not None:
                touched.update(entry.contact for entry in found.entries)
        after = self.finder.found_in(refound, self.resolver.resolve, contacts)
        self.found.update(after)
        for found in after.values():
            touched.update(entry.contact for entry in found.entries)
        for path in gone | {n.path for n in reshaping}:
            if path in old.events:  # an event that went, or is no event any more
                touched.update(old.events[path].attendees)
        for note in refound:
            if note.kind == "contact":
                touched.add(note.path)
            elif note.kind == "event":
                events[note.path] = event_of(note, self.resolver, contacts)
                earlier = old.events.get(note.path)
                touched.update(earlier.attendees if earlier else (), events[note.path].attendees)
                touched.update(met_at(note.path, contacts, self.resolver))
            elif note.kind == "circle":
                circles[note.path] = self._circle(note)
        met, keeping = attended(events), Keeping()
        for path in touched & contacts.keys():
            self._remake(path, notes, contacts, events, met, refind | gone, old, keeping)
        keeping.share(self.found)
        if reshaping or gone:  # new ones came last: in path order, as build makes them
            contacts, circles, events = (
                in_path_order(contacts),
                in_path_order(circles),
                in_path_order(events),
            )
        dangling = still_dangling(old, refind | gone, after)
        self.vault = Vault(self.root, notes, contacts, circles, events, dangling)
        titled = self.resolver.notes_titled if reshaping or gone else None  # notes came, went
        carry(old, self.vault, changed, gone, titled)
        maybe = touched | gone | {note.path for note in reshaping}
        follow(
            old,
            self.vault,
            frozenset(p for p in maybe if old.contacts.get(p) is not contacts.get(p)),
        )
        for note in reread:  # as they were before
            note.shed_blocks()
        if not self.live:  # who claims each name: made again for a check's next change
            self.resolver.claims = None  # (rare), not kept through its rules (20 MB)
        return self.vault

    def reshapes(self, changed: list[Note], removed: Iterable[str] = ()) -> bool:
        """Whether ``update`` reads notes other than the changed ones (which a builder
        whose notes let their blocks go cannot, unless it ``has_blocks`` to read again)."""
        notes = self.vault.notes
        return any(path in notes for path in removed) or any(
            reshapes(notes.get(note.path), note) for note in changed
        )

    def _index_links(self, notes: Iterable[Note]) -> Linkers:
        """``linkers``, made from ``notes`` (and the Resolver's claims) unless made."""
        if self.linkers is None:
            self.linkers = Linkers(notes)
            self.resolver.claim_all(notes)
        return self.linkers

    def _remake(
        self,
        path: str,
        notes: dict[str, Note],
        contacts: dict[str, Contact],
        events: dict[str, Event],
        met: dict[str, list[Met]],
        refind: set[str],
        old: Vault,
        keeping: Keeping,
    ) -> None:
        """Make the contact at ``path`` anew: its entries from the notes not read again,
        then from those read again (kept as it was when it comes out the same)."""
        person = Contact(notes[path])
        earlier = old.contacts.get(path)
        if earlier is not None:
            person.entries += [e for e in earlier.entries if e.path not in refind]
        for source in refind & self.found.keys():
            person.entries += [e for e in self.found[source].entries if e.contact == path]
        person.entries.sort(key=in_date_order)
        set_met_at_events(person, events, met, self.resolver)
        contacts[path] = keeping.kept(earlier, person)

    def _circle(self, note: Note) -> Circle:
        found = self.found.get(note.path)
        return Circle(note, list(found.meetings) if found else [])

    def _dangling(self, notes: dict[str, Note]) -> list[Dangling]:
        found = self.found
        return [link for path in notes if path in found for link in found[path].dangling]
