"""What a line of a note's body starts, as the line scanner (``line_scanner``) reads it:
a paragraph's text, a heading, a quote, a fence, a list marker, a thematic break or an
HTML block; ``Declined`` for anything it leaves to markdown-it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MARKER_RE = re.compile(r"(?:[-*+]|([0-9]{1,9})[.)])(?: +|$)")  # ASCII digits, as CommonMark
HEADING_RE = re.compile(r"#{1,6}(?: |$)")
FENCE_RE = re.compile(r"`{3,}|~{3,}")
RULE_LIKE_RE = re.compile(r"[-*_= ]+")  # thematic breaks, setext underlines and the like
BREAK_RE = re.compile(r"(?:- *){3,}|(?:\* *){3,}|(?:_ *){3,}")  # `---`, `* * *`, `___`
UNDERLINE_RE = re.compile(r"(?:=+|-+) *")  # a setext heading's, under its paragraph
# a link reference definition on one line, with a plain destination that markdown-it
# accepts (no entity, escape, parenthesis or control character; no javascript:,
# vbscript:, file: or data: URL) and a plain title; for anything else the scanner
# declines the body
REFERENCE_RE = re.compile(
    r"\[(?!\s*\])(?:[^\[\]\\]|\\.){1,998}\]: *"
    r"(?!<?\s*(?i:javascript|vbscript|file|data):)"
    r"(?:<[^<>\\&\x00-\x1f\x7f]+>|[^\s<>()\\&\x00-\x1f\x7f]+)"
    r"(?: +(?:\"[^\"\\&]*\"|'[^'\\&]*'))? *"
)
# a label's first unescaped bracket (on the label's lines: a backslash escapes a newline)
LABEL_END_RE = re.compile(r"\[(?:[^\[\]\\]|\\.)*([\[\]])", re.DOTALL)
MAX_LABEL_LINES = 32
# the first character of a line that is plain text whatever its context
PLAIN_START = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"$%&'(),./:;?@[\\]^{|}"
)


def is_bullet(line: str) -> bool:
    """Whether a line (not empty) opens a `-`, `*` or `+` list item at the first column,
    its text after one space: an item whatever came before it (the line scanner's and
    ``structure.flat_items``' one reading)."""
    return line[0] in "-*+" and line[1:2] == " " and line[2:3] not in ("", " ", line[0])


class Declined(Exception):
    """The body uses Markdown the line scanner does not read exactly."""


class HtmlBlock(NamedTuple):
    """An HTML block as a line starts it: the pattern of its last line (``^$`` for a block
    that a blank line ends) and whether it may interrupt a paragraph."""

    end: re.Pattern[str]
    interrupts: bool


def html_block(text: str) -> HtmlBlock | None:
    """The HTML block that a line's text starts (CommonMark's seven kinds, by
    markdown-it's own patterns), or None: a `<` that starts a paragraph (an autolink)."""
    from markdown_it.rules_block.html_block import HTML_SEQUENCES  # only for `<` lines

    for start, end, interrupts in HTML_SEQUENCES:
        if start.search(text):
            return HtmlBlock(end, interrupts)
    return None


def line_kind(text: str) -> str:
    """What a line's text (from its first non-space character) starts."""
    first = text[0]
    if first in PLAIN_START:
        return "text"
    if first == "<":
        return "html" if html_block(text) else "text"
    if first in "-*_=" and RULE_LIKE_RE.fullmatch(text):
        if BREAK_RE.fullmatch(text):
            return "break"
        if UNDERLINE_RE.fullmatch(text) and (first == "=" or text[:2] == "--"):
            return "text"  # `==`, `--`: text, unless under a paragraph (the scanner looks)
        raise Declined  # `- -`, `-=`: an item holding a break, or worse
    if first == "#":
        return "heading" if HEADING_RE.match(text) else "text"
    if first == ">":
        return "quote"
    if first in "`~":
        fence = FENCE_RE.match(text)
        if fence and not (first == "`" and "`" in text[fence.end() :]):
            return "fence"
        return "text"
    if MARKER_RE.match(text):
        return "marker"
    return "text"


def heading_text(text: str) -> str:
    """A heading's content, as markdown-it cuts it (closing ``#``s only after a space)."""
    level = len(text) - len(text.lstrip("#"))
    content = text[level:].rstrip(" ")
    cut = content.rstrip("#")
    if len(cut) < len(content) and cut[-1:] == " ":
        content = cut
    return content.strip()


def marker_interrupts(text: str) -> bool:
    """Whether a list marker may interrupt the paragraph it would continue."""
    marker = MARKER_RE.match(text)
    assert marker is not None
    if not text[marker.end() :].strip(" "):
        raise Declined  # an empty item
    return marker.group(1) is None or int(marker.group(1)) == 1


def html_interrupts(text: str) -> bool:
    """Whether an HTML block may interrupt the paragraph it would continue."""
    html = html_block(text)
    assert html is not None
    return html.interrupts


def defines_reference(lines: list[str], number: int, text: str) -> bool:
    """Whether line ``number`` (its text from `[`) is a link reference definition (``[label]:
    /url``) on its own line, rather than a paragraph; Declined when it may be one
    of several lines, or one that markdown-it may not accept."""
    label = LABEL_END_RE.match(text)
    if label is None:  # the label goes on: a definition if `]:` closes it
        paragraph = "\n".join([text, *_lines_ahead(lines, number)])
        label = LABEL_END_RE.match(paragraph)
        if label is not None and paragraph[label.end() : label.end() + 1] == ":":
            raise Declined  # a label of several lines
        return False
    if label.group(1) == "[" or text[label.end() : label.end() + 1] != ":":
        return False  # no label, or a label and no colon: a paragraph
    following = lines[number + 1].lstrip(" ") if number + 1 < len(lines) else ""
    if not REFERENCE_RE.fullmatch(text) or following[:1] in ('"', "'", "("):
        raise Declined  # a destination or title to read as markdown-it does
    return True


def _lines_ahead(lines: list[str], number: int) -> list[str]:
    """The lines after ``number`` up to a blank one; Declined past MAX_LABEL_LINES (a
    long paragraph starting with `[`, even one whose label cannot close, is left to
    markdown-it)."""
    ahead: list[str] = []
    for line in lines[number + 1 : number + 1 + MAX_LABEL_LINES]:
        if not line.strip(" "):
            return ahead
        ahead.append(line)
    if number + 1 + MAX_LABEL_LINES < len(lines):
        raise Declined  # a long paragraph: left to markdown-it
    return ahead
