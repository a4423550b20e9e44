"""The last check's answer, in ``.mdnet/results.pickle``: when no note changed since it was
given (the same listing: paths, sizes, times), nor the config, the day, the rules or
mdnet, a check gives it again without restoring the model.

Like the index and the snapshot it is a cache: delete it and nothing changes but speed.
It holds plain values only (strings, numbers, tuples), and nothing else is unpickled.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import pickle
import stat
from pathlib import Path
from typing import Any

from mdnet.cache.index import STATE_FOLDER, keeps_state, make_state_folder
from mdnet.cache.snapshot import stamp as snapshot_stamp
from mdnet.config import Config
from mdnet.model.stats import Stats
from mdnet.notes.files import write_atomic
from mdnet.notes.scan import RACY_NS, NoteFile
from mdnet.rules.finding import Finding, Fix
from mdnet.rules.runner import Selection

NAME = "results.pickle"
LARGEST = 1 << 30  # bytes


def key(config: Config, today: dt.date, selection: Selection) -> str:
    """What the answer depends on besides the notes: mdnet, the config, the day, the rules."""
    rules = ",".join(rule.CODE for rule in selection.rules())
    made_by = f"{snapshot_stamp(config)}|{today.isoformat()}|{rules}"
    return hashlib.sha256(made_by.encode()).hexdigest()


def listing(files: list[NoteFile]) -> str:
    """A digest of the notes as listed: their paths, sizes and modification times."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(
            f"{file.path}\0{file.size}\0{file.mtime_ns}\n".encode(errors="surrogateescape")
        )
    return digest.hexdigest()


def restore(
    root: Path, answer_key: str, files: list[NoteFile]
) -> tuple[Stats, list[Finding]] | None:
    """The answer kept for ``answer_key`` if the notes are as they were listed then."""
    path = root / STATE_FOLDER / NAME
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode) or found.st_size > LARGEST:
            return None
        with open(path, "rb") as source:
            # what the answer is for first, alone: a miss reads no more
            if PlainUnpickler(source).load() != (answer_key, listing(files)):
                return None
            counts, rows = PlainUnpickler(source).load()
        new = tuple.__new__  # 100,000 findings: without the call to their __new__
        return Stats(*counts), [
            new(Finding, row) if row[8] is None else new(Finding, (*row[:8], new(Fix, row[8])))
            for row in rows
        ]
    except Exception:  # a cache: whatever is wrong with it, do without
        return None


def save(
    root: Path,
    answer_key: str,
    files: list[NoteFile],
    listed_at: int,
    stats: Stats,
    findings: list[Finding],
) -> None:
    """Keep the answer, unless a note was written too recently to be trusted by its
    size and time (it may change again within its time's tick)."""
    fresh_before = listed_at - RACY_NS
    if not keeps_state(root, files) or any(file.mtime_ns >= fresh_before for file in files):
        return
    rows = [(*finding[:8], tuple(finding.fix) if finding.fix else None) for finding in findings]
    made_for = (answer_key, listing(files))
    state = (tuple(stats.__dict__.values()), rows)
    folder = root / STATE_FOLDER
    with contextlib.suppress(Exception):  # a read-only vault, a full disk: a cache
        make_state_folder(folder)
        data = pickle.dumps(made_for, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(folder / NAME, data + pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))


class PlainUnpickler(pickle.Unpickler):
    """Builds no class at all: what it reads is made of plain values (strings, numbers,
    tuples, lists), the last answer here, a running server's in ``live.protocol``."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not a plain value")
