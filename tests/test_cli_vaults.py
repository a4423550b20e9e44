"""Naming the vault as a new user does: several paths to `check`, a path with no notes,
`--vault DIR` on every command beside positional folders (SPEC §6)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mdnet.cli import main
from tests.conftest import write_files

STALE = "---\ntype: contact\ntier: close\n---\n- 2026-01-05 call\n"
BAD_DATE = "---\ntype: contact\nmet: 2026-13-01\n---\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--today", "2026-11-26"])


@pytest.fixture
def here(in_tmp_path: Path) -> Path:
    write_files(
        in_tmp_path,
        {
            "wv/.mdnet.toml": '[rules]\nselect = ["F", "R001"]\n',
            "wv/People/Ann.md": STALE,
            "newv/.mdnet.toml": '[rules]\nselect = ["F"]\n',
            "newv/People/Bob.md": BAD_DATE,
            "newv/People/Cy.md": STALE,  # R001 is not selected in newv
        },
    )
    (in_tmp_path / "empty").mkdir()
    return in_tmp_path


@pytest.mark.parametrize("order", [("wv", "newv"), ("newv", "wv")])
def test_every_folder_is_checked_in_its_own_vault(here: Path, order: tuple[str, str]) -> None:
    result = run("check", *order)
    lines = result.stdout.splitlines()
    found = {line.split(":")[0]: line.split(": ")[1][:4] for line in lines[:-1]}
    assert found == {
        f"wv{os.sep}People{os.sep}Ann.md": "R001",
        f"newv{os.sep}People{os.sep}Bob.md": "F003",
    }
    assert lines[-1] == "Found 1 error, 1 warning, 0 infos in 3 notes."  # one closing line
    assert result.exit_code == 1  # the error in newv counts, whichever comes first


def test_files_of_two_vaults_are_both_reported(here: Path) -> None:
    result = run("check", "wv/People/Ann.md", "newv/People/Bob.md", "newv/People/Cy.md")
    codes = [line.split(": ")[1][:4] for line in result.stdout.splitlines()[:-1]]
    assert codes == ["R001", "F003"] and result.exit_code == 1


def test_several_vaults_in_json_are_one_document(here: Path) -> None:
    document = json.loads(run("check", "wv", "newv", "--format", "json").stdout)
    assert document["vault"] == "wv" and document["vaults"] == ["wv", "newv"]
    assert document["stats"]["notes"] == 3
    assert sorted(f["code"] for f in document["findings"]) == ["F003", "R001"]


def test_a_path_with_no_notes_is_warned_about_and_nothing_is_created(here: Path) -> None:
    result = run("check", "empty")
    assert result.stderr == "mdnet: warning: empty: no notes found (no *.md file)\n"
    assert result.exit_code == 0
    for command in (["summary", "empty"], ["summary", "--vault", "empty"], ["watch", "empty"]):
        refused = run(*command)
        assert refused.exit_code == 2, command
        assert refused.stderr == "mdnet: error: empty: no notes found (no *.md file): not a vault\n"
    assert list((here / "empty").iterdir()) == []  # no .mdnet/, no summary note


def test_an_empty_path_beside_a_vault_is_warned_about_too(here: Path) -> None:
    result = run("check", "wv", "empty")
    assert "mdnet: warning: empty: no notes found" in result.stderr
    assert "R001" in result.stdout and result.exit_code == 0
    assert list((here / "empty").iterdir()) == []


def test_vault_option_and_positional_folder_name_the_same_vault(here: Path) -> None:
    assert run("check", "--vault", "newv").stdout == run("check", "newv").stdout
    assert run("summary", "--vault", "wv").exit_code == 0
    assert (here / "wv/Network Summary.md").is_file()
    assert run("summary", "wv").stdout == f"wv{os.sep}Network Summary.md (unchanged)\n"
    two = run("summary", "wv", "--vault", "newv")
    assert two.exit_code == 2 and "two vaults given" in two.stderr


def test_new_takes_the_vault_as_option_or_after_the_title(here: Path) -> None:
    made = run("new", "contact", "Zoe Park", "--vault", "wv")
    assert made.exit_code == 0 and (here / "wv/People/Zoe Park.md").is_file()
    made = run("new", "contact", "Yan Li", "newv")
    assert made.exit_code == 0 and (here / "newv/People/Yan Li.md").is_file()


def test_init_rules_and_import_take_vault_too(here: Path) -> None:
    assert CliRunner().invoke(main, ["init", "--vault", "fresh"]).exit_code == 0
    assert (here / "fresh/.mdnet.toml").is_file()
    write_files(here, {"wv/.mdnet.toml": '[rules]\nseverity = { R001 = "info" }\n'})
    rules = CliRunner().invoke(main, ["rules", "--vault", "wv"])
    assert "warning -> info" in rules.stdout
    rule = CliRunner().invoke(main, ["rule", "R001", "--vault", "wv"])
    assert rule.stdout.startswith("R001 stale-contact [warning -> info]")
    card = here / "card.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ida Moss\nEND:VCARD\n", encoding="utf-8")
    imported = run("import", "vcard", str(card), "--vault", "wv")
    assert imported.exit_code == 0 and (here / "wv/People/Ida Moss.md").is_file()


def test_rules_read_the_current_folders_vault_as_other_commands_do(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    french = 'language = "fr"\n[rules]\nseverity = { R001 = "error" }\n'
    write_files(here, {"wv/.mdnet.toml": french})
    monkeypatch.chdir(here / "wv/People")  # a folder inside the vault, as `check` finds it
    rule = CliRunner().invoke(main, ["rule", "R001"])
    assert rule.exit_code == 0
    assert rule.stdout.startswith("R001 stale-contact [warning -> error]\n")
    assert "un contact est resté" in rule.stdout  # the vault's language
    assert rule.stdout == CliRunner().invoke(main, ["rule", "R001", "--vault", ".."]).stdout
    assert (
        "R001  stale-contact            warning -> error"
        in CliRunner().invoke(main, ["rules"]).stdout
    )


def test_rules_work_in_a_folder_of_no_vault(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(here / "empty")
    rule = CliRunner().invoke(main, ["rule", "R001"])
    assert rule.exit_code == 0 and rule.stderr == ""
    assert rule.stdout.startswith("R001 stale-contact [warning]\n")
    assert "R001  stale-contact            warning  " in CliRunner().invoke(main, ["rules"]).stdout
    assert list((here / "empty").iterdir()) == []  # nothing written there


def test_rules_still_explain_under_a_broken_config(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The documentation is what one reads to put the config right: told, the defaults
    used; a config named with --vault is still a usage error."""
    write_files(here, {"wv/.mdnet.toml": "bogus = 1\n"})
    monkeypatch.chdir(here / "wv")
    rule = CliRunner().invoke(main, ["rule", "R001"])
    assert rule.exit_code == 0, rule.output
    assert rule.stdout.startswith("R001 stale-contact [warning]\n")
    assert "bogus" in rule.stderr and "the defaults are used" in rule.stderr
    assert CliRunner().invoke(main, ["rules"]).exit_code == 0
    assert CliRunner().invoke(main, ["rule", "R001", "--vault", "."]).exit_code == 2
