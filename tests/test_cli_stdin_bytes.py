"""`mdnet check --stdin-filename PATH -` reads the note's bytes as a file's are read: the
same F002 for text that is not UTF-8, binary or too large, the same findings for a BOM
and CRLF line ends (SPEC §6, §9)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdnet.cli import main
from mdnet.config import load_config
from mdnet.notes.parse import parse_text
from tests.conftest import write_files

NOTES = {
    "latin-1": "---\ntype: contact\nname: caf\u00e9\n---\n".encode("latin-1"),
    "utf-16": "---\ntype: contact\n---\n".encode("utf-16"),
    "nul": b"---\ntype: contact\n---\n" + b"x" * 50 + b"\x00",
    "encoded surrogate": b"name \xed\xa0\x80\n",
    "overlong": b"\xc0\xaf\n",
    "too large": b"---\ntype: contact\n---\n" + b"x" * 3000 + b"\n",
    "bom and crlf": b"\xef\xbb\xbf---\r\ntype: contact\r\nmet: 2026-13-01\r\n---\r\n- 2026-11-01\r\n",
    "bom, crlf, not utf-8 on line 4": b"\xef\xbb\xbf---\r\ntype: contact\r\n---\r\n- caf\xe9\r\n",
}


@pytest.fixture
def vault(in_tmp_path: Path) -> Path:
    return write_files(
        in_tmp_path / "v",
        {".mdnet.toml": "[vault]\nmax_file_kb = 2\n", "People/Ann.md": "---\ntype: contact\n---\n"},
    )


@pytest.mark.parametrize("name", sorted(NOTES))
def test_stdin_gives_the_findings_the_file_gives(vault: Path, name: str) -> None:
    data = NOTES[name]
    args = ["check", "--today", "2026-12-07", "--no-cache"]
    given = CliRunner().invoke(main, [*args, "--stdin-filename", "v/People/B.md", "-"], input=data)
    (vault / "People/B.md").write_bytes(data)
    on_disk = CliRunner().invoke(main, [*args, "v/People/B.md"])
    assert given.exception is None or isinstance(given.exception, SystemExit), given.output
    assert given.stderr == on_disk.stderr == ""
    assert (given.exit_code, given.stdout) == (on_disk.exit_code, on_disk.stdout)
    assert given.exit_code == 1 and "Found 1 error" in given.stdout


def test_text_not_utf_8_on_stdin_is_f002_in_a_real_process(vault: Path) -> None:
    """The audit's case: Latin-1 piped in gave an internal error (exit 2)."""
    command = ["check", "--today", "2026-12-07", "--stdin-filename", "v/People/B.md", "-"]
    done = subprocess.run(
        [sys.executable, "-m", "mdnet", *command],
        input=b"---\ntype: contact\nname: caf\xe9\n---\n",
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stderr == b""
    assert b"F002 unreadable-note [error] the note is not UTF-8 (byte 0xe9 on line 3)" in (
        done.stdout
    )


def test_an_editors_lone_surrogate_is_f002_not_a_crash(vault: Path) -> None:
    """Text that no UTF-8 file can hold (a lone surrogate from an editor's JSON)."""
    note = parse_text("People/B.md", "---\ntype: contact\n---\n- \ud800 x\n", load_config(vault))
    assert [(p.code, p.line) for p in note.problems] == [("F002", 1)]
    assert "not UTF-8 (byte 0xed on line 4)" in note.problems[0].message
