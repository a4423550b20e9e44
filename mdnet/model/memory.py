"""Memory: how a vault's million small objects are made without the collector's cost."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while a vault's million small objects are made.

    They hold no cycles (``tests/test_incremental.py`` checks that a replaced contact is
    freed), but each pass of the collector walks all of them: loading 30,000 notes took
    twice as long with it. Once built they are frozen (left out of later passes); they
    are freed as usual when the last reference goes.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def give_back() -> None:
    """Hand the memory freed since the last call back to the system, where the C library
    can (glibc's ``malloc_trim``; elsewhere nothing is done).

    A live vault that has taken in a change has freed its previous version's large
    tables (the notes by path, sorted lists): glibc keeps such blocks for later, in the
    middle of its heap, and ``mdnet watch`` at 100,000 notes grew 10 MB with each new
    note. Trimming takes under a millisecond.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes  # only for a front end that stays running (watch, lsp)

        trim = ctypes.CDLL(None).malloc_trim
    except (ImportError, OSError, AttributeError):  # no ctypes; a C library without it (musl)
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim
