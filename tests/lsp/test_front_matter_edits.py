"""Adding to a front matter list as a small edit, in the note's own style."""

from __future__ import annotations

import pytest

from mdnet.lsp.front_matter import add_to_list, apply


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntype: contact\n---\nBody\n", "---\ntype: contact\naliases: [JD]\n---\nBody\n"),
        ("---\naliases: []\n---\n", "---\naliases: [JD]\n---\n"),
        ("---\naliases: [Jane] # hers\n---\n", "---\naliases: [Jane, JD] # hers\n---\n"),
        ("---\naliases: Jane\n---\n", "---\naliases: [Jane, JD]\n---\n"),
        (
            "---\naliases:\n  - Jane\n  - J\ntype: contact\n---\n",
            "---\naliases:\n  - Jane\n  - J\n  - JD\ntype: contact\n---\n",
        ),
        ("---\naliases:\ntype: contact\n---\n", "---\naliases: [JD]\ntype: contact\n---\n"),
        ("No front matter.\n", "---\naliases: [JD]\n---\nNo front matter.\n"),
    ],
)
def test_an_item_is_added_in_the_notes_style(text: str, expected: str) -> None:
    insertion = add_to_list(text, "aliases", "JD")
    assert insertion is not None
    assert apply(text, insertion) == expected


def test_values_are_quoted_when_yaml_needs_it() -> None:
    text = "---\naliases: []\n---\n"
    insertion = add_to_list(text, "aliases", "Jane: the CTO")
    assert insertion is not None
    assert apply(text, insertion) == '---\naliases: ["Jane: the CTO"]\n---\n'


@pytest.mark.parametrize(
    "text",
    [
        "---\naliases: [JD]\n---\n",  # listed already
        "---\naliases: [a\n---\n",  # broken YAML
        "---\naliases: >\n  folded\n---\n",  # written over several lines
        "---\ntype: contact\n",  # never closed
    ],
)
def test_nothing_unsafe_is_offered(text: str) -> None:
    assert add_to_list(text, "aliases", "JD") is None
