"""A body is read only from its first link or date to its last (``markdown.read_body``):
the blocks are those that markdown-it, the reference, gives for the whole body."""

from __future__ import annotations

import os
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdnet.notes import markdown
from mdnet.notes.blocks import BadDate, Block
from mdnet.notes.body_part import find_pair
from mdnet.notes.markdown import read_body
from mdnet.notes.structure import flat_items, markdown_structure
from tests.test_line_scanner import COMMON_LINES, LINES, WORDS

EXAMPLES = int(os.environ.get("MDNET_EXAMPLES", "400"))
PROSE = st.sampled_from(
    [
        "Plain words and more words.",
        "Lunch with [[Bob]] about the launch.",
        "#tag at the start",
        "# A heading",
        "## Log",
        "[[Ann]] called back",
        "[a]: /url",
        "(an aside) 2026-01-02 in prose",
        "\\escaped",
        "Nothing here at all",
    ]
)
# bodies with no fence, comment or <pre> are those whose parts are read alone
UNFENCED = COMMON_LINES.filter(lambda line: "```" not in line and "~~~" not in line)


def bodies(lines: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Bodies of groups of ``lines`` between blank lines (mostly)."""
    return st.builds(
        lambda groups, gaps, end: "".join(map(str.__add__, groups, gaps)) + end,
        st.lists(st.lists(lines, min_size=1, max_size=4).map("\n".join), max_size=8),
        st.lists(st.sampled_from(["\n\n", "\n\n", "\n\n\n", "\n", "\n  \n"]), min_size=8),
        st.sampled_from(["", "\n", "Trailing prose."]),
    )


BODIES = bodies(LINES | COMMON_LINES | PROSE) | bodies(UNFENCED | PROSE | PROSE)


def read_whole(body: str, first_line: int) -> tuple[list[Block], list[BadDate]]:
    """The blocks of the whole body as markdown-it reads it."""
    with (
        mock.patch.object(markdown, "body_structure", markdown_structure),
        mock.patch.object(markdown, "flat_items", lambda body: None),
    ):
        return markdown.read_structure(body, first_line)


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(BODIES)
def test_the_part_read_gives_the_blocks_of_the_whole_body(body: str) -> None:
    assert read_body(body, 7) == read_whole(body, 7)


DAILY = (
    "Prose about the day, long and without links.\n\nMore prose.\n\n"
    "- Talked to [[Ivan]] about it\n- 2026-05-12 call [[Sven]] #got\n\n"
    "## Notes\n\nAfterthoughts, no links.\n\nMore afterthoughts.\n"
)


@pytest.mark.parametrize(
    "body",
    [
        DAILY,
        "Intro.\n\n```\n\nText [[A]]\n\n```\n\n- 2026-01-02 call [[B]]\n",
        "Intro.\n\n<!--\n\nText [[A]]\n\n-->\n\nAfter [[B]].\n",
        "Intro.\n\n<pre>\n\nText [[A]]\n\n</pre>\n\nAfter.\n",
        "- item\n\n  a second paragraph [[A]]\n\n  - 2026-01-02 nested [[B]]\n\nAfter.\n",
        "> quoted [[A]]\n\nPlain.\n\n> quoted again 2026-01-02\n\nEnd.\n",
        "Para\n\n    indented code [[A]]\n\n    more code\n\nText [[B]]\n",
        "[ref]: /url\n\nText [ref] and [[A]]\n\n[ref]: /other\n",
        "First.\n\n- 2026-13-40 a bad date\n\nLast.",
        # dates that lead no entry, links that are none: no block, whatever is read
        "## 2026-01-02, Version 1.2\n\n* \\[[`abc1234`](https://x.org/c/abc)] - fix (#12)\n",
        "See [the guide](https://example.org/guide.md) of 2026-01-02.\n",
        "- [ ] `code` 2026-01-02\n\n",  # a task's date after a code span
        # an entry's date after a heading's `#`s, a task's box, or on the item's next line
        "Intro.\n\n- ### 2026-01-02 call\n* [x] [[2026-01-03]] lunch\n",
        "Intro.\n\n-\n  2026-01-02 call\n\n1. <div>\n\n   2026-01-04 met [[A]]\n",
        "> - 2026-01-02 in a quote\n\n- > 2026-01-03 a quote in an item\n",
    ],
)
def test_bodies_whose_structure_spans_blank_lines(body: str) -> None:
    assert read_body(body, 3) == read_whole(body, 3)


def test_a_daily_notes_prose_is_not_read() -> None:
    read: list[str] = []
    structure = markdown.read_structure

    def reading(text: str, first_line: int) -> tuple[list[Block], list[BadDate]]:
        read.append(text)
        return structure(text, first_line)

    with mock.patch.object(markdown, "read_structure", reading):
        blocks, _ = read_body(DAILY, 4)
    assert read == ["- Talked to [[Ivan]] about it\n- 2026-05-12 call [[Sven]] #got"]
    assert [(block.line, block.links[0].target) for block in blocks] == [(8, "Ivan"), (9, "Sven")]


# lists of one-line items (a log, a day's entries), and lines that are something else
def items(markers: list[str], words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda marker, written, end: marker + " ".join(written) + end,
        st.sampled_from(markers),
        st.lists(words, min_size=1, max_size=5),
        st.sampled_from(["", " ", "  "]),
    )


ENTRY = st.sampled_from(["[[Ann]]", "#got", "call:", "[ ]", "](b.md)", "word", "2026-01-04"])
ITEMS = items(
    ["- ", "* ", "+ ", "- [ ] ", "* [x] ", "- 2026-01-02 ", "- [[2026-01-03]] call "], ENTRY
)
ODD = items(
    ["-  ", "- - ", "- 1. ", "- # ", "- > ", "  - ", "-", "1. ", "[a]: /url", "text "], WORDS
)
FLAT = st.builds("\n".join, st.lists(ITEMS | st.just(""), min_size=2, max_size=10)) | st.builds(
    "\n".join, st.lists(ITEMS | ODD | items(["- "], WORDS), min_size=2, max_size=10)
)


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(FLAT)
def test_a_list_of_one_line_items_is_read_as_markdown_it_reads_it(body: str) -> None:
    """A log or a day's entries, read without their structure's events (``flat_items``)."""
    assert markdown.read_structure(body, 5) == read_whole(body, 5)


def test_a_log_is_read_as_a_flat_list() -> None:
    log = "- 2026-01-02 call [[Ann]] #got\n* [ ] write to [[Bob]]\n\n+ 2026-01-03 lunch  \n"
    assert flat_items(log) == [
        (0, "2026-01-02 call [[Ann]] #got"),
        (1, "[ ] write to [[Bob]]"),
        (3, "2026-01-03 lunch"),
    ]
    for other in ("- a\n  continued", "- a\nlazy", "- a\n- - b", "-  a", "- a\t", "[x]: /u\n- a"):
        assert flat_items(other) is None


@given(st.text(alphabet="[]ab\n", max_size=80), st.sampled_from(["[[", "]]", "](", "\n\n"]))
def test_finding_a_pair_of_characters_is_finding_the_string(text: str, pair: str) -> None:
    middle = len(text) // 2
    assert find_pair(text, pair) == text.find(pair)
    assert find_pair(text, pair, middle) == text.find(pair, middle)
    assert find_pair(text, pair, 1, middle) == text.find(pair, 1, middle)
