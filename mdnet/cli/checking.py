"""How ``mdnet check`` checks each vault: with its own configuration, from a running
server, the last report, the caches or the notes themselves, and fixes applied."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mdnet.cache.folder import snapshot_saved
from mdnet.cache.printed import Printed
from mdnet.cli.options import load_vault_config
from mdnet.cli.reprint import Reprint, last_report
from mdnet.cli.targets import Target
from mdnet.config import Config
from mdnet.language import _
from mdnet.live.client import ask_server, ask_server_to_print
from mdnet.model.stats import Stats
from mdnet.notes.scan import NoteFile
from mdnet.report.printing import Printing
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection

# The pipeline, the parser and the fixes are imported where a vault is checked: a check
# that prints its last report again needs none of them (``tests/test_lazy_imports``).
if TYPE_CHECKING:
    from mdnet.edits.fix import FixReport
    from mdnet.pipeline import Parser

Checked = tuple[Target, Stats, list[Finding], "FixReport | None"]


@dataclass
class Run:
    """What every vault of one ``mdnet check`` is checked with."""

    config_path: Path | None
    today: dt.date
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    fix: bool
    served: bool  # a running watch or lsp may answer
    later: list[Callable[[], None]] = field(default_factory=list)  # after the answer
    last: Reprint | None = None  # the one vault's last report, when it was looked for
    read: dict[Path, tuple[Config, Selection]] = field(default_factory=dict)  # by vault

    def settings(self, target: Target) -> tuple[Config, Selection]:
        """The vault's configuration and rules, read once for all this run asks of it."""
        read = self.read.get(target.root)
        if read is None:
            config = load_vault_config(target.root, self.config_path)
            selection = Selection.from_config(config, _split(self.select), _split(self.ignore))
            read = self.read[target.root] = config, selection
        return read

    def reprint(self, target: Target, printing: Printing) -> Printed | None:
        """The report of the one vault checked as a running server prints it, or the
        last one printed, if it can be printed again."""
        config, selection = self.settings(target)
        if self.served:
            report = ask_server_to_print(
                target.root, config, self.today, selection, printing, target.only
            )
            if report is not None:
                return report
            self.served = False  # it declined, or is not up: it is not asked again
        # the report is handed out, not kept: the process the work left behind runs in
        # would hold it
        printed, self.last = last_report(target, config, self.today, selection, printing)
        if printed is None:
            return None
        if not snapshot_saved(target.root):  # once the answer is out (then the next check
            from mdnet.pipeline import keep_model  # after a change updates the model)

            keep_model(target.root, config, self.today, selection, self.last.listed, self.later)
        return printed

    def check(self, target: Target, parse: Parser) -> Checked:
        """Check one vault, with its own configuration; fix it if asked."""
        from mdnet.cache.parser import CachedParser
        from mdnet.edits.fix import apply_fixes
        from mdnet.model.builder import Builder
        from mdnet.pipeline import check_vault, recheck

        config, selection = self.settings(target)
        today, only = self.today, target.only
        if not self.fix:
            listed = self.last.listed if self.last is not None else None
            answer = _check(
                target.root, config, today, selection, only, parse, self.later, self.served, listed
            )
            return target, *answer, None
        builder = Builder(target.root, config)  # kept, to apply the fixes to its model
        vault, found = check_vault(target.root, config, today, selection, parse, builder)
        answer = Stats.of(vault), _only(found, only)
        fixed = apply_fixes(target.root, answer[1], config)
        for finding, reason in fixed.failed:  # left as it was: the finding stays
            where = f"{finding.path}:{finding.line}"
            message = _("cannot fix {where}: {reason}").format(where=where, reason=reason)
            click.echo(f"mdnet: warning: {message}", err=True)
        for finding, reason in fixed.failed_writes:
            where = f"{finding.path}:{finding.line}"
            message = _("cannot fix {where}: {reason}").format(where=where, reason=reason)
            click.echo(f"mdnet: error: {message}", err=True)
        if fixed.notes and isinstance(parse, CachedParser):  # what the notes now say:
            vault, found = recheck(  # only the fixed ones are read again
                target.root, config, today, selection, parse, builder, fixed.notes
            )
            answer = Stats.of(vault), _only(found, only)
        return target, *answer, fixed


def _check(
    vault_path: Path,
    config: Config,
    today: dt.date,
    selection: Selection,
    only: set[str] | None,
    parse: Parser,
    later: list[Callable[[], None]],
    served: bool = False,
    listed: tuple[list[NoteFile], int] | None = None,
) -> tuple[Stats, list[Finding]]:
    """The counts and the whole vault's findings, or only those in the notes at ``only``;
    with ``served``, from a running watch or lsp when one answers; else through the
    caches (``pipeline.check_answer``), unless the parser reads a note from stdin."""
    from mdnet.cache.parser import CachedParser
    from mdnet.pipeline import check_answer, check_vault

    answer = ask_server(vault_path, config, today, selection) if served else None
    if answer is not None:
        findings, stats = answer
    elif isinstance(parse, CachedParser):
        stats, findings = check_answer(vault_path, config, today, selection, parse, later, listed)
    else:
        vault, findings = check_vault(vault_path, config, today, selection, parse)
        stats = Stats.of(vault)
    return stats, _only(findings, only)


def _only(findings: list[Finding], only: set[str] | None) -> list[Finding]:
    return findings if only is None else [f for f in findings if f.path in only]


def _split(values: tuple[str, ...]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]
