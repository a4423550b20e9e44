"""How the model's snapshot (``cache.snapshot``) is pickled, and unpickled: only the
model's own classes, the objects the model holds most of first, flat (``TABLES``)."""

from __future__ import annotations

import datetime as dt
import importlib
import pickle
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Any, BinaryIO, NamedTuple

from mdnet.model.contact import Contact, Interaction, _WithMore
from mdnet.model.found import Found
from mdnet.model.giveback import Pending
from mdnet.notes.note import SHED, SLOTS, Note, note_of
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
    "mdnet.calendar.reminder": {"Reminder"},  # what the calendar keeps with a contact
    "mdnet.dates": {"Duration"},
    "datetime": {"date"},
    "builtins": {"set", "frozenset"},
    "collections": {"Counter"},
}


class Table(NamedTuple):
    """One class of object that the model holds by the ten or hundred thousand, saved
    before the rest as the values each is made of, a few thousand objects at a time."""

    kind: type[Any]
    width: int  # values per object
    # what one object is saved as (given one of each of the texts that repeat)
    values: Callable[[Any, dict[str, str]], Iterable[Any]]
    made: Callable[[list[Any]], list[Any]]  # the objects back, from a part's values


def _itself(item: tuple[Any, ...], same: dict[str, str]) -> tuple[Any, ...]:
    return item


def _tuples(
    kind: type[tuple[Any, ...]],
    width: int,
    values: Callable[[Any, dict[str, str]], Iterable[Any]] = _itself,
) -> Table:
    """The table of a named tuple (or another class of tuple) of ``width`` values."""
    new = tuple.__new__  # without each named tuple's __new__: 400,000 calls at 100k

    def made(values: list[Any]) -> list[Any]:
        return [new(kind, values[at : at + width]) for at in range(0, len(values), width)]

    return Table(kind, width, values, made)


def _note_values(note: Note, same: dict[str, str] | None = None) -> Iterable[Any]:
    """A note without its blocks (paragraphs and list items): what they bring to the
    model is saved apart (``Builder.found``), and they are the larger half of a
    snapshot. A restored model can then be updated, not built again (``Builder.has_blocks``)."""
    return note.path, note.kind, note.fields, note.lines, (), note.problems, note.date


