"""What a user of ruff or yamllint expects of mdnet's command line: one error style,
honest exit statuses, whole help lines, -V, --statistics, --stdin-filename (SPEC §6)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from mdnet.cli import main
from tests.conftest import write_files

STALE = "---\ntype: contact\ntier: close\n---\n- 2026-01-05 call\n"
OUTDATED = "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call\n"


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, input=stdin)


@pytest.fixture
def vault(in_tmp_path: Path) -> Path:
    return write_files(
        in_tmp_path / "wv",
        {
            ".obsidian/app.json": "{}",
            "People/Ann.md": STALE,
            "People/Bob.md": "---\ntype: contact\n---\n",
            "People/Cy.md": "---\ntype: contact\n---\n",
        },
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check", "--nope"], "mdnet: error: No such option '--nope'"),
        (["check", "--format", "xml"], "mdnet: error: Invalid value for '--format'"),
        (["nope"], "mdnet: error: No such command 'nope'"),
        (["new", "contact"], "mdnet: error: Missing argument 'TITLE'"),
        (["check", "--today", "2026-02-30"], "mdnet: error: Invalid value for '--today'"),
    ],
)
def test_click_usage_errors_are_one_mdnet_error_line(
    vault: Path, args: list[str], said: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(said) and result.stderr.count("\n") == 1, result.stderr
    assert "Usage:" not in result.stderr and "Try " not in result.stderr


def test_mdnet_today_from_the_environment_names_the_variable(vault: Path) -> None:
    result = run("check", "wv", env={"MDNET_TODAY": "garbage"})
    assert result.exit_code == 2
    assert result.stderr.startswith("mdnet: error: MDNET_TODAY: 'garbage' is not a date")
    assert "--today" not in result.stderr


def test_a_config_error_names_the_line_of_the_unknown_key(vault: Path) -> None:
    write_files(vault, {".mdnet.toml": "# my settings\nsumary_path = 'x.md'\n[vault]\n"})
    result = run("check", "wv")
    assert result.exit_code == 2
    assert ".mdnet.toml:2: sumary_path: unknown key" in result.stderr


def test_version_as_v_too() -> None:
    assert run("-V").stdout == run("--version").stdout != ""


def test_help_shows_every_command_s_first_line_whole() -> None:
    commands = run("--help").stdout.split("Commands:")[1]
    assert "..." not in commands
    text = " ".join(commands.split())
    context = click.Context(main)
    for name in main.list_commands(context):
        command = main.get_command(context, name)
        assert command is not None
        first = (command.short_help or command.help or "").split("\n\n")[0]
        assert " ".join(first.split()) in text, name


def test_statistics_print_the_counts_only(vault: Path) -> None:
    result = run("check", "wv", "--statistics", "--today", "2026-11-26")
    assert result.stdout.splitlines() == [
        "    1\tR001\tstale-contact",
        "    1\tR002\tpassive-network",
    ]


def test_vault_level_findings_name_the_vault_without_line_and_column(vault: Path) -> None:
    result = run("check", "wv", "--select", "R002", "--today", "2026-11-26")
    assert result.stdout.startswith("wv: R002 passive-network [warning] ")
    json_out = run("check", "wv", "--select", "R002", "--format", "json", "--today", "2026-11-26")
    assert '"line": 0' in json_out.stdout


def test_stdin_filename_checks_the_text_given_as_that_note(vault: Path) -> None:
    text = "---\ntype: contact\ntier: close\n---\n- 2026-11-20 call\n- 2026-11-21 [[Nobody]]\n"
    result = run(
        "check", "--stdin-filename", "wv/People/Ann.md", "-", "--today", "2026-11-26", stdin=text
    )
    lines = result.stdout.splitlines()
    # only that note's findings: its text from stdin (no R001: a call 6 days ago)
    assert [line.split(": ")[1][:4] for line in lines[:-1]] == ["F005"]
    assert lines[0].startswith(f"wv{os.sep}People{os.sep}Ann.md:6:1: F005")
    assert (vault / "People/Ann.md").read_text() == STALE  # the file is not touched
    new = run(
        "check",
        "--stdin-filename",
        "wv/People/New.md",
        "-",
        "--today",
        "2026-11-26",
        stdin="---\ntype: contact\nmet: 2026-13-01\n---\n",
    )
    assert new.exit_code == 1 and "wv/People/New.md:3:1: F003".replace("/", os.sep) in new.stdout


def test_stdin_needs_its_filename(vault: Path) -> None:
    result = run("check", "-", stdin="x")
    assert result.exit_code == 2 and "--stdin-filename" in result.stderr


def test_ctrl_c_exits_130_without_aborted(vault: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "mdnet", "check", "--stdin-filename", "wv/People/Ann.md", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # as from a terminal: pytest run in a shell's background (``pytest &``) ignores
        # SIGINT, and its children would inherit that (the cause of a "lost" Ctrl-C)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(3)  # mdnet is waiting for the note's text on stdin
    ignored = _ignored_signals(process.pid)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130 and out == "", (process.returncode, err, ignored)
    assert "Aborted" not in err and "Traceback" not in err


def _ignored_signals(pid: int) -> str:
    """The signals the process ignores (``SigIgn`` of /proc), to tell why one was lost."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "unknown"
    return next((line for line in status.splitlines() if line.startswith("SigIgn")), "")
