"""The blocks the line scanner reads to their end without looking for text in them:
fenced code and HTML blocks, each inside the list item (blkIndent) where it started."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from enum import Enum

from mdnet.notes.line_kinds import FENCE_RE, html_block


class Taken(Enum):
    """What a verbatim block does with the next line."""

    INSIDE = "inside"  # the line is the block's, and the block goes on
    LAST = "last"  # the line is the block's last
    AFTER = "after"  # the block ended before the line, which is left to read


class Verbatim(ABC):
    def __init__(self, base: int) -> None:
        self.base = base  # the blkIndent of the list item holding the block

    @abstractmethod
    def takes(self, text: str, indent: int) -> Taken:
        """What the block does with a line (its text from the first non-space, at
        column ``indent``)."""


class Fence(Verbatim):
    def __init__(self, text: str, base: int) -> None:
        super().__init__(base)
        fence = FENCE_RE.match(text)
        assert fence is not None
        self.closing = text[0] * fence.end()

    def takes(self, text: str, indent: int) -> Taken:
        if text and indent < self.base:
            return Taken.AFTER  # a less indented line ends the item, and the fence
        closing = indent - self.base < 4 and text.startswith(self.closing)
        if closing and not text.lstrip(self.closing[0]).strip(" "):
            return Taken.LAST
        return Taken.INSIDE


class Html(Verbatim):
    def __init__(self, end: re.Pattern[str], base: int) -> None:
        super().__init__(base)
        self.end = end
        self.ends_on_blank = bool(end.search(""))  # types 6 and 7: `^$`

    @classmethod
    def starting(cls, text: str, base: int) -> Html | None:
        """The HTML block a line starts, None when it ends on that line."""
        html = html_block(text)
        assert html is not None
        return None if html.end.search(text) else cls(html.end, base)

    def takes(self, text: str, indent: int) -> Taken:
        if indent < self.base and (self.ends_on_blank or text):
            return Taken.AFTER  # a less indented line ends the item, and the block
        if self.end.search(text):
            return Taken.LAST if text else Taken.AFTER  # a blank line is no part of it
        return Taken.INSIDE
