"""A check's report as it is printed: the findings of each vault checked, in the format
and with the options asked for, the paths shown from a folder.

``mdnet check`` prints it; a running server makes it for a check it answers (the check
then only writes it out), and ``cache.printed`` keeps the last one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mdnet.cache.printed import Printed
from mdnet.model.stats import Stats
from mdnet.report.formats import (
    Out,
    closing_line,
    write_github,
    write_json,
    write_statistics,
    write_text,
)
from mdnet.rules.finding import Finding

Checked = tuple[Path, Stats, Sequence[Finding]]  # a vault, its counts, its findings shown


@dataclass(frozen=True)
class Printing:
    """How a report is printed: what changes its bytes, besides the findings."""

    output_format: str  # text, json or github
    statistics: bool  # the counts per rule only
    quiet: bool  # no closing line
    color: bool
    cwd: str  # the folder paths are shown from

    def key(self) -> str:
        return f"{self.output_format}|{self.statistics}|{self.quiet}|{self.color}|{self.cwd}"

    def printed(self, checked: Sequence[Checked], today: dt.date, not_applied: int = 0) -> Printed:
        """The report, with what the exit status and the warnings depend on
        (``outcome``)."""
        return Printed(self.report(checked, today, not_applied), *self.outcome(checked))

    def outcome(self, checked: Sequence[Checked]) -> tuple[tuple[str, ...], int]:
        """The severities found (the exit status) and the notes checked (none: a warning)."""
        severities = {finding.severity for _, _, found in checked for finding in found}
        return tuple(sorted(severities)), Stats.total(counts for _, counts, _ in checked).notes

    def report(self, checked: Sequence[Checked], today: dt.date, not_applied: int = 0) -> str:
        """The report of every vault ``checked``; ``not_applied``: fixes not written."""
        return "".join(self.pieces(checked, today, not_applied))

    def pieces(self, checked: Sequence[Checked], today: dt.date, not_applied: int = 0) -> list[str]:
        """The report in the pieces it is written in (``write``): a thousand findings
        each, kept without the copy that joining them makes."""
        out = _Pieces()
        self.write(out, checked, today, not_applied)
        return out.pieces

    def write(
        self, out: Out, checked: Sequence[Checked], today: dt.date, not_applied: int = 0
    ) -> None:
        """Write the report to ``out`` as it is made, a thousand findings at a time (JSON:
        in one piece): ``mdnet check`` prints 130,000 findings without holding their
        27 MB of text, and twice that while it is made."""
        cwd = Path(self.cwd)
        findings = [finding for _, _, found in checked for finding in found]
        stats = Stats.total(counts for _, counts, _ in checked)
        if self.output_format == "json":
            found_in = [(root, found) for root, _, found in checked]
            write_json(out, found_in, stats, today=today, statistics=self.statistics, cwd=cwd)
            return
        if self.statistics:
            write_statistics(out, findings)  # the counts only, as ruff prints them
            return
        for root, _counts, found in checked:
            if self.output_format == "github":
                write_github(out, found, root, cwd)
            else:
                write_text(out, found, root, color=self.color, cwd=cwd)
        if self.output_format == "text" and not self.quiet:
            closing = closing_line(findings, stats.notes)
            if not_applied:
                fixes = f"{not_applied} fix{'es' * (not_applied != 1)}"
                closing = f"{closing[:-1]}; {fixes} not applied."
            out.write(closing + "\n")


class _Pieces:
    """What is written, piece by piece."""

    def __init__(self) -> None:
        self.pieces: list[str] = []

    def write(self, text: str, /) -> int:
        self.pieces.append(text)
        return len(text)
