"""What a front end that stays running does with the memory a change frees."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mdnet.model.memory import _malloc_trim

FREED_IN_THE_MIDDLE = """
from mdnet.model.memory import give_back

def resident():
    status = open("/proc/self/status").read()
    return int(status.split("VmRSS:")[1].split()[0]) // 1024

blocks = [b"x" * 100_000 for _ in range(2000)]  # 200 MB of blocks malloc keeps in its heap
last = b"y" * 100_000  # above them: the heap cannot shrink from its top
del blocks
before = resident()
give_back()
print(before - resident())
"""


@pytest.mark.skipif(_malloc_trim() is None, reason="a C library without malloc_trim (not glibc)")
def test_memory_freed_in_the_middle_of_the_heap_is_handed_back() -> None:
    """As a live vault's previous version's tables are freed (watch at 100k notes grew
    10 MB with each new note before)."""
    run = subprocess.run(
        [sys.executable, "-c", FREED_IN_THE_MIDDLE], capture_output=True, text=True, check=True
    )
    assert int(run.stdout) > 150, run.stdout  # MB given back of the 200 freed


def test_without_ctypes_nothing_is_handed_back_and_nothing_fails() -> None:
    """A Python built without ctypes still watches: the memory stays with the process."""
    script = (
        "import sys; sys.modules['ctypes'] = None\n"
        "from mdnet.model.memory import give_back\n"
        "give_back(); print('kept')\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (run.returncode, run.stdout, run.stderr) == (0, "kept\n", "")
