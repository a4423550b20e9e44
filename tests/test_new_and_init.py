"""`mdnet new` and `mdnet init`: templates filled, titles refused or made safe, no overwrite."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdnet.cli import main
from mdnet.config import Config, parse_config
from mdnet.edits.init_vault import DEFAULT_CONFIG
from mdnet.edits.new_note import TEMPLATE_NAMES, packaged_templates
from mdnet.edits.placeholders import fill, moment
from mdnet.notes.parse import parse_note
from tests.conftest import write_files

NOW = dt.datetime(2026, 11, 26, 9, 5, 7)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MDNET_TODAY", raising=False)
    return tmp_path


def test_obsidian_placeholders() -> None:
    text = "{{title}} {{date}} {{time}} {{ DATE:YYYY-MM-DD }} {{date:dddd D MMMM YYYY}} {{x}}"
    assert fill(text, "Jane Doe", NOW) == (
        "Jane Doe 2026-11-26 09:05 2026-11-26 Thursday 26 November 2026 {{x}}"
    )
    assert fill("{{time:HH:mm:ss A}}", "t", NOW) == "09:05:07 AM"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("YYYY-MM-DD HH:mm", "2026-11-26 09:05"),
        ("ddd, MMM D, YY", "Thu, Nov 26, 26"),
        ("dddd Do [of] MMMM", "Thursday 26th of November"),
        ("[Week] W, GGGG-[W]WW-E, Q", "Week 48, 2026-W48-4, 4"),
        ("DDDD DDD d dd h:m:s a", "330 330 4 Th 9:5:7 am"),
        ("M/D hh kk", "11/26 09 09"),
    ],
)
def test_moment_tokens(pattern: str, expected: str) -> None:
    assert moment(NOW, pattern) == expected


def test_ordinals_and_midnight() -> None:
    days = [moment(dt.datetime(2026, 1, day), "Do") for day in (1, 2, 3, 4, 11, 12, 13, 21, 22)]
    assert days == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]
    assert moment(dt.datetime(2026, 1, 4, 0, 30), "h A k dddd d") == "12 AM 24 Sunday 0"


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_packaged_templates_make_clean_notes_of_their_kind(name: str) -> None:
    text = fill((packaged_templates() / name).read_text(encoding="utf-8"), "Jane Doe", NOW)
    path = "Daily/2026-11-26.md" if name == "daily.md" else f"x/{name}"
    note = parse_note(path, text, Config())
    assert note.problems == ()
    assert note.kind == {"daily.md": "plain"}.get(name, name.removesuffix(".md"))
    assert not [block for block in note.blocks if block.date]  # examples stay in comments
    assert "{{" not in text


def test_new_contact_from_the_packaged_template(vault: Path) -> None:
    code, out = run("new", "contact", "Jane Doe", "--today", "2026-11-26")
    assert (code, out) == (0, f"People{os.sep}Jane Doe.md\n")
    text = (vault / "People/Jane Doe.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntype: contact\n") and "met: 2026-11-26\n" in text
    assert "# Jane Doe\n" in text
    mode = stat.S_IMODE((vault / "People/Jane Doe.md").stat().st_mode)
    assert mode == 0o666 & ~_umask()  # a new note gets the usual mode, not mkstemp's 0600


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def test_new_refuses_a_title_or_alias_that_exists_and_never_overwrites(vault: Path) -> None:
    jane = "---\ntype: contact\naliases: [Janie]\n---\n- 2026-01-01 call\n"
    write_files(vault, {"People/Jane Doe.md": jane})
    for title in ("jane doe", "JANIE"):
        code, out = run("new", "contact", title)
        assert code == 2 and "People/Jane Doe.md already has the title or alias" in out
    assert (vault / "People/Jane Doe.md").read_text() == jane
    # a file that is not a note of the vault (excluded) is not overwritten either
    write_files(vault, {".mdnet.toml": '[vault]\nexclude = ["People/Ann.md"]\n'})
    write_files(vault, {"People/Ann.md": "kept"})
    code, out = run("new", "contact", "Ann")
    assert code == 2 and "People/Ann.md already exists" in out
    assert (vault / "People/Ann.md").read_text() == "kept"


def test_new_makes_titles_safe_and_says_which_title_it_wrote(vault: Path) -> None:
    result = CliRunner().invoke(
        main, ["new", "event", "../Conf: 2026/Paris?", "--today", "2026-12-05"]
    )
    assert result.exit_code == 0 and result.stdout == f"Events{os.sep}Conf 2026 Paris.md\n"
    assert result.stderr == (
        'mdnet: warning: "../Conf: 2026/Paris?" cannot be a note title as written; '
        'the note is titled "Conf 2026 Paris"\n'
    )
    assert "date: 2026-12-05\n" in (vault / "Events/Conf 2026 Paris.md").read_text()
    assert sorted(p.name for p in vault.iterdir()) == ["Events"]  # no index: it had no notes
    result = CliRunner().invoke(main, ["new", "contact", "AC/DC Fan"])
    assert result.stdout == f"People{os.sep}AC DC Fan.md\n"
    assert 'the note is titled "AC DC Fan"' in result.stderr


@pytest.mark.parametrize("title", ["", "   ", "/", "..."])
def test_new_with_no_usable_title_is_a_usage_error(vault: Path, title: str) -> None:
    result = CliRunner().invoke(main, ["new", "contact", title])
    assert result.exit_code == 2 and result.stderr.startswith("mdnet: error: ")
    assert not (vault / "People").exists()


def test_new_uses_the_kinds_folder_and_the_vaults_own_templates(vault: Path) -> None:
    write_files(
        vault,
        {
            ".mdnet.toml": '[kinds]\ncircle = ["Network/Circles/**"]\n',
            "Templates/mdnet/circle.md": "---\ntype: circle\n---\n# {{title}} ({{date:YYYY}})\n",
            "Notes/Sub/.keep": "",
        },
    )
    code, out = run("new", "circle", "Rotary", "--today", "2026-11-26", "--vault", "Notes/Sub")
    assert code == 0 and out == f"Network{os.sep}Circles{os.sep}Rotary.md\n"
    assert (vault / "Network/Circles/Rotary.md").read_text() == (
        "---\ntype: circle\n---\n# Rotary (2026)\n"
    )
    code, out = run("new", "contact", "Ann", "--today", "2026-11-26")  # packaged one
    assert code == 0 and "## Log" in (vault / "People/Ann.md").read_text()


def test_new_rejects_unknown_kinds(vault: Path) -> None:
    code, out = run("new", "person", "Jane")
    assert code == 2 and "'person' is not one of" in out


def test_init_writes_config_and_templates_then_skips_them(vault: Path) -> None:
    code, out = run("init", "Notes")
    assert code == 0
    lines = out.splitlines()
    assert lines[:5] == [
        "Created Notes/.mdnet.toml",
        "Created Notes/Templates/mdnet/contact.md",
        "Created Notes/Templates/mdnet/circle.md",
        "Created Notes/Templates/mdnet/event.md",
        "Created Notes/Templates/mdnet/daily.md",
    ]
    assert "Next steps:" in lines and any("mdnet new contact" in line for line in lines)
    packaged = (packaged_templates() / "contact.md").read_text(encoding="utf-8")
    assert (vault / "Notes/Templates/mdnet/contact.md").read_text(encoding="utf-8") == packaged
    (vault / "Notes/.mdnet.toml").write_text("# mine\n")
    code, out = run("init", "Notes")
    assert code == 0 and out.startswith("Skipped Notes/.mdnet.toml (it exists)\n")
    assert (vault / "Notes/.mdnet.toml").read_text() == "# mine\n"


def test_init_then_new_then_check_is_clean(vault: Path) -> None:
    assert run("init")[0] == 0
    assert run("new", "contact", "Jane Doe", "--today", "2026-11-26")[0] == 0
    assert run("new", "circle", "Rotary", "--today", "2026-11-26")[0] == 0
    code, out = run("check", "--today", "2026-11-26", "--select", "F")
    assert (code, out) == (0, "No findings in 2 notes.\n")  # templates are not notes


def test_init_refuses_a_file(vault: Path) -> None:
    (vault / "notes.md").write_text("x")
    code, out = run("init", "notes.md")
    assert code == 2 and "not a folder" in out


def test_the_written_config_is_valid_and_lists_every_default() -> None:
    config = parse_config(DEFAULT_CONFIG, ".mdnet.toml")
    assert dataclasses.replace(config, source="", text="") == Config()
    for table in ("vault", "summary", "me", "kinds", "cadence", "thresholds", "budget"):
        assert f"\n[{table}]" in DEFAULT_CONFIG
    for key in (
        "followup_days",
        "renewal_days",
        "max_circles",
        "reach_out",
        "max_items",
        "exclude",
    ):
        assert f"\n{key} = " in DEFAULT_CONFIG
