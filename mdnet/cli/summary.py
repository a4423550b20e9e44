"""`mdnet summary`: check the vault and write its summary note."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import click

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
from mdnet.language import _
from mdnet.pipeline import check_vault
from mdnet.report.paths import display_path
from mdnet.rules.runner import Selection
from mdnet.summary import render, write_summary


@click.command()
@click.argument("folder", required=False, type=click.Path(path_type=Path), metavar="[VAULT]")
@today_option("The date the summary is written for: who is overdue, what comes up.")
@vault_option("The vault to summarize (as VAULT).")
@common_options
def summary(
    folder: Path | None, today: dt.date, vault: Path | None, config_path: Path | None
) -> None:
    """Check the vault and write its summary note (summary.path, "Network Summary.md").

    The note lists whom to reach out to this week, what to give back, whom to follow
    up, your commitments against the budget and the data problems. It is written only
    when its content changed, and never over a file that mdnet did not write.

    Example: mdnet summary --today 2026-11-26 ~/Notes
    """
    given = one_vault(folder, vault)
    vault_path, config = open_vault(given, config_path)
    selection = Selection.from_config(config)
    later: list[Callable[[], None]] = []  # the model's snapshot, once the note is written
    network, findings = check_vault(
        vault_path, config, today, selection, vault_parser(), later=later
    )
    if not network.notes:  # a wrong folder: no summary note is made in it
        raise UsageError(_("{path}: no notes found (no *.md file): not a vault").format(path=given))
    text = render(network, config, today, findings, selection)
    try:
        with leaving(later):
            changed = write_summary(vault_path, config, text)
    except OSError as error:
        problem = describe(error)
        raise UsageError(
            _("cannot write the summary {path}: {error}").format(
                path=config.summary_path, error=problem
            )
        ) from None
    shown = display_path(vault_path, config.summary_path, Path.cwd())
    click.echo((_("{path} (updated)") if changed else _("{path} (unchanged)")).format(path=shown))
    finish(0, later)
