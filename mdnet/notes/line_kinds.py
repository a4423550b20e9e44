"""What a line of a note's body starts, as the line scanner (``line_scanner``) reads it:
a paragraph's text, a heading, a quote, a fence or a list marker; ``Declined`` for
anything it leaves to markdown-it.
"""

from __future__ import annotations

import re

MARKER_RE = re.compile(r"(?:[-*+]|([0-9]{1,9})[.)])(?: +|$)")  # ASCII digits, as CommonMark
HEADING_RE = re.compile(r"#{1,6}(?: |$)")
FENCE_RE = re.compile(r"`{3,}|~{3,}")
RULE_LIKE_RE = re.compile(r"[-*_= ]+")  # thematic breaks, setext underlines: declined
# the first character of a line that is plain text whatever its context
PLAIN_START = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"$%&'(),./:;?@[\\]^{|}"
)


class Declined(Exception):
    """The body uses Markdown the line scanner does not read exactly."""


def line_kind(text: str) -> str:
    """What a line's text (from its first non-space character) starts."""
    first = text[0]
    if first in PLAIN_START:
        return "text"
    if first == "<" or RULE_LIKE_RE.fullmatch(text):
        raise Declined
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
