"""How the model's snapshot (``cache.snapshot``) is pickled, and unpickled: only the
model's own classes, the objects the model holds most of first, flat (``TABLES``)."""

from __future__ import annotations

import datetime as dt
import importlib
import pickle
from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO, NamedTuple

from mdnet.cache.model_tables import AT_ONCE, TABLES, note_values
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
    "mdnet.calendar.reminder": {"Reminder"},  # what the calendar keeps with a contact
    "mdnet.dates": {"Duration"},
    "datetime": {"date"},
    "builtins": {"set", "frozenset"},
    "collections": {"Counter"},
}


class SnapshotPickler(pickle.Pickler):
    """Saves the objects of ``TABLES`` first, their values flat, a few thousand at a
    time; the model then names each by its place (a persistent id).

    Pickled the usual way, each would be made while loading from a tuple or dict of its
    values (a note's, a contact's, a date's) that the unpickler keeps until the end of
    the load — tens of megabytes at 100k notes, which set the peak of a check. Read a
    few thousand at a time, each part's values are let go once made into objects
    (``SnapshotUnpickler.load_all``). A date not in the table of days shares what it is
    made from with the equal ones.
    """

    def __init__(self, out: BinaryIO) -> None:
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        # of each class of ``TABLES`` saved so far: its objects' ids, sorted, and the
        # place of the first
        self.places: dict[type[Any], tuple[array[int], int]] = {}
        self.saved = 0  # objects saved in tables so far
        self.days: dict[dt.date, int] = {}  # the place of each day (``TABLES``' first)
        self.dates: dict[dt.date, tuple[Any, ...]] = {}

    @classmethod
    def dumper(
        cls,
        made_by: object,
        tables: Sequence[list[Any]],
        state: object,
        listed: tuple[list[str], list[int]],
        apart: Sequence[list[Any]] = (),
    ) -> Callable[[BinaryIO], None]:
        """What writes ``made_by`` (what the snapshot is good for: plain values), then
        ``listed`` (the notes' paths, and a number for each), ``tables`` (the objects of
        each of ``TABLES``: the count of its parts, then each part's values), the lists
        ``apart`` (each without the memo: what no other object holds) and ``state`` to a
        file, pickled, as ``SnapshotUnpickler.load_all`` reads them back. The lists of
        numbers, of each table and apart are emptied once saved."""

        def dump(out: BinaryIO) -> None:
            pickler = cls(out)
            pickler.dump(made_by)
            paths, numbers = listed  # not a dict kept to the end by the memo (9 MB at
            pickler.dump(paths)  # 100k); the paths named once for all, the numbers
            pickler.dump_alone(numbers)  # alone: let go at once
            numbers.clear()
            same: dict[str, str] = {}
            for table, items in zip(TABLES, tables, strict=True):
                items.sort(key=id)  # a place is then found by bisecting the ids
                parts = range(0, len(items), AT_ONCE)
                pickler.dump(len(parts))
                for start in parts:  # one memo for all: what the model shares stays shared
                    part = items[start : start + AT_ONCE]
                    values = [value for item in part for value in table.values(item, same)]
                    for place in table.alone:
                        alone = slice(place, None, table.width)
                        pickler.dump_alone(values[alone])
                        values[alone] = [None] * len(part)
                    pickler.dump(values)
                    values.clear()  # the memo keeps the list (its id taken), not its values
                pickler.named(table.kind, items)
                items.clear()  # named by their ids from now on (6 MB at 100k, let go
                same.clear()  # before the state, while the memo is at its largest)
            pickler.dump(len(apart))
            for values in apart:
                pickler.dump_alone(values)
                values.clear()
            pickler.dump(state)

        return dump

    def dump_alone(self, values: list[Any]) -> None:
        """Save ``values`` that nothing else holds without memoizing them (the pickler's
        fast mode; what they hold is memoized or named as usual): the memo would keep
        each to the end, and count it (at 100,000 notes, 430,000 of 1.35 million
        objects, where its table grows from 32 to 64 MB at 1.4 million). The docs call
        ``fast`` deprecated; a pickler without it memoizes them: the same snapshot."""
        self.fast = True
        try:
            self.dump(values)
        finally:
            self.fast = False

    def named(self, kind: type[Any], items: list[Any]) -> None:
        """From now on, ``items`` (the table of ``kind``, just saved, sorted by id) are
        named by their place: the first's, plus where an id falls among theirs (a dict
        of ints took 80 MB at 100,000 notes, which set the peak of the process saving the
        snapshot). Days are named by value: an equal date is the same day, whatever its id."""
        if kind is dt.date:
            self.days = {day: self.saved + at for at, day in enumerate(items)}
        else:
            self.places[kind] = array("Q", map(id, items)), self.saved
        self.saved += len(items)

    def persistent_id(self, obj: Any) -> Any:
        if type(obj) is dt.date:
            return self.days.get(obj)
        table = self.places.get(type(obj))
        if table is None:
            return None
        ids, first = table
        at = bisect_left(ids, id(obj))
        return first + at if at < len(ids) and ids[at] == id(obj) else None

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is dt.date:  # what it is made from: once for each day
            reduced = self.dates.get(obj)
            if reduced is None:
                reduced = self.dates[obj] = dt.date, (obj.year, obj.month, obj.day)
            return reduced
        if type(obj) is Note and (obj.blocks or obj.shed):  # one outside the tables
            return Note, tuple(note_values(obj))
        return NotImplemented


