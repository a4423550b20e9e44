"""How the model's snapshot (``cache.snapshot``) is pickled, and unpickled: only the
model's own classes, the contacts' entries first."""

from __future__ import annotations

import importlib
import pickle
from collections.abc import Callable
from typing import Any, BinaryIO

from mdnet.model.contact import Interaction
from mdnet.notes.note import Note

# the classes a snapshot is made of: nothing else is unpickled
MODEL_CLASSES = {
    "mdnet.notes.note": {"Note", "Problem"},
    "mdnet.notes.blocks": {"Block", "Link"},
    "mdnet.rules.finding": {"Finding", "Hit", "Fix"},
    "mdnet.model.contact": {"Interaction", "Contact", "_WithMore"},
    "mdnet.model.totals": {"Some", "Ordered", "Counted", "Summed"},
    "mdnet.rules.runner": {"InPlaceOrder"},
    "mdnet.rules.duplicate_contact": {"Owners"},
    "mdnet.model.commitment": {"Circle", "Event", "MeetingRecord"},
    "mdnet.model.vault": {"Dangling"},
    "mdnet.model.found": {"Found"},
    "mdnet.model.giveback": {"Pending"},
    "mdnet.dates": {"Duration"},
    "datetime": {"date"},
    "builtins": {"set", "frozenset"},
    "collections": {"Counter"},
}


class SnapshotPickler(pickle.Pickler):
    """Saves notes without their blocks (paragraphs and list items): what they bring to
    the model is saved apart (``Builder.found``), and they are the larger half of a
    snapshot. A restored model can then be updated, not built again (``Builder.has_blocks``).

    The contacts' entries (300,000 Interactions at 100k) are saved first, their values
    flat, a few thousand at a time; the model then names each by its place. Pickled as
    named tuples, each was built while loading from a tuple of its values that the
    unpickler keeps until the end of the load: 40 MB more at 100k, which set the peak of
    a check. Read a few thousand at a time, each part's values are let go once made
    into Interactions (``SnapshotUnpickler.load_all``).
    """

    def __init__(self, out: BinaryIO, entries: list[Interaction]) -> None:
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        self.entries = entries
        self.entry_at = {id(entry): at for at, entry in enumerate(entries)}

    @classmethod
    def dumper(cls, entries: list[Interaction], state: object) -> Callable[[BinaryIO], None]:
        """What writes ``entries`` (the parts' count, then each part's values) and
        ``state`` to a file, pickled, as ``SnapshotUnpickler.load_all`` reads them back."""

        def dump(out: BinaryIO) -> None:
            pickler = cls(out, entries)
            parts = range(0, len(entries), ENTRIES_AT_ONCE)
            pickler.dump(len(parts))
            for start in parts:  # one memo for all: the values the model shares stay shared
                pickler.dump(
                    [value for entry in entries[start : start + ENTRIES_AT_ONCE] for value in entry]
                )
            pickler.dump(state)

        return dump

    def persistent_id(self, obj: Any) -> Any:
        return self.entry_at.get(id(obj)) if type(obj) is Interaction else None

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is Note and obj.blocks:
            return Note, (obj.path, obj.kind, obj.fields, obj.lines, (), obj.problems, obj.date)
        return NotImplemented


ENTRIES_AT_ONCE = 4096
WIDTH = len(Interaction._fields)


class SnapshotUnpickler(pickle.Unpickler):
    """Builds only the model's classes (a snapshot cannot run code)."""

    entries: list[Interaction]

    def load_all(self) -> Any:
        """The state that ``SnapshotPickler.dumper`` saved, its entries made first."""
        parts = self.load()
        if type(parts) is not int or parts < 0:
            raise pickle.UnpicklingError("not a snapshot")
        new = tuple.__new__  # without Interaction's __new__: 300,000 calls at 100k
        self.entries = []
        for _ in range(parts):
            values = self.load()
            if type(values) is not list or len(values) % WIDTH:
                raise pickle.UnpicklingError("not a snapshot's entries")
            self.entries += [
                new(Interaction, values[at : at + WIDTH]) for at in range(0, len(values), WIDTH)
            ]
            values.clear()  # the memo keeps the list, not what it held
        return self.load()

    def persistent_load(self, pid: Any) -> Any:
        if type(pid) is not int or not 0 <= pid < len(self.entries):
            raise pickle.UnpicklingError("not an entry of the snapshot")
        return self.entries[pid]

    def find_class(self, module: str, name: str) -> Any:
        if name not in MODEL_CLASSES.get(module, ()):
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a snapshot")
        found = getattr(importlib.import_module(module), name)
        if not isinstance(found, type):
            raise pickle.UnpicklingError(f"{module}.{name} is not a class")
        return found
