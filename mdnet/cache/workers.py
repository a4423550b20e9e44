"""Parsing many notes on every core: this process and one worker process per other core.

``parse_notes`` gives each file's Note and its pickle for the index; below
``PARALLEL_MIN`` new notes (or on one core) it parses them here.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mdnet import language
from mdnet.background import can_fork
from mdnet.cache.rows import dump, from_row
from mdnet.config import Config
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_file
from mdnet.notes.scan import NoteFile

PARALLEL_MIN = 200  # fewer new notes than this are parsed in this process
CHUNK = 64  # notes per task sent to a worker process

Progress = Callable[[int, int], None]  # (notes parsed so far, notes to parse)


def parse_notes(
    vault: Path,
    files: list[NoteFile],
    config: Config,
    progress: Progress | None = None,
    keep_rows: bool = True,
) -> list[tuple[Note, bytes]]:
    """Each file's Note and its pickle (``b""`` without ``keep_rows``), on every core
    when there are many."""
    if len(files) >= PARALLEL_MIN and _cores() > 1:
        return _parse_in_workers(vault, files, config, progress, keep_rows)
    parsed = []
    for done, file in enumerate(files, 1):
        note = parse_file(vault, file, config)
        parsed.append((note, dump(note) if keep_rows else b""))
        if progress and done % CHUNK == 0:
            progress(done, len(files))
    if progress and files:
        progress(len(files), len(files))
    return parsed


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _parse_in_workers(
    vault: Path, files: list[NoteFile], config: Config, progress: Progress | None, keep_rows: bool
) -> list[tuple[Note, bytes]]:
    """This process and one worker per other core take chunks of notes in turn.

    This process parses too, rather than waiting: on two cores, a pool of two workers
    and a parent unpickling their results took three processes' time on two. A chunk
    is claimed through a shared counter, so that a busy core takes fewer; a worker
    sends each chunk's pickles when done. Chunks that no worker delivered (it died, or
    could not start) are parsed here.
    """
    import multiprocessing  # only when there are many notes to parse
    import queue

    # fork is fastest, but forking a process that runs threads (watch mode) is unsafe
    method = "fork" if can_fork() else "forkserver"
    context: Any = multiprocessing.get_context(method)  # typeshed's BaseContext has no Process
    chunks = [files[start : start + CHUNK] for start in range(0, len(files), CHUNK)]
    parsed: dict[int, list[tuple[Note, bytes]]] = {}
    workers = []
    claimed: Any = None  # the shared counter of chunks claimed so far
    results: Any = None  # the queue of (chunk, pickles) that the workers send
    try:
        claimed = context.Value("i", 0)
        results = context.Queue()
        for _ in range(_cores() - 1):
            worker = context.Process(
                target=_parse_in_worker,
                args=(vault, config, chunks, claimed, results, language.current()),
                daemon=True,
            )
            worker.start()
            workers.append(worker)
    except (OSError, pickle.PickleError, multiprocessing.ProcessError):
        claimed, results = None, None  # no processes to be had here: parse in this one

    def receive(block: bool) -> bool:
        """Take one chunk from the workers; False when none came."""
        if results is None:
            return False
        try:
            at, blobs = results.get(block, 0.05)
        except queue.Empty:
            return False
        pairs = zip(chunks[at], blobs, strict=True)
        parsed[at] = [
            (from_row(pickle.loads(blob), file.path), blob if keep_rows else b"")
            for file, blob in pairs
        ]
        return True

    def parse_here(at: int) -> None:
        notes = [parse_file(vault, file, config) for file in chunks[at]]
        parsed[at] = [(note, dump(note) if keep_rows else b"") for note in notes]

    def report() -> None:
        if progress:
            progress(min(len(files), sum(map(len, parsed.values()))), len(files))

    try:
        while (at := _claim(claimed)) is not None and at < len(chunks):
            parse_here(at)
            while receive(block=False):
                pass
            report()
        while len(parsed) < len(chunks) and (
            receive(block=True) or any(worker.is_alive() for worker in workers)
        ):
            report()
        while receive(block=False):  # sent just before its worker ended
            pass
        for at in range(len(chunks)):
            if at not in parsed:  # claimed by a worker that did not deliver it
                parse_here(at)
        report()
    finally:
        for worker in workers:
            worker.terminate()
            worker.join()
    return [pair for at in range(len(chunks)) for pair in parsed[at]]


def _claim(claimed: Any) -> int | None:
    """The next chunk to parse (counting up for every process), None when alone."""
    if claimed is None:
        return None
    with claimed.get_lock():
        at = int(claimed.value)
        claimed.value = at + 1
    return at


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # a forked worker inherits watch mode's SIGTERM handler, which only asks to stop:
    # the parent ends its workers with SIGTERM, and would wait forever for them
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _parse_in_worker(
    vault: Path,
    config: Config,
    chunks: list[list[NoteFile]],
    claimed: Any,
    results: Any,
    speaking: str,
) -> None:
    """A worker process: parse chunks until none are left, sending their pickles (their
    problems written in the language ``speaking``, which a forkserver's child lacks)."""
    _start_worker()
    language.use(speaking)
    try:
        while (at := _claim(claimed)) is not None and at < len(chunks):
            results.put((at, [dump(parse_file(vault, file, config)) for file in chunks[at]]))
    except Exception:  # the parent parses what was not delivered, and reports errors
        return
    finally:
        results.close()
        results.join_thread()
