"""Parsing a whole vault fast: unchanged notes from the index, new ones on every core.

``CachedParser`` is a ``pipeline.Parser``: ``load_vault(root, config, CachedParser())``
is the same pipeline as ever, only the notes whose size or modification time changed
are parsed again. Watch mode keeps one CachedParser and calls it after each change.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from mdnet.background import can_fork, settle
from mdnet.cache import writer
from mdnet.cache.folder import keeps_state
from mdnet.cache.index import Index, load
from mdnet.cache.stamps import parser_stamp
from mdnet.cache.workers import PARALLEL_MIN, Progress, parse_notes
from mdnet.config import Config
from mdnet.notes.note import Note
from mdnet.notes.scan import RACY_NS, NoteFile

__all__ = ["CachedParser", "Progress", "parse_notes"]


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
        self._open(vault, config, keeps_state(vault, files))
        listed = {file.path: file for file in files}
        gone = {path for path in self.memory if path not in listed}
        remembered: dict[str, tuple[int, int, Note]] = {}
        for file in files:
            known = self.memory.get(file.path)
            if known and known[:2] == (file.size, file.mtime_ns):
                if known[2].shed:  # its blocks let go (a live model's): the index has them
                    self.rows_read = False
                else:
                    remembered[file.path] = known
        if not self.rows_read and self.index is not None:  # once: then they are in memory
            self.rows_read = True
            for path, size, mtime_ns, blob in self.index.rows():  # each loaded as it comes
                listed_as = listed.get(path)
                if listed_as is None:
                    gone.add(path)
                elif path not in remembered and (size, mtime_ns) == listed_as[1:]:
                    note = _loaded(blob, listed_as.path)
                    if note is not None:  # the listing's path and numbers: not a copy of each
                        remembered[listed_as.path] = (listed_as.size, listed_as.mtime_ns, note)
        missing = [file for file in files if file.path not in remembered]
        self.memory = remembered
        self._parse(vault, missing, list(gone), config)
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

    def remember(
        self, vault: Path, config: Config, files: list[NoteFile], notes: dict[str, Note]
    ) -> None:
        """Take each of ``notes`` (a restored model's, by path) as read at its file's size
        and time (``refresh`` the others): what a live vault that starts from the last
        check's snapshot knows of them."""
        self._open(vault, config)
        for file in files:
            note = notes.get(file.path)
            if note is not None:
                self.memory[note.path] = (file.size, file.mtime_ns, note)

    def _parse(
        self, vault: Path, files: list[NoteFile], gone: list[str], config: Config
    ) -> list[Note]:
        """Parse ``files``, remember them, forget ``gone``, and write both to the index
        (many notes: in a process of its own, ``cache.writer``)."""
        apart = self.index is not None and len(files) >= PARALLEL_MIN and can_fork()
        keep = self.index is not None and not apart  # else pickled by the writer
        parsed = parse_notes(vault, files, config, self.progress, keep)
        fresh_before = time.time_ns() - RACY_NS
        rows = [
            (file.path, file.size, file.mtime_ns, blob, note)
            for file, (note, blob) in zip(files, parsed, strict=True)
            if file.mtime_ns < fresh_before  # else it is parsed again next time
        ]
        self.forget(gone)
        for file, (note, _) in zip(files, parsed, strict=True):
            self.memory[file.path] = (file.size, file.mtime_ns, note)
        written_apart = apart and writer.write_apart(vault, self.stamp, rows, gone)
        if self.index is not None and not written_apart:
            self.index.update(writer.pickled(rows), gone)
        self.parsed = [file.path for file in files]
        return [note for note, _ in parsed]

    def _open(self, vault: Path, config: Config, keep: bool = True) -> None:
        """Open the index for ``config`` unless it is open: on the first call, or when
        the config or mdnet changed (what was remembered is forgotten). Not ``keep``:
        no index is made (a folder with no notes is no vault to write into)."""
        current = parser_stamp(config)
        if current == self.stamp and (self.keeping or not keep):
            return
        self.close()
        self.memory, self.stamp, self.rows_read, self.keeping = {}, current, False, keep
        self.index = Index.open(vault, current) if self.use_index and keep else None

    def let_go(self) -> None:
        """Forget every note, to read them from the index again if asked: a model built
        from them holds them (at 100,000 notes, its memory of them is 18 MB more)."""
        self.memory, self.rows_read = {}, False

    def forget(self, paths: Iterable[str]) -> None:
        """Parse these notes again next time, whatever their size and time say."""
        for path in paths:
            self.memory.pop(path, None)

    def close(self) -> None:
        settle()  # the index is written when the parser is closed (``cache.writer``)
        if self.index is not None:
            self.index.close()
            self.index = None


def _loaded(blob: bytes, path: str) -> Note | None:
    """The note of an index row, if it is one at ``path`` (an unreadable row is parsed
    again, whatever the reason)."""
    try:
        note = load(blob, path)
    except Exception:
        return None
    return note if isinstance(note, Note) and note.path == path else None
