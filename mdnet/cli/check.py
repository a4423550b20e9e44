"""`mdnet check`: lint the vault."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from mdnet.cache.parser import CachedParser
from mdnet.cli.options import common_options, finish, open_vault
from mdnet.cli.progress import vault_parser
from mdnet.config import Config
from mdnet.edits.fix import apply_fixes
from mdnet.live.client import ask_server
from mdnet.model.stats import Stats
from mdnet.notes.scan import VAULT_MARKERS
from mdnet.pipeline import check_answer
from mdnet.report.formats import FORMATS, write_github, write_json, write_statistics, write_text
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection


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
@click.option("--statistics", is_flag=True, help="Count findings per rule.")
@click.option("--quiet", "-q", is_flag=True, help="Only the findings, no closing line.")
@click.option("--no-cache", is_flag=True, help="Ignore the index in .mdnet/: parse every note.")
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
    today: dt.date,
    config_path: Path | None,
) -> None:
    """Check the vault for what the network needs.

    With folders (or nothing: the current directory), the whole vault. With files, as
    pre-commit passes them, the whole vault is read but only their findings are shown.

    Example: mdnet check --select R,G --today 2026-11-26 ~/Notes
    """
    files = [path for path in paths if path.is_file()]
    vault_path, config = open_vault(_vault_start(paths, files), config_path)
    only = {_vault_relative(vault_path, path) for path in files} - {""} if files else None
    fixed = None
    parse = vault_parser(use_index=not no_cache)
    selection = Selection.from_config(config, _split(select), _split(ignore))
    served = not (fix or no_cache)  # a running watch or lsp may answer
    later: list[Callable[[], None]] = []  # what may wait until the answer is out
    stats, findings = _check(vault_path, config, today, selection, only, parse, later, served)
    if fix:
        fixed = apply_fixes(vault_path, findings, config)
        for finding, reason in fixed.failed:
            click.echo(f"mdnet: cannot fix {finding.path}:{finding.line}: {reason}", err=True)
        if fixed.notes:  # check again: what is shown is what the notes now say
            stats, findings = _check(vault_path, config, today, selection, only, parse, later)
    output_format = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") else "text")
    out = sys.stdout
    if output_format == "json":
        write_json(out, findings, vault_path, stats, today=today, statistics=statistics)
    elif output_format == "github":
        write_github(out, findings, vault_path)
    else:
        color = out.isatty() and "NO_COLOR" not in os.environ
        write_text(out, findings, vault_path, stats, color=color, quiet=quiet)
    if statistics and output_format != "json":
        write_statistics(out, findings)
    if fixed is not None and not quiet:
        click.echo(fixed.summary(), err=True)
    failing = {"error", "warning"} if strict else {"error"}
    finish(0 if exit_zero or not any(f.severity in failing for f in findings) else 1, later)


def _check(
    vault_path: Path,
    config: Config,
    today: dt.date,
    selection: Selection,
    only: set[str] | None,
    parse: CachedParser,
    later: list[Callable[[], None]],
    served: bool = False,
) -> tuple[Stats, list[Finding]]:
    """The counts and the whole vault's findings, or only those in the notes at ``only``;
    with ``served``, from a running watch or lsp when one answers."""
    answer = ask_server(vault_path, config, today, selection) if served else None
    if answer is None:
        stats, findings = check_answer(vault_path, config, today, selection, parse, later)
    else:
        findings, stats = answer
    if only is not None:
        findings = [finding for finding in findings if finding.path in only]
    return stats, findings


def _vault_start(paths: tuple[Path, ...], files: list[Path]) -> Path:
    """Where to look for the vault: the first folder given, else the first file, else here.

    Given only files (as pre-commit passes them, from the repository's root), a vault
    marked by ``.mdnet.toml`` or ``.obsidian/`` above one of them wins; with no marker,
    the current folder is the vault when it holds the files.
    """
    folders = [path for path in paths if not path.is_file()]
    if folders or not files:
        return folders[0] if folders else Path.cwd()
    for file in files:
        if any(_is_marked(folder) for folder in file.resolve().parents):
            return file
    here = Path.cwd().resolve()
    return here if all(file.resolve().is_relative_to(here) for file in files) else files[0]


def _is_marked(folder: Path) -> bool:
    return any((folder / marker).exists() for marker in VAULT_MARKERS)


def _vault_relative(vault: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(vault).as_posix()
    except ValueError:
        return ""