class Loaded(NamedTuple):
    """What ``SnapshotPickler.dumper`` saved, read back (its tables' objects are in it)."""

    listed: dict[str, int]  # each path listed, with its number
    apart: list[list[Any]]
    state: Any


class SnapshotUnpickler(pickle.Unpickler):
    """Builds only the model's classes (a snapshot cannot run code)."""

    table: list[Any]

    def load_all(self, made_by: object) -> Loaded | None:
        """What ``SnapshotPickler.dumper`` saved, its tables' objects made first; None,
        read no further, when it was made by another than ``made_by`` (a config or mdnet
        that changed: at 100,000 notes the rest takes a second to read)."""
        if self.load() != made_by:
            return None
        paths, numbers = self.load(), self.load()
        if type(paths) is not list or type(numbers) is not list or len(paths) != len(numbers):
            raise pickle.UnpicklingError("not a snapshot's notes")
        if set(map(type, paths)) - {str} or set(map(type, numbers)) - {int}:
            raise pickle.UnpicklingError("not a snapshot's notes")
        listed = dict(zip(paths, numbers, strict=True))
        self.table = []
        # an object by its place: the list's own lookup, not a call into Python for
        # each of a million references (0.15 s at 100k). A place that is no int, or past
        # what is made so far, is an error; a negative one (which only a hand-made file
        # holds) can only name another of the snapshot's own objects
        self.persistent_load = self.table.__getitem__  # type: ignore[method-assign]
        for table in TABLES:
            parts = self.load()
            if type(parts) is not int or parts < 0:
                raise pickle.UnpicklingError("not a snapshot")
            for _ in range(parts):
                alone = [self.load() for _ in table.alone]  # saved apart, before
                values = self.load()
                if type(values) is not list or len(values) % table.width:
                    raise pickle.UnpicklingError(f"not a snapshot's {table.kind.__name__}s")
                for place, each in zip(table.alone, alone, strict=True):
                    if type(each) is not list or len(each) * table.width != len(values):
                        raise pickle.UnpicklingError(f"not a snapshot's {table.kind.__name__}s")
                    values[place :: table.width] = each
                self.table += table.made(values)
                values.clear()  # the memo keeps the list, not what it held
        count = self.load()
        if type(count) is not int or count < 0:
            raise pickle.UnpicklingError("not a snapshot")
        apart = [self.load() for _ in range(count)]
        if set(map(type, apart)) - {list}:
            raise pickle.UnpicklingError("not a snapshot")
        return Loaded(listed, apart, self.load())

    def find_class(self, module: str, name: str) -> Any:
        if name not in MODEL_CLASSES.get(module, ()):
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a snapshot")
        found = getattr(importlib.import_module(module), name)
        if not isinstance(found, type):
            raise pickle.UnpicklingError(f"{module}.{name} is not a class")
        return found
