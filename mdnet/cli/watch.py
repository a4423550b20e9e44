"""`mdnet watch`: check, write the summary, then update both on every change."""

from __future__ import annotations

import datetime as dt
import signal
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from mdnet.cli.options import (
    common_options,
    one_vault,
    open_vault,
    require_notes,
    today_option,
    vault_option,
)
from mdnet.rules.runner import Selection
from mdnet.watch.session import watch
from mdnet.watch.watcher import Watcher


@click.command("watch")
@click.argument("folder", required=False, type=click.Path(path_type=Path), metavar="[VAULT]")
@click.option(
    "--no-summary",
    is_flag=True,
    help="Only report the findings; write neither the summary nor the calendar.",
)
@today_option("Hold the date (no new day at midnight): what is stale or overdue.")
@vault_option("The vault to watch (as VAULT).")
@common_options
def watch_vault(
    folder: Path | None,
    no_summary: bool,
    today: dt.date,
    vault: Path | None,
    config_path: Path | None,
) -> None:
    """Check the vault and write its summary, then keep both up to date as notes change.

    Each change (a save, a rename, a delete, a `git checkout`) prints the findings
    that appeared (+) and disappeared (-). With calendar.path set in .mdnet.toml, the
    calendar file (`mdnet calendar`) is kept current too. The date is looked at again
    after midnight, unless --today fixes it. Ctrl-C stops it.

    Example: mdnet watch ~/Notes
    """
    given = one_vault(folder, vault)
    vault_path, config = open_vault(given, config_path)
    require_notes(vault_path, config, given)
    fixed = click.get_current_context().get_parameter_source("today") != ParameterSource.DEFAULT
    watcher = Watcher(
        vault_path,
        config,
        config_path=config_path,
        today=(lambda: today) if fixed else dt.date.today,
        summary=not no_summary,
        out=sys.stdout,
        err=sys.stderr,
    )
    Selection.from_config(config)
    watch(watcher)
    if watcher.stopped_by == signal.SIGINT:
        sys.exit(130)  # Ctrl-C, as a shell reports it
