"""`mdnet watch` keeps `calendar.path` current: a real process, real file events."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from mdnet.config import load_config
from mdnet.live.vault import LiveVault
from tests.calendar.ics_vault import by_title, calendar_of, day
from tests.conftest import TODAY, WriteVault, write_files
from tests.test_watch import Watching

JANE = "---\ntype: contact\ntier: close\n---\n- 2026-03-02 call\n"
CONFIG = '[calendar]\npath = "Network Calendar.ics"\n'
WROTE = r"^Wrote Network Calendar\.ics\.$"


@pytest.fixture
def vault(make_vault: WriteVault) -> Path:
    return make_vault({".mdnet.toml": CONFIG, "People/Jane.md": JANE})


def test_the_live_vault_answers_the_calendar_as_mdnet_calendar_writes_it(vault: Path) -> None:
    live = LiveVault(vault, load_config(vault), TODAY)
    live.load()
    assert b"".join(live.calendar()) == calendar_of(vault)
    write_files(vault, {"People/Jane.md": JANE + "- 2026-11-20 lunch\n"})
    live.apply({"People/Jane.md"})
    assert b"".join(live.calendar()) == calendar_of(vault)
    assert day(by_title(b"".join(live.calendar()))["Reach out to Jane"]) == dt.date(2027, 1, 19)


def test_watch_rewrites_the_calendar_when_a_due_date_changes(vault: Path) -> None:
    running = Watching(vault)
    try:
        running.wait_for(WROTE)
        running.wait_for(r"^Watching ")
        path = vault / "Network Calendar.ics"
        assert day(by_title(path.read_bytes())["Reach out to Jane"]) == dt.date(2026, 11, 26)
        write_files(vault, {"People/Jane.md": JANE + "- 2026-11-20 lunch\n"})
        running.wait_for(WROTE)
        # in touch on 2026-11-20: due again 60 days later, no longer today
        assert day(by_title(path.read_bytes())["Reach out to Jane"]) == dt.date(2027, 1, 19)
        write_files(vault, {"People/Bob.md": "---\ntype: contact\n---\n"})  # nothing to do
        lines = running.update() + running.quiet_for(0.5)  # the summary's count changes
        assert not [line for line in lines if "Calendar" in line]  # same bytes: not written
    finally:
        assert running.stop() == 0


def test_watch_without_calendar_path_writes_no_calendar(make_vault: WriteVault) -> None:
    root = make_vault({"People/Jane.md": JANE})
    running = Watching(root)
    try:
        running.wait_for(r"^Watching ")
        assert not [line for line in running.seen if "Calendar" in line]
        assert list(root.glob("*.ics")) == []
    finally:
        running.stop()


def test_watch_refuses_to_start_over_a_file_mdnet_did_not_write(vault: Path) -> None:
    mine = vault / "Network Calendar.ics"
    mine.write_text("BEGIN:VCALENDAR\nPRODID:-//Someone else//EN\nEND:VCALENDAR\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mdnet", "watch", str(vault), "--today", "2026-11-26"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert "exists and was not written by mdnet" in done.stderr
    assert mine.read_text("utf-8").startswith("BEGIN:VCALENDAR\nPRODID:-//Someone else")
