"""Concurrency (SPEC §8, §9): several `mdnet check` processes and one `mdnet watch`
on one vault, all at once, cold index and warm: the same findings as a check without
the index, never "database is locked" nor a traceback, never a corrupt index."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from mdnet.cache.folder import STATE_FOLDER
from mdnet.cache.index import INDEX_NAME
from mdnet.cache.parser import CachedParser
from mdnet.config import load_config
from mdnet.notes.scan import list_notes
from tests.conftest import write_files
from tests.hardening.limits import run_python
from tests.test_watch import Watching

DAY = "2026-11-26"
CHECKS = 6


def busy_vault(root: Path) -> Path:
    """260 notes (enough for parallel parsing), with links between them and bad notes."""
    files: dict[str, str | bytes] = {}
    for n in range(150):
        entries = "".join(
            f"- 2026-{1 + (n + k) % 11:02d}-{1 + k:02d} call [[Person {(n * 7 + k) % 150}]]"
            f" {'#gave' if k % 2 else '#got'}\n"
            for k in range(n % 6)
        )
        files[f"People/Person {n}.md"] = f"---\ntype: contact\ntier: close\n---\n{entries}"
    for n in range(100):
        files[f"Daily/2026-{1 + n % 11:02d}-{1 + n % 28:02d} {n}.md"] = (
            f"Coffee with [[Person {n}]] and [[Person {n + 1}]]\n"
        )
    for n in range(5):
        files[f"Circles/Club {n}.md"] = f"---\ntype: circle\nstatus: active\ndues: {n * 50}\n---\n"
    files["Bad/broken.md"] = "---\ntype: contact\nrole: a: b\n---\n"
    files["Bad/date.md"] = "---\ntype: contact\nmet: 2026-13-40\n---\n"
    files["Bad/binary.md"] = b"\x00\x01"
    write_files(root, files)
    for name in files:  # written long ago: every check may store them in the index
        os.utime(root / name, ns=(1_700_000_000_000_000_000,) * 2)
    return root


def start_checks(vault: Path, *options: str) -> list[subprocess.Popen[str]]:
    command = [sys.executable, "-m", "mdnet", "check", "--format", "json", "--today", DAY]
    return [
        subprocess.Popen(
            [*command, *options, "."],
            cwd=vault,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        for _ in range(CHECKS if not options else 1)
    ]


def findings(process: subprocess.Popen[str]) -> list[dict[str, Any]]:
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 1, stderr  # the bad notes are errors
    assert "Traceback" not in stderr and "locked" not in stderr and "database" not in stderr
    found: list[dict[str, Any]] = json.loads(stdout)["findings"]
    return found


def assert_index_is_sound(vault: Path) -> None:
    index = vault / STATE_FOLDER / INDEX_NAME
    with sqlite3.connect(index) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    config = load_config(vault)
    files = list_notes(vault, config)
    parser = CachedParser()
    parser(vault, files, config)
    parser.close()
    assert parser.reused >= len(files) - 1  # all but the note changed just now


def test_checks_and_a_watcher_at_once(tmp_path: Path) -> None:
    vault = busy_vault(tmp_path / "vault")
    expected = findings(start_checks(vault, "--no-cache")[0])
    assert {f["code"] for f in expected} >= {"F001", "F002", "F003"}

    watcher = Watching(vault)  # builds the index while the checks race to build it too
    try:
        cold = start_checks(vault)
        for process in cold:
            assert findings(process) == expected
        watcher.wait_for(r"^Watching ")

        # a note changes: the watcher updates the index while the checks read it
        (vault / "People/Person 3.md").write_text(
            "---\ntype: contact\n---\n- 2026-11-01 call [[Nobody]]\n", encoding="utf-8"
        )
        warm = start_checks(vault)
        watcher.update()
        changed = findings(start_checks(vault, "--no-cache")[0])
        assert changed != expected
        for process in warm:
            assert findings(process) == changed
        assert all("cannot update" not in line for line in watcher.seen)
    finally:
        assert watcher.stop() == 0
    assert_index_is_sound(vault)
    assert [f for p in start_checks(vault) for f in [findings(p)]] == [changed] * CHECKS


def test_parse_workers_end_on_sigterm_even_under_watch(tmp_path: Path) -> None:
    """Watch mode's SIGTERM handler only asks to stop; a forked parse worker that kept
    it would outlive the pool's terminate(), which then waits forever (the watcher hung
    at start, and the worker kept the vault's watch lock)."""
    script = (
        "import signal\n"
        "from mdnet.cache.workers import _start_worker\n"
        "signal.signal(signal.SIGTERM, lambda *args: None)\n"
        "_start_worker()\n"
        "assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL\n"
    )
    result = run_python(["-c", script], tmp_path, timeout=30)
    assert result.returncode == 0, result.stderr
