"""`mdnet check` through click's CliRunner: formats, exit codes, paths and options."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from mdnet import __version__
from mdnet.cli import main
from tests.conftest import write_files

VAULT = {
    ".mdnet.toml": '[rules]\nselect = ["F"]  # the data rules: the advice rules have their own tests\n',
    "People/Jane Doe.md": "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call\n",
    "People/Bob.md": "---\ntype: contact\nmet: 2026-13-01\n---\n",
    "Daily/2026-02-02.md": "Lunch with [[Bob]]\n",
}


@pytest.fixture
def vault(in_tmp_path: Path) -> Path:
    return write_files(in_tmp_path / "notes", VAULT)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.output


def test_version() -> None:
    assert run("--version") == (0, f"mdnet, version {__version__}\n")


def test_text_lines_relative_to_the_current_directory(vault: Path) -> None:
    code, out = run("check", "notes", "--today", "2026-11-26")
    assert code == 1  # F003 is an error
    assert out.splitlines() == [
        "notes/People/Bob.md:3:1: F003 invalid-date [error] `met`: 2026-13-01 is not a real date",
        "notes/People/Jane Doe.md:3:1: F008 outdated-last-contact [warning] last_contact is 2026-01-01 but the latest interaction is 2026-02-01 (People/Jane Doe.md:5); set it to 2026-02-01 (mdnet check --fix).",
        "Found 1 error, 1 warning, 0 infos in 3 notes.",
    ]
    assert "\x1b[" not in out  # no colour when not on a terminal


def test_exit_codes_strict_and_exit_zero(vault: Path) -> None:
    assert run("check", "notes", "--select", "F008")[0] == 0
    assert run("check", "notes", "--select", "F008", "--strict")[0] == 1
    assert run("check", "notes", "--exit-zero")[0] == 0
    assert run("check", "notes", "--select", "R999")[0] == 2


def test_select_and_ignore_lists(vault: Path) -> None:
    out = run("check", "notes", "--select", "F003,F008", "--ignore", "invalid-date", "-q")[1]
    assert [line.split(": ")[1][:4] for line in out.splitlines()] == ["F008"]


def test_file_arguments_show_only_their_findings(vault: Path) -> None:
    code, out = run("check", "notes/People/Jane Doe.md")
    assert code == 0 and "Bob.md" not in out and "F008" in out


def test_today_from_option_and_environment(vault: Path) -> None:
    write_files(vault, {"People/Ann.md": "---\ntype: contact\n---\n- 2026-06-01 call\n"})
    assert "F007" in run("check", "notes", "--today", "2026-05-01")[1]
    assert "F007" in run("check", "notes", env={"MDNET_TODAY": "2026-05-01"})[1]
    assert "F007" not in run("check", "notes", "--today", "2026-06-01")[1]
    code, out = run("check", "notes", "--today", "tomorrow")
    assert code == 2 and "tomorrow" in out


def test_json_format(vault: Path) -> None:
    code, out = run("check", "notes", "--format", "json", "--today", "2026-11-26")
    assert code == 1
    document = json.loads(out)
    assert document["version"] == 1 and document["today"] == "2026-11-26"
    assert document["vault"] == "notes"
    assert document["stats"] == {
        "notes": 3,
        "contacts": 2,
        "circles": 0,
        "events": 0,
        "interactions": 2,
    }
    first = document["findings"][0]
    assert set(first) == {
        "path",
        "line",
        "column",
        "code",
        "rule",
        "severity",
        "message",
        "subject",
    }
    assert (first["path"], first["line"], first["code"], first["subject"]) == (
        "notes/People/Bob.md",
        3,
        "F003",
        "Bob",
    )


def test_github_format_and_its_default_on_actions(vault: Path) -> None:
    out = run("check", "notes", env={"GITHUB_ACTIONS": "true"})[1]
    assert out.splitlines()[0] == (
        "::error file=notes/People/Bob.md,line=3,col=1,title=F003 invalid-date::"
        "`met`: 2026-13-01 is not a real date"
    )
    assert run("check", "notes", "--format", "text", env={"GITHUB_ACTIONS": "true"})[1].startswith(
        "notes/"
    )


def test_colour_only_on_a_terminal_and_never_with_no_color(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt
    import io

    from mdnet.config import load_config
    from mdnet.model.stats import Stats
    from mdnet.pipeline import load_vault
    from mdnet.report.formats import write_text
    from mdnet.rules.runner import Selection, run_rules

    config = load_config(vault)
    model = load_vault(vault, config)
    findings = run_rules(model, config, dt.date(2026, 11, 26), Selection())
    coloured, plain = io.StringIO(), io.StringIO()
    write_text(coloured, findings, vault, Stats.of(model), color=True)
    write_text(plain, findings, vault, Stats.of(model), color=False)
    assert "\x1b[" in coloured.getvalue() and "\x1b[" not in plain.getvalue()
    assert (
        CliRunner()
        .invoke(main, ["check", "notes"], color=True, env={"NO_COLOR": "1"})
        .output.count("\x1b[")
        == 0
    )


def test_many_findings_are_written_a_few_lines_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hundred thousand findings are not joined into one string (90 MB more in
    memory): they are written in pieces, every line once and in order."""
    import io

    from mdnet.report import formats
    from mdnet.rules.finding import Finding

    class Writes(io.StringIO):
        def __init__(self) -> None:
            super().__init__()
            self.pieces: list[str] = []

        def write(self, text: str) -> int:
            self.pieces.append(text)
            return super().write(text)

    findings = [
        Finding("R001", "stale-contact", "warning", f"People/{n}.md", n + 1, 1, f"m{n}")
        for n in range(7)
    ]
    monkeypatch.setattr(formats, "LINES_AT_ONCE", 3)
    out = Writes()
    formats.write_text(out, findings, tmp_path, color=False, cwd=tmp_path.parent)
    where = tmp_path.name
    assert out.getvalue().splitlines() == [
        f"{where}/People/{n}.md:{n + 1}:1: R001 stale-contact [warning] m{n}" for n in range(7)
    ]
    assert [piece.count("\n") for piece in out.pieces] == [3, 3, 1]


