"""How far a live vault's model drifted from the vault's snapshot (``cache.snapshot``):
when it is far, a snapshot made again is worth its writing (``live.kept``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import chain

from mdnet.cache import snapshot
from mdnet.config import Config
from mdnet.notes.scan import NoteFile


class Drift:
    """How far a live model drifted from the vault's snapshot: the day and config of the
    snapshot it was last (day None: none), and the notes taken in since, each once (up
    to one more than ``snapshot.DRIFT``: then it is far)."""

    def __init__(self) -> None:
        self.day: dt.date | None = None
        self.config: Config | None = None
        self.notes: set[str] = set()

    def restart(self, day: dt.date | None, config: Config) -> None:
        """The model is the snapshot's of ``day`` under ``config`` (None: no snapshot's)."""
        self.day, self.config, self.notes = day, config, set()

    def took(self, files: Iterable[NoteFile], gone: Iterable[str]) -> None:
        """Notes read again and gone: changed since the snapshot."""
        for path in chain((file.path for file in files), gone):
            if len(self.notes) > snapshot.DRIFT:
                return
            self.notes.add(path)

    def far(self, today: dt.date, config: Config) -> bool:
        """Whether a snapshot made now would be worth its writing (the config changed
        since: the snapshot of the one before is no start for a check)."""
        far = self.day != today or config != self.config
        return far or len(self.notes) > snapshot.DRIFT
