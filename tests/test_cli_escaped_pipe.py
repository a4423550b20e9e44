"""Obsidian's escaped pipe in tables (`[[Bob Martin\\|Bob]]`), as `mdnet check` reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdnet.cli import main
from mdnet.summary.text import entry_phrase
from tests.conftest import write_files

MEETING_TABLE = """\
# Meetings

| time | who | what |
| --- | --- | --- |
| 10:00 | [[Bob Martin\\|Bob]] | roadmap |
"""


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return write_files(
        tmp_path / "notes",
        {
            ".obsidian/app.json": "{}",
            "People/Bob Martin.md": "---\ntype: contact\ntier: close\n---\n- 2026-01-05 call\n",
            "Daily/2026-11-20.md": MEETING_TABLE,
        },
    )


def test_a_meeting_table_in_a_daily_note_is_an_interaction_with_bob(vault: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", "--today", "2026-11-26", "--format", "json", "--no-cache", str(vault)]
    )
    document = json.loads(result.output)
    codes = [finding["code"] for finding in document["findings"]]
    assert "R001" not in codes and "F005" not in codes  # 6 days since the meeting
    assert document["stats"]["interactions"] == 2


def test_the_summary_shows_the_label_after_an_escaped_pipe() -> None:
    assert entry_phrase("2026-10-02 lunch with [[Bob Martin\\|Bob]]") == "lunch with Bob"
