"""The last report ``mdnet check`` printed, in ``.mdnet/printed.pickle``: run again on the
same notes (the same listing: paths, sizes, times), with the same config, day, rules
and code, and printed the same way (format, options, folder, language), a check prints
it again, reading neither its answer nor the model.

At 100,000 notes a check may find a hundred thousand things: reading them back and
printing each one again takes longer than listing the vault. Like every cache in
``.mdnet/`` it can be deleted, and only speed changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple

from mdnet.cache import kept
from mdnet.notes.scan import NoteFile

NAME = "printed.pickle"


class Printed(NamedTuple):
    """What a check printed, and what its exit status and warnings depend on."""

    text: str | bytes  # its standard output (bytes: in UTF-8, as a running server sends it)
    severities: tuple[str, ...]  # those of the findings shown (the exit status)
    notes: int  # the notes checked (none: a warning)


def key(*made_by: str) -> str:
    """A key for what the report was printed from and how (the answer's key, the
    listing's digest, the output format and options...)."""
    return hashlib.sha256("\0".join(made_by).encode(errors="surrogateescape")).hexdigest()


def restore(root: Path, printed_key: str) -> Printed | None:
    """The report printed last, if it was printed for ``printed_key``."""
    state = kept.read(root, NAME, printed_key)
    try:
        pieces, severities, notes = state
        if type(pieces) is not list or set(map(type, pieces)) - {str}:
            return None
        return Printed("".join(pieces), tuple(map(str, severities)), int(notes))
    except Exception:  # none, or not a report: do without
        return None


def save(
    root: Path,
    printed_key: str,
    pieces: list[str],
    severities: tuple[str, ...],
    notes: int,
    files: list[NoteFile],
    listed_at: int,
) -> None:
    """Keep the report, in the pieces it was written in (at 100,000 notes, 27 MB: not
    joined to be kept), for the notes as listed (``cache.kept``)."""
    kept.write(root, NAME, printed_key, (pieces, severities, notes), files, listed_at)
