"""What the body of a note brings: its blocks (paragraphs and list items with a date or
a link) and their links, as ``markdown.read_body`` reads them.

Apart from the reading (``markdown``) so that what only keeps or loads notes (the index,
the snapshot, a warm check) does not compile the reader's patterns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple


class Link(NamedTuple):
    """A link to a note: ``target`` is as written (a title, alias or path).

    Link and Block are named tuples, not dataclasses: a large vault holds a hundred
    thousand of each, and a tuple is several times quicker to make and to unpickle.
    """

    target: str
    line: int
    embed: bool = False
    relative: bool = False  # a Markdown link: its path is relative to the note's folder


class Block(NamedTuple):
    """A paragraph or list item's first paragraph that holds a date or a link.

    ``date`` is the leading date of a list item (None otherwise). ``scoped`` is True
    when the block sits inside a dated item, an unchecked task, a quote or belongs to a
    plan: the places whose links a dated note does not count.
    """

    line: int
    text: str
    is_item: bool
    task: str | None  # " " for an open task, "x" for a checked one, None otherwise
    date: dt.date | None
    time: str | None
    channel: str | None
    tags: tuple[str, ...]
    links: tuple[Link, ...]
    excluded: bool


@dataclass(frozen=True)
class BadDate:
    """A list item whose leading date is not a real date (F003)."""

    line: int
    message: str
