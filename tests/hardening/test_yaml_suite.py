"""Every case of the YAML test suite as a note's front matter (SPEC §9).

The corpus (``shared/corpus/yaml-test-suite`` beside the repository) holds the
``in.yaml`` of each case, in ``valid/`` and ``error/``. Each becomes the front matter
of a note: ``---``, the case, ``---``. mdnet must never crash or hang on one; what
PyYAML rejects is one F001 at the YAML error's line; a mapping is read as PyYAML
reads it, keys as written.

Front matter ends at the first line that is only dashes, as in Obsidian: a case
holding a bare ``---`` line (a second document) ends the front matter there and the
rest is body. A ``...`` line (document end) does not end it: what follows it is a
second YAML document, which is F001.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from mdnet.config import Config, load_config
from mdnet.notes.frontmatter import split_front_matter
from mdnet.notes.parse import parse_note
from mdnet.pipeline import load_vault
from mdnet.rules.runner import Selection, run_rules
from mdnet.summary import render
from tests.conftest import TODAY, write_files


def _corpus() -> Path | None:
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "shared" / "corpus" / "yaml-test-suite"
        if candidate.is_dir():
            return candidate
    return None


CORPUS = _corpus()
CASES = sorted(CORPUS.glob("*/*.yaml")) if CORPUS else []
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="shared/corpus/yaml-test-suite is absent")
BOUNDARY_RE = re.compile(r"-{3,}\s*")
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the PyYAML that mdnet uses


def as_note(case: Path) -> str:
    """The case as a note: its text between `---` lines, as parse_note will see it."""
    text = case.read_bytes().decode("utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "---\n" + text + ("" if text.endswith("\n") else "\n") + "---\nbody\n"


def expected_yaml(note: str) -> str:
    """The front matter YAML with the note's line numbers: line 1 blank, up to the
    first line of dashes (computed apart from mdnet's splitting)."""
    lines = note.split("\n")
    closing = next(i for i in range(1, len(lines)) if BOUNDARY_RE.fullmatch(lines[i]))
    front = lines[1:closing]
    blank = next((i for i, line in enumerate(front) if line.strip()), len(front))
    front[:blank] = [""] * blank  # blank lines before the first key are only blank
    return "\n" + "".join(line + "\n" for line in front)


def same(a: Any, b: Any) -> bool:
    return bool(a == b) or repr(a) == repr(b)  # .nan is not equal to itself


def error_lines(error: yaml.MarkedYAMLError, text: str) -> set[int]:
    """The note lines a faithful report may name: the problem's, the context's, or
    the last line written when the parser ran to the end."""
    lines = {mark.line + 1 for mark in (error.problem_mark, error.context_mark) if mark}
    return lines | {text.rstrip().count("\n") + 1}


@needs_corpus
def test_the_corpus_is_there() -> None:
    assert len(CASES) > 300  # 308 valid and 94 error cases


@needs_corpus
@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.parent.name}/{case.stem}")
def test_case_as_front_matter(case: Path) -> None:
    note_text = as_note(case)
    started = time.perf_counter()
    note = parse_note("case.md", note_text, Config())
    assert time.perf_counter() - started < 2
    f001 = [problem for problem in note.problems if problem.code == "F001"]
    assert len(f001) <= 1
    text = expected_yaml(note_text)
    try:
        node = yaml.compose(text, Loader=LOADER)
        loaded = yaml.load(text, Loader=LOADER)
    except yaml.MarkedYAMLError as error:
        if "unhashable" in str(error.problem):
            return  # `[a, b]: x`: mdnet skips keys that are not scalars (tested apart)
        assert f001, f"PyYAML rejects it: {error.problem}"
        assert f001[0].line in error_lines(error, text), (f001[0], str(error))
        return
    except (yaml.YAMLError, ValueError) as error:
        assert f001, f"PyYAML rejects it: {error}"
        return
    if node is None:  # empty or comments only: no front matter
        assert not f001
    elif not isinstance(node, yaml.MappingNode):
        assert f001 and "not a mapping" in f001[0].message
        assert f001[0].line == node.start_mark.line + 1
    elif node.tag != "tag:yaml.org,2002:map":  # `--- !!set`: no fields either
        assert f001 and "tagged" in f001[0].message
    else:
        assert not f001, f001
        front_keys = {key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
        assert set(note.lines) == front_keys
        for key, value in loaded.items():
            if isinstance(key, str) and key in note.lines:
                # the raw values, which fields are read from
                assert same(split_front_matter(note_text).values[key], value)


@needs_corpus
def test_every_case_through_the_pipeline(tmp_path: Path) -> None:
    """All cases in one vault, as plain notes and as contacts: findings, a summary."""
    files: dict[str, str | bytes] = {}
    for case in CASES:
        note = as_note(case)
        files[f"{case.parent.name}/{case.stem}.md"] = note.encode()
        files[f"People/{case.parent.name}-{case.stem}.md"] = (
            "---\ntype: contact\n" + note.removeprefix("---\n")
        ).encode()
    root = write_files(tmp_path / "vault", files)
    config = load_config(root)
    started = time.perf_counter()
    vault = load_vault(root, config)
    findings = run_rules(vault, config, TODAY, Selection())
    render(vault, config, TODAY, findings)
    assert time.perf_counter() - started < 60
    assert len(vault.notes) == 2 * len(CASES)
    per_note: dict[str, int] = {}
    for finding in findings:
        if finding.code == "F001":
            per_note[finding.path] = per_note.get(finding.path, 0) + 1
    assert per_note and set(per_note.values()) == {1}


FRONT_MATTER_ENDS = [
    # (note, front matter values, F001 line or None, body line)
    ("---\na: 1\n---\nb: 2\n---\n", {"a": 1}, None, 4),
    ("---\na: 1\n...\n---\nbody\n", {"a": 1}, None, 5),
    ("---\na: 1\n...\nb: 2\n---\n", {}, 4, 6),
    ("---\n--- {a: 1}\n---\n", {"a": 1}, None, 4),
    ("---\n--- !!map\na: 1\n---\n", {"a": 1}, None, 5),
    ("---\n---\na: 1\n---\n", {}, None, 3),
    ("---\n%YAML 1.1\n--- \na: 1\n---\n", {}, 2, 4),
]


@pytest.mark.parametrize(("text", "values", "error_line", "body_line"), FRONT_MATTER_ENDS)
def test_where_front_matter_ends(
    text: str, values: dict[str, Any], error_line: int | None, body_line: int
) -> None:
    """The first line of dashes ends front matter; `...` ends a YAML document only."""
    front = split_front_matter(text)
    assert front.values == values
    assert (front.error[0] if front.error else None) == error_line
    assert front.body_line == body_line
