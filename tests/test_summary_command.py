"""`mdnet summary` and write_summary: written safely, only when changed, never read back."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mdnet.cli import main
from mdnet.config import Config
from mdnet.summary import SummaryRefused, write_summary
from tests.conftest import WriteVault
from tests.summary_vault import VAULT, summary_of

OLD = 1_000_000_000_000_000_000  # an mtime (ns) in 2001: a rewrite would move it


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--today", "2026-11-26"])


@pytest.fixture
def root(make_vault: WriteVault) -> Path:
    return make_vault(VAULT)


def _listed(root: Path) -> list[str]:
    """The vault folder's entries, but for mdnet's own state (the index in ``.mdnet/``)."""
    return sorted(name for name in os.listdir(root) if name != ".mdnet")


def test_writes_the_summary_and_prints_its_path(root: Path) -> None:
    result = run("summary", str(root))
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("Network Summary.md (updated)")
    assert (root / "Network Summary.md").read_text("utf-8") == summary_of(root)


def test_two_runs_give_the_same_bytes(root: Path) -> None:
    run("summary", str(root))
    first = (root / "Network Summary.md").read_bytes()
    (root / "Network Summary.md").unlink()
    run("summary", str(root))
    assert (root / "Network Summary.md").read_bytes() == first


def test_a_second_run_leaves_the_file_alone(root: Path) -> None:
    run("summary", str(root))
    path = root / "Network Summary.md"
    os.utime(path, ns=(OLD, OLD))
    before = path.stat()
    result = run("summary", str(root))
    assert result.exit_code == 0
    assert result.output.strip().endswith("Network Summary.md (unchanged)")
    after = path.stat()
    assert (after.st_mtime_ns, after.st_ino) == (OLD, before.st_ino)


def test_a_changed_vault_rewrites_its_own_summary(root: Path) -> None:
    path = root / "Network Summary.md"
    path.write_text("---\nmdnet: summary\ngenerated: 2020-01-01\n---\n\n# Old\n", "utf-8")
    assert run("summary", str(root)).output.strip().endswith("(updated)")
    assert path.read_text("utf-8") == summary_of(root)


@pytest.mark.parametrize(
    "foreign",
    [
        "# My own network notes\n",
        "---\nmdnet: something else\n---\n# Mine\n",
        "---\nmdnet: [summary\n---\n",  # broken front matter
        "body first\n---\nmdnet: summary\n---\n",
    ],
)
def test_refuses_to_overwrite_a_file_it_did_not_write(root: Path, foreign: str) -> None:
    path = root / "Network Summary.md"
    path.write_text(foreign, "utf-8")
    os.utime(path, ns=(OLD, OLD))
    files = _listed(root)
    result = run("summary", str(root))
    assert result.exit_code == 2
    assert "was not written by mdnet" in result.output
    assert path.read_text("utf-8") == foreign
    assert path.stat().st_mtime_ns == OLD
    assert _listed(root) == files  # nothing new beside it


def test_refuses_a_folder_or_a_link_at_the_path(root: Path, tmp_path: Path) -> None:
    (root / "Network Summary.md").mkdir()
    assert run("summary", str(root)).exit_code == 2
    (root / "Network Summary.md").rmdir()
    outside = tmp_path / "elsewhere.md"
    outside.write_text("---\nmdnet: summary\n---\n", "utf-8")
    (root / "Network Summary.md").symlink_to(outside)
    result = run("summary", str(root))
    assert result.exit_code == 2
    assert outside.read_text("utf-8") == "---\nmdnet: summary\n---\n"


def test_refuses_a_path_that_leads_out_of_the_vault(root: Path, tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (root / "Reports").symlink_to(tmp_path / "outside")
    with pytest.raises(SummaryRefused, match="outside the vault"):
        write_summary(root, Config(summary_path="Reports/Summary.md"), "x\n")
    assert list((tmp_path / "outside").iterdir()) == []


def test_creates_missing_folders_on_the_path(make_vault: WriteVault) -> None:
    root = make_vault({**VAULT, ".mdnet.toml": '[summary]\npath = "Reports/Weekly/Network.md"\n'})
    result = run("summary", str(root))
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("Network.md (updated)")
    assert (root / "Reports/Weekly/Network.md").read_text("utf-8").startswith("---\nmdnet: summary")
    assert os.listdir(root / "Reports/Weekly") == ["Network.md"]


def test_no_temporary_file_is_left_behind(root: Path) -> None:
    before = set(_listed(root))
    run("summary", str(root))
    (root / "Network Summary.md").write_text("---\nmdnet: summary\n---\nstale\n", "utf-8")
    run("summary", str(root))
    assert set(_listed(root)) == before | {"Network Summary.md"}
    assert "index.sqlite" in os.listdir(root / ".mdnet")  # summary uses the index too


def test_a_failed_write_leaves_the_old_summary_and_no_temporary_file(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = root / "Network Summary.md"
    old = "---\nmdnet: summary\n---\nold\n"
    path.write_text(old, "utf-8")
    files = sorted(os.listdir(root))

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_summary(root, Config(), "new\n")
    assert path.read_text("utf-8") == old
    assert sorted(os.listdir(root)) == files


def test_write_summary_says_whether_it_changed(root: Path) -> None:
    text = summary_of(root)
    assert write_summary(root, Config(), text) is True
    assert write_summary(root, Config(), text) is False


def test_the_summary_is_never_read_as_a_note(root: Path) -> None:
    before = json.loads(run("check", "--format", "json", str(root)).output)
    run("summary", str(root))
    after = json.loads(run("check", "--format", "json", str(root)).output)
    assert after["stats"] == before["stats"]
    assert after["findings"] == before["findings"]
    assert all(f["path"] != "Network Summary.md" for f in after["findings"])


def test_a_summary_in_a_folder_is_not_read_either(make_vault: WriteVault) -> None:
    root = make_vault({**VAULT, ".mdnet.toml": '[summary]\npath = "Reports/Network.md"\n'})
    before = json.loads(run("check", "--format", "json", str(root)).output)["stats"]
    run("summary", str(root))
    assert json.loads(run("check", "--format", "json", str(root)).output)["stats"] == before


def test_a_bad_config_is_a_usage_error(make_vault: WriteVault) -> None:
    root = make_vault({".mdnet.toml": "[summary]\nreach_out = -1\n"})
    result = run("summary", str(root))
    assert result.exit_code == 2
    assert "summary.reach_out" in result.output
    assert not (root / "Network Summary.md").exists()


def test_the_command_has_help_with_an_example() -> None:
    result = CliRunner().invoke(main, ["summary", "--help"])
    assert result.exit_code == 0
    assert "Example: mdnet summary" in result.output
