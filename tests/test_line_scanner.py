"""The line scanner reads bodies exactly as markdown-it does, or declines them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdnet.notes.frontmatter import split_front_matter
from mdnet.notes.line_scanner import scan_lines
from mdnet.notes.structure import markdown_structure

SAMPLE = Path(__file__).parent.parent / "sample_vault"
EXAMPLES = int(os.environ.get("MDNET_EXAMPLES", "400"))

INDENTS = st.sampled_from(["", "", "", " ", "  ", "   ", "    ", "     ", "      ", "        "])
PREFIXES = st.sampled_from(
    [
        *[""] * 6,
        *["- ", "* ", "+ ", "1. ", "2) ", "1) ", "10. ", "-  ", "-    ", "-     "] * 2,
        "- [ ] ",
        "- [x] ",
        "> ",
        ">",
        ">  ",
        "> - ",
        "> > ",
        "# ",
        "## ",
        "####### ",
        "#",
        "```",
        "~~~",
        "````",
        "```py",
        "``` a`b",
        "<div>",
        "</div>",
        "<!-- ",
        "<pre>",
        "<a href='x'>",
        "<https://x.org>",
        "<?",
        "<!DOCTYPE ",
        "---",
        "***",
        "* * *",
        "- - -",
        "===",
        "--",
        "___",
        "- ---",
        "-- -",
        "==",
        "= =",
        "-",
        "1.",
        "- # ",
        "- > ",
        "- ```",
        "[a]: ",
        "[[a]]: ",
        "[a]: /url",
        "[a]: <b c>",
        "[ ]: /url",
        "[a]: javascript:x",
        "[^1]: a note",
    ]
)
WORDS = st.sampled_from(
    [
        "word",
        "Met",
        "[[Bob]]",
        "[x](Bob.md)",
        "#tag",
        "2026-01-02",
        "2026-13-40",
        "`code`",
        "###",
        " #",
        "  ",
        "\t",
        "\xa0",
        "\x1c",
        "\x85",
        "\x0b",
        "\u2028",
        "\u2003",
        "]:",
        "#",
        "[",
        "x ###",
        "```",
        "~~~",
        "-",
        "*",
        "<b>",
        "-->",
        '"title"',
        "(title)",
        "/url",
        "</pre>",
        "?>",
        ">",
        "é",
        "\\",
    ]
)
LINES = st.builds(
    lambda indent, prefix, words: indent + prefix + " ".join(words),
    INDENTS,
    PREFIXES,
    st.lists(WORDS, max_size=4),
)
BODIES = st.builds(
    lambda lines, end: "\n".join(lines) + end,
    st.lists(LINES, max_size=12),
    st.sampled_from(["", "\n"]),
)

# the constructs it reads, mostly: most of these bodies are read, not declined
COMMON_LINES = st.builds(
    lambda indent, prefix, words: indent + prefix + " ".join(words),
    st.sampled_from(["", "", "", "  ", "   ", "    ", " "]),
    st.sampled_from(
        ["", "", "", "- ", "* ", "1. ", "2. ", "> ", ">", "## ", "```", "~~~", "---", "***", "==="]
    ),
    st.lists(WORDS.filter(lambda word: word not in ("\t", "<b>")), min_size=1, max_size=3),
)
COMMON_BODIES = st.builds("\n".join, st.lists(COMMON_LINES | st.just(""), max_size=10))


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(BODIES | COMMON_BODIES)
def test_the_scanner_declines_or_agrees_with_markdown_it(body: str) -> None:
    found = scan_lines(body)
    assert found is None or found == markdown_structure(body)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet=" \n-*+>#`~[]():1.xX=_<!/\xa0\x1c\x1f\x85\x0c\u2028", max_size=60))
def test_any_text_of_markdown_characters(body: str) -> None:
    found = scan_lines(body)
    assert found is None or found == markdown_structure(body)


READ = [
    "# Title\n\nProse [[Bob]] and more\nlazy line\n",
    "- 2026-01-02 call [[Bob]]\n  - nested [[Ann]]\n    - deeper\n- [ ] task\n- [x] done\n",
    "1. first\n2. second\n   continued\nlazy\n\n10) ten\n",
    "- item\n\n  second paragraph\n\nafter\n",
    "> quoted [[Bob]]\nlazy\n>\n> again\n\ntext\n",
    "- item\n  ```\n  - not an item\n\n  ```\n- next\n",
    "~~~~\n~~~\n# not a heading\n~~~~\n## heading ##\n",
    "para\n2. not a list\n# heading\n* star\n+ plus\n",
    "- a\nlazy\n#tag\n## h\n- b\n#tag\n\n#tag\n- 2026-01-02 c\n+ d\n\ne\n- f\n  - g\nh\n",
    "Title\n=====\n\nSub [[Bob]]\ntitle\n---\n\n* * *\npara\n___\n",
    "- item\n  ---\n- item [[Bob]]\n---\nafter\n\n- a\n\n  ***\n  b\n",
    "para\n==\n\n--\n\n- a\n  lazy\n===\n",
    "<div>\n[[Bob]]\n</div>\n\n<!-- a\n\n[[Ann]] -->\n[[Eve]]\n<https://x.org> [[Al]]\n",
    "[a]: /url\n[b]: <c d> 'title'\n\n[x][a] [[Bob]]\n- [c]: /u\n",
    "[a]: /url\n\n- [Fixed the\n  [[Bob]] case](/a) and\n[Ann\n\n[x]\n",
    "- a\n\n  <pre>\n  [[Bob]]\n\n  </pre>\n- b\n<a href='x'>\n[[Ann]]\n\npara\n<div>\n",
]
DECLINED = [
    "    indented code\n",
    "> quoted\n---\n",
    "> quoted\n> ===\n",
    "- - a\n- -\n",
    "> quoted\n<div>\n",
    "- <div>\n",
    "- \tx\n",
    "[ref]: /url\n'title'\n\n[x][ref]\n",
    "[^1]: a footnote\n",
    "[a]: /url\n\n[two\nlines]: /url\n",
    "> [a]: /u\nb [[x]]\n",
    '> [foo]: /url\n> "title"\n',
    "[foo]: /u\x01rl\n",
    "[a]: < javascript:x>\n",
    "> - a list in a quote\n",
    "-\n  starts blank\n",
    "- a\n - odd sibling\n",
    "- # heading item\n",
]


@pytest.mark.parametrize("body", READ)
def test_the_markdown_notes_use_is_read_without_markdown_it(body: str) -> None:
    assert scan_lines(body) == markdown_structure(body)


@pytest.mark.parametrize("body", DECLINED)
def test_what_it_does_not_read_exactly_goes_to_markdown_it(body: str) -> None:
    assert scan_lines(body) is None


def test_every_sample_note_is_read_without_markdown_it_and_the_same() -> None:
    for path in sorted(SAMPLE.rglob("*.md")):
        body = split_front_matter(path.read_text(encoding="utf-8")).body
        assert scan_lines(body) == markdown_structure(body), path


def test_characters_python_trims_but_markdown_it_keeps_are_left_to_markdown_it() -> None:
    """`str.strip()` trims \\x1c-\\x1f and \\x85; markdown-it keeps them: never guess."""
    for character in "\x1c\x1d\x1e\x1f\x85":
        body = f"- {character}2026-01-02 call [[Bob]]\n"
        assert scan_lines(body) is None
