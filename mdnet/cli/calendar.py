"""`mdnet calendar`: check the vault and write what to do as an iCalendar file."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import click

from mdnet.calendar import calendar_file, render_calendar
from mdnet.calendar.writer import set_another, write_file
from mdnet.cli.options import (
    UsageError,
    common_options,
    finish,
    leaving,
    one_vault,
    open_vault,
    today_option,
    vault_option,
)
from mdnet.cli.progress import vault_parser
from mdnet.errors import describe
from mdnet.language import _, ngettext
from mdnet.pipeline import check_vault
from mdnet.report.paths import display_path
from mdnet.rules.runner import Selection


@click.command("calendar")
@click.argument("folder", required=False, type=click.Path(path_type=Path), metavar="[VAULT]")
@today_option("The date the calendar is written for: who is overdue, what comes up.")
@vault_option("The vault whose calendar to write (as VAULT).")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write here instead of calendar.path (anywhere; - for stdout).",
)
@common_options
def write_calendar_file(
    folder: Path | None,
    today: dt.date,
    vault: Path | None,
    output: str | None,
    config_path: Path | None,
) -> None:
    """Write what to do as an iCalendar file (calendar.path, or -o FILE).

    All-day events: whom to reach out to (today when overdue, else on the due date
    within 90 days), follow-ups, give-backs and open promises (today), circle renewals,
    planned events and yearly birthdays, each with why and a link that opens the note.
    Subscribe to the file in your calendar; `mdnet watch` keeps calendar.path current.
    Written only when it changed, and never over a file that mdnet did not write.

    Example: mdnet calendar --today 2026-11-26 ~/Notes -o ~/Sync/network.ics
    """
    given = one_vault(folder, vault)
    vault_path, config = open_vault(given, config_path)
    target = None if output == "-" else Path(output) if output else None
    if target is None and output != "-":
        target = calendar_file(vault_path, config)  # refused before any work if unset
    selection = Selection.from_config(config)
    later: list[Callable[[], None]] = []  # the model's snapshot, once the file is written
    network, findings = check_vault(
        vault_path, config, today, selection, vault_parser(), later=later
    )
    if not network.notes:  # a wrong folder: no calendar is made for it
        raise UsageError(_("{path}: no notes found (no *.md file): not a vault").format(path=given))
    parts = render_calendar(network, config, today, findings, selection)
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.writelines(parts)  # bytes as they are: CRLF line ends, UTF-8
        sys.stdout.buffer.flush()
        finish(0, later)
    instead = _("choose another -o FILE") if output else set_another(config)
    try:
        with leaving(later):
            changed = write_file(target, parts, instead)
    except OSError as error:
        where = output or config.calendar_path
        raise UsageError(
            _("cannot write the calendar {path}: {error}").format(path=where, error=describe(error))
        ) from None
    shown = output or display_path(vault_path, config.calendar_path, Path.cwd())
    count = sum(part.startswith(b"BEGIN:VEVENT\r\n") for part in parts)
    events = ngettext("{count} event", "{count} events", count).format(count=count)
    said = _("{path} (updated, {events})") if changed else _("{path} (unchanged, {events})")
    click.echo(said.format(path=shown, events=events))
    finish(0, later)
