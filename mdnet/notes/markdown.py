"""The body of a note as the blocks that matter to mdnet, each at its line.

The block structure (list items, quotes, code) comes from ``structure``; regular
expressions read the links, tags and leading dates inside each block's text.
"""

from __future__ import annotations

import bisect
import re
from urllib.parse import unquote

from mdnet.dates import LEADING_DATE_RE, InvalidValue, real_date
from mdnet.language import _
from mdnet.notes.blocks import BadDate, Block, Link
from mdnet.notes.body_part import SCHEME, first_mark, may_link, part_to_read
from mdnet.notes.structure import body_structure, flat_items

# patterns start with a literal, so that the regex engine looks for it quickly (speed):
# an embed's `!` before a wikilink, a tag's character before its `#`, are looked at after
# Inside a table Obsidian escapes an alias's pipe (`[[Bob Martin\|Bob]]`): the target
# ends before `\|` as before `|` (a backslash is no character of a title)
WIKILINK_RE = re.compile(
    r"\[\[([^\[\]|#^\\]*(?:\\(?!\|)[^\[\]|#^\\]*)*)"
    r"(?:[#^][^\[\]|\\]*(?:\\(?!\|)[^\[\]|\\]*)*)?(?:\\?\|[^\[\]]*)?\]\]"
)
# no brackets in the label, no brackets or parentheses in the target: each attempt stops
# at the next `[`, so that `[a](` repeated 100,000 times is not a quadratic search
MDLINK_RE = re.compile(r"(!?)\[[^\[\]]*\]\(\s*(<[^<>\n]*>|[^()\[\]\s]+)(?:\s+\"[^\"]*\")?\s*\)")
# a tag's letters may carry combining accents (`#rec\u0327u`, as macOS and some keyboards
# write `#reçu`): \w alone would cut the tag before them
TAG_RE = re.compile(r"#(?<![\w/&#]#)([^\W\d_][\w\u0300-\u036f/-]*|\d+[^\W\d][\w\u0300-\u036f/-]*)")
BACKTICKS_RE = re.compile(r"`+")
NOT_NEWLINE_RE = re.compile(r"[^\n]")
TASK_RE = re.compile(r"\[([ xX])\]\s+")
CHANNEL_RE = re.compile(r"\s*(?:[-–—:,]\s*)?([^\W\d_][\w-]*)(?=:|\s|$)")
SCHEME_RE = re.compile(f"^{SCHEME}")


# the first characters of a list item that may hold a leading date or a task
DATE_OR_TASK_START = frozenset("0123456789[")


def read_body(body: str, first_line: int) -> tuple[list[Block], list[BadDate]]:
    """Blocks with a leading date or a link, and bad leading dates, in body order.

    A body with no link and no date is not read for its structure at all: most of a
    documentation vault's notes (tables, code, HTML), which markdown-it reads slowly.
    Of the others, only the part from the first link or date to the last is read
    (``body_part``): a daily note's prose before its entries, a contact's notes after
    its log, are not.
    """
    first = first_mark(body)
    if first is None:
        return [], []
    start, end = part_to_read(body, first)
    if start == 0 and end == len(body):
        return read_structure(body, first_line)
    return read_structure(body[start:end], first_line + body.count("\n", 0, start))


def read_structure(body: str, first_line: int) -> tuple[list[Block], list[BadDate]]:
    """``read_body`` for any body: its blocks found through its structure."""
    blocks: list[Block] = []
    bad_dates: list[BadDate] = []
    items = flat_items(body)
    if items is not None:  # most parts read: a list of one-line items (a third faster)
        for line, content in items:
            if may_link(content) or content[:1] in DATE_OR_TASK_START:
                block = _read_block(content, first_line + line, True, bad_dates)
                if block is not None:
                    blocks.append(block)
        return blocks, bad_dates
    # the open list items and quotes, innermost last, each as [excluded, awaiting_text]:
    # small lists rather than objects, since one is made for every list item (speed)
    stack: list[list[bool]] = []
    for kind, line, content in body_structure(body):
        if kind == "text":
            is_item = bool(stack) and stack[-1][1]
            if not may_link(content):
                # no link: only a list item's leading date or task (a fast path)
                if not is_item:
                    continue  # prose
                if content[:1] not in DATE_OR_TASK_START:
                    stack[-1][1] = False
                    continue
            block = _read_block(content, first_line + line, is_item, bad_dates)
            if is_item:
                stack[-1][1] = False
                # a dated item or a plan holds its nested items: their links are its own
                stack[-1][0] = block is not None and block.excluded
            if block is None:
                continue
            # (an item's own frame is not excluded when its block is not)
            if not block.excluded and any(frame[0] for frame in stack):
                block = block._replace(excluded=True)
            blocks.append(block)
        elif kind == "item":
            stack.append([False, True])
        elif kind == "close":
            stack.pop()
        else:  # a quote
            stack.append([True, False])
    return blocks, bad_dates


