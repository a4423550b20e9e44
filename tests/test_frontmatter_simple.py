"""The front matter read without YAML (``simple_mapping``) is what the YAML loader
reads, value for value and type for type, or it is left to the loader."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdnet.notes.frontmatter import _load_with_yaml, split_front_matter
from mdnet.notes.simple_yaml import simple_mapping

EXAMPLES = settings(
    max_examples=int(os.environ.get("MDNET_EXAMPLES", 300)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
SAMPLE_VAULT = Path(__file__).parent.parent / "sample_vault"


def typed(value: Any) -> Any:
    """A value with the type of every part, so that True is not 1 nor a date a string."""
    if isinstance(value, list):
        return ["list", [typed(item) for item in value]]
    return [type(value).__name__, value]


def assert_same_as_yaml(text: str) -> bool:
    """Whether the simple reading took ``text``; if so, it agrees with YAML's."""
    simple = simple_mapping(text, 2)
    if simple is None:
        return False
    values, lines, error = _load_with_yaml(text, 2)
    assert error is None, text
    assert {key: typed(value) for key, value in simple[0].items()} == {
        key: typed(value) for key, value in values.items()
    }, text
    assert list(simple[0]) == list(values) and simple[1] == lines, text
    return True


@pytest.mark.parametrize(
    "text",
    [
        "\ntype: contact\nname: Aaron Albrecht\ncompany: Fischer GmbH\n",
        "\nmet: 2024-06-20\nlast_contact: 2026-13-40\nbirthday: 1990-02-29\n",
        "\ntags: [network, finance]\naliases: []\nempty: [ ]\nmixed: [1, yes, 2024-01-02, x]\n",
        "\nlinkedin: https://www.linkedin.com/in/aaron\nemail: a.b@example.com\n",
        "\non: yes\nno: No\nok: TRUE\nnull: null\nnothing:\nblank: \ntilde_free: Null\n",
        "\ncount: 12\nneg: -3\nplus: +4\nzero: 0\nword: 12abc\nlate: O'Brien (CEO)\n",
        "\nkey: a,b\nkey: last\ndashes: a - b\nslash: /x/y\ndot: .x\nplus: +\n",
        "\n\ntype: event\n\nstatus: planned\n",
        "\nat: 2026-01-02 10:00\nnot_octal: 0o17\n",  # no timestamp, no number to YAML 1.1
        "\ncadence: 3m\ndues: 120 EUR/year\nhours: 1.5\n",  # hours is a float: declined
    ],
)
def test_simple_front_matter_reads_as_yaml_does(text: str) -> None:
    assert assert_same_as_yaml(text) == ("hours" not in text)


@pytest.mark.parametrize(
    "text",
    [
        "\nkey: - x\n",  # a sequence entry where a value should be: an error to YAML
        "\nkey: -\n",
        "\nkey: @x\n",  # reserved indicator
        "\nkey: a: b\n",
        "\nkey: value:\n",
        "\nkey: a #comment\n",
        "\n# comment\nkey: a\n",
        "\nkey:value\n",
        "\nkey: 010\n",  # octal to YAML 1.1
        "\nkey: 1_000\n",
        "\nkey: " + "1" * 5000 + "\n",  # too long for int(): the loader's F001
        "\nkey: 1:30\n",  # sexagesimal
        "\nkey: 2026-01-02 10:00:00\n",
        "\nkey: .5\n",
        "\nkey: ~\n",
        "\nkey: [a, b, ]\n",
        "\nkey: [a, [b]]\n",
        "\nkey: [a: b]\n",
        "\nkey: 'quoted'\n",
        "\nkey: |\n  text\n",
        "\nkey:\n  - a\n",
        "\n  key: a\n",
        "\nkey: a\tb\n",
        "\n<<: {a: 1}\n",
        "\nkey: &anchor a\nother: *anchor\n",
        "\nkey: !!str 1\n",
    ],
)
def test_anything_else_is_left_to_yaml(text: str) -> None:
    assert simple_mapping(text, 2) is None


VALUE_CHARACTERS = "aZ09 -_.,:/@+'()#[]!&*?|>%`\"{}~=\t<é٣"


@EXAMPLES
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["type", "name", "on", "no", "a-b", "_x", "met", "tags", "1"]),
            st.one_of(
                st.text(VALUE_CHARACTERS, max_size=12),
                st.sampled_from(
                    ["2026-02-30", "2026-02-28", "yes", "Off", "NULL", "12", "-0", "+7", "1e3"]
                ),
                st.lists(st.text(VALUE_CHARACTERS, max_size=6), max_size=3).map(
                    lambda items: "[" + ", ".join(items) + "]"
                ),
            ),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_generated_front_matter_reads_as_yaml_does_or_is_declined(
    pairs: list[tuple[str, str]],
) -> None:
    assert_same_as_yaml("\n" + "".join(f"{key}: {value}\n" for key, value in pairs))


def test_the_sample_vaults_front_matter_reads_as_yaml_does() -> None:
    taken = 0
    for path in sorted(SAMPLE_VAULT.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            yaml_text = text.split("---", 2)[1]
            taken += assert_same_as_yaml(yaml_text)
    assert taken >= 10


def test_a_note_with_simple_front_matter_keeps_its_lines() -> None:
    front = split_front_matter("---\ntype: contact\n\nmet: 2026-01-02\n---\nbody\n")
    assert front.values == {"type": "contact", "met": dt.date(2026, 1, 2)}
    assert front.lines == {"type": 2, "met": 4} and front.body_line == 6
