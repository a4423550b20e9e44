"""Writing a whole vault's notes to the index in a process of its own.

After a cold parse, pickling 100,000 notes and writing them to SQLite took the check
0.4 s, and every pickle stayed in its memory (60 MB) while the model was built and the
rules ran. A forked child does it instead, on the other core, from the notes as they
are at the fork; the check goes on at once and lets the pickles go. Only a process that
runs no threads forks (a check; not watch mode, whose parser writes as before).

The child (``background.alongside``) opens a connection of its own (SQLite's
connections do not cross a fork). A check waits for it before it ends
(``background.settle``: ``cli.options.finish``, ``CachedParser.close``), so that the
index is written when the check returns: it takes less time than the model and the
rules, which the check works out meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from mdnet.background import alongside
from mdnet.cache.index import Index
from mdnet.cache.rows import dump
from mdnet.notes.note import Note

Unwritten = tuple[str, int, int, bytes, Note]  # a row, its pickle b"" when not yet made


def write_apart(vault: Path, stamp: str, rows: list[Unwritten], gone: list[str]) -> bool:
    """Write ``rows`` to the vault's index, and forget ``gone``, in a child process;
    False when none could be made (the caller writes them)."""

    def write() -> None:  # with a connection of its own
        index = Index.open(vault, stamp)
        if index is not None:
            index.update(pickled(rows), gone)
            index.close()

    return alongside(write)


def pickled(rows: list[Unwritten]) -> list[tuple[str, int, int, bytes]]:
    """The index's rows, each note pickled unless it was already."""
    return [(path, size, mtime_ns, blob or dump(note)) for path, size, mtime_ns, blob, note in rows]
