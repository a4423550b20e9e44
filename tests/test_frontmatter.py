"""Front matter: key lines, broken YAML at its line, non-mappings, BOM and CRLF."""

from __future__ import annotations

import datetime as dt

from mdnet.config import Config
from mdnet.notes.frontmatter import split_front_matter
from mdnet.notes.parse import parse_note


def test_every_key_has_its_line() -> None:
    front = split_front_matter(
        "---\ntype: contact\n\nmet: 2026-01-02\ntags:\n  - a\nrole: x\n---\nbody\n"
    )
    assert front.lines == {"type": 2, "met": 4, "tags": 5, "role": 7}
    assert front.values["met"] == dt.date(2026, 1, 2)
    assert front.body_line == 9 and front.body == "body\n"


def test_no_front_matter_is_all_body() -> None:
    front = split_front_matter("# Title\n- 2026-01-01 x\n")
    assert front.values == {} and front.body_line == 1 and front.error is None


def test_yaml_error_points_at_its_line() -> None:
    front = split_front_matter("---\ntype: contact\nname: Jane\nrole: a: b\n---\n")
    assert front.error is not None and front.error[0] == 4


def test_unclosed_flow_sequence_points_where_it_opens() -> None:
    front = split_front_matter("---\ntype: contact\naliases: [JD\n---\n")
    assert front.error is not None and front.error[0] == 3


def test_unterminated_front_matter_is_an_error() -> None:
    front = split_front_matter("---\ntype: contact\nname: Jane\n")
    assert front.error is not None and "not closed" in front.error[1]


def test_a_list_or_scalar_is_not_a_mapping() -> None:
    for text in ("---\n- a\n- b\n---\n", "---\njust words\n---\n"):
        front = split_front_matter(text)
        assert front.error is not None and "not a mapping" in front.error[1]


def test_python_tags_construct_nothing() -> None:
    front = split_front_matter("---\nx: !!python/object/apply:os.system ['echo hi']\n---\n")
    assert front.error is not None and front.values == {}


def test_keys_stay_as_written() -> None:
    front = split_front_matter("---\non: yes\n1: one\n2026-01-01: d\n---\n")
    assert set(front.values) == {"on", "1", "2026-01-01"}


def test_bom_and_crlf_read_as_their_authors_see_them() -> None:
    text = "\ufeff---\r\ntype: contact\r\nmet: 2026-01-02\r\n---\r\n- 2026-02-03 call\r\n"
    note = parse_note("People/Jane.md", text, Config())
    assert note.kind == "contact"
    assert note.lines["met"] == 3
    assert [(b.line, b.date) for b in note.blocks] == [(5, dt.date(2026, 2, 3))]


def test_dates_as_strings_and_yaml_dates() -> None:
    text = '---\ntype: contact\nmet: "2026-01-02"\nlast_contact: 2026-03-04 10:30\n---\n'
    note = parse_note("Jane.md", text, Config())
    assert note.fields["met"] == dt.date(2026, 1, 2)
    assert note.fields["last_contact"] == dt.date(2026, 3, 4)
