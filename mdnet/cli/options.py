"""What every command shares: --today, --config, opening the vault, usage errors."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from click.core import ParameterSource

from mdnet import language
from mdnet.background import in_background, settle
from mdnet.config import Config, load_config
from mdnet.dates import InvalidValue, parse_date
from mdnet.language import _
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
            raise InvalidValue(
                _("{today} is not between {first} and {last}").format(
                    today=today, first=TODAY_RANGE[0], last=TODAY_RANGE[1]
                )
            )
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
        raise UsageError(
            _("two vaults given: {folder} and --vault {vault}; give one").format(
                folder=positional, vault=option
            )
        )
    return positional or option or Path.cwd()


def open_vault(start: Path, config_path: Path | None) -> tuple[Path, Config]:
    """The vault folder for ``start`` and its validated configuration, whose language
    mdnet speaks from then on."""
    vault = find_vault(start)
    return vault, load_vault_config(vault, config_path)


def load_vault_config(vault: Path, config_path: Path | None) -> Config:
    """The vault's configuration (``--config`` when given), whose language mdnet speaks
    from then on."""
    config = load_config(vault, config_path)
    speak(config)
    return config


def require_notes(vault: Path, config: Config, given: Path) -> None:
    """Refuse (exit 2) a folder with no notes: no vault to summarize or watch, and
    nothing is written into it."""
    if not list_notes(vault, config):
        raise UsageError(_("{path}: no notes found (no *.md file): not a vault").format(path=given))


def speak(config: Config | None) -> None:
    """Speak the config's ``language``, else the environment's, else English (SPEC §12).

    A language mdnet does not speak is one warning on stderr per command, however many
    vaults it opens.
    """
    choice = language.choose_language(config.language if config else "", os.environ)
    context = click.get_current_context(silent=True)
    meta = context.meta if context is not None else {}
    if choice.warning and not meta.get("mdnet.language.warned"):
        click.echo(choice.warning, err=True)
        meta["mdnet.language.warned"] = True
    language.use(choice.code)


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
    leave(later)
    if Program.running:
        os._exit(code)  # for speed: no teardown (the index is closed, workers are gone)
    sys.exit(code)


def leave(later: Sequence[Callable[[], None]]) -> None:
    """Start the work ``later``, once what runs alongside (the index written beside the
    check, ``cache.writer``, mostly done) is: in a process of its own when run as a
    program, else here."""
    if Program.running:
        sys.stdout.flush()
        sys.stderr.flush()
        settle()
        if later:
            _in_background(later)
        return
    for work in later:
        work()
    settle()


@contextlib.contextmanager
def leaving(later: list[Callable[[], None]]) -> Iterator[None]:
    """Should the command fail within (a file it cannot write), the work ``later`` (the
    model's snapshot, as sound whatever became of the file) is left all the same."""
    try:
        yield
    except Exception:
        work, later[:] = list(later), []
        with contextlib.suppress(Exception):  # a cache: never in the way of the error
            leave(work)
        raise


def _in_background(work: Sequence[Callable[[], None]]) -> None:
    """Do ``work`` in a process of its own; here when no process can be made."""

    def all_of_it() -> None:
        for job in work:
            job()

    if in_background(all_of_it) is None:
        all_of_it()
