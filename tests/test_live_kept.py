"""A live vault's model saved as the snapshot checks start from (``live.kept``), and a
real ``mdnet watch`` that saves it: once loaded, and when it ends, if it drifted."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import io
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mdnet.background import can_fork
from mdnet.cache import snapshot
from mdnet.config import load_config
from mdnet.live.kept import snapshot_saver
from mdnet.live.vault import LiveVault
from mdnet.notes.parse import parse_all
from mdnet.notes.scan import list_notes
from mdnet.pipeline import check_vault
from mdnet.rules.runner import Selection
from mdnet.watch import session
from mdnet.watch.events import LOCK_NAME, lock_vault
from mdnet.watch.watcher import Watcher
from tests.conftest import TODAY, WriteVault
from tests.test_index import age
from tests.test_watch import TIMEOUT, Watching, contact

JANE = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call [[Bob]]\n"
BOB = "---\ntype: contact\naliases: [Robert]\n---\n- 2026-06-01 coffee #got\n"


@pytest.fixture
def live(make_vault: WriteVault) -> LiveVault:
    root = make_vault({"People/Jane.md": JANE, "People/Bob.md": BOB, "Daily/d.md": "[[Ann]]\n"})
    age(root)
    vault = LiveVault(root, load_config(root), TODAY)
    vault.load()
    return vault


def findings(root: Path, parse: object = None) -> list[tuple[str, str, int, str]]:
    """A check's findings: through the caches (the snapshot first), or ``parse_all``."""
    config = load_config(root)
    selection = Selection.from_config(config)
    if parse is None:
        _, found = check_vault(root, config, TODAY, selection)
    else:
        _, found = check_vault(root, config, TODAY, selection, parse_all)
    return [(f.code, f.path, f.line, f.message) for f in found]


def restored(root: Path, today: dt.date = TODAY) -> snapshot.Restored:
    last = snapshot.restore(root, load_config(root), today=today)
    assert last is not None, "no snapshot"
    return last


def test_a_model_loaded_from_the_notes_is_saved_and_a_check_starts_from_it(
    live: LiveVault,
) -> None:
    save = snapshot_saver(live)
    assert save is not None
    assert snapshot_saver(live) is None  # the model counts as the snapshot's now
    save()
    last = restored(live.root)
    files = list_notes(live.root, live.config)
    assert last.changes(files) == ([], [])  # each note as on disk: none read again
    assert last.today == TODAY
    assert sorted(last.builder.vault.notes) == sorted(live.vault.notes)
    (live.root / ".mdnet" / "index.sqlite").unlink()  # what a check knows: the snapshot
    assert (
        findings(live.root)
        == findings(live.root, parse_all)
        == [(f.code, f.path, f.line, f.message) for f in live.findings]
    )


def test_it_is_saved_again_once_it_drifted(
    live: LiveVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "DRIFT", 2)
    save = snapshot_saver(live)
    assert save is not None
    save()
    for name in ("A", "B"):
        (live.root / f"People/{name}.md").write_text(contact("Jane"))
        live.apply({f"People/{name}.md"})
    assert snapshot_saver(live) is None  # two notes taken in: not drifted yet
    (live.root / "People/Bob.md").unlink()
    live.apply({"People/Bob.md"})
    save = snapshot_saver(live)
    assert save is not None
    save()
    last = restored(live.root)
    assert sorted(last.builder.vault.notes) == [
        "Daily/d.md",
        "People/A.md",
        "People/B.md",
        "People/Jane.md",
    ]
    assert findings(live.root) == findings(live.root, parse_all)


def test_another_day_is_a_drift(live: LiveVault) -> None:
    save = snapshot_saver(live)
    assert save is not None
    save()
    live.set_today(TODAY + dt.timedelta(days=1))
    assert snapshot_saver(live) is not None


def test_a_model_with_an_editors_text_is_not_saved(live: LiveVault) -> None:
    live.edit("People/Jane.md", JANE + "- 2026-11-20 lunch\n")  # unsaved: not the disk's
    assert snapshot_saver(live) is None
    live.edit("People/Jane.md", None)  # closed: the file is the truth again
    assert snapshot_saver(live) is not None


def test_an_unloaded_model_is_not_saved(make_vault: WriteVault) -> None:
    root = make_vault({"People/Jane.md": JANE})
    assert snapshot_saver(LiveVault(root, load_config(root), TODAY)) is None


@pytest.mark.skipif(not can_fork(), reason="this test process runs threads: no fork")
def test_the_process_that_saves_it_holds_no_lock_and_ends_on_a_signal(
    live: LiveVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A watch stopped while its model is being saved can be started again at once, and
    the saving process is not the watch: SIGTERM ends it (the watch's handler would only
    ask it to stop)."""
    saving = live.root / "saving"

    def slow() -> None:
        saving.write_text(str(os.getpid()))
        time.sleep(TIMEOUT)

    monkeypatch.setattr(session, "snapshot_saver", lambda _live: slow)
    lock = lock_vault(live.root / ".mdnet")
    assert lock is not None
    out = io.StringIO()
    watcher = Watcher(
        live.root,
        live.config,
        config_path=None,
        today=lambda: TODAY,
        summary=False,
        out=out,
        err=out,
    )
    watcher.live = live
    before = signal.signal(signal.SIGTERM, watcher.stop)  # as the watch runs
    try:
        session._keep_model(watcher, lock)
    finally:
        signal.signal(signal.SIGTERM, before)
    _wait(lambda: saving.exists() and saving.read_text() != "")  # the saving process is at work
    lock.close()
    with open(live.root / ".mdnet" / LOCK_NAME, "a+") as again:
        fcntl.flock(again, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises while another holds it
    saver = int(saving.read_text())
    os.kill(saver, signal.SIGTERM)
    _wait(lambda: not _running(saver), TIMEOUT / 3)  # not once its work is done


def _running(pid: int) -> bool:
    """Whether the process ``pid`` runs (not gone, nor a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0] != "Z"
    except OSError:
        return False


def test_a_watch_saves_the_model_once_loaded_and_when_it_ends(make_vault: WriteVault) -> None:
    """A real ``mdnet watch``, no check ever run: the snapshot is written once its first
    check is out, and again when it stops after many notes changed."""
    root = make_vault({"People/Jane.md": contact("Nobody"), "People/Bob.md": contact("Bob")})
    age(root)
    model, day = root / ".mdnet" / "model.pickle", dt.date(2026, 11, 26)  # the watch's
    running = Watching(root)
    try:
        running.wait_for(r"^Watching ")
        _wait(model.is_file)
        assert sorted(restored(root, day).files) == ["People/Bob.md", "People/Jane.md"]
        many = snapshot.DRIFT + 1
        for n in range(many):  # each names Nobody too: a finding each
            (root / f"People/P{n:03}.md").write_text(contact("Nobody"))
        running.wait_for(rf"\b{many + 1} findings in all")
    finally:
        assert running.stop() == 0
    _wait(lambda: len(restored(root, day).files) == many + 2)
    again = Watching(root, "--no-summary")  # the lock went with it
    try:
        again.wait_for(r"^Watching ")
    finally:
        assert again.stop() == 0


def _wait(condition: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    """Until ``condition`` holds (an AssertionError: not yet)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(AssertionError):
            if condition():
                return
        time.sleep(0.05)
    raise AssertionError("waited in vain")
