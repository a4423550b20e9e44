"""Work done in a process of its own: the caches a check leaves behind (the model's
snapshot, its answer, once the answer is out) and the index written beside the check
(``cache.writer``) while it builds the model and runs the rules."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable

_alongside: list[int] = []  # the children waited for before the process ends


def can_fork() -> bool:
    """Whether this process may fork (forking a process that runs threads is unsafe:
    watch mode and the language server run some)."""
    return threading.active_count() == 1 and hasattr(os, "fork")


def in_background(work: Callable[[], None]) -> int | None:
    """Run ``work`` in a child process that holds no output open (a reader waiting for
    the end of mdnet's output does not wait for it) and that Ctrl-C in the terminal
    does not reach; the child's process id, or None when no process can be made."""
    try:
        child = os.fork()
    except OSError:
        return None
    if child:
        return child
    try:  # the child: the work, then the end, without running anything of the parent's
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(devnull, stream)
        work()
    finally:
        os._exit(0)


def alongside(work: Callable[[], None]) -> bool:
    """Run ``work`` in a child process (as ``in_background``) that ``settle`` waits for;
    False when no process can be made."""
    child = in_background(work)
    if child is not None:
        _alongside.append(child)
    return child is not None


def settle() -> None:
    """Wait for every child started ``alongside`` that is still at work."""
    while _alongside:
        with contextlib.suppress(ChildProcessError, InterruptedError):
            os.waitpid(_alongside.pop(), 0)
