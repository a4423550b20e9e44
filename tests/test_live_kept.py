"""The snapshot checks start from, kept by the front ends that stay running
(``live.drift``, ``live.kept``): how far a live model drifted, the process that makes
the snapshot from the notes on disk, and a real ``mdnet watch`` that starts it."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mdnet.cache import snapshot
from mdnet.config import load_config
from mdnet.live import kept
from mdnet.live.kept import keep_snapshot
from mdnet.live.vault import LiveVault
from mdnet.notes.parse import parse_all
from mdnet.notes.scan import list_notes
from mdnet.pipeline import check_vault
from mdnet.rules.runner import Selection
from tests.conftest import TODAY, WriteVault
from tests.test_index import age
from tests.test_watch import TIMEOUT, Watching, contact

JANE = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call [[Bob]]\n"
BOB = "---\ntype: contact\naliases: [Robert]\n---\n- 2026-06-01 coffee #got\n"
FILES = {"People/Jane.md": JANE, "People/Bob.md": BOB, "Daily/d.md": "[[Ann]]\n"}


def findings(root: Path, parse: object = None) -> list[tuple[str, str, int, str]]:
    """A check's findings: through the caches (the snapshot first), or ``parse_all``."""
    config = load_config(root)
    selection = Selection.from_config(config)
    if parse is None:
        _, found = check_vault(root, config, TODAY, selection)
    else:
        _, found = check_vault(root, config, TODAY, selection, parse_all)
    return [(f.code, f.path, f.line, f.message) for f in found]


def loaded(root: Path) -> LiveVault:
    live = LiveVault(root, load_config(root), TODAY)
    live.load()
    return live


def kept_by_now(live: LiveVault) -> snapshot.Restored:
    """The snapshot once the process that makes it is done."""
    process = kept._keeping.get(live.root)
    assert process is not None, "no process started"
    assert process.wait(TIMEOUT) == 0
    last = snapshot.restore(live.root, load_config(live.root), today=live.today)
    assert last is not None, "no snapshot"
    return last


@pytest.fixture
def live(make_vault: WriteVault) -> LiveVault:
    root = make_vault(FILES)
    age(root)
    return loaded(root)


def test_a_model_from_the_notes_is_kept_and_a_check_starts_from_it(live: LiveVault) -> None:
    assert live.drift.far(TODAY, live.config)  # no snapshot yet
    keep_snapshot(live)
    assert not live.drift.far(TODAY, live.config)  # the model counts as the snapshot's
    last = kept_by_now(live)
    assert last.changes(list_notes(live.root, live.config)) == ([], [])  # none read again
    assert last.today == TODAY
    assert (
        findings(live.root)
        == findings(live.root, parse_all)
        == [(f.code, f.path, f.line, f.message) for f in live.findings]
    )


def test_notes_count_once_however_often_they_change(
    live: LiveVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "DRIFT", 2)
    keep_snapshot(live)
    kept_by_now(live)
    for text in ("- 2026-11-01 call\n", "- 2026-11-02 call\n", "- 2026-11-03 call\n"):
        (live.root / "People/Jane.md").write_text(JANE + text)
        live.apply({"People/Jane.md"})
    (live.root / "People/Ann.md").write_text(contact("Jane"))
    live.apply({"People/Ann.md"})
    assert not live.drift.far(TODAY, live.config)  # two notes changed, one three times
    (live.root / "People/Bob.md").unlink()
    live.apply({"People/Bob.md"})
    assert live.drift.far(TODAY, live.config)  # three: as a check counts them


def test_another_day_or_config_is_far(live: LiveVault) -> None:
    keep_snapshot(live)
    kept_by_now(live)
    live.set_today(TODAY + dt.timedelta(days=1))
    assert live.drift.far(live.today, live.config)
    live.set_today(TODAY)
    assert not live.drift.far(TODAY, live.config)
    (live.root / ".mdnet.toml").write_text("[thresholds]\ngiveback_days = 30\n")
    live.apply({".mdnet.toml"})  # the model stands: the snapshot is the other config's
    assert live.drift.far(TODAY, live.config)
    keep_snapshot(live)
    kept_by_now(live)  # of the config now
    assert findings(live.root) == findings(live.root, parse_all)


