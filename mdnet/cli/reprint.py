"""A check printed again: the last report, when nothing it was printed from changed.

``mdnet check`` run twice on the same notes, the same way, prints the same bytes: the
second time they are read from ``.mdnet/printed.pickle`` (``cache.printed``), after a
listing of the vault, rather than made again from the answer. (A running server, which
needs no listing, is asked first: ``live.client.ask_server_to_print``.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mdnet import language
from mdnet.cache import printed, results
from mdnet.cache.printed import Printed
from mdnet.cli.targets import Target
from mdnet.config import Config
from mdnet.notes.scan import NoteFile, listing
from mdnet.report.printing import Checked, Printing
from mdnet.rules.runner import Selection


@dataclass
class Reprint:
    """What saving this run's report of one vault needs, for the next to print it again."""

    key: str
    listed: tuple[list[NoteFile], int]

    def save(
        self,
        root: Path,
        printing: Printing,
        shown: Sequence[Checked],
        today: dt.date,
        not_applied: int,
    ) -> None:
        """Keep what this run printed (made again from what it was printed from, once
        the answer is out), for the next to print again."""
        pieces = printing.pieces(shown, today, not_applied)
        printed.save(root, self.key, pieces, *printing.outcome(shown), *self.listed)


def last_report(
    target: Target, config: Config, today: dt.date, selection: Selection, printing: Printing
) -> tuple[Printed | None, Reprint]:
    """The vault's last report, if it was printed for this check and these notes, and
    what saving this one needs."""
    listed = listing(target.root, config)
    shown = "*" if target.only is None else "\n".join(sorted(target.only))
    key = printed.key(
        results.key(config, today, selection),
        results.listing(listed[0]),
        printing.key(),
        str(target.root),
        shown,
        language.current(),
    )
    return printed.restore(target.root, key), Reprint(key, listed)