def _notes(values: list[Any]) -> list[Any]:
    """The notes, having let their blocks go (``Note.shed``: read again when needed)."""
    width = len(SLOTS)
    values[BLOCKS::width] = [SHED] * (len(values) // width)  # saved empty
    return [note_of(*values[at : at + width]) for at in range(0, len(values), width)]


BLOCKS = SLOTS.index("blocks")


def _finding_values(finding: Finding, same: dict[str, str]) -> Iterable[Any]:
    """A finding, its message shared with the equal ones (70,000 findings of future
    entries at 100k notes say one of 35,000 things): 8 MB less to restore."""
    message, at = finding.message, MESSAGE
    return (*finding[:at], same.setdefault(message, message), *finding[at + 1 :])


MESSAGE = Finding._fields.index("message")


def _contact_values(contact: Contact, same: dict[str, str]) -> Iterable[Any]:
    return contact.__getstate__()


def _contacts(values: list[Any]) -> list[Any]:
    made = []
    for at in range(0, len(values), 4):
        contact = object.__new__(Contact)
        contact.__setstate__(tuple(values[at : at + 4]))
        made.append(contact)
    return made


# in this order: an object's values may name those of the tables before its own
TABLES = (
    _tuples(Interaction, len(Interaction._fields)),
    _tuples(Finding, len(Finding._fields), _finding_values),
    Table(Note, len(SLOTS), _note_values, _notes),
    _tuples(Found, len(Found._fields)),
    _tuples(Pending, len(Pending._fields)),
    _tuples(_WithMore, 2),  # (more, answer)
    Table(Contact, 4, _contact_values, _contacts),
)
AT_ONCE = 4096  # objects in a part


def model_tables(
    notes: dict[str, Note], found: dict[str, Found], contacts: dict[str, Contact]
) -> list[list[Any]]:
    """The objects of each of ``TABLES`` in a model (``Builder.found`` its ``found``)."""
    kept = [  # the answers kept with the contacts: mdnet's own, as a contact saves them
        pair for contact in contacts.values() for pair in pairs(contact.__getstate__()[3])
    ]
    answers = [answer[1] if type(answer) is _WithMore else answer for _, answer in kept]
    lists = [answer for answer in answers if type(answer) is list]
    return [
        [entry for contact in contacts.values() for entry in contact.entries],
        [finding for each in lists for finding in each if type(finding) is Finding],
        list(notes.values()),
        list(found.values()),
        [pending for each in lists for pending in each if type(pending) is Pending],
        [answer for _, answer in kept if type(answer) is _WithMore],
        list(contacts.values()),
    ]


def pairs(memo: list[Any]) -> Iterable[tuple[str, Any]]:
    return zip(memo[::2], memo[1::2], strict=True)


class SnapshotPickler(pickle.Pickler):
    """Saves the objects of ``TABLES`` first, their values flat, a few thousand at a
    time; the model then names each by its place (a persistent id).

    Pickled the usual way, each would be made while loading from a tuple or dict of its
    values (a note's, a contact's, a date's) that the unpickler keeps until the end of
    the load — tens of megabytes at 100k notes, which set the peak of a check. Read a
    few thousand at a time, each part's values are let go once made into objects
    (``SnapshotUnpickler.load_all``). Equal dates share what they are made from.
    """

    def __init__(self, out: BinaryIO) -> None:
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        # of each class of ``TABLES`` saved so far: its objects' ids, sorted, and places
        self.places: dict[type[Any], tuple[array[int], array[int]]] = {}
        self.saved = 0  # objects saved in tables so far
        self.dates: dict[dt.date, tuple[Any, ...]] = {}

    @classmethod
    def dumper(
        cls, made_by: object, tables: Sequence[list[Any]], state: object
    ) -> Callable[[BinaryIO], None]:
        """What writes ``made_by`` (what the snapshot is good for: plain values), then
        ``tables`` (the objects of each of ``TABLES``: the count of its parts, then each
        part's values) and ``state`` to a file, pickled, as ``SnapshotUnpickler.load_all``
        reads them back."""

        def dump(out: BinaryIO) -> None:
            pickler = cls(out)
            pickler.dump(made_by)
            same: dict[str, str] = {}
            for table, items in zip(TABLES, tables, strict=True):
                parts = range(0, len(items), AT_ONCE)
                pickler.dump(len(parts))
                for start in parts:  # one memo for all: what the model shares stays shared
                    part = items[start : start + AT_ONCE]
                    values = [value for item in part for value in table.values(item, same)]
                    pickler.dump(values)
                    values.clear()  # the memo keeps the list (its id taken), not its values
                pickler.named(table.kind, items)
            pickler.dump(state)

        return dump

    def named(self, kind: type[Any], items: list[Any]) -> None:
        """From now on, ``items`` (the table of ``kind``, just saved) are named by their
        place: their ids sorted in an array, beside their places (a dict of ints took
        80 MB at 100,000 notes, which set the peak of the process saving the snapshot)."""
        ids = array("Q", map(id, items))
        order = sorted(range(len(items)), key=ids.__getitem__)
        self.places[kind] = (
            array("Q", map(ids.__getitem__, order)),
            array("Q", (self.saved + at for at in order)),
        )
        self.saved += len(items)

    def persistent_id(self, obj: Any) -> Any:
        table = self.places.get(type(obj))
        if table is None:
            return None
        ids, places = table
        at = bisect_left(ids, id(obj))
        return places[at] if at < len(ids) and ids[at] == id(obj) else None

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is dt.date:  # what it is made from: once for each day
            reduced = self.dates.get(obj)
            if reduced is None:
                reduced = self.dates[obj] = dt.date, (obj.year, obj.month, obj.day)
            return reduced
        if type(obj) is Note and (obj.blocks or obj.shed):  # one outside the tables
            return Note, tuple(_note_values(obj))
        return NotImplemented


class SnapshotUnpickler(pickle.Unpickler):
    """Builds only the model's classes (a snapshot cannot run code)."""

    table: list[Any]

    def load_all(self, made_by: object) -> Any:
        """The state that ``SnapshotPickler.dumper`` saved, its tables' objects made first;
        None, read no further, when it was made by another than ``made_by`` (a config or
        mdnet that changed: at 100,000 notes the rest takes a second to read)."""
        if self.load() != made_by:
            return None
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
                values = self.load()
                if type(values) is not list or len(values) % table.width:
                    raise pickle.UnpicklingError(f"not a snapshot's {table.kind.__name__}s")
                self.table += table.made(values)
                values.clear()  # the memo keeps the list, not what it held
        return self.load()

    def find_class(self, module: str, name: str) -> Any:
        if name not in MODEL_CLASSES.get(module, ()):
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a snapshot")
        found = getattr(importlib.import_module(module), name)
        if not isinstance(found, type):
            raise pickle.UnpicklingError(f"{module}.{name} is not a class")
        return found
