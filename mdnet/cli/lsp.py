"""`mdnet lsp`: the language server, on stdin and stdout (SPEC §10)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from mdnet.cli.options import common_options, today_option, vault_option


@click.command("lsp")
@click.option(
    "--stdio", is_flag=True, help="Speak over stdin and stdout (the only way; the default)."
)
@today_option("Hold the date of the advice shown in the editor (no new day at midnight).")
@vault_option("The vault to serve, whatever folder the editor opens.")
@common_options
def lsp(stdio: bool, today: dt.date, vault: Path | None, config_path: Path | None) -> None:
    """Run the language server, so that any LSP editor shows mdnet's advice as you type.

    The editor starts it; the vault is found from the folder the editor opened (or
    --vault). The date follows the clock unless --today (or MDNET_TODAY) fixes it.

    Example: mdnet lsp
    """
    from mdnet.lsp.first import Early

    source = click.get_current_context().get_parameter_source("today")
    fixed = today if source != ParameterSource.DEFAULT else None
    early = Early(fixed or dt.date.today(), config_path, sys.stdin.buffer)
    stdin = early.begin(vault)  # the last check's answer, made while the server loads

    from mdnet.lsp.server import make_server

    make_server(fixed, config_path, vault, early).start_io(stdin=stdin)
