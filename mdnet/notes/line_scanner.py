"""A fast path for the body's block structure: one pass over the lines, no markdown-it.

``scan_lines(body)`` gives what ``structure.markdown_structure`` gives — the list items,
quotes and text blocks (paragraphs, headings) in order, each text block with its first
line and its content as markdown-it reads it — for the Markdown notes actually use:
ATX and setext headings, paragraphs with lazy continuation lines, ``-``/``*``/``+``/
``1.``/``1)`` list items nested by indentation, task items, top-level quotes of
paragraphs, fenced code, thematic breaks, HTML blocks and link reference definitions on
one line. For anything else (indented code, tabs, definitions over several lines, lists,
code, HTML or breaks in quotes, empty or oddly indented list items...) it returns None
and markdown-it, the reference, reads the note instead.
"""

from __future__ import annotations

from mdnet.notes.line_kinds import (
    HEADING_RE,
    MARKER_RE,
    PLAIN_START,
    RULE_LIKE_RE,
    UNDERLINE_RE,
    Declined,
    defines_reference,
    heading_text,
    html_interrupts,
    is_bullet,
    line_kind,
    marker_interrupts,
)
from mdnet.notes.verbatim import Fence, Html, Taken, Verbatim

# markdown-it's nesting limit (commonmark's 20 dropped all that follows a list ten deep):
# a list and its item take two levels, so markdown-it reads lists 31 deep; deeper, the
# scanner declines too, so that the same note is read the same way whichever reads it.
# (Higher costs time: markdown-it reads `- - - ...` again at each level.)
MAX_NESTING = 64
MAX_ITEM_DEPTH = (MAX_NESTING - 2) // 2

Event = tuple[str, int, str]  # ("item" | "quote" | "close" | "text", line, text content)

# characters the scanner leaves to markdown-it: tabs, CR and NUL, and those that
# Python's str.strip() trims but markdown-it keeps (or treats as line breaks)
DECLINED_CHARACTERS = "\t\r\0\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"


def scan_lines(body: str) -> list[Event] | None:
    """The body's block events, or None when markdown-it must read it."""
    if any(character in body for character in DECLINED_CHARACTERS):  # faster than a regex
        return None
    try:
        return _Scanner(body).run()
    except Declined:
        return None


