"""What every command shares: --today, --config, opening the vault, usage errors."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from click.core import ParameterSource

from mdnet.config import Config, load_config
from mdnet.dates import InvalidValue, parse_date
from mdnet.notes.scan import find_vault, list_notes

F = TypeVar("F", bound=Callable[..., Any])


class UsageError(click.ClickException):
    """A usage or configuration error: a message on stderr and exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"mdnet: error: {self.format_message()}", err=True)


TODAY_RANGE = (dt.date(1000, 1, 1), dt.date(8999, 12, 31))  # room for date arithmetic


def _today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        today = parse_date(value)
        if not TODAY_RANGE[0] <= today <= TODAY_RANGE[1]:
            raise InvalidValue(f"{today} is not between {TODAY_RANGE[0]} and {TODAY_RANGE[1]}")
    except InvalidValue as error:
        if ctx.get_parameter_source("today") == ParameterSource.ENVIRONMENT:
            raise UsageError(f"MDNET_TODAY: {error}") from None  # not the option: the variable
        raise click.BadParameter(str(error)) from None
    return today


def today_option(what: str) -> Callable[[F], F]:
    """``--today`` (or MDNET_TODAY), on the commands where the date matters; ``what``
    says what it changes there."""
    return click.option(
        "--today",
        envvar="MDNET_TODAY",
        callback=_today,
        metavar="YYYY-MM-DD",
        help=f"{what} Default: the real date (env MDNET_TODAY).",
    )


def vault_option(what: str = "The vault (or a folder in it).") -> Callable[[F], F]:
    """``--vault DIR``, which every command takes (``what`` says which vault)."""
    return click.option(
        "--vault",
        "vault",
        type=click.Path(path_type=Path, file_okay=False),
        metavar="DIR",
        help=f"{what} Default: the current folder's.",
    )


def common_options(function: F) -> F:
    """``--config``, shared by every command."""
    function = click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="The configuration file (default: <vault>/.mdnet.toml).",
    )(function)
    return function


def one_vault(positional: Path | None, option: Path | None) -> Path:
    """The vault a command works on: its positional folder or ``--vault`` (not both,
    unless they agree), else the current folder."""
    if positional is not None and option is not None and positional.resolve() != option.resolve():
        raise UsageError(f"two vaults given: {positional} and --vault {option}; give one")
    return positional or option or Path.cwd()


def open_vault(start: Path, config_path: Path | None) -> tuple[Path, Config]:
    """The vault folder for ``start`` and its validated configuration."""
    vault = find_vault(start)
    return vault, load_vault_config(vault, config_path)


def load_vault_config(vault: Path, config_path: Path | None) -> Config:
    """The vault's configuration (``--config`` when given)."""
    return load_config(vault, config_path)


def require_notes(vault: Path, config: Config, given: Path) -> None:
    """Refuse (exit 2) a folder with no notes: no vault to summarize or watch, and
    nothing is written into it."""
    if not list_notes(vault, config):
        raise UsageError(f"{given}: no notes found (no *.md file): not a vault")


class Program:
    """Whether mdnet runs as a program (``python -m mdnet``) rather than inside another
    (tests, a caller of ``main``): only then may a command end the whole process."""

    running = False


def finish(code: int, later: Sequence[Callable[[], None]] = ()) -> NoReturn:
    """Exit with ``code``; run as a program, at once, leaving the work ``later`` (the
    model's snapshot) to a process of its own, so that nobody waits for it.

    Freeing a large vault's million objects one by one, then unloading every module,
    took a tenth of a second at 30,000 notes, for nothing: the process ends. Output is
    flushed first (a closed pipe then raises here, as it would at exit).
    """
    if Program.running:
        sys.stdout.flush()
        sys.stderr.flush()
        if later:
            _in_background(later)
        os._exit(code)  # for speed: no teardown (the index is closed, workers are gone)
    for work in later:
        work()
    sys.exit(code)


def _in_background(work: Sequence[Callable[[], None]]) -> None:
    """Do ``work`` in a child process that holds no output open (a reader waiting for the
    end of mdnet's output does not wait for it); here when no process can be made."""
    try:
        child = os.fork()
    except OSError:
        for job in work:
            job()
        return
    if child:
        return
    try:
        os.setsid()  # Ctrl-C in the terminal is not for it
        devnull = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(devnull, stream)
        for job in work:
            job()
    finally:
        os._exit(0)
