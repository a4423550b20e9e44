"""The last check's answer, in ``.mdnet/results.pickle``: when no note changed since it was
given (the same listing: paths, sizes, times), nor the config, the day, the rules or
mdnet, a check gives it again without restoring the model.

Like the index and the snapshot it is a cache: delete it and nothing changes but speed.
It holds plain values only (strings, numbers, tuples), and nothing else is unpickled
(``cache.kept``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from mdnet.cache import kept
from mdnet.cache.stamps import model_stamp
from mdnet.config import Config
from mdnet.model.stats import Stats
from mdnet.notes.scan import NoteFile
from mdnet.rules.finding import Finding, Fix
from mdnet.rules.runner import Selection

NAME = "results.pickle"
_digested: tuple[list[NoteFile], str] | None = None  # the last listing, and its digest


def key(config: Config, today: dt.date, selection: Selection) -> str:
    """What the answer depends on besides the notes: mdnet, the config, the day, the rules."""
    rules = ",".join(rule.CODE for rule in selection.rules())
    made_by = f"{model_stamp(config)}|{today.isoformat()}|{rules}"
    return hashlib.sha256(made_by.encode()).hexdigest()


def listing(files: list[NoteFile]) -> str:
    """A digest of the notes as listed: their paths, sizes and modification times.

    Made once for a listing (the last one's is kept): a check after a change asks it
    for the last report, the last answer and the answer it saves (40 ms each at 100k)."""
    global _digested
    if _digested is not None and _digested[0] is files:
        return _digested[1]
    digest = hashlib.sha256()
    for file in files:
        digest.update(
            f"{file.path}\0{file.size}\0{file.mtime_ns}\n".encode(errors="surrogateescape")
        )
    _digested = files, digest.hexdigest()
    return _digested[1]


def restore(
    root: Path, answer_key: str, files: list[NoteFile]
) -> tuple[Stats, list[Finding]] | None:
    """The answer kept for ``answer_key`` if the notes are as they were listed then."""
    state = kept.read(root, NAME, (answer_key, listing(files)))
    if state is None:
        return None
    try:
        counts, rows = state
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
    """Keep the answer for the notes as listed (``cache.kept``)."""
    rows = [(*finding[:8], tuple(finding.fix) if finding.fix else None) for finding in findings]
    state = (tuple(stats.__dict__.values()), rows)
    kept.write(root, NAME, (answer_key, listing(files)), state, files, listed_at)
