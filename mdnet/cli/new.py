"""`mdnet new contact|circle|event TITLE`: a note from the vault's templates."""

from __future__ import annotations

import datetime as dt
import os
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
from mdnet.edits.new_note import KINDS, new_note
from mdnet.errors import describe
from mdnet.pipeline import load_vault


@click.command("new")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("title")
@click.argument("folder", required=False, type=click.Path(path_type=Path), metavar="[VAULT]")
@today_option("The date that fills {{date}} (a contact's `met`).")
@vault_option("The vault to write into (as VAULT).")
@common_options
def new(
    kind: str,
    title: str,
    folder: Path | None,
    today: dt.date,
    vault: Path | None,
    config_path: Path | None,
) -> None:
    """Create a note from a template, in its kind's folder; print its path.

    The vault's Templates/mdnet/<kind>.md wins over mdnet's own. {{title}}, {{date}} and
    {{time}} are filled ({{date}} with --today); a title or alias already in the vault
    is refused, and nothing is ever overwritten. A title that cannot be a file name as
    written (`AC/DC Fan`) is made one (`AC DC Fan`), and mdnet says so.

    Example: mdnet new contact "Jane Doe" --vault ~/Notes
    """
    if not title.strip():
        raise click.BadParameter('a note needs a title, such as "Jane Doe"', param_hint="TITLE")
    vault_path, config = open_vault(one_vault(folder, vault), config_path)
    network = load_vault(vault_path, config, vault_parser())
    now = dt.datetime.combine(today, dt.datetime.now().time().replace(microsecond=0))
    try:
        path, written = new_note(network, config, kind, title, now)
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        raise UsageError(f"{where}cannot write the note: {describe(error)}") from None
    if written != title.strip():
        click.echo(
            f'mdnet: warning: "{title}" cannot be a note title as written; '
            f'the note is titled "{written}"',
            err=True,
        )
    click.echo(os.path.relpath(path, Path.cwd()))
