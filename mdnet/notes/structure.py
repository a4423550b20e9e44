"""The body's block structure: its list items, quotes and text blocks, in order.

``line_scanner``'s one pass over the lines reads the Markdown notes use; for Markdown it
does not read exactly, markdown-it-py, with its ``inline`` rule disabled (we only need
block positions), is the reference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mdnet.notes.line_kinds import Declined, is_bullet, line_kind
from mdnet.notes.line_scanner import DECLINED_CHARACTERS, MAX_NESTING, Event, scan_lines

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_MD: MarkdownIt | None = None  # made when first needed: most notes never need it


def body_structure(body: str) -> list[Event]:
    """The body's events: the line scanner's, or markdown-it's for what it declines."""
    events = scan_lines(body)
    return markdown_structure(body) if events is None else events


def flat_items(body: str) -> list[tuple[int, str]] | None:
    """Each line's number and text when every line of ``body`` is a list item of one
    line at its first column, or blank (a log, a daily note's entries): what
    ``body_structure`` gives as an item holding that text, without its events; None
    for anything else."""
    if any(character in body for character in DECLINED_CHARACTERS) or "]:" in body:
        return None  # what the scanner leaves to markdown-it; a link reference definition
    items = []
    for number, line in enumerate(body.split("\n")):
        if not line:
            continue
        if not is_bullet(line):
            return None
        try:
            if line_kind(line[2:]) != "text":
                return None  # an item holding a heading, a list, a quote, a fence...
        except Declined:
            return None
        items.append((number, line[2:].strip()))
    return items


def markdown_structure(body: str) -> list[Event]:
    """The body's list items, quotes and text blocks as markdown-it finds them (the
    reference that ``line_scanner`` follows, and the way for any Markdown it declines)."""
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt

        # commonmark's nesting limit, 20, dropped all that follows a list ten deep
        _MD = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).disable("inline")
    events: list[Event] = []
    for token in _MD.parse(body):
        if token.type in _EVENTS:
            events.append((_EVENTS[token.type], 0, ""))
        elif token.type == "inline" and token.map is not None:
            events.append(("text", token.map[0], token.content))
    return events


_EVENTS = {
    "list_item_open": "item",
    "blockquote_open": "quote",
    "list_item_close": "close",
    "blockquote_close": "close",
}
