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

# A date (as dates.LEADING_DATE_RE writes one) is looked for from its first `-` (a
# literal: the regex engine finds it fast), 4 characters after the date's start; only a
# date that may start a list item's text (after markers, `>`, a heading's `#`s, a task's
# box, a `[[`) matters: one in prose or in a heading of its own is no entry
A_DATE_RE = re.compile(r"-[0-9]{2}-[0-9]{2}")
ITEM_START_RE = re.compile(
    r"(?:[\s>]*(?:[-*+]|[0-9]{1,9}[.)]))*[\s>]*(?:#{1,6}\s+)?(?:\[[ xX]\]\s*)?(?:\[\[)?"
)
# a Markdown link to a note: a target with no scheme (not a web page) that ends in .md
SCHEME = r"[A-Za-z][A-Za-z0-9+.-]*:"  # a URL's `https:`, `mailto:` (markdown.SCHEME_RE)
NOTE_LINK_RE = re.compile(
    rf"\]\(\s*(?:<(?!{SCHEME})[^<>\n]*?|(?!{SCHEME})[^()\[\]\s]*?)\.md", re.IGNORECASE
)
HTML_OVER_BLANK_LINES_RE = re.compile(r"<(?:[!?]|(?i:pre|script|style|textarea))")


def first_mark(body: str, start: int = 0, end: int | None = None) -> int | None:
    """Where the first link or entry's date in ``body[start:end]`` may be, or None when
    there is none: then it holds no block (a link does not cross a blank line, where
    parts end)."""
    end = len(body) if end is None else end
    link = find_pair(body, "[[", start, end)
    if link >= 0 and find_pair(body, "]]", link, end) < 0:
        link = -1  # `[[` with no `]]` after it (a changelog's `\[[`abc`](url)]`)
    if find_pair(body, "](", start, end) >= 0 and (
        to_note := NOTE_LINK_RE.search(body, start, end)
    ):
        link = to_note.start() if link < 0 else min(link, to_note.start())
    date = _date_at(body, start, end if link < 0 else link)  # a date before the first link
    if date >= 0:
        return date
    return link if link >= 0 else None


def may_link(text: str) -> bool:
    """Whether ``text`` may hold a link to a note: a wikilink (``[[`` then ``]]``) or a
    Markdown link to a note."""
    return ("[[" in text and "]]" in text) or (
        "](" in text and NOTE_LINK_RE.search(text) is not None
    )


def _date_at(body: str, start: int, end: int) -> int:
    """Where the first date that may start an entry is (-1: none)."""
    for date in A_DATE_RE.finditer(body, start, end):
        if _may_start_an_entry(body, date.start() - 4):
            return date.start() - 4
    return -1


def _may_start_an_entry(body: str, at: int) -> bool:
    """Whether the date at ``at`` may start a list item's text."""
    line = body.rfind("\n", 0, max(at, 0)) + 1
    return at >= line and ITEM_START_RE.fullmatch(body, line, at) is not None


def find_pair(text: str, pair: str, start: int = 0, end: int | None = None) -> int:
    """``text.find(pair, start, end)`` for two characters, quicker where the first is
    rare: one character is looked for as memchr does, two by a slower search (5 µs for
    a 5 kB note, ten times more than this). Where the first is frequent (a `[` in every
    line), the slower search takes over after a few."""
    end = len(text) if end is None else end
    first, second = pair[0], pair[1]
    at = text.find(first, start, end - 1)
    for _ in range(HOPS):
        if at < 0 or text[at + 1] == second:
            return at
        at = text.find(first, at + 1, end - 1)
    return text.find(pair, at, end) if at >= 0 else -1


HOPS = 8  # first characters looked at one by one


def part_to_read(body: str, first: int) -> tuple[int, int]:
    """The part of the body that holds every block (``first``: where the first link or
    date may be): from the last fresh start before it to the first fresh start after
    the last. Read alone, it gives the blocks the body gives."""
    if (
        find_pair(body, "``") >= 0
        or find_pair(body, "~~") >= 0
        or ("<" in body and HTML_OVER_BLANK_LINES_RE.search(body))
    ):
        return 0, len(body)  # a fence or HTML may hold blank lines
    start = _fresh_start_before(body, first)
    end = len(body)  # cut back a part at a time while it holds nothing: each looked at once
    while (fresh := _fresh_start_before(body, end)) > start and first_mark(
        body, fresh, end
    ) is None:
        end = fresh - 2  # the part ends with the line before the blank one
    return start, end


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
