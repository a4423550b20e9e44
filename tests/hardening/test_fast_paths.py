"""The two fast paths agree with the libraries they stand in for.

The line scanner (``notes.line_scanner``) either declines a body or reads it as
markdown-it does, on every example of the CommonMark spec and every fixture of
markdown-it-py (``tests/corpus``, see its README); the front matter read without YAML
(``notes.simple_yaml``) is what PyYAML reads, or F001 where PyYAML refuses — on the YAML
test suite (``shared/corpus/yaml-test-suite``, skipped where absent) and on the cases
found to differ.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from mdnet.config import Config
from mdnet.notes.frontmatter import split_front_matter
from mdnet.notes.line_scanner import MAX_ITEM_DEPTH, scan_lines
from mdnet.notes.markdown import read_body
from mdnet.notes.parse import parse_note
from mdnet.notes.simple_yaml import simple_mapping
from mdnet.notes.structure import markdown_structure

CORPUS = Path(__file__).parent.parent / "corpus"
SPEC = json.loads((CORPUS / "commonmark_spec.json").read_text(encoding="utf-8"))
FIXTURES = json.loads((CORPUS / "markdown_it_fixtures.json").read_text(encoding="utf-8"))
SECTIONS = sorted({example["section"] for example in SPEC})


def _yaml_suite() -> Path | None:
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "shared" / "corpus" / "yaml-test-suite"
        if candidate.is_dir():
            return candidate
    return None


YAML_SUITE = _yaml_suite()
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def disagreements(bodies: list[str]) -> list[str]:
    """The bodies that the scanner reads otherwise than markdown-it, also as the text of
    a list item (where a note's entries are) and after a dated entry."""
    wrong = []
    for body in bodies:
        nested = "- 2026-01-02 call\n" + "".join(f"  {line}\n" for line in body.split("\n"))
        for text in (body, nested, "- 2026-01-02 call\n\n" + body):
            found = scan_lines(text)
            if found is not None and found != markdown_structure(text):
                wrong.append(text)
    return wrong


@pytest.mark.parametrize("section", SECTIONS)
def test_the_scanner_agrees_with_markdown_it_on_the_commonmark_spec(section: str) -> None:
    bodies = [example["markdown"] for example in SPEC if example["section"] == section]
    assert disagreements(bodies) == []


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_scanner_agrees_with_markdown_it_on_its_fixtures(name: str) -> None:
    assert disagreements(FIXTURES[name]) == []


@pytest.mark.parametrize("marker", ["١.", "１.", "٣)", "٢٠٢٦."])  # Arabic-Indic, fullwidth
def test_a_list_marker_is_ascii_digits_only(marker: str) -> None:
    body = f"{marker} 2026-01-02 call [[Bob]]\n"
    assert scan_lines(body) == markdown_structure(body) == [("text", 0, body.strip())]
    note = parse_note("People/Ann.md", "---\ntype: contact\n---\n" + body, Config())
    assert [block.date for block in note.blocks] == [None]  # a paragraph, not an entry


def test_a_date_is_ascii_digits_only() -> None:
    note = parse_note("People/Ann.md", "---\ntype: contact\n---\n- ٢٠٢٦-٠١-٠٢ call\n", Config())
    assert [block.date for block in note.blocks if block.date] == []
    assert parse_note("Daily/٢٠٢٦-٠١-٠٢.md", "Met [[Ann]]\n", Config()).date is None


def nested_list(depth: int) -> str:
    return "".join(
        f"{'  ' * level}- 2026-01-{level + 1:02} call [[P{level}]]\n" for level in range(depth)
    )


@pytest.mark.parametrize("depth", [10, 12, MAX_ITEM_DEPTH])
def test_deep_lists_give_the_same_entries_whichever_path_reads_them(depth: int) -> None:
    body = nested_list(depth) + "\nThe end [[Last]]\n"
    assert scan_lines(body) == markdown_structure(body)
    fallback = "    markdown-it reads this note (indented code)\n\n" + body
    assert scan_lines(fallback) is None
    fast, _ = read_body(body, 1)
    slow, _ = read_body(fallback, 1)
    assert len(fast) == depth + 1
    assert [(b.date, [link.target for link in b.links]) for b in slow] == [
        (b.date, [link.target for link in b.links]) for b in fast
    ]


def test_lists_deeper_than_markdown_it_reads_are_left_to_it() -> None:
    """Past markdown-it's nesting limit, the scanner declines: one way to read a note."""
    body = nested_list(MAX_ITEM_DEPTH + 1)
    assert scan_lines(body) is None
    assert len(read_body(body, 1)[0]) == MAX_ITEM_DEPTH


@pytest.mark.parametrize(
    "front",
    [
        "k" * 1025 + ": value\n",  # a simple key is at most 1,024 characters
        "name: Ann\n" + "k" * 2000 + ": 1\n",
        "? [a, b]\n: value\n",  # a complex key: unhashable to PyYAML
        "? {a: 1}\n: value\n",
        "[a, b]: value\n",
        "name: Ann\n? - a\n  - b\n: value\n",
    ],
)
def test_front_matter_pyyaml_refuses_is_f001(front: str) -> None:
    with pytest.raises(yaml.YAMLError):
        yaml.load(front, Loader=LOADER)
    read = split_front_matter(f"---\n{front}---\nbody\n")
    assert read.error is not None and read.values == {}


def test_a_key_of_1024_characters_is_read() -> None:
    key = "k" * 1024
    assert split_front_matter(f"---\n{key}: 1\n---\n").values == {key: 1}


@pytest.mark.skipif(YAML_SUITE is None, reason="shared/corpus/yaml-test-suite is absent")
@pytest.mark.parametrize("kind", ["valid", "error"])
def test_front_matter_without_yaml_agrees_with_pyyaml_on_the_yaml_test_suite(kind: str) -> None:
    assert YAML_SUITE is not None
    wrong = []
    for case in sorted((YAML_SUITE / kind).glob("*.yaml")):
        text = case.read_text(encoding="utf-8", errors="replace").replace("\r", "")
        read = simple_mapping(text, 1)
        if read is None:
            continue
        try:
            expected = yaml.load(text, Loader=LOADER)
        except yaml.YAMLError:
            wrong.append(f"{case.name}: PyYAML refuses it")
            continue
        if {str(key): value for key, value in (expected or {}).items()} != read[0]:
            wrong.append(f"{case.name}: {read[0]!r} != {expected!r}")
    assert wrong == []