def _read_block(text: str, line: int, is_item: bool, bad_dates: list[BadDate]) -> Block | None:
    clean = _blank_code_spans(text) if "`" in text else text
    task = None
    rest = clean
    date = time = channel = None
    date_is_link = False
    if is_item:
        # the box read in the text as written: blanked, a code span after it would be
        # the space after the box, and a date after the span would lead the entry
        task_match = TASK_RE.match(text) if text[:1] == "[" else None
        if task_match:
            task = task_match.group(1).lower()
            rest = clean[task_match.end() :]
        date_match = LEADING_DATE_RE.match(rest)
        if date_match:
            date_is_link = date_match.group(1) is not None
            parts = date_match.group(1, 2, 3) if date_is_link else date_match.group(4, 5, 6)
            try:
                date = real_date(*parts)
            except InvalidValue as error:
                message = _("{error} at the start of this entry").format(error=error)
                bad_dates.append(BadDate(line, message))
            else:
                time = date_match.group(7)
                channel_match = CHANNEL_RE.match(rest, date_match.end())
                channel = channel_match.group(1).lower() if channel_match else None
            rest = rest[date_match.end() :]
    links = _links(clean, line) if may_link(clean) else ()
    if date is not None and date_is_link:
        links = links[1:]  # the leading [[YYYY-MM-DD]] is the date, not a mention
    if date is None and not links:
        return None
    tags = tuple(map(str.lower, TAG_RE.findall(rest))) if "#" in rest else ()
    excluded = date is not None or task == " "
    block = (line, text, is_item, task, date, time, channel, tags, links, excluded)
    return tuple.__new__(Block, block)  # without Block's __new__, a call into Python


def _blank_code_spans(text: str) -> str:
    """``text`` with its code spans blanked, line breaks kept.

    As in CommonMark, a run of backticks opens a span that the next run of the same
    length closes; found in one pass over the runs, since a regular expression
    backtracks for minutes on a line of backticks.
    """
    runs = [(match.start(), match.end()) for match in BACKTICKS_RE.finditer(text)]
    closing: list[int | None] = [None] * len(runs)
    next_of_length: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        start, end = runs[index]
        closing[index] = next_of_length.get(end - start)
        next_of_length[end - start] = index
    pieces, done, index = [], 0, 0
    while index < len(runs):
        close = closing[index]
        if close is None:  # never closed: literal backticks
            index += 1
            continue
        start, end = runs[index][0], runs[close][1]
        pieces += [text[done:start], NOT_NEWLINE_RE.sub(" ", text[start:end])]
        done, index = end, close + 1
    pieces.append(text[done:])
    return "".join(pieces)


def _links(text: str, line: int) -> tuple[Link, ...]:
    breaks = [match.start() for match in re.finditer("\n", text)] if "\n" in text else []
    wikilinks: list[tuple[int, Link]] = []
    for match in WIKILINK_RE.finditer(text) if "[[" in text else ():
        target = match.group(1).strip()
        if target:
            start = match.start()
            embed = text[start - 1 : start] == "!"
            if embed:
                start -= 1  # an embed starts at its `!`
            at = line + bisect.bisect(breaks, start) if breaks else line
            wikilinks.append((start, Link(target, at, embed)))
    if "](" not in text:  # most blocks: wikilinks only, already in order
        return tuple([link for _, link in wikilinks])
    found = wikilinks
    # this pattern starts with an optional `!`, which defeats the regex engine's literal
    # prefix search: the caller looked for `](` first (a fast path for prose)
    for match in MDLINK_RE.finditer(text):
        target = match.group(2).strip("<>").split("#")[0]
        if target and not SCHEME_RE.match(target) and target.lower().endswith(".md"):
            at = line + bisect.bisect(breaks, match.start())
            link = Link(unquote(target), at, embed=bool(match.group(1)), relative=True)
            found.append((match.start(), link))
    found.sort(key=lambda pair: pair[0])
    return tuple(link for _, link in found)
