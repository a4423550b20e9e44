"""`python -m mdnet check` ends the process at once, with all its output and its status;
inside another program (the tests' CliRunner) it exits as any click command does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdnet.cli import main
from mdnet.cli.options import Program, finish


@pytest.mark.parametrize("options", [[], ["--exit-zero"], ["--format", "json"]])
def test_a_program_run_prints_everything_and_exits_with_its_status(
    tmp_path: Path, options: list[str]
) -> None:
    for number in range(300):
        (tmp_path / f"Daily {number}.md").write_text(f"- 2026-10-01 lunch [[Nobody {number}]]\n")
    (tmp_path / "Broken.md").write_text("---\ntype: [\n---\n")  # F001, an error
    arguments = ["check", str(tmp_path), "--today", "2026-11-26", "--no-cache", *options]
    expected = CliRunner().invoke(main, arguments)
    process = subprocess.run(
        [sys.executable, "-m", "mdnet", *arguments], capture_output=True, text=True, timeout=60
    )
    assert process.stdout == expected.output and "F001" in process.stdout
    assert process.returncode == expected.exit_code == (0 if "--exit-zero" in options else 1)
    assert process.stderr == ""


def test_inside_another_program_finish_raises_system_exit() -> None:
    assert not Program.running
    with pytest.raises(SystemExit) as exit:
        finish(3)
    assert exit.value.code == 3


def test_the_mdnet_command_runs_as_a_program() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["mdnet"] == "mdnet.cli:run"
