"""The sample vault's summary note is committed as an example, and kept current here.

It is never edited by hand: `mdnet summary --today 2026-11-26 sample_vault` writes it.
A user who runs `mdnet summary sample_vault` on another day (as the README invites)
rewrites it for that day: it is compared with what mdnet writes for the day it says.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdnet.cli import main
from mdnet.config import load_config
from tests.markdown_rules import markdown_problems
from tests.summary_vault import TODAY, summary_of

SAMPLE = Path(__file__).parent.parent / "sample_vault"
REGENERATE = "mdnet summary --today 2026-11-26 sample_vault"


@pytest.mark.skipif(not SAMPLE.is_dir(), reason="no sample vault")
def test_the_committed_sample_summary_is_what_mdnet_writes() -> None:
    path = SAMPLE / load_config(SAMPLE).summary_path
    assert path.is_file(), f"{path} is missing: run `{REGENERATE}`"
    text = path.read_text("utf-8")
    expected = summary_of(SAMPLE, generated(text))  # 2026-11-26 as committed, as in the README
    assert text == expected, f"{path} is out of date: run `{REGENERATE}`"
    assert markdown_problems(expected) == []


def generated(text: str) -> dt.date:
    """The day a summary was written for (its `generated:` line)."""
    found = re.search(r"^generated: (\d{4}-\d{2}-\d{2})$", text, re.MULTILINE)
    return dt.date.fromisoformat(found.group(1)) if found else TODAY


def test_running_the_readme_s_summary_command_on_any_day_keeps_the_tests_passing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = tmp_path / "sample_vault"
    shutil.copytree(SAMPLE, vault, ignore=shutil.ignore_patterns(".mdnet"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["summary", "sample_vault", "--today", "2027-03-01"])
    assert result.exit_code == 0, result.output
    text = (vault / "Network Summary.md").read_text("utf-8")
    assert generated(text) == dt.date(2027, 3, 1)
    assert text == summary_of(vault, generated(text))  # what the test above compares
