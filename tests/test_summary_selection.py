"""The summary follows the rule selection of ``[rules]`` as ``mdnet check`` does: a
section lists only what its rule would report (R001 reach out, R003 follow up, G001 and
G002 give back, C001–C006 the commitments' flags and the missing purposes)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mdnet.cli import main
from tests.conftest import WriteVault
from tests.summary_vault import VAULT, summary_of
from tests.test_summary import section

CONFIG = str(VAULT[".mdnet.toml"])


def _summary(make_vault: WriteVault, rules: str, **notes: str) -> str:
    root = make_vault({**VAULT, ".mdnet.toml": CONFIG + f"\n[rules]\n{rules}\n", **notes})
    return summary_of(root)


def test_ignoring_r001_leaves_reaching_out_to_check(make_vault: WriteVault) -> None:
    root = make_vault(
        {
            ".mdnet.toml": '[rules]\nignore = ["R001"]\n',
            "People/Cara.md": "---\ntype: contact\ntier: inner\n---\n- 2026-06-01 lunch\n",
        }
    )
    runner = CliRunner()
    checked = runner.invoke(main, ["check", str(root), "--today", "2026-11-26"])
    assert checked.exit_code == 0 and "R001" not in checked.output
    written = runner.invoke(main, ["summary", str(root), "--today", "2026-11-26"])
    assert written.exit_code == 0, written.output
    reach = section((root / "Network Summary.md").read_text(), "## Reach out this week")
    assert "Cara" not in reach and "Losing touch" not in reach
    assert "Not shown: `R001` stale-contact is not selected in `[rules]`." in reach
    assert "### Birthdays in the next 7 days" in reach  # not R001's


def test_ignoring_g001_and_g002_leaves_out_give_back(make_vault: WriteVault) -> None:
    text = _summary(make_vault, 'ignore = ["missing-give-back", "G002"]')
    give = section(text, "## Give back")
    assert "[[Bob Overdue]]" not in give and "[[Gus Promise]]" not in give
    assert "`G001` missing-give-back is not selected" in give
    assert "`G002` open-promise is not selected" in give
    reach = section(text, "## Reach out this week")
    assert "[[Bob Overdue]]" in reach and "open give-back" not in reach
    # with the rules selected, both are there
    give = section(summary_of(make_vault(VAULT)), "## Give back")
    assert "[[Bob Overdue]]" in give and "[[Gus Promise]]" in give


def test_selecting_only_some_rules_leaves_out_follow_up(make_vault: WriteVault) -> None:
    text = _summary(make_vault, 'select = ["R001", "G"]')
    follow = section(text, "## Follow up")
    assert "Eve Followup" not in follow and "Fay New" not in follow
    assert "`R003` no-follow-up is not selected" in follow
    assert "[[Cara Losing]]" in section(text, "## Reach out this week")


def test_ignoring_the_c_rules_keeps_the_table_without_its_flags(make_vault: WriteVault) -> None:
    text = _summary(make_vault, 'ignore = ["C"]')
    commitments = section(text, "## Commitments")
    assert "| [[Guild]] | 120 EUR | 3 | 1 of 3 (33 %) | 2026-12-10 | why, meet, offer |\n" in (
        commitments
    )
    assert "over budget" not in commitments and "within budget" not in commitments
    assert "- Dues: 120 EUR a year; budget 100 EUR\n" in commitments
    purpose = section(text, "## Without a purpose")
    assert "Club" not in purpose and "Salon" not in purpose
    assert "`C005` missing-purpose is not selected" in purpose
    # C002 alone: only the dues are judged
    commitments = section(_summary(make_vault, 'select = ["C002"]'), "## Commitments")
    assert "- Dues: 120 EUR a year; budget 100 EUR — over budget by 20 EUR\n" in commitments
    assert "within budget" not in commitments and ", low" not in commitments


def test_a_circle_silencing_c004_and_c006_is_not_flagged(make_vault: WriteVault) -> None:
    guild = str(VAULT["Circles/Guild.md"]).replace(
        "offer: talks", "offer: talks\n        mdnet-ignore: [low-attendance, C006]"
    )
    commitments = section(
        _summary(make_vault, 'select = ["ALL"]', **{"Circles/Guild.md": guild}), "## Commitments"
    )
    assert "| 1 of 3 (33 %) | 2026-12-10 | why, meet, offer |" in commitments


def test_data_problems_follow_the_selection_too(make_vault: WriteVault) -> None:
    assert "People/Broken.md" in section(_summary(make_vault, 'select = ["F"]'), "## Data problems")
    problems = section(_summary(make_vault, 'ignore = ["F001"]'), "## Data problems")
    assert "No data problems" in problems


def test_the_summary_command_reads_the_selection_from_the_config(tmp_path: Path) -> None:
    (tmp_path / ".mdnet.toml").write_text('[rules]\nignore = ["C005"]\n')
    (tmp_path / "Club.md").write_text("---\ntype: club\nstatus: member\n---\n")
    result = CliRunner().invoke(main, ["summary", str(tmp_path), "--today", "2026-11-26"])
    assert result.exit_code == 0, result.output
    purpose = section((tmp_path / "Network Summary.md").read_text(), "## Without a purpose")
    assert "[[Club]]" not in purpose
