"""`mdnet new contact|circle|event TITLE`: a note from the vault's templates."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from mdnet.cli.options import UsageError, common_options, open_vault
from mdnet.cli.progress import vault_parser
from mdnet.edits.new_note import KINDS, new_note
from mdnet.pipeline import load_vault


@click.command("new")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("title")
@click.option(
    "--vault",
    "start",
    type=click.Path(path_type=Path, file_okay=False),
    default=".",
    show_default=True,
    help="The vault (or a folder in it).",
)
@common_options
def new(kind: str, title: str, start: Path, today: dt.date, config_path: Path | None) -> None:
    """Create a note from a template, in its kind's folder; print its path.

    The vault's Templates/mdnet/<kind>.md wins over mdnet's own. {{title}}, {{date}} and
    {{time}} are filled ({{date}} with --today); a title or alias already in the vault
    is refused, and nothing is ever overwritten.

    Example: mdnet new contact "Jane Doe"
    """
    vault_path, config = open_vault(start, config_path)
    vault = load_vault(vault_path, config, vault_parser())
    now = dt.datetime.combine(today, dt.datetime.now().time().replace(microsecond=0))
    try:
        path, _ = new_note(vault, config, kind, title, now)
    except OSError as error:  # as the note's creation tells it (invoke's form differs)
        raise UsageError(str(error)) from None
    click.echo(os.path.relpath(path, Path.cwd()))
