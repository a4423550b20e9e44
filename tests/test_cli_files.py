"""`mdnet check FILE...` as pre-commit runs it: from the repository's root, staged files.

The vault is found from the files (a `.mdnet.toml` or `.obsidian/` above them), else it
is the current folder; only the files' findings are shown, never vault-level ones.
And `--statistics`: counts per rule, as ruff prints them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdnet.cli import main
from tests.conftest import write_files

STALE = "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call\n"
CIRCLE = "---\ntype: circle\nstatus: member\nwhy: a\nmeet: b\noffer: c\n---\n"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--today", "2026-11-26"])
    return result.exit_code, result.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def test_an_unmarked_vault_is_the_current_folder(repo: Path) -> None:
    write_files(
        repo,
        {
            "People/Jane Doe.md": STALE,
            "Daily/2026-11-20.md": "- 2026-11-20 call with [[Jane Doe]]\n",
        },
    )
    code, out = run("check", "Daily/2026-11-20.md", "--select", "F")
    # the whole vault is read: Jane is known (no F005), and only the daily note is shown
    assert (code, out) == (0, "No findings in 2 notes.\n")


def test_files_outside_the_marked_vault_are_left_out(repo: Path) -> None:
    write_files(
        repo,
        {
            "CHANGELOG.md": "---\n: broken\n---\n",
            "Notes/.mdnet.toml": "[budget]\nmax_circles = 1\n",
            "Notes/People/Jane Doe.md": STALE,
            "Notes/Circles/A.md": CIRCLE,
            "Notes/Circles/B.md": CIRCLE,
        },
    )
    code, out = run("check", "CHANGELOG.md", "Notes/People/Jane Doe.md")
    lines = out.splitlines()
    assert code == 0 and [line.split(": ")[1][:4] for line in lines[:-1]] == ["F008", "R001"]
    assert lines[-1] == "Found 0 errors, 2 warnings, 0 infos in 3 notes."
    # the vault-level C003 (two circles, budget one) shows only when the vault is checked
    assert "C003" not in out and "C003" in run("check", "Notes")[1]
    # alone, a file with no vault above it is a note of the current folder
    code, out = run("check", "CHANGELOG.md", "--select", "F001")
    assert code == 1 and out.startswith("CHANGELOG.md:2:1: F001")


def test_statistics_count_findings_per_rule_most_frequent_first(repo: Path) -> None:
    write_files(
        repo,
        {
            "People/A.md": STALE,
            "People/B.md": STALE,
            "People/C.md": "---\ntype: contact\nmet: 2026-02-30\n---\n",
        },
    )
    code, out = run("check", ".", "--select", "F", "--statistics")
    assert code == 1
    assert out.splitlines() == [  # the counts only, as ruff prints them
        "    2\tF008\toutdated-last-contact",
        "    1\tF003\tinvalid-date",
    ]
    code, out = run("check", ".", "--select", "F", "--statistics", "--format", "json", "-q")
    assert json.loads(out)["statistics"][0] == {
        "code": "F008",
        "rule": "outdated-last-contact",
        "count": 2,
    }
