"""What goes wrong around the notes is one clear line and exit status 2, never a
traceback: a missing vault, an unreadable config, a vault that cannot be written,
a date out of range, and any unexpected error (SPEC §6, §9)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mdnet import pipeline
from mdnet.cli import main
from tests.conftest import write_files
from tests.test_index import age

NOTE = "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call\n"


def run(*args: str) -> Result:
    env = {"MDNET_TODAY": "2026-11-26", "NO_COLOR": "1", "GITHUB_ACTIONS": "", "MDNET_DEBUG": ""}
    return CliRunner().invoke(main, list(args), env=env)


def assert_usage_error(result: Result, *words: str) -> None:
    """Exit 2, one line on stderr starting `mdnet: error:`, naming ``words``."""
    assert result.exit_code == 2, (result.output, result.exception)
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    lines = result.stderr.strip().splitlines()
    assert lines and lines[-1].startswith(("mdnet: error:", "Error:")), result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)


@pytest.mark.parametrize(
    "command",
    [["check"], ["summary"], ["watch"], ["new", "contact", "Jane", "--vault"]],
)
def test_a_missing_vault(tmp_path: Path, command: list[str]) -> None:
    missing = str(tmp_path / "nowhere")
    result = run(*command, missing)
    assert_usage_error(result, "nowhere")


@pytest.mark.parametrize("command", [["check"], ["summary"], ["new", "contact", "Jo", "--vault"]])
def test_a_config_that_is_a_folder(tmp_path: Path, command: list[str]) -> None:
    vault = write_files(tmp_path / "vault", {"People/Jane.md": NOTE})
    (vault / ".mdnet.toml").mkdir()
    assert_usage_error(run(*command, str(vault)), ".mdnet.toml", "cannot read")


def test_a_config_that_is_not_utf8(tmp_path: Path) -> None:
    vault = write_files(
        tmp_path / "vault", {".mdnet.toml": "[me]\ndomain = 'caf\xe9'\n".encode("latin-1")}
    )
    assert_usage_error(run("check", str(vault)), ".mdnet.toml", "cannot read")


def test_an_explicit_config_that_is_missing(tmp_path: Path) -> None:
    vault = write_files(tmp_path / "vault", {"a.md": ""})
    assert_usage_error(
        run("check", "--config", str(tmp_path / "none.toml"), str(vault)), "none.toml"
    )


@pytest.mark.parametrize(
    ("table", "setting"),
    [
        ("thresholds", "renewal_days = 9223372036854775807"),
        ("vault", "max_file_kb = 9223372036854775807"),
        ("budget", "hours_per_month = nan"),
        ("budget", "dues_per_year = inf"),
        ("thresholds", "min_give_ratio = nan"),
    ],
)
def test_config_values_that_would_overflow(tmp_path: Path, table: str, setting: str) -> None:
    vault = write_files(
        tmp_path / "vault", {".mdnet.toml": f"[{table}]\n{setting}\n", "People/Jane.md": NOTE}
    )
    assert_usage_error(run("check", str(vault)), setting.split()[0])


@pytest.mark.parametrize("today", ["0001-01-01", "9999-12-31", "2026-02-30", "soon"])
def test_today_out_of_range(tmp_path: Path, today: str) -> None:
    vault = write_files(tmp_path / "vault", {"People/Jane.md": NOTE})
    result = run("check", "--today", today, str(vault))
    assert result.exit_code == 2 and "--today" in result.stderr, result.stderr


def test_a_summary_that_cannot_be_written(tmp_path: Path) -> None:
    """As root, a read-only folder is writable: a path under a file cannot be."""
    vault = write_files(
        tmp_path / "vault",
        {".mdnet.toml": '[summary]\npath = "notes.md/Summary.md"\n', "notes.md": "x\n"},
    )
    assert_usage_error(run("summary", str(vault)), "cannot write the summary")
    assert (vault / "notes.md").read_text() == "x\n"


@pytest.mark.parametrize("command", ["summary", "calendar"])
def test_a_file_that_cannot_be_written_still_leaves_the_model_for_the_next_run(
    tmp_path: Path, command: str
) -> None:
    """The model's snapshot is sound whatever became of the summary or the calendar:
    it is saved as after a run that wrote its file, and the next run starts from it."""
    vault = write_files(
        tmp_path / "vault",
        {
            ".mdnet.toml": '[summary]\npath = "x.md/S.md"\n[calendar]\npath = "x.md/c.ics"\n',
            "x.md": "x\n",
            "People/Jane.md": NOTE,
        },
    )
    age(vault)  # notes written just now are read again by every run, never kept
    assert run("check", "-q", str(vault)).exit_code == 0  # the index of the notes
    assert_usage_error(run(command, str(vault)), f"cannot write the {command}")
    assert (vault / ".mdnet/model.pickle").is_file()


def test_a_read_only_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Renaming into the vault is denied (a read-only mount): summary and --fix say so
    in words (no errno, no temporary file's name), a fix not written fails the check
    (exit 1) and the closing line counts it, and nothing is left behind."""
    vault = write_files(tmp_path / "vault", {"People/Jane.md": NOTE})

    def denied(source: str, target: str) -> None:
        raise PermissionError(13, "Permission denied", str(source))  # as the system says it

    monkeypatch.setattr(os, "replace", denied)
    summary = run("summary", str(vault))
    assert_usage_error(summary, "cannot write the summary Network Summary.md: permission denied")
    fixed = run("check", "--fix", "--select", "F008", str(vault))
    assert fixed.exit_code == 1 and "Traceback" not in fixed.stderr  # F008 alone would pass
    assert "mdnet: error: cannot fix People/Jane.md:3: cannot write it: permission denied" in (
        fixed.stderr
    )
    assert fixed.stdout.endswith("in 1 note; 1 fix not applied.\n")
    assert fixed.stderr.endswith("Nothing to fix; 1 fix not applied.\n")
    for said in (summary.stderr, fixed.stderr):
        assert ".tmp" not in said and "Errno" not in said
    assert (vault / "People/Jane.md").read_text() == NOTE
    leftovers = [p.name for p in vault.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_an_unexpected_error_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = write_files(tmp_path / "vault", {"People/Jane.md": NOTE})

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something mdnet did not foresee")

    monkeypatch.setattr(pipeline, "check_answer", broken)
    result = run("check", str(vault))
    assert_usage_error(result, "internal error: RuntimeError: something mdnet did not foresee")
    assert len(result.stderr.strip().splitlines()) == 1
    monkeypatch.setenv("MDNET_DEBUG", "1")
    debug = CliRunner().invoke(main, ["check", str(vault)], env={"MDNET_DEBUG": "1"})
    assert isinstance(debug.exception, RuntimeError)


def test_a_full_disk_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = write_files(tmp_path / "vault", {"People/Jane.md": NOTE})

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sys.modules["mdnet.cli.summary"], "render", full)
    assert_usage_error(run("summary", str(vault)), "mdnet: error: no space left on the disk")
