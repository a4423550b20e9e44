"""The objects a model holds by the ten or hundred thousand (``TABLES``), and what each
is saved as in the snapshot (``cache.model_pickle``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from itertools import repeat
from typing import Any, NamedTuple

from mdnet.model.contact import Contact, Interaction, _WithMore
from mdnet.model.found import Found
from mdnet.model.giveback import Pending
from mdnet.notes.note import SHED, SLOTS, Note, note_of
from mdnet.rules.finding import Finding


class Table(NamedTuple):
    """One class of object that the model holds by the ten or hundred thousand, saved
    before the rest as the values each is made of, a few thousand objects at a time."""

    kind: type[Any]
    width: int  # values per object
    # what one object is saved as (given one of each of the texts that repeat)
    values: Callable[[Any, dict[str, str]], Iterable[Any]]
    made: Callable[[list[Any]], list[Any]]  # the objects back, from a part's values
    # the places among its values of those that no other object holds (an entry's
    # text, the entries of a note or a contact), saved apart without the snapshot's
    # memo (``SnapshotPickler.dump_alone``)
    alone: tuple[int, ...] = ()


def _itself(item: tuple[Any, ...], same: dict[str, str]) -> tuple[Any, ...]:
    return item


def _tuples(
    kind: type[tuple[Any, ...]],
    width: int,
    values: Callable[[Any, dict[str, str]], Iterable[Any]] = _itself,
    alone: tuple[int, ...] = (),
) -> Table:
    """The table of a named tuple (or another class of tuple) of ``width`` values."""
    new = tuple.__new__  # without each named tuple's __new__: 400,000 calls at 100k

    def made(values: list[Any]) -> list[Any]:
        # each object's values in a row by zip, which makes no list of them (twice as
        # fast as slicing each: 0.07 s less for 660,000 objects at 100k)
        return list(map(new, repeat(kind), zip(*[iter(values)] * width, strict=True)))

    return Table(kind, width, values, made, alone)


def note_values(note: Note, same: dict[str, str] | None = None) -> Iterable[Any]:
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


def _day_values(day: dt.date, same: dict[str, str]) -> Iterable[Any]:
    return (day.toordinal(),)


def _days(values: list[Any]) -> list[Any]:
    return list(map(dt.date.fromordinal, values))


# in this order: an object's values may name those of the tables before its own
TABLES = (
    Table(dt.date, 1, _day_values, _days),  # each day once: named by value (``named``)
    # an entry's text: its own, or its block's (an entry for each contact the block
    # names: then each restored with a copy)
    _tuples(Interaction, len(Interaction._fields), alone=(Interaction._fields.index("text"),)),
    _tuples(Finding, len(Finding._fields), _finding_values),
    Table(Note, len(SLOTS), note_values, _notes),
    _tuples(Found, len(Found._fields), alone=(Found._fields.index("entries"),)),
    _tuples(Pending, len(Pending._fields)),
    _tuples(_WithMore, 2),  # (more, answer)
    Table(Contact, 4, _contact_values, _contacts, alone=(1,)),  # its entries
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
    entries = [entry for contact in contacts.values() for entry in contact.entries]
    return [
        list(_days_in(notes.values(), entries)),
        entries,
        [finding for each in lists for finding in each if type(finding) is Finding],
        list(notes.values()),
        list(found.values()),
        [pending for each in lists for pending in each if type(pending) is Pending],
        [answer for _, answer in kept if type(answer) is _WithMore],
        list(contacts.values()),
    ]


def _days_in(notes: Iterable[Note], entries: list[Interaction]) -> set[dt.date]:
    """The days a model's notes and entries are dated (at 100,000 notes, 92,000 date
    objects for 40,000 days: each saved and memoized by the pickler, each made again).
    What the notes bring holds the contacts' entries (``Builder.found``), no others."""
    days = {entry.date for entry in entries}
    for note in notes:
        days.update(value for value in note.fields.values() if type(value) is dt.date)
        if note.date is not None:
            days.add(note.date)
    return days


def pairs(memo: list[Any]) -> Iterable[tuple[str, Any]]:
    return zip(memo[::2], memo[1::2], strict=True)
