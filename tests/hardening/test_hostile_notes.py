"""Hostile notes (SPEC §9): each gives one clear finding, never a crash, a hang or a
blow-up of memory, and the rest of the vault is still checked.

What could blow up runs in a real ``mdnet`` process limited in time and memory
(tests/hardening/limits.py), so that a regression fails a test instead of the run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from mdnet.config import Config, load_config
from mdnet.notes.fields import BY_KIND, COMMON
from mdnet.notes.frontmatter import MAX_DEPTH, MAX_MERGED_KEYS, split_front_matter
from mdnet.notes.parse import parse_note
from mdnet.pipeline import load_vault
from mdnet.rules.runner import Selection, run_rules
from mdnet.summary import render
from tests.conftest import TODAY, Lint, where, write_files
from tests.hardening.limits import run_mdnet, run_python

DAY = TODAY.isoformat()


def alias_bomb(levels: int = 9, width: int = 10) -> str:
    """A "billion laughs": ``l9`` expands to width**levels strings from 1 KB of YAML."""
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


BOMB = alias_bomb()
FIELDS = {kind: sorted({*COMMON, *BY_KIND[kind], "type"}) for kind in BY_KIND}
FIELDS["contact"].append("tier")  # its reader comes from the config


def bomb_vault(root: Path) -> dict[str, tuple[str, int]]:
    """A note per kind and field holding the bomb in that field: {path: (field, line)}."""
    files: dict[str, str | bytes] = {}
    bombed: dict[str, tuple[str, int]] = {}
    for kind, names in FIELDS.items():
        for name in names:
            type_line = "" if name == "type" else f"type: {kind}\n"
            path = f"{kind}/{name}.md"
            files[path] = f"---\n{BOMB}{type_line}{name}: *l9\n---\n- {DAY} call [[contact/name]]\n"
            bombed[path] = (name, 2 + BOMB.count("\n") + bool(type_line))
    files["Fixable.md"] = (
        f"---\n{BOMB}type: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call #got\n"
    )
    files["Merge.md"] = f"---\ntype: contact\nbase: &b {{a: 1}}\n{merge_bomb()}---\n"
    files["2026-11-20.md"] = "Lunch with [[Fixable]] and [[contact/name]]\n"
    write_files(root, files)
    for name in files:  # not being edited: the index keeps them
        os.utime(root / name, ns=(1_700_000_000_000_000_000,) * 2)
    return bombed


def merge_bomb(levels: int = 9, width: int = 10) -> str:
    """The same blow-up through merge keys (``<<``), which copy a mapping's pairs."""
    lines = ["m0: &m0 {a: 1, b: 2}"]
    lines += [
        f"m{i}: &m{i} {{<<: [{', '.join([f'*m{i - 1}'] * width)}]}}" for i in range(1, levels + 1)
    ]
    return "\n".join(lines) + "\n"


def findings_of(stdout: str) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = json.loads(stdout)["findings"]
    return findings


def test_alias_bombs_in_every_field_check_summary_index_and_fix(tmp_path: Path) -> None:
    """The bomb in each known field of each kind: one short finding at the field's line,
    through reading fields, messages, the index (twice: written, then read), the
    summary and --fix, in bounded time and memory."""
    vault = tmp_path / "vault"
    bombed = bomb_vault(vault)
    check = ["check", "--format", "json", "--today", DAY, "."]
    first = run_mdnet(check, vault)
    second = run_mdnet(check, vault)  # from the index this time
    with sqlite3.connect(vault / ".mdnet/index.sqlite") as index:
        assert index.execute("SELECT count(*) FROM notes").fetchone() == (len(bombed) + 3,)
    assert findings_of(first.stdout) == findings_of(second.stdout)
    found = {(f["path"], f["line"]): f for f in findings_of(first.stdout)}
    for path, (name, line) in bombed.items():
        if name == "type":  # a type that is no text names no kind: a plain note
            continue
        finding = found[path, line]
        assert finding["code"] in ("F003", "F004") and f"`{name}`" in finding["message"]
        assert len(finding["message"]) < 250
    merge = [(f["code"], f["line"]) for f in findings_of(first.stdout) if f["path"] == "Merge.md"]
    assert merge in ([], [("F001", 7)])  # PyYAML 6.0.4 merges each mapping once; before, m3

    summary = run_mdnet(["summary", "--today", DAY, "."], vault)
    assert summary.returncode == 0, summary.stderr
    assert (vault / "Network Summary.md").stat().st_size < 100_000

    fixed = run_mdnet(["check", "--fix", "--select", "F008", "--today", DAY, "."], vault)
    assert "Fixed 1 finding" in fixed.stderr
    assert "last_contact: 2026-11-20\n" in (vault / "Fixable.md").read_text()


