"""Every list of the summary is capped at summary.max_items, the most urgent first, then
"and N more" with the `mdnet check --select` that shows them all (SPEC §7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mdnet.cli import main
from tests.conftest import write_files
from tests.markdown_rules import markdown_problems
from tests.test_summary import section

MANY = 6  # of everything, against max_items = 2


def _vault(tmp_path: Path, config: str) -> Path:
    files: dict[str, str | bytes] = {".mdnet.toml": config}
    for n in range(MANY):
        day = f"2026-0{n + 1}-10"
        files[f"People/Got {n}.md"] = f"---\ntype: contact\n---\n- {day} call #got advice\n"
        files[f"People/Promise {n}.md"] = (
            f"---\ntype: contact\n---\n- {day} call #promised a deck\n- 2026-11-20 email\n"
        )
        files[f"People/Met {n}.md"] = f"---\ntype: contact\nmet: 2026-10-0{n + 1}\n---\n"
        files[f"Clubs/Club {n}.md"] = "---\ntype: club\nstatus: member\n---\n"
        files[f"Daily/2026-11-0{n + 1}.md"] = f"- 2026-11-0{n + 1} lunch with [[Nobody {n}]]\n"
    files["People/Bad date.md"] = "---\ntype: contact\nmet: 2026-13-40\n---\n"
    return write_files(tmp_path / "notes", files)


@pytest.fixture
def summary(tmp_path: Path) -> str:
    root = _vault(tmp_path, "[summary]\nmax_items = 2\n")
    result = CliRunner().invoke(main, ["summary", "--today", "2026-11-26", str(root)])
    assert result.exit_code == 0, result.output
    return (root / "Network Summary.md").read_text("utf-8")


def _items(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(("- ", "| [["))]


def test_give_back_lists_the_oldest_first_then_how_many_more(summary: str) -> None:
    give = section(summary, "## Give back")
    got, promised = give.split("### Promised, not yet kept")
    assert [item.split(" — ")[0] for item in _items(got)] == ["- [[Got 0]]", "- [[Got 1]]"]
    assert f"and {MANY - 2} more — `mdnet check --select G001`" in got
    assert len(_items(promised)) == 2
    assert f"and {MANY - 2} more — `mdnet check --select G002`" in promised


def test_follow_up_and_purpose_and_circles_are_capped(summary: str) -> None:
    follow = section(summary, "## Follow up")
    assert len(_items(follow)) == 2 and "[[Met 0]]" in follow  # met the longest ago
    assert f"and {MANY - 2} more — `mdnet check --select R003`" in follow
    purpose = section(summary, "## Without a purpose")
    assert len(_items(purpose)) == 2
    assert f"and {MANY - 2} more — `mdnet check --select C005`" in purpose
    circles = section(summary, "## Commitments")
    assert [row.split(" |")[0] for row in _items(circles) if row.startswith("|")] == [
        "| [[Club 0]]",
        "| [[Club 1]]",
    ]
    assert f"and {MANY - 2} more — `mdnet check --select C003`" in circles


def test_data_problems_list_every_f_finding_errors_first(summary: str) -> None:
    problems = section(summary, "## Data problems")
    rows = _items(problems)
    assert len(rows) == 2
    assert "F003 invalid-date" in rows[0] and "F005 unknown-contact" in rows[1]
    assert f"1 error and {MANY} warnings in {MANY + 1} notes" in problems
    assert f"and {MANY - 1} more — `mdnet check --select F`" in problems


def test_the_capped_summary_is_clean_markdown(summary: str) -> None:
    assert markdown_problems(summary) == []


def test_max_items_defaults_to_15(tmp_path: Path) -> None:
    root = _vault(tmp_path, "")
    result = CliRunner().invoke(main, ["summary", "--today", "2026-11-26", str(root)])
    assert result.exit_code == 0, result.output
    text = (root / "Network Summary.md").read_text("utf-8")
    assert " more — " not in section(text, "## Give back")  # 6 of each: under 15


def test_max_items_must_be_at_least_1(tmp_path: Path) -> None:
    root = _vault(tmp_path, "[summary]\nmax_items = 0\n")
    result = CliRunner().invoke(main, ["summary", "--today", "2026-11-26", str(root)])
    assert result.exit_code == 2 and "summary.max_items" in result.output


def test_a_large_vault_s_summary_stays_short_and_clean(tmp_path: Path) -> None:
    """A slice of the benchmark's vault (500 contacts): every list at most 15 items,
    the note far under 60 KB (SPEC §7: at 30,000 notes too), still clean Markdown."""
    from tests.benchmarks.generate_vault import generate

    generate(tmp_path, scale=0.05)
    result = CliRunner().invoke(main, ["summary", "--today", "2026-11-26", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "Network Summary.md").read_text("utf-8")
    assert len(text.encode("utf-8")) < 30_000
    runs = [len(run.splitlines()) for run in text.split("\n\n") if run.startswith(("- ", "| "))]
    assert max(runs) <= 15 + 2  # a table's header and rule besides its rows
    assert " more — `mdnet check --select " in text
    assert markdown_problems(text) == []
