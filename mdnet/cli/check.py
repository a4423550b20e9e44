"""`mdnet check`: lint the vault, or each vault of the paths given."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import click

from mdnet.cache.parser import CachedParser
from mdnet.cli.options import (
    UsageError,
    common_options,
    finish,
    load_vault_config,
    today_option,
    vault_option,
)
from mdnet.cli.progress import vault_parser
from mdnet.cli.targets import Target, stdin_target, targets
from mdnet.config import Config
from mdnet.edits.fix import FixReport, apply_fixes
from mdnet.live.client import ask_server
from mdnet.model.builder import Builder
from mdnet.model.stats import Stats
from mdnet.pipeline import Parser, WithText, check_answer, check_vault, recheck
from mdnet.report.formats import (
    FORMATS,
    closing_line,
    write_github,
    write_json,
    write_statistics,
    write_text,
)
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection

STDIN = Path("-")


def _split(values: tuple[str, ...]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    help="Output format (default: text; github when GITHUB_ACTIONS is set).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules: codes, prefixes, names or ALL (comma-separated).",
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Leave out these rules.")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are errors.")
@click.option("--fix", is_flag=True, help="Apply safe fixes (F008), changing only those values.")
@click.option("--statistics", is_flag=True, help="Print only the count of findings per rule.")
@click.option("--quiet", "-q", is_flag=True, help="Only the findings, no closing line.")
@click.option("--no-cache", is_flag=True, help="Ignore the index in .mdnet/: parse every note.")
@click.option(
    "--stdin-filename",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="PATH",
    help="With `-`: check the note's text read from stdin as if it were at PATH.",
)
@today_option("The date to check against: what is stale, overdue or in the future.")
@vault_option("The vault to check (as a folder given as PATH).")
@common_options
def check(
    paths: tuple[Path, ...],
    output_format: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    strict: bool,
    exit_zero: bool,
    fix: bool,
    statistics: bool,
    quiet: bool,
    no_cache: bool,
    stdin_filename: Path | None,
    today: dt.date,
    vault: Path | None,
    config_path: Path | None,
) -> None:
    """Check the vault for what the network needs.

    With folders (or nothing: the current directory), the whole vault: each folder in
    its own vault, with its own configuration. With files, as pre-commit passes them,
    the whole vault is read but only their findings are shown. With `-` and
    --stdin-filename, the note's text comes from stdin (as editors pass it).

    Example: mdnet check --select R,G --today 2026-11-26 ~/Notes
    """
    if STDIN in paths or stdin_filename is not None:
        text = _stdin_text(paths, stdin_filename, fix)
        assert stdin_filename is not None
        target, path = stdin_target(stdin_filename, vault, Path.cwd())
        parse = WithText(vault_parser(not no_cache), path, text)
        run = Run(config_path, today, select, ignore, fix=False, served=False)
        checked = [run.check(target, parse)]
    else:  # each vault has its own index: one parser each
        run = Run(config_path, today, select, ignore, fix, served=not (fix or no_cache))
        checked = [
            run.check(target, vault_parser(not no_cache))
            for target in targets(paths, vault, Path.cwd())
        ]
    for target, counts, _, _ in checked:
        if not counts.notes:  # ruff's "No Python files found": a wrong path, likely
            for given in target.given:
                click.echo(f"mdnet: warning: {given}: no notes found (no *.md file)", err=True)
    findings = [finding for _, _, found, _ in checked for finding in found]
    fixes = [report for *_, report in checked if report is not None]
    not_applied = sum(report.unwritten for report in fixes)  # an error: exit 1
    output_format = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") else "text")
    _report(checked, output_format, today, statistics, quiet, not_applied)
    if fixes and not quiet:
        click.echo(FixReport.merged(fixes).summary(), err=True)
    failing = {"error", "warning"} if strict else {"error"}
    failed = not_applied or any(finding.severity in failing for finding in findings)
    finish(0 if exit_zero or not failed else 1, run.later)


Checked = tuple[Target, Stats, list[Finding], FixReport | None]


def _report(
    checked: list[Checked],
    output_format: str,
    today: dt.date,
    statistics: bool,
    quiet: bool,
    not_applied: int,
) -> None:
    """The findings of every vault checked, in one report on stdout."""
    out = sys.stdout
    findings = [finding for _, _, found, _ in checked for finding in found]
    stats = Stats.total(counts for _, counts, _, _ in checked)
    if output_format == "json":
        found_in = [(target.root, found) for target, _, found, _ in checked]
        write_json(out, found_in, stats, today=today, statistics=statistics)
        return
    if statistics:
        write_statistics(out, findings)  # the counts only, as ruff prints them
        return
    color = out.isatty() and "NO_COLOR" not in os.environ
    for target, _, found, _ in checked:
        if output_format == "github":
            write_github(out, found, target.root)
        else:
            write_text(out, found, target.root, color=color)
    if output_format == "text" and not quiet:
        closing = closing_line(findings, stats.notes)
        if not_applied:
            closing = f"{closing[:-1]}; {_fixes(not_applied)} not applied."
        out.write(closing + "\n")


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

    def check(self, target: Target, parse: Parser) -> Checked:
        """Check one vault, with its own configuration; fix it if asked."""
        config = load_vault_config(target.root, self.config_path)
        selection = Selection.from_config(config, _split(self.select), _split(self.ignore))
        today, only = self.today, target.only
        if not self.fix:
            answer = _check(
                target.root, config, today, selection, only, parse, self.later, self.served
            )
            return target, *answer, None
        builder = Builder(target.root, config)  # kept, to apply the fixes to its model
        vault, found = check_vault(target.root, config, today, selection, parse, builder)
        answer = Stats.of(vault), _only(found, only)
        fixed = apply_fixes(target.root, answer[1], config)
        for finding, reason in fixed.failed:  # left as it was: the finding stays
            where = f"{finding.path}:{finding.line}"
            click.echo(f"mdnet: warning: cannot fix {where}: {reason}", err=True)
        for finding, reason in fixed.failed_writes:
            where = f"{finding.path}:{finding.line}"
            click.echo(f"mdnet: error: cannot fix {where}: {reason}", err=True)
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
) -> tuple[Stats, list[Finding]]:
    """The counts and the whole vault's findings, or only those in the notes at ``only``;
    with ``served``, from a running watch or lsp when one answers; else through the
    caches (``pipeline.check_answer``), unless the parser reads a note from stdin."""
    answer = ask_server(vault_path, config, today, selection) if served else None
    if answer is not None:
        findings, stats = answer
    elif isinstance(parse, CachedParser):
        stats, findings = check_answer(vault_path, config, today, selection, parse, later)
    else:
        vault, findings = check_vault(vault_path, config, today, selection, parse)
        stats = Stats.of(vault)
    return stats, _only(findings, only)


def _only(findings: list[Finding], only: set[str] | None) -> list[Finding]:
    return findings if only is None else [f for f in findings if f.path in only]


def _fixes(count: int) -> str:
    return f"{count} fix{'es' * (count != 1)}"


def _stdin_text(paths: tuple[Path, ...], stdin_filename: Path | None, fix: bool) -> str:
    """The note's text on stdin, when the command line asks for it as it should."""
    if stdin_filename is None:
        raise UsageError("`-` reads a note from stdin: give --stdin-filename PATH too")
    if any(path != STDIN for path in paths):
        raise UsageError("with --stdin-filename, give `-` alone: one note is read from stdin")
    if fix:
        raise UsageError("--fix cannot write a note read from stdin")
    return sys.stdin.read()
