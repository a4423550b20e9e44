"""mdnet's own folder in a vault, ``.mdnet/``, where every cache is kept (the index,
the model's snapshot, the last answer and report, a running server's socket)."""

from __future__ import annotations

from collections.abc import Sized
from pathlib import Path

from mdnet.notes.files import write_atomic
from mdnet.notes.scan import STATE_FOLDER

__all__ = ["SNAPSHOT_NAME", "STATE_FOLDER", "keeps_state", "make_state_folder", "snapshot_saved"]

SNAPSHOT_NAME = "model.pickle"  # the model's snapshot (``cache.snapshot``)


def keeps_state(vault: Path, files: Sized) -> bool:
    """Whether mdnet keeps its state in ``vault``: it has notes (``files``), or a
    ``.mdnet/`` already. A folder with no notes is no vault: nothing is created in it."""
    return len(files) > 0 or (vault / STATE_FOLDER).is_dir()


def snapshot_saved(root: Path) -> bool:
    """Whether the vault has a snapshot (of any stamp: a stale one is still a start);
    asked by every check that prints its last report again, which loads no model."""
    return (root / STATE_FOLDER / SNAPSHOT_NAME).is_file()


def make_state_folder(folder: Path) -> None:
    """``.mdnet/`` with a ``.gitignore`` of ``*``, so that git never sees the cache."""
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        write_atomic(ignore, "*\n")