class _Scanner:
    def __init__(self, body: str) -> None:
        self.events: list[Event] = []
        self.items: list[int] = []  # the content indent of each open list item
        self.paragraph: list[str] | None = None
        self.paragraph_line = 0
        self.paragraph_indent = 0  # markdown-it's blkIndent where the paragraph began
        self.verbatim: Verbatim | None = None  # the fenced code or HTML block open
        self.quote = False
        self.quote_empty = False  # the quote's last line was a blank `>` line
        # a paragraph starting with `[` may be a link reference definition: only if the
        # body holds `]:` at all (looked for once: a task list has a `[` on every line)
        self.may_define_references = "]:" in body
        self.lines = body.split("\n")

    def run(self) -> list[Event]:
        for number, line in enumerate(self.lines):
            if self.verbatim is None and not self.quote:
                # the common lines, outside code, HTML and quotes: what ``line`` does, made
                # short (for speed). A line at column 0 closes every open list item,
                # unless it continues a paragraph (lazily, when in an item)
                if not line:
                    self.end_paragraph()
                    continue
                first = line[0]
                if first in PLAIN_START or (first == "#" and not HEADING_RE.match(line)):
                    if self.paragraph is not None:
                        self.paragraph.append(line)
                    else:
                        self.close_items(0)
                        self.start_paragraph(number, line)
                    continue
                if first == "#":
                    self.end_paragraph()
                    self.close_items(0)
                    self.events.append(("text", number, heading_text(line)))
                    continue
                if is_bullet(line):
                    self.end_paragraph()  # a bullet interrupts a paragraph
                    self.close_items(0)
                    if line[2] not in PLAIN_START and line_kind(line[2:]) != "text":
                        raise Declined  # `- # title`, `- - x`, `- > x`, `- ```` in an item
                    self.items.append(2)
                    self.events.append(("item", 0, ""))
                    self.start_paragraph(number, line[2:])
                    continue
            self.line(number, line)
        self.end_paragraph()
        self.events += [("close", 0, "")] * (len(self.items) + self.quote)
        return self.events

    def line(self, number: int, line: str) -> None:
        if not line and self.verbatim is None and not self.quote:
            self.end_paragraph()  # the most common line, with prose
            return
        text = line.lstrip(" ") if line[:1] == " " else line
        indent = len(line) - len(text)
        if self.verbatim is not None:
            taken = self.verbatim.takes(text, indent)
            if taken is not Taken.INSIDE:
                self.verbatim = None
            if taken is not Taken.AFTER:
                return
        if self.quote and not self.in_quote(number, line, text, indent):
            return
        if not text:
            self.end_paragraph()
            return
        depth = len(self.items)
        while depth and self.items[depth - 1] > indent:
            depth -= 1
        base = self.items[depth - 1] if depth else 0
        if self.paragraph is not None:
            if indent - self.paragraph_indent >= 4:
                self.paragraph.append(line[min(indent, self.paragraph_indent) :])
                return
            if indent >= self.paragraph_indent and UNDERLINE_RE.fullmatch(text):
                self.end_paragraph()  # a setext heading: the paragraph's text, as a heading
                return
            kind = line_kind(text)
            if (
                kind == "text"
                or (kind == "marker" and depth == len(self.items) and not marker_interrupts(text))
                or (kind == "html" and not html_interrupts(text))
            ):
                self.paragraph.append(line[min(indent, self.paragraph_indent) :])
                return
            self.end_paragraph()
        else:
            kind = line_kind(text)
        self.close_items(depth)
        if indent - base >= 4:
            raise Declined  # indented code
        self.start(number, text, kind, indent)

    def start(self, number: int, text: str, kind: str, indent: int) -> None:
        """A block starting at ``text`` (at column ``indent``), inside the open items."""
        if kind == "text":
            self.start_paragraph(number, text)
        elif kind == "heading":
            self.events.append(("text", number, heading_text(text)))
        elif kind == "break":
            pass  # a thematic break: no text
        elif kind == "html":
            self.verbatim = Html.starting(text, self.items[-1] if self.items else 0)
        elif kind == "fence":
            self.verbatim = Fence(text, self.items[-1] if self.items else 0)
        elif kind == "quote":
            if self.items:
                raise Declined  # a quote inside a list item
            self.quote = True
            self.events.append(("quote", 0, ""))
            self.quote_line(number, text)
        else:
            base = self.items[-1] if self.items else 0
            marker = MARKER_RE.match(text)
            assert marker is not None
            rest = text[marker.end() :]
            width = marker.end()
            spaces = width - len(marker.group(0).rstrip(" "))
            if indent != base or not rest.strip(" ") or spaces > 4:
                raise Declined  # oddly indented, empty, or content indented as code
            if line_kind(rest) != "text" or len(self.items) >= MAX_ITEM_DEPTH:
                raise Declined  # `- # title`, `- - x`, `- > x`, `- ```` in an item; too deep
            self.items.append(indent + width)
            self.events.append(("item", 0, ""))
            self.start_paragraph(number, rest)

    def start_paragraph(self, number: int, text: str) -> None:
        if text[0] == "[" and not text.startswith("[[") and self.may_define_references:
            if self.quote:
                raise Declined  # a definition in a quote: its title may be on a `>` line
            if defines_reference(self.lines, number, text):
                return  # a link reference definition: no text
        self.paragraph = [text]
        self.paragraph_line = number
        self.paragraph_indent = self.items[-1] if self.items else 0

    def end_paragraph(self) -> None:
        if self.paragraph is not None:
            content = "\n".join(self.paragraph).strip()
            self.events.append(("text", self.paragraph_line, content))
            self.paragraph = None

    def close_items(self, depth: int) -> None:
        while len(self.items) > depth:
            self.items.pop()
            self.events.append(("close", 0, ""))

    def in_quote(self, number: int, line: str, text: str, indent: int) -> bool:
        """Whether the line is left to read (the quote ended before it)."""
        if not text:
            self.end_paragraph()
            self.end_quote()
            return True
        if text[0] == "<" or RULE_LIKE_RE.fullmatch(text):
            raise Declined  # HTML, a break or a setext underline after a quote
        if text[0] == ">":
            if indent >= 4:
                raise Declined
            self.quote_line(number, text)
            return False
        if self.quote_empty:
            self.end_quote()
            return True
        if indent < 4 and line_kind(text) != "text":
            self.end_paragraph()
            self.end_quote()  # a heading, fence or list item ends the quote
            return True
        assert self.paragraph is not None
        self.paragraph.append(line)  # a lazy continuation line
        return False

    def quote_line(self, number: int, text: str) -> None:
        content = text[2:] if text.startswith("> ") else text[1:]
        stripped = content.lstrip(" ")
        if RULE_LIKE_RE.fullmatch(stripped):
            raise Declined  # a break or setext underline in a quote
        self.quote_empty = not stripped
        if not stripped:
            self.end_paragraph()
        elif self.paragraph is not None:
            if line_kind(stripped) != "text":
                raise Declined
            self.paragraph.append(content)
        elif len(content) - len(stripped) >= 4 or line_kind(stripped) != "text":
            raise Declined  # code, a list, a heading or a fence in a quote
        else:
            self.start_paragraph(number, stripped)

    def end_quote(self) -> None:
        self.quote = False
        self.events.append(("close", 0, ""))
