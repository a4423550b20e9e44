"""A Note as the index keeps it: a pickle of plain tuples, quick to load.

Only known classes are unpickled (``_SafeUnpickler``): an index file cannot run code.
"""

from __future__ import annotations

import io
import pickle
from typing import Any

from mdnet.notes.blocks import Block, Link
from mdnet.notes.note import Note, Problem, note_of
from mdnet.notes.sharing import shared_date, shared_front, shared_text

SAFE_MODULES = frozenset({"mdnet.notes.note", "mdnet.notes.blocks", "mdnet.dates"})
SAFE_BUILTINS = frozenset({("datetime", "date"), ("builtins", "frozenset"), ("builtins", "set")})


class _SafeUnpickler(pickle.Unpickler):
    """Builds only the classes a Note is made of (an index file cannot run code)."""

    known: dict[tuple[str, str], Any] = {}  # noqa: RUF012 - a cache shared on purpose

    def find_class(self, module: str, name: str) -> Any:
        try:
            return self.known[module, name]
        except KeyError:
            pass
        found = super().find_class(module, name)
        if not isinstance(found, type) or (
            module not in SAFE_MODULES and (module, name) not in SAFE_BUILTINS
        ):
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the index")
        self.known[module, name] = found
        return found


def dump(note: Note) -> bytes:
    """A note as the index keeps it: a pickle of plain tuples (its blocks, links and
    problems are named tuples, pickled without their classes), quick to load."""
    blocks = tuple(
        (*block[:8], tuple(map(tuple, block.links)), block.excluded) for block in note.blocks
    )
    problems = tuple(map(tuple, note.problems))
    row = (note.path, note.kind, note.fields, note.lines, blocks, problems, note.date)
    return pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL)


def load(blob: bytes, same_path: str | None = None) -> Note:
    """A note from its pickle (``dump``), allowing no classes but the field values'."""
    return from_row(_SafeUnpickler(io.BytesIO(blob)).load(), same_path)


def from_row(row: tuple[Any, ...], same_path: str | None = None) -> Note:
    """The Note a row made by ``dump`` holds (tuple.__new__ makes each named tuple),
    made of shared objects (``notes.sharing``); its path is ``same_path`` when equal."""
    path, kind, fields, lines, blocks, problems, date = row
    if same_path == path:
        path = same_path  # one string for the note and its file in the listing
    kind, fields, lines = shared_front(kind, fields, lines)
    return note_of(
        path,
        kind,
        fields,
        lines,
        _blocks(blocks) if blocks else (),
        tuple([tuple.__new__(Problem, problem) for problem in problems]) if problems else (),
        date and shared_date(date),
    )


def _blocks(rows: tuple[tuple[Any, ...], ...]) -> tuple[Block, ...]:
    """The blocks, made of shared objects: each of a large vault's 300,000 blocks came
    with its own date, channel, tags and link targets (30 MB at 100,000 notes)."""
    new = tuple.__new__
    made = []
    for line, text, is_item, task, date, time, channel, tags, links, excluded in rows:
        if links:
            links = tuple([new(Link, (shared_text(to), *rest)) for to, *rest in links])
        if date is not None:
            date = shared_date(date)
        if channel is not None:
            channel = shared_text(channel)
        if tags:
            tags = shared_text(tags)
        values = (line, text, is_item, task, date, time, channel, tags, links, excluded)
        made.append(new(Block, values))
    return tuple(made)
