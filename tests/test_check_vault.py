"""One pipeline: check, summary and watch come through pipeline.check_vault, and every
command that reads the vault (check, summary, new, import) parses it through the index."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from mdnet.cli import main
from mdnet.config import load_config
from mdnet.notes.parse import parse_all
from mdnet.pipeline import check_vault, load_vault
from mdnet.rules.runner import Selection, run_rules
from tests.conftest import write_files
from tests.importing import connections_csv

TODAY = dt.date(2026, 11, 26)
JANE = "---\ntype: contact\ntier: inner\n---\n- 2026-06-01 lunch\n"


def _indexed(root: Path) -> set[str]:
    """The note paths the index in ``.mdnet/`` holds."""
    with sqlite3.connect(root / ".mdnet" / "index.sqlite") as db:
        return {path for (path,) in db.execute("SELECT path FROM notes")}


def _vault(root: Path) -> Path:
    """A vault of one note, old enough to be kept in the index (not just saved)."""
    write_files(root, {"People/Jane.md": JANE})
    os.utime(root / "People/Jane.md", (1_000_000_000, 1_000_000_000))
    return root


def test_check_vault_is_load_then_run_rules_through_the_index(tmp_path: Path) -> None:
    root = _vault(tmp_path)
    (root / ".mdnet.toml").write_text('[rules]\nselect = ["R"]\n')
    config = load_config(root)
    selection = Selection.from_config(config)
    vault, findings = check_vault(root, config, TODAY, selection)
    plain = load_vault(root, config, parse_all)
    assert findings == run_rules(plain, config, TODAY, selection)
    assert [f.code for f in findings] == ["R001"] and set(vault.notes) == set(plain.notes)
    assert _indexed(root) == {"People/Jane.md"}
    assert set(check_vault(root, config, TODAY, selection, parse_all)[1]) == set(findings)


def test_summary_new_and_import_parse_through_the_index(tmp_path: Path) -> None:
    runner = CliRunner()
    for name, command in {
        "summary": ["summary", "{root}"],
        "new": ["new", "contact", "Bob", "--vault", "{root}"],
        "import": ["import", "linkedin", "{export}", "--vault", "{root}"],
    }.items():
        root = _vault(tmp_path / name)
        export = tmp_path / "Connections.csv"
        export.write_bytes(connections_csv([["Ann", "Lee", "", "", "Acme", "CEO", "14 Mar 2024"]]))
        args = [arg.format(root=root, export=export) for arg in command]
        result = runner.invoke(main, [*args, "--today", "2026-11-26"])
        assert result.exit_code == 0, result.output
        assert (root / ".mdnet" / "index.sqlite").is_file(), command
        assert "People/Jane.md" in _indexed(root), command
