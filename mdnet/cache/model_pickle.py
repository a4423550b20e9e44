"""How the model's snapshot (``cache.snapshot``) is pickled, and unpickled: only the
model's own classes, the contacts' entries and kept findings first."""

from __future__ import annotations

import importlib
import pickle
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any, BinaryIO

from mdnet.model.contact import Interaction
from mdnet.notes.note import Note
from mdnet.rules.finding import Finding

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

    The named tuples that the model holds most of and refers to from several places —
    the contacts' entries and the findings kept with them (300,000 and 130,000 at 100k)
    — are saved first (``TABLED``), their values flat, a few thousand at a time; the
    model then names each by its place (a persistent id). Pickled as named tuples, each
    was built while loading from a tuple of its values that the unpickler keeps until
    the end of the load: 55 MB more at 100k, which set the peak of a check. Read a few
    thousand at a time, each part's values are let go once made into named tuples
    (``SnapshotUnpickler.load_all``).
    """

    def __init__(self, out: BinaryIO, tables: Sequence[list[Any]]) -> None:
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        self.place = {id(item): at for at, item in enumerate(chain.from_iterable(tables))}

    @classmethod
    def dumper(cls, tables: Sequence[list[Any]], state: object) -> Callable[[BinaryIO], None]:
        """What writes ``tables`` (one list of each of ``TABLED``'s classes: the count of
        its parts, then each part's values) and ``state`` to a file, pickled, as
        ``SnapshotUnpickler.load_all`` reads them back."""

        def dump(out: BinaryIO) -> None:
            pickler = cls(out, tables)
            for table in tables:  # one memo for all: the values the model shares stay shared
                parts = range(0, len(table), AT_ONCE)
                pickler.dump(len(parts))
                for start in parts:
                    pickler.dump(
                        [value for item in table[start : start + AT_ONCE] for value in item]
                    )
            pickler.dump(state)

        return dump

    def persistent_id(self, obj: Any) -> Any:
        return self.place.get(id(obj)) if type(obj) in TABLED_TYPES else None

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is Note and obj.blocks:
            return Note, (obj.path, obj.kind, obj.fields, obj.lines, (), obj.problems, obj.date)
        return NotImplemented


TABLED: tuple[type[tuple[Any, ...]], ...] = (Interaction, Finding)  # saved first, in order
TABLED_TYPES = frozenset(TABLED)
AT_ONCE = 4096  # named tuples in a part


class SnapshotUnpickler(pickle.Unpickler):
    """Builds only the model's classes (a snapshot cannot run code)."""

    table: list[Any]

    def load_all(self) -> Any:
        """The state that ``SnapshotPickler.dumper`` saved, its named tuples made first."""
        new = tuple.__new__  # without each named tuple's __new__: 400,000 calls at 100k
        self.table = []
        for kind in TABLED:
            width = len(kind._fields)  # type: ignore[attr-defined]
            parts = self.load()
            if type(parts) is not int or parts < 0:
                raise pickle.UnpicklingError("not a snapshot")
            for _ in range(parts):
                values = self.load()
                if type(values) is not list or len(values) % width:
                    raise pickle.UnpicklingError(f"not a snapshot's {kind.__name__}s")
                self.table += [
                    new(kind, values[at : at + width]) for at in range(0, len(values), width)
                ]
                values.clear()  # the memo keeps the list, not what it held
        # a named tuple by its place: the list's own lookup, not a call into Python for
        # each of a million references (0.15 s at 100k). A place that is no int, or past
        # the end, is an error; a negative one (which only a hand-made file holds) can
        # only name another of the snapshot's own named tuples
        self.persistent_load = self.table.__getitem__  # type: ignore[method-assign]
        return self.load()

    def find_class(self, module: str, name: str) -> Any:
        if name not in MODEL_CLASSES.get(module, ()):
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a snapshot")
        found = getattr(importlib.import_module(module), name)
        if not isinstance(found, type):
            raise pickle.UnpicklingError(f"{module}.{name} is not a class")
        return found
