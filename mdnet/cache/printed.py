"""The last report ``mdnet check`` printed, in ``.mdnet/printed.pickle``: run again on the
same notes (the same listing: paths, sizes, times), with the same config, day, rules
and code, and printed the same way (format, options, folder, language), a check prints
it again, reading neither its answer nor the model.

At 100,000 notes a check may find a hundred thousand things: reading them back and
printing each one again takes longer than listing the vault. Like every cache in
``.mdnet/`` it can be deleted, and only speed changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import stat
from pathlib import Path
from typing import NamedTuple

from mdnet.cache.index import STATE_FOLDER, keeps_state, make_state_folder
from mdnet.cache.results import PlainUnpickler
from mdnet.notes.files import write_atomic
from mdnet.notes.scan import RACY_NS, NoteFile

NAME = "printed.pickle"
LARGEST = 1 << 31  # bytes


class Printed(NamedTuple):
    """What a check printed, and what its exit status and warnings depend on."""

    text: str  # its standard output
    severities: tuple[str, ...]  # those of the findings shown (the exit status)
    notes: int  # the notes checked (none: a warning)


def key(*made_by: str) -> str:
    """A key for what the report was printed from and how (the answer's key, the
    listing's digest, the output format and options...)."""
    return hashlib.sha256("\0".join(made_by).encode(errors="surrogateescape")).hexdigest()


def restore(root: Path, printed_key: str) -> Printed | None:
    """The report printed last, if it was printed for ``printed_key``."""
    path = root / STATE_FOLDER / NAME
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode) or found.st_size > LARGEST:
            return None
        with open(path, "rb") as source:
            if PlainUnpickler(source).load() != printed_key:  # the key first, alone:
                return None  # a miss reads no more
            text, severities, notes = PlainUnpickler(source).load()
        return Printed(str(text), tuple(map(str, severities)), int(notes))
    except Exception:  # a cache: whatever is wrong with it, do without
        return None


def save(
    root: Path, printed_key: str, printed: Printed, files: list[NoteFile], listed_at: int
) -> None:
    """Keep the report, unless a note was written too recently to be trusted by its size
    and time (it may change again within its time's tick)."""
    fresh_before = listed_at - RACY_NS
    if not keeps_state(root, files) or any(file.mtime_ns >= fresh_before for file in files):
        return
    folder = root / STATE_FOLDER
    with contextlib.suppress(Exception):  # a read-only vault, a full disk: a cache
        make_state_folder(folder)
        data = pickle.dumps(printed_key, protocol=pickle.HIGHEST_PROTOCOL)
        data += pickle.dumps(tuple(printed), protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(folder / NAME, data)
