"""Parsing a whole vault fast: unchanged notes from the index, new ones on every core.

``CachedParser`` is a ``pipeline.Parser``: ``load_vault(root, config, CachedParser())``
is the same pipeline as ever, only the notes whose size or modification time changed
are parsed again. Watch mode keeps one CachedParser and calls it after each change.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mdnet.cache.index import Index, dump, from_row, keeps_state, load, stamp
from mdnet.config import Config
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_file
from mdnet.notes.scan import RACY_NS, NoteFile

PARALLEL_MIN = 200  # fewer new notes than this are parsed in this process
CHUNK = 64  # notes per task sent to a worker process

Progress = Callable[[int, int], None]  # (notes parsed so far, notes to parse)


class CachedParser:
    """Parses only what changed since the last call, or since the index was written.

    ``use_index=False`` (``--no-cache``) neither reads nor writes ``.mdnet/``. After a
    call, ``parsed`` lists the paths that were parsed and ``reused`` counts the others.
    """

    def __init__(self, use_index: bool = True, progress: Progress | None = None) -> None:
        self.use_index = use_index
        self.progress = progress
        self.memory: dict[str, tuple[int, int, Note]] = {}
        self.stamp = ""
        self.keeping = False  # whether the index may be made (the vault has notes)
        self.index: Index | None = None
        self.rows_read = False
        self.parsed: list[str] = []
        self.reused = 0

    def __call__(self, vault: Path, files: list[NoteFile], config: Config) -> list[Note]:
        cached: dict[str, tuple[int, int, bytes]] = {}
        self._open(vault, config, keeps_state(vault, files))
        if not self.rows_read and self.index is not None:  # once: then they are in memory
            cached, self.rows_read = self.index.rows(), True
        listed = {file.path for file in files}
        gone = [path for path in {*cached, *self.memory} if path not in listed]
        remembered: dict[str, tuple[int, int, Note]] = {}
        missing: list[NoteFile] = []
        for file in files:
            note = self._reuse(file, cached)
            if note is None:
                missing.append(file)
            else:
                remembered[file.path] = (file.size, file.mtime_ns, note)
        self.memory = remembered
        self._parse(vault, missing, gone, config)
        self.reused = len(files) - len(missing)
        return [self.memory[file.path][2] for file in files]

    def refresh(
        self, vault: Path, files: list[NoteFile], gone: Iterable[str], config: Config
    ) -> list[Note]:
        """Parse ``files`` again and forget ``gone`` notes: what a watcher was told of,
        or what changed since the last check's snapshot (``mdnet.cache.snapshot``).

        The notes the parser remembers are otherwise kept as they are.
        """
        self._open(vault, config)
        self.reused = 0
        return self._parse(vault, files, list(gone), config)

    def _parse(
        self, vault: Path, files: list[NoteFile], gone: list[str], config: Config
    ) -> list[Note]:
        """Parse ``files``, remember them, forget ``gone``, and write both to the index."""
        parsed = parse_notes(vault, files, config, self.progress, self.index is not None)
        fresh_before = time.time_ns() - RACY_NS
        rows = [
            (file.path, file.size, file.mtime_ns, blob)
            for file, (_, blob) in zip(files, parsed, strict=True)
            if file.mtime_ns < fresh_before  # else it is parsed again next time
        ]
        self.forget(gone)
        for file, (note, _) in zip(files, parsed, strict=True):
            self.memory[file.path] = (file.size, file.mtime_ns, note)
        if self.index is not None:
            self.index.update(rows, gone)
        self.parsed = [file.path for file in files]
        return [note for note, _ in parsed]

    def _open(self, vault: Path, config: Config, keep: bool = True) -> None:
        """Open the index for ``config`` unless it is open: on the first call, or when
        the config or mdnet changed (what was remembered is forgotten). Not ``keep``:
        no index is made (a folder with no notes is no vault to write into)."""
        current = stamp(config)
        if current == self.stamp and (self.keeping or not keep):
            return
        self.close()
        self.memory, self.stamp, self.rows_read, self.keeping = {}, current, False, keep
        self.index = Index.open(vault, current) if self.use_index and keep else None

    def _reuse(self, file: NoteFile, cached: dict[str, tuple[int, int, bytes]]) -> Note | None:
        """The note parsed before, if the file's size and time are the same."""
        remembered = self.memory.get(file.path)
        if remembered and remembered[:2] == (file.size, file.mtime_ns):
            return remembered[2]
        row = cached.get(file.path)
        if row is None or row[:2] != (file.size, file.mtime_ns):
            return None
        try:
            note = load(row[2])
        except Exception:  # an unreadable row is parsed again, whatever the reason
            return None
        return note if isinstance(note, Note) and note.path == file.path else None

    def forget(self, paths: Iterable[str]) -> None:
        """Parse these notes again next time, whatever their size and time say."""
        for path in paths:
            self.memory.pop(path, None)

    def close(self) -> None:
        if self.index is not None:
            self.index.close()
            self.index = None


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
    method = "fork" if threading.active_count() == 1 else "forkserver"
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
                args=(vault, config, chunks, claimed, results),
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
        parsed[at] = [(from_row(pickle.loads(blob)), blob) for blob in blobs]
        return True

    def report() -> None:
        if progress:
            progress(min(len(files), sum(map(len, parsed.values()))), len(files))

    try:
        while (at := _claim(claimed)) is not None and at < len(chunks):
            notes = [parse_file(vault, file, config) for file in chunks[at]]
            parsed[at] = [(note, dump(note) if keep_rows else b"") for note in notes]
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
                notes = [parse_file(vault, file, config) for file in chunks[at]]
                parsed[at] = [(note, dump(note) if keep_rows else b"") for note in notes]
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
    vault: Path, config: Config, chunks: list[list[NoteFile]], claimed: Any, results: Any
) -> None:
    """A worker process: parse chunks until none are left, sending their pickles."""
    _start_worker()
    try:
        while (at := _claim(claimed)) is not None and at < len(chunks):
            results.put((at, [dump(parse_file(vault, file, config)) for file in chunks[at]]))
    except Exception:  # the parent parses what was not delivered, and reports errors
        return
    finally:
        results.close()
        results.join_thread()
