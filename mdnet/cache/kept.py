"""A file in ``.mdnet/`` that keeps one value for what it was made for: two pickles, the
key first and alone (a miss reads no more), then the value.

The last answer (``cache.results``) and the last report (``cache.printed``) are kept so.
They hold plain values only (strings, numbers, tuples), and nothing else is unpickled
(``PlainUnpickler``). A value is not kept when a note was written too recently to be
trusted by its size and time: it may change again within its time's tick.
"""

from __future__ import annotations

import contextlib
import pickle
import stat
from collections.abc import Hashable
from pathlib import Path
from typing import Any, BinaryIO

from mdnet.cache.folder import STATE_FOLDER, keeps_state, make_state_folder
from mdnet.notes.files import write_atomic
from mdnet.notes.scan import RACY_NS, NoteFile

LARGEST = 1 << 31  # bytes: anything larger is not a file mdnet wrote


def read(root: Path, name: str, key: Hashable) -> Any:
    """The value kept in ``.mdnet/<name>`` for ``key``, or None."""
    path = root / STATE_FOLDER / name
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode) or found.st_size > LARGEST:
            return None
        with open(path, "rb") as source:
            if PlainUnpickler(source).load() != key:
                return None
            return PlainUnpickler(source).load()
    except Exception:  # a cache: whatever is wrong with it, do without
        return None


def write(
    root: Path, name: str, key: Hashable, value: object, files: list[NoteFile], listed_at: int
) -> None:
    """Keep ``value`` for ``key`` in ``.mdnet/<name>``, the notes as listed at
    ``listed_at`` (``files``) being trusted by their sizes and times."""
    fresh_before = listed_at - RACY_NS
    if not keeps_state(root, files) or any(file.mtime_ns >= fresh_before for file in files):
        return
    folder = root / STATE_FOLDER

    def dump(out: BinaryIO) -> None:  # into the file: no copy of a 27 MB report in memory
        pickle.dump(key, out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)

    with contextlib.suppress(Exception):  # a read-only vault, a full disk: a cache
        make_state_folder(folder)
        write_atomic(folder / name, dump)


class PlainUnpickler(pickle.Unpickler):
    """Builds no class at all: what it reads is made of plain values (strings, numbers,
    tuples, lists), a kept file's here, a running server's in ``live.protocol``."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not a plain value")