def test_one_process_at_a_time(live: LiveVault, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[list[str]] = []
    real = subprocess.Popen

    def waiting(command: list[str], **options: object) -> subprocess.Popen[bytes]:
        started.append(command)  # at work until its input is closed
        return real([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)

    def finish(process: subprocess.Popen[bytes]) -> None:
        assert process.stdin is not None
        process.stdin.close()
        assert process.wait(TIMEOUT) == 0

    monkeypatch.setattr(subprocess, "Popen", waiting)  # as ``live.kept`` calls it
    keep_snapshot(live)
    live.set_today(TODAY + dt.timedelta(days=1))
    keep_snapshot(live)  # the first is at work: this one waits for the next look
    assert len(started) == 1
    assert live.drift.far(live.today, live.config)  # still to be kept
    finish(kept._keeping[live.root])
    keep_snapshot(live)
    assert len(started) == 2
    assert started[1][started[1].index("mdnet.live.kept") + 2] == "2026-11-27"
    finish(kept._keeping.pop(live.root))


def test_a_model_taking_in_a_change_is_not_waited_for(live: LiveVault) -> None:
    """The language server's shutdown asks on the event loop: it never waits for the
    vault to be read (9 s at 100,000 notes)."""
    holding, done = threading.Event(), threading.Event()

    def update() -> None:
        with live.lock:
            holding.set()
            done.wait(TIMEOUT)

    worker = threading.Thread(target=update)
    worker.start()
    holding.wait(TIMEOUT)
    try:
        start = time.monotonic()
        keep_snapshot(live)
        assert time.monotonic() - start < 1.0
        assert live.root not in kept._keeping  # nothing started: the next look keeps it
        assert live.drift.far(TODAY, live.config)
    finally:
        done.set()
        worker.join()


def test_notes_too_fresh_to_trust_are_kept_all_the_same(make_vault: WriteVault) -> None:
    """Notes written too recently to trust by their size and time (here: dated ahead)
    are not in the index: the process makes the snapshot all the same, to read them
    again (a check would not, to stay quick; nobody waits for this one)."""
    root = make_vault(FILES)
    ahead = time.time_ns() + 3600 * 10**9
    for path in root.rglob("*.md"):
        os.utime(path, ns=(ahead, ahead))
    live = loaded(root)
    keep_snapshot(live)
    last = kept_by_now(live)
    assert sorted(last.files) == sorted(FILES)
    assert set(last.files.values()) == {snapshot.READ_AGAIN}
    assert findings(live.root) == findings(live.root, parse_all)


def test_the_snapshot_is_the_disks_not_an_editors(live: LiveVault) -> None:
    live.edit("People/Jane.md", JANE.replace("[[Bob]]", "[[Nobody]]"))  # unsaved
    assert ("F005", "People/Jane.md") in [(f.code, f.path) for f in live.findings]
    keep_snapshot(live)
    kept_by_now(live)
    assert findings(live.root) == findings(live.root, parse_all)
    assert ("F005", "People/Jane.md") not in [f[:2] for f in findings(live.root)]


def test_a_watch_keeps_it_when_it_ends(make_vault: WriteVault) -> None:
    """A real ``mdnet watch``, no check ever run: the snapshot is made once it stops."""
    root = make_vault({"People/Jane.md": contact("Nobody"), "People/Bob.md": contact("Bob")})
    age(root)
    running = Watching(root)
    try:
        running.wait_for(r"^Watching ")
        (root / "People/Ann.md").write_text(contact("Nobody"))
        running.wait_for(r"\b2 findings in all")
    finally:
        assert running.stop() == 0
    _wait(lambda: _notes_kept(root) == ["People/Ann.md", "People/Bob.md", "People/Jane.md"])
    again = Watching(root, "--no-summary")  # the lock went with the watch
    try:
        again.wait_for(r"^Watching ")
    finally:
        assert again.stop() == 0


WATCH = """
import sys
import mdnet.watch.watcher as watcher
watcher.CLOCK_CHECK = 0.5  # a minute with nothing to do, in half a second
from mdnet.cli import run
sys.argv = ["mdnet", *sys.argv[1:]]
run()
"""


def test_a_watch_keeps_it_after_a_minute_with_nothing_to_do(make_vault: WriteVault) -> None:
    root = make_vault({"People/Jane.md": contact("Nobody"), "People/Bob.md": contact("Bob")})
    age(root)
    command = [sys.executable, "-c", WATCH, "watch", str(root), "--today", "2026-11-26"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(lambda: _notes_kept(root) == ["People/Bob.md", "People/Jane.md"])
        assert process.poll() is None  # while it runs
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(TIMEOUT) == 0


def _notes_kept(root: Path) -> list[str]:
    last = snapshot.restore(root, load_config(root), today=TODAY)
    return [] if last is None else sorted(last.files)


def _wait(condition: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("waited in vain")
        time.sleep(0.05)


def test_the_process_exits_quietly_on_a_vault_it_cannot_read(tmp_path: Path) -> None:
    command = [sys.executable, "-P", "-m", "mdnet.live.kept", str(tmp_path / "none")]
    done = subprocess.run([*command, "2026-11-26", "en", ""], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", "")
    assert os.listdir(tmp_path) == []
