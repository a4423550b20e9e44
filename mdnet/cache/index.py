"""The index: a cache of parse results in ``<vault>/.mdnet/index.sqlite``.

Each note's parsed Note is kept, pickled, under its path, size and modification time
(ns); the whole index is stamped with mdnet's version, a digest of the parser's code
and what parsing reads of the config (kinds, tiers, the size limit), and the language
of the problems' messages (SPEC §12), so that any of them changing empties it. It is a cache,
never a second source of truth: a missing, corrupt, locked or incompatible index is
rebuilt or done without, silently, and the results are the same — only slower.

SQLite runs in WAL mode with a busy timeout, so that ``mdnet check`` from a pre-commit
hook and a running ``mdnet watch`` read and write it at the same time without blocking
or corrupting each other. A row is a Note as ``mdnet.cache.rows`` pickles it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from mdnet.cache.folder import STATE_FOLDER, make_state_folder
from mdnet.cache.rows import dump, from_row, load

INDEX_NAME = "index.sqlite"
BUSY_TIMEOUT_MS = 3000

__all__ = ["Index", "dump", "from_row", "load"]

Row = tuple[str, int, int, bytes]  # path, size, mtime_ns, the Note as ``dump`` pickles it


class Index:
    """An open index. Reads and writes that fail leave it unused, never raise."""

    def __init__(self, connection: sqlite3.Connection, path: Path, stamp: str) -> None:
        self.connection: sqlite3.Connection | None = connection
        self.path = path
        self.stamp = stamp

    @classmethod
    def open(cls, vault: Path, stamp: str) -> Index | None:
        """The vault's index for ``stamp``: emptied if stamped otherwise, rebuilt if
        corrupt, None when it cannot be used (a read-only vault, a full disk, busy)."""
        folder = vault / STATE_FOLDER
        path = folder / INDEX_NAME
        try:
            make_state_folder(folder)
        except OSError:
            return None
        connection = _connect_or_rebuild(path, stamp)
        return cls(connection, path, stamp) if connection else None

    def rows(self) -> Iterator[tuple[str, int, int, bytes]]:
        """Every cached row, in one query, one at a time: ``(path, size, mtime_ns,
        pickled Note)`` (a caller that loads each as it comes never holds every pickle:
        73 MB at 100,000 notes). A corrupt index is rebuilt, empty."""
        if self.connection is None:
            return
        try:
            yield from self.connection.execute("SELECT path, size, mtime_ns, note FROM notes")
        except sqlite3.Error as error:
            self.close()
            if _is_corrupt(error):
                self.connection = _connect_or_rebuild(self.path, self.stamp, rebuild=True)

    def update(self, rows: Iterable[Row], gone: Iterable[str]) -> None:
        """Store new parse results and forget notes that are no longer there (a note whose
        file name is not UTF-8 is not kept: SQLite holds text; it is parsed every time)."""
        new = [row for row in rows if _storable(row[0])]
        old = [(path,) for path in gone if _storable(path)]
        if self.connection is None or not (new or old):
            return
        try:
            with _transaction(self.connection):
                self.connection.executemany("INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?)", new)
                self.connection.executemany("DELETE FROM notes WHERE path = ?", old)
        except sqlite3.Error:
            self.close()  # busy for too long, read-only or full: the cache waits

    def close(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self.connection.close()
            self.connection = None


def _storable(path: str) -> bool:
    """Whether SQLite can hold ``path`` (a file name that is not UTF-8 holds surrogates)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _connect_or_rebuild(path: Path, stamp: str, rebuild: bool = False) -> sqlite3.Connection | None:
    """A connection to a usable index at ``path``; a corrupt one is deleted and made anew."""
    for attempt in range(2):
        if rebuild or attempt:
            try:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            except OSError:
                return None
        try:
            return _connect(path, stamp)
        except sqlite3.Error as error:
            if not _is_corrupt(error):
                return None  # locked past the timeout, read-only...: do without
    return None


def _is_corrupt(error: sqlite3.Error) -> bool:
    """Not a database, or a damaged one (rather than busy, locked or read-only)."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF  # the primary code of an extended one
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _connect(path: Path, stamp: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
            raise sqlite3.OperationalError("the index needs WAL mode")
        connection.execute("PRAGMA synchronous = NORMAL")
        if _stamp_of(connection) != stamp:
            with _transaction(connection):
                connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value)")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS notes "
                    "(path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, note BLOB)"
                )
                if _stamp_of(connection) != stamp:
                    connection.execute("DELETE FROM notes")
                    connection.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp,))
    except BaseException:
        connection.close()
        raise
    return connection


def _stamp_of(connection: sqlite3.Connection) -> str | None:
    try:
        found = connection.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return None
        raise
    return str(found[0]) if found else None
