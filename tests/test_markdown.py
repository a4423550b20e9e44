"""The body: dated list items, links, tags and what a dated note must not count."""

from __future__ import annotations

import datetime as dt

from mdnet.notes.markdown import Block, read_body


def blocks(text: str, first_line: int = 1) -> list[Block]:
    return read_body(text, first_line)[0]


def test_list_items_of_every_kind_with_their_lines() -> None:
    text = "- 2026-01-01 a\n* 2026-01-02 b\n+ 2026-01-03 c\n1. 2026-01-04 d\n- [ ] 2026-01-05 e\n- [x] 2026-01-06 f\n  - 2026-01-07 nested\n"
    found = blocks(text, 10)
    assert [(b.line, b.date.day, b.task) for b in found] == [
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
