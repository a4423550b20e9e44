"""The part of a note's body that may hold blocks: what ``markdown.read_body`` reads.

A block needs a wikilink, a Markdown link to a note or a date. Where a blank line is
followed by a line that starts at its first column, every block and list item before
it ends (a list item's next paragraph is indented): the body's structure starts afresh
there, unless a fence or an HTML block that blank lines do not end (a comment, <pre>,
<script>...) is open. So the part from the last fresh start before the first link or
date to the first fresh start after which there is none, read alone, gives the blocks
that the whole body gives (``tests/test_body_part.py`` checks it against markdown-it):
a daily note's prose before its entries and a contact's notes after its log are not
read.
"""

from __future__ import annotations

import re

# A date (as markdown.LEADING_DATE_RE writes one) is looked for from its first `-` (a
# literal: the regex engine finds it fast); a Markdown link to a note ends in .md
A_DATE_RE = re.compile(r"-[0-9]{2}-[0-9]{2}")
A_NOTE_FILE_RE = re.compile(r"\.md", re.IGNORECASE)
HTML_OVER_BLANK_LINES_RE = re.compile(r"<(?:[!?]|(?i:pre|script|style|textarea))")


def first_mark(body: str) -> int | None:
    """Where the first link or date may be (a wikilink, a date, a Markdown link to a
    note), or None when the body holds none: then it holds no block."""
    date = A_DATE_RE.search(body)
    marks = [find_pair(body, "[["), -1 if date is None else date.start()]
    if (link := find_pair(body, "](")) >= 0 and A_NOTE_FILE_RE.search(body, link):
        marks.append(link)
    found = [mark for mark in marks if mark >= 0]
    return min(found) if found else None


def find_pair(text: str, pair: str, start: int = 0) -> int:
    """``text.find(pair, start)`` for two characters, quicker where the first is rare:
    one character is looked for as memchr does, two by a slower search (5 µs for a
    5 kB note, ten times more than this)."""
    first, second = pair[0], pair[1]
    at = text.find(first, start)
    while at >= 0 and text[at + 1 : at + 2] != second:
        at = text.find(first, at + 1)
    return at


def part_to_read(body: str, first: int) -> tuple[int, int]:
    """The part of the body that holds every block (``first``: where the first link or
    date may be): from the last fresh start before it to the first fresh start after
    which nothing may be a block. Read alone, it gives the blocks the body gives."""
    if (
        find_pair(body, "``") >= 0
        or find_pair(body, "~~") >= 0
        or ("<" in body and HTML_OVER_BLANK_LINES_RE.search(body))
    ):
        return 0, len(body)  # a fence or HTML may hold blank lines
    start = _fresh_start_before(body, first)
    end = len(body)
    while (fresh := _fresh_start_before(body, end)) > start and not _marked_after(body, fresh):
        end = fresh - 2  # the part ends with the line before the blank one
    return start, end


def _marked_after(body: str, at: int) -> bool:
    """Whether a link or a date may be in the body after ``at``."""
    return (
        find_pair(body, "[[", at) >= 0
        or find_pair(body, "](", at) >= 0
        or A_DATE_RE.search(body, at) is not None
    )


def _fresh_start_before(body: str, limit: int) -> int:
    """The last place up to ``limit`` where the body's structure starts afresh (0: the
    body's start)."""
    blank = body.rfind("\n\n", 0, limit)
    while blank >= 0:
        following = body[blank + 2 : blank + 3]
        if following and not following.isspace():
            return blank + 2
        blank = body.rfind("\n\n", 0, blank)
    return 0
