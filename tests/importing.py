"""Helpers for the import tests: LinkedIn exports shaped like the real one, the CLI."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner, Result

from mdnet.cli import main
from mdnet.config import load_config
from mdnet.model.vault import Vault
from mdnet.pipeline import load_vault

HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email '
    "addresses are missing. You will only see email addresses for connections who have "
    "allowed their connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
)


def connections_csv(rows: list[list[str]], header: list[str] = HEADER) -> bytes:
    """A Connections.csv as LinkedIn writes it: BOM, "Notes:" preamble, CRLF, quoting."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + PREAMBLE + out.getvalue()).encode("utf-8")


def run_import(vault: Path, kind: str, export: Path, *options: str) -> Result:
    """``mdnet import KIND EXPORT --vault VAULT --today 2026-11-26 OPTIONS``."""
    arguments = ["import", kind, str(export), "--vault", str(vault), "--today", "2026-11-26"]
    return CliRunner().invoke(main, [*arguments, *options])


def load(vault: Path) -> Vault:
    return load_vault(vault, load_config(vault))


def snapshot(vault: Path) -> dict[str, bytes]:
    """Every file of the vault (dot-folders included, not mdnet's cache) and its bytes."""
    return {
        path.relative_to(vault).as_posix(): path.read_bytes()
        for path in sorted(vault.rglob("*"))
        if path.is_file() and not path.relative_to(vault).as_posix().startswith(".mdnet/")
    }
