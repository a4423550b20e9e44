"""The body: dated list items, links, tags and what a dated note must not count."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings

from mdnet.notes import markdown
from mdnet.notes.blocks import Block
from mdnet.notes.markdown import read_body
from tests.test_line_scanner import BODIES, COMMON_BODIES, EXAMPLES


def blocks(text: str, first_line: int = 1) -> list[Block]:
    return read_body(text, first_line)[0]


def test_list_items_of_every_kind_with_their_lines() -> None:
    text = "- 2026-01-01 a\n* 2026-01-02 b\n+ 2026-01-03 c\n1. 2026-01-04 d\n- [ ] 2026-01-05 e\n- [x] 2026-01-06 f\n  - 2026-01-07 nested\n"
    found = blocks(text, 10)
    assert [(b.line, b.date.day if b.date else None, b.task) for b in found] == [
        (10, 1, None),
        (11, 2, None),
        (12, 3, None),
        (13, 4, None),
        (14, 5, " "),
        (15, 6, "x"),
        (16, 7, None),
    ]


def test_dates_as_links_with_times_and_channels() -> None:
    (block,) = blocks("- [[2026-10-02]] 14:30 coffee: with [[Ann|A]]\n")
    assert block.date == dt.date(2026, 10, 2) and block.time == "14:30"
    assert block.channel == "coffee"
    assert [link.target for link in block.links] == ["Ann"]


def test_channel_is_a_plain_word_only() -> None:
    assert blocks("- 2026-10-02 #gave intro\n")[0].channel is None
    assert blocks("- 2026-10-02 [[Bob]] met\n")[0].channel is None
    assert blocks("- 2026-10-02 call\n")[0].channel == "call"
    assert blocks("- 2026-10-02 — Email sent\n")[0].channel == "email"


def test_a_date_not_at_the_start_is_no_entry() -> None:
    assert blocks("- met on 2026-10-02 [[Jane]]\n")[0].date is None
    assert blocks("- 2026-10-022 [[Jane]]\n")[0].date is None


def test_invalid_leading_date_is_reported() -> None:
    found, bad = read_body("- 2026-13-40 call\n- 2026-02-30 x\n", 3)
    assert [b.line for b in bad] == [3, 4] and found == []


def test_links_tags_and_embeds() -> None:
    (block,) = blocks(
        "See [[Jane Doe#Work|Jane]] and ![[Bob]] [x](People/Ann%20Lee.md) [w](https://x.org/a.md) #Got #gave/intro\n"
    )
    assert [(link.target, link.embed, link.relative) for link in block.links] == [
        ("Jane Doe", False, False),
        ("Bob", True, False),
        ("People/Ann Lee.md", False, True),
    ]
    assert block.tags == ("got", "gave/intro")


def test_embeds_and_tags_at_the_edges() -> None:
    """An embed at the block's start, on a later line; `#` after a word, `/`, `&`, `#`."""
    (block,) = blocks("![[Bob]] a#no /#no &#no ##no #yes\nx ![[Ann]] [[Cy]]!#2026 #1a\n", 4)
    assert [(link.target, link.line, link.embed) for link in block.links] == [
        ("Bob", 4, True),
        ("Ann", 5, True),
        ("Cy", 5, False),
    ]
    assert block.tags == ("yes", "1a")


def test_code_quotes_and_items_are_excluded_for_dated_notes() -> None:
    text = (
        "Met [[A]] `[[Code]]` #got\n\n"
        "```\n[[Fenced]]\n```\n\n"
        "> [[Quoted]]\n\n"
        "- 2026-01-01 [[Dated]]\n  - [[Child]]\n"
        "- [ ] call [[Plan]]\n"
        "- [x] called [[Done]]\n"
        "- plain [[Item]]\n"
    )
    found = blocks(text)
    counted = [link.target for b in found if not b.excluded for link in b.links]
    assert counted == ["A", "Done", "Item"]
    assert "Code" not in [link.target for b in found for link in b.links]
    assert "Fenced" not in [link.target for b in found for link in b.links]


def test_an_escaped_pipe_ends_the_target_as_obsidian_writes_it_in_tables() -> None:
    """`[[Bob Martin\\|Bob]]`: the target is `Bob Martin`, wherever the link stands."""
    (row,) = blocks("| 10:00 | [[Bob Martin\\|Bob]] | [[Ann#Work\\|A]] |\n")
    assert [link.target for link in row.links] == ["Bob Martin", "Ann"]
    (item,) = blocks("- [[2026-10-02\\|Friday]] call with [[Bob Martin\\|Bob]]\n")
    assert item.date == dt.date(2026, 10, 2)
    assert [link.target for link in item.links] == ["Bob Martin"]


# --- a body that can hold no block is not read for its structure (speed, real notes) ---

NO_BLOCK_BODIES = [
    "Title\n=====\n\n<div>\n\n| a | b |\n|---|---|\n\n    code\n\n* * *\n- 1. x\n[ref]: /url\n",
    "- [ ] task\n- [link](https://example.com/guide.html)\n1. step\n> - quoted\n",
    "Release 1.2.3 on 2026-01\n\n```\n2026/01/02\n```\n",
]


@pytest.mark.parametrize("body", NO_BLOCK_BODIES)
def test_a_body_without_a_link_or_a_date_is_not_read_for_its_structure(
    body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unused(body: str) -> None:
        raise AssertionError("the body's structure was read")

    monkeypatch.setattr(markdown, "body_structure", unused)
    assert read_body(body, 1) == ([], [])


@pytest.mark.parametrize(
    "body",
    [
        "- [[Bob]]\n",
        "[Bob](People/Bob.MD)\n",
        "- [Bob](<Bob Martin.md#log>)\n",
        "- 2026-13-01 bad date\n",
        "- [ ] [[2026-01-02]] task\n",
    ],
)
def test_a_body_with_a_link_or_a_date_is_read(body: str) -> None:
    assert read_body(body, 1) != ([], [])


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(BODIES | COMMON_BODIES)
def test_skipping_the_structure_never_changes_what_is_read(body: str) -> None:
    assert read_body(body, 1) == markdown.read_structure(body, 1)
