"""`mdnet summary`: check the vault and write its summary note."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from mdnet.cli.options import (
    UsageError,
    common_options,
    one_vault,
    open_vault,
    today_option,
    vault_option,
)
from mdnet.cli.progress import vault_parser
from mdnet.errors import describe
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
    network, findings = check_vault(vault_path, config, today, selection, vault_parser())
    if not network.notes:  # a wrong folder: no summary note is made in it
        raise UsageError(f"{given}: no notes found (no *.md file): not a vault")
    text = render(network, config, today, findings, selection)
    try:
        changed = write_summary(vault_path, config, text)
    except OSError as error:
        problem = describe(error)
        raise UsageError(f"cannot write the summary {config.summary_path}: {problem}") from None
    shown = display_path(vault_path, config.summary_path, Path.cwd())
    click.echo(f"{shown} ({'updated' if changed else 'unchanged'})")
