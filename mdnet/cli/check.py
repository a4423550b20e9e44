"""`mdnet check`: lint the vault, or each vault of the paths given."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import sys
from functools import partial
from pathlib import Path
from typing import BinaryIO

import click

from mdnet.cli.checking import Run
from mdnet.cli.options import (
    UsageError,
    common_options,
    finish,
    today_option,
    vault_option,
)
from mdnet.cli.progress import vault_parser
from mdnet.cli.targets import Target, stdin_target, targets
from mdnet.language import _
from mdnet.report.formats import (
    FORMATS,
)
from mdnet.report.printing import Printing

STDIN = Path("-")


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
    printing = Printing(_format(output_format), statistics, quiet, _color(), str(Path.cwd()))
    if STDIN in paths or stdin_filename is not None:
        from mdnet.pipeline import WithText  # (not loaded to print the last report again)

        text = _stdin_text(paths, stdin_filename, fix)
        assert stdin_filename is not None
        target, path = stdin_target(stdin_filename, vault, Path.cwd())
        parse = WithText(vault_parser(not no_cache), path, text)
        run = Run(config_path, today, select, ignore, fix=False, served=False)
        checked = [run.check(target, parse)]
    else:  # each vault has its own index: one parser each
        run = Run(config_path, today, select, ignore, fix, served=not (fix or no_cache))
        chosen = targets(paths, vault, Path.cwd())
        if len(chosen) == 1 and not (fix or no_cache):  # maybe the last report again
            code = _print_again(run, chosen[0], printing, strict, exit_zero)
            if code is not None:
                finish(code, run.later)
        checked = [run.check(target, vault_parser(not no_cache)) for target in chosen]
    for target, counts, _found, _fixed in checked:
        _warn_if_empty(target, counts.notes)
    fixes = [report for *_, report in checked if report is not None]
    not_applied = sum(report.unwritten for report in fixes)  # an error: exit 1
    shown = [(t.root, counts, found) for t, counts, found, _ in checked]
    printing.write(_Stdout(), shown, today, not_applied)
    if run.last is not None:  # kept, to be printed again: made again once the answer is out
        root = checked[0][0].root
        run.later.append(partial(run.last.save, root, printing, shown, today, not_applied))
    if fixes and not quiet:
        from mdnet.edits.fix import FixReport  # (not loaded to print the last report again)

        click.echo(FixReport.merged(fixes).summary(), err=True)
    severities, _notes = printing.outcome(shown)
    finish(_exit_code(severities, strict, exit_zero, not_applied), run.later)


class _Stdout:
    """Standard output as the report writes to it: each piece as ``_write`` writes."""

    def write(self, text: str, /) -> int:
        _write(text)
        return len(text)


def _print_again(
    run: Run, target: Target, printing: Printing, strict: bool, exit_zero: bool
) -> int | None:
    """Print the last report again, if it can be, and give its exit status (None: it
    cannot). Its text is let go once written: at 100,000 notes, 27 MB that the work
    left behind (the model's snapshot) would hold all along."""
    again = run.reprint(target, printing)
    if again is None:
        return None
    _warn_if_empty(target, again.notes)
    _write(again.text)
    return _exit_code(again.severities, strict, exit_zero)


def _write(text: str | bytes, piece: int = 8192) -> None:
    """``text`` on stdout, a buffer's worth at a time: a reader that goes away is then
    told (BrokenPipeError), where one large write may lose the rest silently. Bytes
    (UTF-8) go as they are where stdout writes UTF-8."""
    out = sys.stdout
    if isinstance(text, bytes):
        encoding = getattr(out, "encoding", None) or "ascii"
        if codecs.lookup(encoding).name != "utf-8" or not hasattr(out, "buffer"):
            text = text.decode("utf-8", "surrogateescape")
        else:
            out.flush()
            for start in range(0, len(text), piece):
                out.buffer.write(text[start : start + piece])
            return
    for start in range(0, len(text), piece):
        out.write(text[start : start + piece])


def _format(output_format: str | None) -> str:
    return output_format or ("github" if os.environ.get("GITHUB_ACTIONS") else "text")


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _exit_code(
    severities: tuple[str, ...], strict: bool, exit_zero: bool, not_applied: int = 0
) -> int:
    """1 when an error was found (a warning too, ``strict``) or a fix not written."""
    failing = {"error", "warning"} if strict else {"error"}
    failed = not_applied or any(severity in failing for severity in severities)
    return 0 if exit_zero or not failed else 1


def _warn_if_empty(target: Target, notes: int) -> None:
    """ruff's "No Python files found": a wrong path, likely."""
    if not notes:
        for given in target.given:
            warning = _("{path}: no notes found (no *.md file)").format(path=given)
            click.echo(f"mdnet: warning: {warning}", err=True)


def _stdin_text(paths: tuple[Path, ...], stdin_filename: Path | None, fix: bool) -> str:
    """The note's text on stdin, when the command line asks for it as it should: its
    bytes decoded as ``notes.reading`` decodes a file's (``check_text`` then reads them
    as it reads a file: binary, too large, not UTF-8)."""
    if stdin_filename is None:
        raise UsageError(_("`-` reads a note from stdin: give --stdin-filename PATH too"))
    if any(path != STDIN for path in paths):
        raise UsageError(_("with --stdin-filename, give `-` alone: one note is read from stdin"))
    if fix:
        raise UsageError(_("--fix cannot write a note read from stdin"))
    stdin: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if stdin is None:  # a text stream only (no bytes behind it)
        return sys.stdin.read()
    # its bytes, as a file's are read: bytes that are not UTF-8 are kept as surrogates,
    # which the parser takes back to bytes to say where they are (F002), as for a file
    return stdin.read().decode("utf-8", "surrogateescape")
