"""A check printed again: the last report, when nothing it was printed from changed.

``mdnet check`` run twice on the same notes, the same way, prints the same bytes: the
second time they are read from ``.mdnet/printed.pickle`` (``cache.printed``), after a
listing of the vault, rather than made again from the answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mdnet import language
from mdnet.cache import printed, results
from mdnet.cache.index import STATE_FOLDER
from mdnet.cache.printed import Printed
from mdnet.cli.targets import Target
from mdnet.config import Config
from mdnet.live.protocol import SOCKET_NAME
from mdnet.notes.scan import NoteFile
from mdnet.pipeline import listing
from mdnet.rules.runner import Selection


@dataclass(frozen=True)
class Printing:
    """How a report is printed: what changes its bytes, besides the answer."""

    output_format: str
    statistics: bool
    quiet: bool
    color: bool

    def key(
        self,
        target: Target,
        config: Config,
        today: dt.date,
        selection: Selection,
        files: list[NoteFile],
    ) -> str:
        """The key of the report of ``target``, its notes as listed (``files``)."""
        shown = "*" if target.only is None else "\n".join(sorted(target.only))
        return printed.key(
            results.key(config, today, selection),
            results.listing(files),
            f"{self.output_format}|{self.statistics}|{self.quiet}|{self.color}",
            str(Path.cwd()),  # paths are shown from where mdnet runs
            str(target.root),
            shown,
            language.current(),
        )


@dataclass
class Reprint:
    """The last report of one vault, if it can be printed again (``printed``), and what
    saving this run's report needs otherwise."""

    printed: Printed | None
    key: str
    listed: tuple[list[NoteFile], int]

    def save(self, root: Path, shown: Printed) -> None:
        """Keep what this run printed, for the next to print again."""
        printed.save(root, self.key, shown, *self.listed)


def last_report(
    target: Target, config: Config, today: dt.date, selection: Selection, printing: Printing
) -> Reprint | None:
    """The vault's last report, or None when a running server answers checks (its
    answer is the current one, and quicker than a listing)."""
    if (target.root / STATE_FOLDER / SOCKET_NAME).exists():
        return None
    listed = listing(target.root, config)
    key = printing.key(target, config, today, selection, listed[0])
    return Reprint(printed.restore(target.root, key), key, listed)
