"""`mdnet calendar`: where it writes, when it does not, and its errors (exit 2)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mdnet.cli import main
from mdnet.config import parse_config
from mdnet.edits.init_vault import DEFAULT_CONFIG
from tests.calendar.ics_vault import by_title
from tests.conftest import WriteVault

JANE = "---\ntype: contact\ntier: close\n---\n- 2026-03-02 call\n"
WITH_PATH = '[calendar]\npath = "Network Calendar.ics"\n'


def calendar(*args: str) -> Result:
    return CliRunner().invoke(main, ["calendar", "--today", "2026-11-26", *args])


@pytest.fixture
def vault(make_vault: WriteVault) -> Path:
    return make_vault({".mdnet.toml": WITH_PATH, "People/Jane.md": JANE})


def test_it_writes_calendar_path_then_leaves_it_when_nothing_changed(vault: Path) -> None:
    result = calendar(str(vault))
    assert result.exit_code == 0, result.output
    assert result.output.endswith("Network Calendar.ics (updated, 1 event)\n")
    path = vault / "Network Calendar.ics"
    assert "Reach out to Jane" in by_title(path.read_bytes())
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    again = calendar(str(vault))
    assert again.exit_code == 0 and again.output.endswith("(unchanged, 1 event)\n")
    assert path.stat().st_mtime_ns == 1_000_000_000  # not written again


def test_the_vault_may_be_given_with_vault(vault: Path) -> None:
    result = calendar("--vault", str(vault))
    assert result.exit_code == 0, result.output
    assert (vault / "Network Calendar.ics").is_file()


def test_dash_writes_to_stdout_and_nothing_into_the_vault(vault: Path) -> None:
    result = calendar(str(vault), "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    assert "Reach out to Jane" in by_title(result.stdout_bytes)
    assert not (vault / "Network Calendar.ics").exists()


def test_o_file_writes_anywhere_it_says(vault: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "network.ics"
    result = calendar(str(vault), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "Reach out to Jane" in by_title(target.read_bytes())


def test_without_calendar_path_or_o_it_says_what_to_do(make_vault: WriteVault) -> None:
    root = make_vault({"People/Jane.md": JANE})
    result = calendar(str(root))
    assert result.exit_code == 2
    assert result.output.startswith("mdnet: error: no calendar.path set: give -o FILE")


def test_a_file_mdnet_did_not_write_is_left_untouched(vault: Path, tmp_path: Path) -> None:
    mine = vault / "Network Calendar.ics"
    mine.write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//Apple Inc.//macOS//EN\r\nEND:VCALENDAR\r\n")
    result = calendar(str(vault))
    assert result.exit_code == 2
    assert "exists and was not written by mdnet" in result.output
    assert "calendar.path" in result.output and "Traceback" not in result.output
    assert mine.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nPRODID:-//Apple")
    other = tmp_path / "notes.txt"
    other.write_text("my notes", encoding="utf-8")
    result = calendar(str(vault), "-o", str(other))
    assert result.exit_code == 2 and "choose another -o FILE" in result.output
    assert other.read_text(encoding="utf-8") == "my notes"


def test_a_file_mdnet_wrote_before_is_replaced(vault: Path) -> None:
    assert calendar(str(vault)).exit_code == 0
    path = vault / "Network Calendar.ics"
    before = path.read_bytes()
    result = calendar(str(vault), "--today", "2026-11-27")
    assert result.exit_code == 0 and "(updated" in result.output
    assert path.read_bytes() != before and b"DTSTAMP:20261127T000000Z" in path.read_bytes()


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('path = "../outside.ics"', ".mdnet.toml:2: calendar.path: expected a vault-relative"),
        ('path = "/tmp/x.ics"', ".mdnet.toml:2: calendar.path: expected a vault-relative"),
        ('path = "Network.md"', ".mdnet.toml:2: calendar.path: expected a vault-relative"),
        ('alarm = "8h30"', '.mdnet.toml:2: calendar.alarm: expected a time of day such as "08:30"'),
        ('alarm = "24:00"', ".mdnet.toml:2: calendar.alarm: expected a time of day"),
        ("alarm = 830", ".mdnet.toml:2: calendar.alarm: expected a string"),
        ("when = 1", ".mdnet.toml:2: calendar.when: unknown key"),
    ],
)
def test_bad_settings_name_file_line_and_key(
    make_vault: WriteVault, setting: str, message: str
) -> None:
    root = make_vault({".mdnet.toml": f"[calendar]\n{setting}\n", "People/Jane.md": JANE})
    result = calendar(str(root))
    assert result.exit_code == 2
    assert result.output.startswith("mdnet: error: ") and message in result.output


def test_a_calendar_path_through_a_link_out_of_the_vault_is_refused(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = make_vault({".mdnet.toml": '[calendar]\npath = "Out/cal.ics"\n', "People/Jane.md": JANE})
    (root / "Out").symlink_to(outside)
    result = calendar(str(root))
    assert result.exit_code == 2
    assert ".mdnet.toml:2: calendar.path: Out/cal.ics: outside the vault" in result.output
    assert list(outside.iterdir()) == []


def test_the_settings_are_read() -> None:
    config = parse_config('[calendar]\npath = "./Out//cal.ics"\nalarm = "7:05"\n', "x.toml")
    assert config.calendar_path == "Out/cal.ics"
    assert config.calendar_alarm is not None and config.calendar_alarm.isoformat() == "07:05:00"
    assert parse_config('[calendar]\npath = ""\nalarm = ""\n', "x.toml").calendar_alarm is None


def test_mdnet_init_writes_the_calendar_settings_commented() -> None:
    assert "[calendar]" in DEFAULT_CONFIG and 'alarm = ""' in DEFAULT_CONFIG
    config = parse_config(DEFAULT_CONFIG, "init.toml")
    assert config.calendar_path == "" and config.calendar_alarm is None


def test_bad_places_are_one_line_errors_never_a_traceback(vault: Path, tmp_path: Path) -> None:
    for args, words in (
        ([str(tmp_path / "nowhere")], "nowhere"),
        ([str(vault), "-o", str(tmp_path)], "not a plain file"),
        ([str(vault), "-o", "/proc/mdnet/cal.ics"], "cannot write the calendar"),
        ([str(vault), "--vault", str(tmp_path / "other")], "two vaults given"),
    ):
        result = calendar(*args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("mdnet: error: ") and words in result.stderr, args
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
