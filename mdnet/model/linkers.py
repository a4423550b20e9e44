"""Which notes link each name: what the builder reads again when a name comes to resolve
elsewhere, and where the notes that link a note are found.

A live model (watch, lsp) keeps them from its build on, and lets its notes' blocks go
once built: what they bring is in ``found``, and at 100,000 notes the blocks are a
sixth of a watcher's memory. A note that must be read again (it links a name that
moved; references to a note are asked) takes its blocks back from the reader the live
vault gives the builder (``ReadAgain``: the note's file, or an editor's text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mdnet.model.found import linked_names
from mdnet.notes.note import Note

ReadAgain = Callable[[list[Note]], list[Note]]  # the notes as they read now, blocks and all
Paths = tuple[str, ...]


class Linkers:
    """For each name links may resolve through, the paths of the notes that link it (a
    tuple: a set took five times the memory, 16 MB at 100,000 notes)."""

    def __init__(self, notes: Iterable[Note]) -> None:
        linking: dict[str, list[str]] = {}
        for note in notes:
            for name in linked_names(note):
                linking.setdefault(name, []).append(note.path)
        self.by_name: dict[str, tuple[str, ...]] = {
            name: tuple(paths) for name, paths in linking.items()
        }

    @classmethod
    def saved(
        cls, names: list[str], linking: list[Paths | None], others: dict[str, Paths]
    ) -> Linkers:
        """The linkers a snapshot saved (``to_save``: what links each of the resolver's
        ``names``, then the ``others``)."""
        linkers = cls(())
        pairs = zip(names, linking, strict=True)
        linkers.by_name = {name: paths for name, paths in pairs if paths is not None}
        linkers.by_name.update(others)
        return linkers

    def to_save(
        self, notes: dict[str, Note], names: dict[str, str]
    ) -> tuple[list[Paths | None], dict[str, Paths]]:
        """``by_name`` less the notes gone, as a snapshot saves it: the notes that link
        each of the resolver's ``names`` in its order (None: none), each name saved once
        for both; then those that link the other names (that resolve nowhere). A note
        stays listed under a name it no longer links until it goes (``relink``), and the
        snapshot is carried from one check to the next."""
        by_name = self.by_name

        def here(paths: Paths) -> Paths | None:
            if all(path in notes for path in paths):
                return paths or None
            return tuple(path for path in paths if path in notes) or None

        linking = [here(by_name.get(name, ())) for name in names]
        others = {
            name: kept
            for name, paths in by_name.items()
            if name not in names and (kept := here(paths)) is not None
        }
        return linking, others

    def of(self, names: Iterable[str]) -> set[str]:
        """The paths of the notes that link any of ``names``."""
        by_name = self.by_name
        return {path for name in names for path in by_name.get(name, ())}

    def relink(self, old: dict[str, Note], refound: list[Note], gone: Iterable[str]) -> None:
        """Keep them true for the notes read again (``refound``) and those ``gone``.

        The links of a note's version before are those of its blocks, which a live model
        let go: such a note may stay listed under a name it no longer links, which costs
        a reading of it when the name moves, never a wrong answer."""
        by_name = self.by_name
        for path in {*gone, *(note.path for note in refound)}:
            if path in old:
                for name in linked_names(old[path]):
                    paths = by_name.get(name, ())
                    if path in paths:  # none left: no key (names typed, `[[Ja`, `[[Jan`)
                        if remaining := tuple(p for p in paths if p != path):
                            by_name[name] = remaining
                        else:
                            del by_name[name]
        for note in refound:
            for name in linked_names(note):
                paths = by_name.get(name, ())
                if note.path not in paths:
                    by_name[name] = (*paths, note.path)


def with_blocks(notes: list[Note], read_again: ReadAgain | None) -> list[Note]:
    """Give their blocks back to those of ``notes`` that let them go (``Note.shed``);
    returns those, to let them go again once read."""
    shed = [note for note in notes if note.shed]
    if shed:
        if read_again is None:
            raise ValueError("notes without their blocks, and nothing to read them again")
        for note, again in zip(shed, read_again(shed), strict=True):
            note.take_blocks(again.blocks)
    return shed
