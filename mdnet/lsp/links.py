"""Links as written in a document's text, with where each one and its target stand on
their line: what definition, references and rename point at and edit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple
from urllib.parse import unquote

from mdnet.notes.markdown import MDLINK_RE, SCHEME_RE, WIKILINK_RE


class WrittenLink(NamedTuple):
    """A wikilink or a Markdown link to a note, on ``line`` (0-based) of a document.

    ``start:end`` are the characters of the whole link, ``target_start:target_end`` those
    of its target as written (a wikilink's title, alias or path; a Markdown link's path,
    percent-encoded as it may be); ``target`` is that target as the resolver reads it.
    """

    line: int
    start: int
    end: int
    target_start: int
    target_end: int
    target: str
    relative: bool  # a Markdown link: a path relative to the note's folder

    @property
    def written(self) -> tuple[int, int]:
        return self.target_start, self.target_end


def links_on(text: str, line: int) -> Iterator[WrittenLink]:
    """The links to notes in ``text``, the text of ``line``, in order."""
    found: list[WrittenLink] = []
    if "[[" in text:
        for match in WIKILINK_RE.finditer(text):
            raw = match.group(1)
            target = raw.strip()
            if target:
                begin = match.start(1) + (len(raw) - len(raw.lstrip()))
                found.append(
                    WrittenLink(
                        line, match.start(), match.end(), begin, begin + len(target), target, False
                    )
                )
    if "](" in text:
        for match in MDLINK_RE.finditer(text):
            raw = match.group(2)
            begin = match.start(2) + (1 if raw.startswith("<") else 0)
            path = raw.strip("<>").split("#")[0]
            if path and not SCHEME_RE.match(path) and path.lower().endswith(".md"):
                end = begin + len(path)
                found.append(
                    WrittenLink(line, match.start(), match.end(), begin, end, unquote(path), True)
                )
    found.sort()
    yield from found


def links_in(lines: list[str]) -> Iterator[WrittenLink]:
    """Every link to a note in a document's lines."""
    for number, text in enumerate(lines):
        yield from links_on(text, number)


def link_at(lines: list[str], line: int, character: int) -> WrittenLink | None:
    """The link under the cursor (``character`` on ``line``, both 0-based), if any."""
    if not 0 <= line < len(lines):
        return None
    for link in links_on(lines[line], line):
        if link.start <= character <= link.end:
            return link
    return None
