"""`mdnet check | head`: a reader that goes away early is no error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    for number in range(1500):  # far more output than a pipe buffers
        (tmp_path / f"Daily {number}.md").write_text(f"- 2026-10-01 lunch [[Nobody {number}]]\n")
    command = [sys.executable, "-m", "mdnet", "check", str(tmp_path), "--today", "2026-11-26"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert b"F005" in process.stdout.readline()
    process.stdout.close()  # as `head -1` does
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert errors == ""
