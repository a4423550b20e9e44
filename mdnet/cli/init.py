"""`mdnet init [VAULT]`: a commented configuration and the templates, never overwriting."""

from __future__ import annotations

from pathlib import Path

import click

from mdnet.cli.options import UsageError, vault_option
from mdnet.edits.init_vault import NEXT_STEPS, init_vault
from mdnet.errors import describe
from mdnet.language import _
from mdnet.notes.scan import TEMPLATES_FOLDER


@click.command("init")
@click.argument("folder", type=click.Path(path_type=Path), required=False, metavar="[VAULT]")
@vault_option("The folder to start the vault in (as VAULT).")
def init(folder: Path | None, vault: Path | None) -> None:
    """Start a vault: write .mdnet.toml (every default, commented) and the templates.

    Files that exist are left untouched. The templates go to Templates/mdnet/, where
    `mdnet new` and Obsidian's Templates plugin find them.

    Example: mdnet init ~/Notes
    """
    if folder is not None and vault is not None and folder.resolve() != vault.resolve():
        raise UsageError(
            _("two folders given: {folder} and --vault {vault}; give one").format(
                folder=folder, vault=vault
            )
        )
    vault = folder or vault or Path(".")
    if vault.exists() and not vault.is_dir():
        raise UsageError(_("{path}: not a folder").format(path=vault))
    try:
        written = init_vault(vault)
    except OSError as error:
        raise UsageError(f"{vault}: {describe(error)}") from None
    for relative, created in written:
        shown = (vault / relative).as_posix() if vault != Path(".") else relative
        done = _("Created {path}") if created else _("Skipped {path} (it exists)")
        click.echo(done.format(path=shown))
    click.echo(_(NEXT_STEPS).format(templates=TEMPLATES_FOLDER))
