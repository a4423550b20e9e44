"""A note as mdnet understands it, and the data problems found while reading it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from mdnet.notes.blocks import Block


@dataclass(frozen=True, slots=True)
class Note:
    """One Markdown file of the vault, as mdnet understands it.

    ``path`` is vault-relative with ``/`` separators; ``fields`` holds the typed values
    of the known front matter fields that were valid; ``lines`` the line of every
    front matter key; ``blocks`` the paragraphs and list items holding a date or link.
    Slotted: a large vault holds a hundred thousand notes (88 bytes each, not 328).
    """

    path: str
    kind: str = "plain"
    fields: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    blocks: tuple[Block, ...] = ()
    problems: tuple[Problem, ...] = ()
    date: dt.date | None = None  # a dated plain note's date (daily notes, `date:`)

    @property
    def title(self) -> str:
        return title_of(self.path)

    @property
    def ignored(self) -> frozenset[str]:
        """Rule codes and names listed in ``mdnet-ignore:`` (``all`` for every rule)."""
        return frozenset(self.fields.get("mdnet-ignore", ()))

    def silences(self, code: str, name: str) -> bool:
        """``mdnet-ignore:`` lists this rule (by ``code`` or ``name``) or ``all``."""
        if "mdnet-ignore" not in self.fields:
            return False  # most notes: a quick answer, asked once per finding and rule
        return not self.ignored.isdisjoint(("all", code, name))

    def shed_blocks(self) -> None:
        """Drop the blocks, which only the model's builder reads (``Builder.shed_blocks``):
        the note reads as before but for them, which it has no more (``shed``)."""
        object.__setattr__(self, "blocks", SHED)  # frozen for everyone else

    @property
    def shed(self) -> bool:
        """Whether the note let its blocks go (``take_blocks`` gives them back)."""
        return self.blocks is SHED

    def take_blocks(self, blocks: tuple[Block, ...]) -> None:
        """Take back the blocks it shed, read again from the same note."""
        object.__setattr__(self, "blocks", blocks)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)

    def __reduce__(self) -> tuple[type[Note], tuple[Any, ...]]:
        """Pickled as its class and values (a frozen note has no state to set after)."""
        return Note, tuple(map(self.__getattribute__, SLOTS))


class _Shed(tuple):  # type: ignore[type-arg]
    """The blocks of a note that let them go: none, but told apart from a note that has
    none (``Note.shed``)."""

    __slots__ = ()


SHED: tuple[Block, ...] = _Shed()


def title_of(path: str) -> str:
    """The title of the note at ``path``: its file's name without ``.md``."""
    return path.rsplit("/", 1)[-1].removesuffix(".md")


SLOTS = ("path", "kind", "fields", "lines", "blocks", "problems", "date")
_SETTERS = tuple(getattr(Note, name).__set__ for name in SLOTS)


def note_of(
    path: str,
    kind: str,
    fields: dict[str, Any],
    lines: dict[str, int],
    blocks: tuple[Block, ...],
    problems: tuple[Problem, ...],
    date: dt.date | None,
) -> Note:
    """A Note made without its ``__init__`` (which sets each value through the frozen
    class's checks: half of the time of loading a note from the index)."""
    note = object.__new__(Note)
    set_path, set_kind, set_fields, set_lines, set_blocks, set_problems, set_date = _SETTERS
    set_path(note, path)
    set_kind(note, kind)
    set_fields(note, fields)
    set_lines(note, lines)
    set_blocks(note, blocks)
    set_problems(note, problems)
    set_date(note, date)
    return note


class Problem(NamedTuple):
    """A data problem the parser met in one note (F001–F004), kept with the note."""

    code: str
    line: int
    message: str
