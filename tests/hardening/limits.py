"""Run mdnet as a real process under limits of time and memory.

A regression on hostile input must fail its test, not take the test run down with
it: a YAML bomb that expands would eat the machine's memory, a stack overflow in
C code kills the process. Each run gets at most ``memory_mb`` of address space.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

MEMORY_MB = 1024


def _limit(memory_mb: int) -> None:
    size = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def run_python(
    args: Sequence[str],
    cwd: Path,
    timeout: float = 120,
    memory_mb: int = MEMORY_MB,
    input_text: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in ``cwd``, limited; a timeout fails the test."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(Path(__file__).parents[2])}
    env.pop("GITHUB_ACTIONS", None)
    try:
        return subprocess.run(
            [sys.executable, *args],
            cwd=cwd,
            env=env,
            input=input_text,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=lambda: _limit(memory_mb),
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"python {' '.join(args)[:200]} ran longer than {timeout} s")


def run_mdnet(
    args: Sequence[str], cwd: Path, timeout: float = 120, memory_mb: int = MEMORY_MB
) -> subprocess.CompletedProcess[str]:
    """``mdnet ARGS`` in ``cwd``, limited; it must not crash (a traceback, a signal)."""
    result = run_python(["-m", "mdnet", *args], cwd, timeout, memory_mb)
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr[-3000:])
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result