@pytest.mark.parametrize(
    ("name", "front_matter", "line"),
    [
        ("flow", "x: " + "[" * 20_000 + "]" * 20_000, 2),
        ("flow-unclosed", "x: " + "[" * 200_000, 2),  # crashed the C composer
        ("flow-mappings", "x: " + "{a: " * 50_000, 2),
        ("block-compact", "x:\n" + "- " * 20_000 + "1", 3),
        (
            "block-indented",
            "".join(" " * i + f"k{i}:\n" for i in range(1000)) + " " * 1000 + "v",
            2,
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 20 else "",
)
def test_deep_nesting_is_f001_at_its_line(
    tmp_path: Path, name: str, front_matter: str, line: int
) -> None:
    """20,000 levels (or 200,000 `[`, which crashed PyYAML's C composer with a stack
    overflow) are one F001, never a RecursionError or a dead process."""
    vault = write_files(tmp_path / "vault", {f"{name}.md": f"---\n{front_matter}\n---\n"})
    result = run_mdnet(["check", "--format", "json", "--today", DAY, "."], vault)
    [finding] = findings_of(result.stdout)
    assert finding["code"] == "F001" and "nest" in finding["message"]  # or libyaml's own limit
    if name != "block-indented":
        assert finding["line"] == line
    else:  # the 101st level
        assert finding["line"] == MAX_DEPTH + 1


def test_merge_keys_cannot_multiply_a_mapping() -> None:
    """Before 6.0.4, PyYAML copied a mapping's pairs at each merge: 1 KB of `<<` held
    10**9 pairs. Past MAX_MERGED_KEYS merged keys, front matter is F001 at the mapping."""
    keys = ", ".join(f"k{n}: {n}" for n in range(MAX_MERGED_KEYS + 1))
    front = split_front_matter(f"---\nbase: &b {{{keys}}}\nx: 1\ncopy: {{<<: *b}}\n---\n")
    assert front.error is not None and front.error[0] == 4
    assert f"over {MAX_MERGED_KEYS} keys" in front.error[1]
    front = split_front_matter("---\nbase: &b {a: 1, b: 2}\ncopy: {<<: [*b, *b], c: 3}\n---\n")
    assert front.values["copy"] == {"a": 1, "b": 2, "c": 3}


def test_nesting_up_to_the_limit_is_read() -> None:
    depth = MAX_DEPTH - 2  # the root mapping and the innermost scalar are levels too
    front = split_front_matter(f"---\nx: {'[' * depth}1{']' * depth}\n---\n")
    assert front.error is None
    value = front.values["x"]
    for _ in range(depth):
        value = value[0]
    assert value == 1
    deeper = split_front_matter(f"---\nx: {'[' * (depth + 1)}1{']' * (depth + 1)}\n---\n")
    assert deeper.error == (2, f"invalid YAML: nested more than {MAX_DEPTH} levels deep")


@pytest.mark.parametrize(
    "front_matter",
    [
        "x: !!python/object/apply:os.system ['touch {marker}']",
        "x: [1, !!python/object/apply:os.system ['touch {marker}']]",
        "!!python/object/apply:os.system ['touch {marker}'] : key",
        "? !!python/object/apply:os.system ['touch {marker}']\n: complex key",
        "? [a, !!python/object/apply:os.system ['touch {marker}']]\n: nested in a key",
        "--- !!python/object/apply:os.system\nargs: ['touch {marker}']",
        "x: !!python/name:os.system",
        "x: !!python/object/new:type ['x', [], {{}}]",
        "x: !custom thing",
    ],
)
def test_python_and_unknown_tags_are_f001_and_construct_nothing(
    tmp_path: Path, front_matter: str
) -> None:
    marker = tmp_path / "constructed"
    text = f"---\ntype: contact\n{front_matter.format(marker=marker)}\n---\n"
    note = parse_note("a.md", text, Config())
    assert [problem.code for problem in note.problems] == ["F001"]
    assert note.fields == {} and not marker.exists()


def test_not_a_mapping_is_f001_where_python_frontmatter_reads_nothing(lint: Lint) -> None:
    """python-frontmatter returns no metadata for these and no error: mdnet says why."""
    import frontmatter

    notes = {
        "null.md": "---\nnull\n---\n",
        "string.md": "---\n'type: contact'\n---\n",
        "block.md": "---\n|\n  type: contact\n---\n",
        "set.md": "---\n!!set {a, b}\n---\n",
        "omap.md": "---\n!!omap [a: 1]\n---\n",
        "dashes-only.md": "---\n",
        "eof.md": "---",
    }
    for text in notes.values():
        assert frontmatter.loads(text).metadata == {} if "---\n---" not in text else True
    findings = lint(notes, select="F001")
    assert where(findings) == [
        ("F001", "block.md", 2),
        ("F001", "dashes-only.md", 1),
        ("F001", "eof.md", 1),
        ("F001", "null.md", 2),
        ("F001", "omap.md", 2),
        ("F001", "set.md", 2),
        ("F001", "string.md", 2),
    ]


def test_empty_and_comment_only_front_matter_are_no_front_matter(lint: Lint) -> None:
    notes = {"a.md": "---\n---\n", "b.md": "---\n# only a comment\n\n---\nbody\n"}
    assert lint(notes, select="F001") == []


def test_keys_that_are_not_strings() -> None:
    """`1:`, `on:`, dates, `null:`, `~:` are read as written; a repeated key keeps its
    last value, at its last line (as PyYAML reads it)."""
    text = (
        "---\ntype: contact\n1: one\non: yes\n2026-01-01: d\nnull: n\n~: t\n1.5: f\n"
        "name: first\nname: Jane\n---\n"
    )
    note = parse_note("People/Jane.md", text, Config())
    assert note.problems == ()
    assert note.kind == "contact" and note.fields["name"] == "Jane"
    assert note.lines == {
        "type": 2, "1": 3, "on": 4, "2026-01-01": 5, "null": 6, "~": 7, "1.5": 8, "name": 10,
    }  # fmt: skip


@pytest.mark.parametrize("key", ["? [a, b]\n: complex", "? {k: v}\n: map", "[flow]: block"])
def test_a_complex_key_is_f001_as_pyyaml_says(key: str) -> None:
    note = parse_note("People/Jane.md", f"---\ntype: contact\n{key}\n---\n", Config())
    assert [(p.code, p.line, p.message) for p in note.problems] == [
        ("F001", 3, "invalid YAML: found unhashable key")
    ]


def test_merge_keys_are_read_as_pyyaml_reads_them() -> None:
    text = "---\nbase: &b {type: contact, tier: close}\n<<: *b\ntier: inner\n---\n"
    note = parse_note("People/Jane.md", text, Config())
    assert note.kind == "contact" and note.fields["tier"] == "inner"
    assert note.lines["tier"] == 4 and note.lines["type"] == 2


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\n\n\ntype: contact\nx: [\n---\n", 5),  # blank lines after the opening ---
        ("---   \n\ntype: contact\nrole: a: b\n---\n", 4),
        ("---\na: 1\u2028b: 2\nc: [\n---\n", 3),  # U+2028 breaks YAML lines, not an editor's
        ("---\na: x\x85b: 2\nrole: a: b\n---\n", 3),
        ("---\nx: 1" + "1" * 5000 + "\n---\n", 2),  # an int too long to convert
    ],
)
def test_error_lines_are_the_editors_lines(text: str, line: int) -> None:
    front = split_front_matter(text)
    assert front.error is not None and front.error[0] == line


def test_key_lines_count_only_newlines() -> None:
    front = split_front_matter('---\n\n\ntype: contact\nname: "a\u2028b"\nrole: x\n---\n')
    assert front.lines == {"type": 4, "name": 5, "role": 6}


@pytest.mark.parametrize(
    "body",
    [
        "[a](" * 50_000,  # was quadratic: minutes
        "[[x]] " + "`" * 200_000,  # was exponential: never ended
        "- " + "``a" * 70_000,
        "[" * 200_000 + "](x",
        "[a](<" * 40_000,
        "[[a]]\n" * 100_000,
        "- 2026-01-01 #" + "a/" * 200_000,
        "> " * 100_000 + "[[a]]",
        "- " * 100_000 + "[[a]]",
        "- [ ] a\n" * 100_000,  # was quadratic: every task looked for `]:` again
    ],
    ids=lambda body: repr(body[:12]),
)
def test_pathological_bodies_parse_in_linear_time(body: str) -> None:
    started = time.perf_counter()
    parse_note("a.md", body, Config())
    assert time.perf_counter() - started < 5


def test_code_spans_follow_commonmark() -> None:
    """A run of backticks is closed by the next run of the same length only."""
    note = parse_note("2026-01-01.md", "`` [[A]] ` [[B]] `` [[C]] ``` [[D]]\n", Config())
    assert [link.target for block in note.blocks for link in block.links] == ["C", "D"]


def test_bad_values_in_messages_are_short(lint: Lint) -> None:
    findings = lint(
        {
            "People/Jane.md": f"---\ntype: contact\nname: {'x' * 100_000}\ntier: {'y' * 100_000}\n"
            "cadence: [[[a, b, c, d, e, f]]]\n---\n",
        },
        select="F004",
    )
    assert [finding.line for finding in findings] == [4, 5]
    assert all(len(finding.message) < 200 for finding in findings)


@pytest.mark.parametrize(
    ("value", "reads"),
    [
        (".nan", False),
        (".inf", False),
        ("-.inf", False),
        ("1" * 400, False),
        ("1.0e+300", True),  # a number, if a silly one
        ("12", True),
    ],
)
def test_numbers_must_be_finite(lint: Lint, value: str, reads: bool) -> None:
    notes = {"Circles/A.md": f"---\ntype: circle\nstatus: active\nhours_per_month: {value}\n"
             f"dues: {value}\n---\n"}  # fmt: skip
    findings = lint(notes, select="F004")
    assert [finding.line for finding in findings] == ([] if reads else [4, 5])


def test_dates_at_the_ends_of_the_calendar(make_vault: Any) -> None:
    """Year 1 and 9999, a cadence of two million years: advice, not OverflowError."""
    root = make_vault(
        {
            "People/Ann.md": "---\ntype: contact\nlast_contact: 9999-12-31\ncadence: 999999999d\n"
            "snooze_until: 9999-12-31\nmet: 0001-01-01\nbirthday: 0001-01-01\n---\n"
            "- 9999-12-31 call #promised\n- 0001-01-01 lunch #got\n",
            "People/Bob.md": "---\ntype: contact\ncadence: 9999y\n---\n- 0001-01-01 call\n",
            "Circles/Club.md": "---\ntype: circle\nstatus: active\nrenewal: 9999-12-31\n"
            "joined: 0001-01-01\nmeetings: weekly\n---\n- 9999-12-31 meeting #attended\n",
            "Events/Far.md": "---\ntype: event\ndate: 9999-12-31\nend: 0001-01-01\n"
            "status: planned\nattendees: ['[[Ann]]']\n---\n",
            "2026-11-20.md": "[[Ann]] [[Bob]] [[Club]] [[Far]]\n",
        }
    )
    config = load_config(root)
    for today in (TODAY, dt.date(1000, 1, 1), dt.date(8999, 12, 31)):  # --today's range
        vault = load_vault(root, config)
        findings = run_rules(vault, config, today, Selection())
        render(vault, config, today, findings)


def test_one_bad_note_leaves_the_rest_checked(lint: Lint) -> None:
    notes: dict[str, str | bytes] = {
        "bomb.md": f"---\n{BOMB}x: [\n---\n",
        "deep.md": "---\nx: " + "[" * 5000 + "\n---\n",
        "nul.md": b"---\ntype: contact\n---\nhello\x00world\n",
        "People/Jane.md": "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call\n",
    }
    findings = lint(notes, select="F")
    assert sorted((f.code, f.path) for f in findings) == [
        ("F001", "bomb.md"),
        ("F001", "deep.md"),
        ("F002", "nul.md"),
        ("F008", "People/Jane.md"),
    ]


def test_unreadable_notes_are_f002(lint: Lint) -> None:
    """NUL bytes anywhere, a 2 MB line, UTF-16, invalid UTF-8 on line 3, surrogates."""
    notes: dict[str, str | bytes] = {
        "nul-late.md": b"---\ntype: contact\n---\n" + b"x" * 5000 + b"\x00",
        "long-line.md": "x" * (2 * 1024 * 1024),
        "utf16.md": "---\ntype: contact\n---\n".encode("utf-16"),
        "latin1-line3.md": "---\ntype: contact\nname: Ren\u00e9\n---\n".encode("latin-1"),
        "surrogate.md": b"name \xed\xa0\x80\n",
        "overlong.md": b"\xc0\xaf\n",
    }
    findings = lint(notes, select="F002")
    messages = {finding.path: finding.message for finding in findings}
    assert sorted(messages) == sorted(notes)
    assert "max_file_kb" in messages["long-line.md"]
    assert "binary" in messages["nul-late.md"] and "binary" in messages["utf16.md"]
    assert "line 3" in messages["latin1-line3.md"]


def test_a_2_mb_line_within_the_limit_is_read_quickly(lint: Lint) -> None:
    notes = {
        ".mdnet.toml": "[vault]\nmax_file_kb = 4096\n",
        "long.md": "- 2026-01-01 call " + "[[a]] #gave " * 170_000 + "\n",
        "fm.md": "---\ntype: contact\nname: " + "y" * 2_000_000 + "\n---\n",
    }
    started = time.perf_counter()
    findings = lint(notes, select="F")
    assert time.perf_counter() - started < 20
    assert {finding.code for finding in findings} <= {"F005"}


def test_a_note_that_vanishes_or_cannot_be_opened(
    make_vault: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between listing and reading, a note is deleted, or opening it is denied (as
    chmod 000 does for anyone but root): F002 for it, the rest checked."""
    from mdnet.notes import scan

    root = make_vault(
        {
            "Gone.md": "---\ntype: contact\n---\n",
            "Denied.md": "---\ntype: contact\n---\n",
            "People/Jane.md": "---\ntype: contact\nlast_contact: 2026-01-01\n---\n"
            "- 2026-02-01 call\n",
        }
    )
    real_list, real_open = scan.list_notes, os.open

    def list_then_delete(vault: Path, config: Config) -> list[scan.NoteFile]:
        listed = real_list(vault, config)
        (vault / "Gone.md").unlink()
        return listed

    def deny(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith("Denied.md"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("mdnet.pipeline.list_notes", list_then_delete)
    monkeypatch.setattr(os, "open", deny)
    config = load_config(root)
    findings = run_rules(load_vault(root, config), config, TODAY, Selection(("F",)))
    assert where(findings) == [
        ("F002", "Denied.md", 1),
        ("F002", "Gone.md", 1),
        ("F008", "People/Jane.md", 3),
    ]
    assert "cannot read the note: permission denied" in findings[0].message


def test_a_segfault_would_show_here(tmp_path: Path) -> None:
    """The limits helper itself: a crash of the interpreter is a failure, not a pass."""
    result = run_python(["-c", "import ctypes; ctypes.string_at(0)"], tmp_path)
    assert result.returncode < 0


def test_hostile_notes_saved_while_watching(tmp_path: Path) -> None:
    """A running `mdnet watch` reports each hostile note as it is saved and goes on."""
    from tests.test_watch import Watching

    vault = write_files(tmp_path / "vault", {"People/Jane.md": "---\ntype: contact\n---\n"})
    watcher = Watching(vault)
    try:
        watcher.wait_for(r"^Watching ")
        hostile: dict[str, str | bytes] = {
            "bomb.md": f"---\n{BOMB}type: contact\ntags: *l9\n---\n",
            "merge.md": f"---\n{merge_bomb()}---\n",
            "deep.md": "---\nx: " + "[" * 200_000 + "\n---\n",
            "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00",
            "backticks.md": "[[Jane]] " + "`" * 200_000,
        }
        for name, content in hostile.items():
            write_files(vault, {name: content})
            lines = watcher.update()
            if name not in ("merge.md", "backticks.md"):  # no finding on PyYAML 6.0.4, or none
                assert any(line.startswith(f"+ {name}:") for line in lines), lines
        assert watcher.process.poll() is None
    finally:
        assert watcher.stop() == 0


def test_a_file_name_that_is_not_utf8_is_checked_summarized_and_kept_out_of_the_index(
    tmp_path: Path,
) -> None:
    """SQLite and a UTF-8 summary cannot hold it: it is parsed every time, and the
    summary shows it with a replacement character, the calendar too; never an internal
    error."""
    import os as _os
    import subprocess
    import sys

    vault = tmp_path / "vault"
    (vault / "People").mkdir(parents=True)
    (vault / "People/ok.md").write_text("---\ntype: contact\n---\n")
    name = _os.path.join(_os.fsencode(vault / "People"), b"\xffbad.md")
    with open(name, "w", encoding="utf-8") as note:
        note.write("---\ntype: contact\n---\n- 2026-01-01 call\n")
    _os.utime(name, (1_600_000_000, 1_600_000_000))
    for command in (["check"], ["check"], ["summary"], ["calendar", "-o", "-"]):
        done = subprocess.run(
            [sys.executable, "-m", "mdnet", *command, str(vault), "--today", "2026-11-26"],
            capture_output=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert b"internal error" not in done.stderr
    assert (
        "R001"
        in subprocess.run(
            [sys.executable, "-m", "mdnet", "check", str(vault), "--today", "2026-11-26"],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=60,
        ).stdout
    )