def test_quiet_and_statistics(vault: Path) -> None:
    out = run("check", "notes", "--quiet", "--statistics")[1]
    assert "Found" not in out
    assert "    1\tF003\tinvalid-date" in out.splitlines()


def test_vault_level_findings_carry_the_vault_path(vault: Path) -> None:
    from mdnet.report.paths import display_path
    from mdnet.rules.finding import Finding

    assert display_path(vault, "", vault.parent) == "notes"
    assert Finding("R002", "passive-network", "warning", "", 0, 0, "m").sort_key[0] == ""


def test_usage_errors_exit_2_without_traceback(vault: Path) -> None:
    write_files(vault, {".mdnet.toml": "[thresholds]\nfollowup = 3\n"})
    code, out = run("check", "notes")
    assert code == 2 and "notes/.mdnet.toml:2: thresholds.followup: unknown key" in out
    assert "Traceback" not in out
    code, out = run("check", "missing-folder")
    assert code == 2 and "no such file or folder" in out
    code, out = run("check", "notes", "--config", "nope.toml")
    assert code == 2 and "cannot read the configuration" in out


def test_explicit_config_file(vault: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text('[rules]\nignore = ["F003"]\n')
    assert "F003" not in run("check", "notes", "--config", str(other))[1]


def test_rules_and_rule(vault: Path) -> None:
    out = run("rules")[1]
    assert out.splitlines()[0].split()[:3] == ["F001", "invalid-front-matter", "error"]
    code, out = run("rule", "outdated-last-contact")
    assert code == 0 and out.startswith("F008 outdated-last-contact [warning]") and "--fix" in out
    assert run("rule", "f008")[1] == out
    assert run("rule", "nope")[0] == 2


def test_every_command_has_help_with_an_example() -> None:
    context = click.Context(main)
    names = main.list_commands(context)
    assert {"check", "summary", "watch", "import", "new", "init"} <= set(names)
    for name in names:
        command = main.get_command(context, name)
        assert command and command.help and "Example" in command.help, name


def test_json_with_statistics_stays_one_json_document(vault: Path) -> None:
    document = json.loads(run("check", "notes", "--format", "json", "--statistics")[1])
    assert document["statistics"] == [
        {"code": "F003", "rule": "invalid-date", "count": 1},
        {"code": "F008", "rule": "outdated-last-contact", "count": 1},
    ]


def test_rules_show_the_configured_severity(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[rules]\nseverity = { R002 = "info" }\n')
    listing = run("rules", "--config", str(config))[1]
    assert "R002  passive-network          warning -> info" in listing
    assert "R001  stale-contact            warning " in listing
    assert run("rule", "R002", "--config", str(config))[1].startswith(
        "R002 passive-network [warning -> info]"
    )


def test_rules_read_the_config_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mdnet.cli import rules
    from mdnet.config import load_config

    config = tmp_path / "c.toml"
    config.write_text('[rules]\nseverity = { R002 = "info" }\n')
    reads: list[Path] = []

    def counted(vault: Path, explicit: Path | None = None) -> object:
        reads.append(vault)
        return load_config(vault, explicit)

    monkeypatch.setattr(rules, "load_config", counted)
    assert "warning -> info" in run("rules", "--config", str(config))[1]
    assert len(reads) == 1


def test_every_command_takes_vault_and_those_reading_it_config() -> None:
    for name in main.list_commands(click.Context(main)):
        command = main.get_command(click.Context(main), name)
        assert command is not None
        commands = command.commands.values() if isinstance(command, click.Group) else [command]
        for one in commands:
            options = {option for param in one.params for option in param.opts}
            assert "--vault" in options, name
            assert name == "init" or "--config" in options, name


def test_today_only_where_the_date_matters_with_help_saying_what_it_does() -> None:
    dated: dict[str, str] = {}  # each command's help for --today
    for name in main.list_commands(click.Context(main)):
        command = main.get_command(click.Context(main), name)
        assert command is not None
        commands = command.commands.values() if isinstance(command, click.Group) else [command]
        for one in commands:
            for param in one.params:
                if "--today" in param.opts:
                    assert isinstance(param, click.Option) and param.help
                    dated[name] = param.help
    assert set(dated) == {"check", "summary", "watch", "new", "import", "calendar", "lsp"}
    assert len(set(dated.values())) == len(dated)  # each says what the date does there
    assert "{{date}}" in dated["new"] and "--update" in dated["import"]


def test_what_the_user_can_put_right_is_told_in_one_line_by_one_handler(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mdnet.config import ConfigError
    from mdnet.edits.new_note import CannotCreate
    from mdnet.errors import UserError
    from mdnet.importers.person import UnreadableExport
    from mdnet.notes.files import OutsideVault
    from mdnet.notes.scan import VaultError
    from mdnet.summary.writer import SummaryRefused
    from mdnet.watch.events import AlreadyWatched

    kinds = [ConfigError, CannotCreate, OutsideVault, UnreadableExport, VaultError]
    assert all(issubclass(kind, UserError) for kind in [*kinds, SummaryRefused, AlreadyWatched])
    import importlib

    check_command = importlib.import_module("mdnet.cli.checking")

    def refused(*arguments: object) -> None:
        raise SummaryRefused("Network Summary.md: not written by mdnet")

    monkeypatch.setattr(check_command, "_check", refused)
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output == "mdnet: error: Network Summary.md: not written by mdnet\n"
