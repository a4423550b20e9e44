"""`mdnet watch` as a real process reacting to real file events (SPEC §8)."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import os
import queue
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.api import ObservedWatch
from watchdog.observers.inotify import InotifyObserver

from mdnet.config import load_config
from mdnet.live.update import Update
from mdnet.notes.scan import list_notes
from mdnet.report.formats import write_text
from mdnet.rules.finding import Finding
from mdnet.watch import events as watch_events
from mdnet.watch import watcher as watch_module
from mdnet.watch.events import VaultEvents, is_relevant, start_observer
from mdnet.watch.lines import print_update
from mdnet.watch.watcher import Watcher
from tests.conftest import WriteVault
from tests.test_index import age

TIMEOUT = 15.0  # seconds to wait for an expected line: generous, only spent on failure
STATUS = re.compile(r"^\[\d\d:\d\d:\d\d\] ")


def contact(link: str) -> str:
    """A contact whose one entry links ``link``: F005 names it while it does not exist."""
    return f"---\ntype: contact\n---\n- 2026-10-02 call [[{link}]]\n"


class Watching:
    """A running `mdnet watch` whose output lines are read as they come."""

    def __init__(self, vault: Path, *options: str) -> None:
        command = [sys.executable, "-m", "mdnet", "watch", str(vault), "--today", "2026-11-26"]
        self.process = subprocess.Popen(
            [*command, *options],
            cwd=vault,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_line(self, timeout: float = TIMEOUT) -> str | None:
        line = self.lines.get(timeout=timeout)
        if line is not None:
            self.seen.append(line)
        return line

    def wait_for(self, pattern: str) -> list[str]:
        """Lines up to and including the first that matches ``pattern`` (a regex)."""
        start, deadline = len(self.seen), time.monotonic() + TIMEOUT
        while True:
            try:
                line = self.next_line(max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None:
                raise AssertionError(f"no line matching {pattern!r} in:\n" + "\n".join(self.seen))
            if re.search(pattern, line):
                return self.seen[start:]

    def update(self) -> list[str]:
        """The findings of the next update, its status line last (not the summary's)."""
        lines = self.wait_for(STATUS.pattern)
        return [line for line in lines if not line.startswith("Wrote ")]

    def quiet_for(self, seconds: float) -> list[str]:
        """Lines printed in the next ``seconds`` (to show that nothing happens)."""
        deadline, lines = time.monotonic() + seconds, []
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.next_line(left)
            except queue.Empty:
                break
            if line is None:
                break
            lines.append(line)
        return lines

    def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=TIMEOUT)
        finally:
            self.process.kill()


@pytest.fixture
def vault(make_vault: WriteVault) -> Path:
    return make_vault({"People/Jane.md": contact("Nobody"), "People/Bob.md": contact("Bob")})


@pytest.fixture
def watching(vault: Path) -> Iterator[Watching]:
    running = Watching(vault)
    running.wait_for(r"^Watching ")
    yield running
    running.stop()


def test_the_first_check_prints_every_finding_and_writes_the_summary(vault: Path) -> None:
    running = Watching(vault)
    try:
        lines = running.wait_for(r"^Watching ")
    finally:
        assert running.stop() == 0
    assert any(line.startswith("People/Jane.md:4:1: F005") for line in lines)
    assert "Found 0 errors, 1 warning, 0 infos in 2 notes." in lines
    assert "mdnet: summary" in (vault / "Network Summary.md").read_text()


def test_it_starts_from_the_last_checks_model_with_what_changed_since(
    make_vault: WriteVault,
) -> None:
    """Started after a check left its model (the snapshot, where a live vault starts:
    ``test_live_incremental``), with a note renamed since: its first report is a check's
    own, and so is what it reports of a structural change after it."""
    ann = "---\ntype: contact\n---\n- 2026-10-03 call [[Jane]]\n"
    root = make_vault({"People/Jane.md": contact("Nobody"), "People/Ann.md": ann})
    (root / "People/Bob.md").write_text(contact("Bob"))
    age(root)
    for _ in range(2):  # the second saves the model, once its answer is out (the first,
        mdnet_check(root)  # cold, does not)
    deadline = time.monotonic() + TIMEOUT
    while not (root / ".mdnet" / "model.pickle").is_file() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (root / ".mdnet" / "model.pickle").is_file()
    (root / "People/Jane.md").rename(root / "People/Janet.md")  # Ann's link dangles now
    running = Watching(root)
    try:
        first = running.wait_for(r"^Watching ")
        assert [line for line in first if line.startswith("People/")] == mdnet_check(root)
        (root / "People/Bob.md").write_text("---\ntype: contact\naliases: [Nobody]\n---\n")
        lines = running.update()
    finally:
        assert running.stop() == 0
    assert lines[0].startswith("- People/Janet.md:4:1: F005") and "[[Nobody]]" in lines[0]
    assert "People/Janet.md:4:1: F005" not in "\n".join(mdnet_check(root))


def keepers_done(root: Path) -> None:
    """Wait until no process keeps the snapshot of the vault at ``root`` (``live.kept``)."""
    deadline = time.monotonic() + TIMEOUT
    wanted = [b"mdnet.live.kept", str(root).encode()]
    while any(all(part in line for part in wanted) for line in _command_lines()):
        assert time.monotonic() < deadline, "the process keeping the snapshot never ended"
        time.sleep(0.05)


def _command_lines() -> list[bytes]:
    lines = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):  # gone meanwhile
                lines.append((entry / "cmdline").read_bytes())
    return lines


def mdnet_check(root: Path) -> list[str]:
    """The findings of ``mdnet check`` of ``root`` (from inside it), as it prints them."""
    command = [sys.executable, "-m", "mdnet", "check", "--today", "2026-11-26", "-q"]
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.splitlines()


def test_a_created_note(vault: Path, watching: Watching) -> None:
    (vault / "People/New.md").write_text(contact("Ghost"))
    lines = watching.update()
    assert lines[0].startswith("+ People/New.md:4:1: F005 unknown-contact [warning] [[Ghost]]")
    assert "People/New.md changed: 1 appeared, 0 disappeared" in lines[-1]


def test_a_note_written_in_place(vault: Path, watching: Watching) -> None:
    with open(vault / "People/Jane.md", "r+", encoding="utf-8") as note:
        note.write(contact("Ghost1"))  # same size, same inode, maybe the same mtime
    lines = watching.update()
    assert lines[0].startswith("- People/Jane.md:4:1: F005") and "[[Nobody]]" in lines[0]
    assert lines[1].startswith("+ People/Jane.md:4:1: F005") and "[[Ghost1]]" in lines[1]
    assert "People/Jane.md changed" in lines[-1]  # only that note was parsed again
    # once at most: its Data problems name the new link (F005); nothing else happens
    assert watching.quiet_for(0.5) in ([], ["Wrote Network Summary.md."])


def test_an_atomic_save_renamed_onto_the_note(vault: Path, watching: Watching) -> None:
    temporary = vault / "People/Jane.md.saving"  # watchdog reports a move, not a write
    temporary.write_text(contact("Saved"))
    os.replace(temporary, vault / "People/Jane.md")
    lines = watching.update()
    assert lines[0].startswith("- People/Jane.md:4:1: F005") and "[[Nobody]]" in lines[0]
    assert lines[1].startswith("+ People/Jane.md:4:1: F005") and "[[Saved]]" in lines[1]
    assert "People/Jane.md changed" in lines[-1]


def test_a_deleted_note(vault: Path, watching: Watching) -> None:
    (vault / "People/Jane.md").unlink()
    lines = watching.update()
    assert lines[0].startswith("- People/Jane.md:4:1: F005")
    assert "0 appeared, 1 disappeared" in lines[-1]


def test_a_renamed_note(vault: Path, watching: Watching) -> None:
    (vault / "People/Jane.md").rename(vault / "People/Janet.md")
    lines = watching.update()
    assert lines[0].startswith("- People/Jane.md:4:1: F005")
    assert lines[1].startswith("+ People/Janet.md:4:1: F005")
    assert "2 paths changed: 1 appeared, 1 disappeared" in lines[-1]


def test_a_note_moved_out_of_the_vault(vault: Path, watching: Watching, tmp_path: Path) -> None:
    (vault / "People/Jane.md").rename(tmp_path / "Jane.md")
    lines = watching.update()
    assert lines[0].startswith("- People/Jane.md:4:1: F005")


def test_a_folder_moved_out_of_the_vault(vault: Path, watching: Watching, tmp_path: Path) -> None:
    (vault / "People").rename(tmp_path / "People")
    lines = watching.update()
    assert lines[0].startswith("- People/Jane.md:4:1: F005")


def test_a_folder_moved_into_the_vault(vault: Path, watching: Watching, tmp_path: Path) -> None:
    """Listed alone: its notes come in, what links them resolves."""
    outside = tmp_path / "Friends"
    outside.mkdir()
    (outside / "Nobody.md").write_text("---\ntype: contact\n---\n")
    outside.rename(vault / "Friends")
    lines = watching.update()
    assert lines[0].startswith("- People/Jane.md:4:1: F005") and "[[Nobody]]" in lines[0]
    assert "0 appeared, 1 disappeared" in lines[-1]


def test_an_alias_makes_a_link_resolve(vault: Path, watching: Watching) -> None:
    (vault / "People/Bob.md").write_text("---\ntype: contact\naliases: [Nobody]\n---\n")
    lines = watching.update()
    assert lines[0].startswith("- People/Jane.md:4:1: F005") and "[[Nobody]]" in lines[0]
    assert "People/Bob.md changed: 0 appeared, 1 disappeared" in lines[-1]


def test_a_type_change_makes_links_interactions_or_not(vault: Path, watching: Watching) -> None:
    """Ann, linked from a dated entry, has interactions while she is a contact only."""
    (vault / "Daily").mkdir()
    (vault / "Daily/2026-01-05.md").write_text("- 2025-01-02 call [[Ann]]\n")
    (vault / "Projects").mkdir()
    (vault / "Projects/Ann.md").write_text("# Ann\n")
    watching.update()
    (vault / "Projects/Ann.md").write_text("---\ntype: contact\n---\n# Ann\n")
    lines = watching.update()
    assert any(line.startswith("+ Projects/Ann.md:1:1: R001") for line in lines), lines
    (vault / "Projects/Ann.md").write_text("---\ntype: project\n---\n# Ann\n")
    lines = watching.update()
    assert any(line.startswith("- Projects/Ann.md:1:1: R001") for line in lines), lines


def test_a_burst_of_changes_is_one_update(vault: Path, watching: Watching) -> None:
    """As a `git checkout` of many files: one update, not one per file."""
    for number in range(150):
        (vault / f"People/P{number}.md").write_text(contact(f"Ghost {number}"))
    lines = watching.update()
    assert "150 paths changed: 150 appeared, 0 disappeared" in lines[-1]


def test_editor_files_and_its_own_summary_are_ignored(vault: Path, watching: Watching) -> None:
    people = vault / "People"
    for name in (".Jane.md.swp", "Jane.md~", "4913", ".#Jane.md", ".goutputstream-X1Y2"):
        (people / name).write_text("scratch")
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian/workspace.md").write_text(contact("Hidden"))
    (people / "New.md").write_text(contact("Ghost"))  # a contact more: a new summary
    lines = watching.update()
    assert "People/New.md changed" in lines[-1]  # nothing else was counted
    watching.wait_for(r"^Wrote Network Summary.md\.$")
    assert watching.quiet_for(4 * watch_module.QUIET + 0.3) == []  # its write: no update


def test_a_bad_note_never_stops_it(vault: Path, watching: Watching) -> None:
    (vault / "People/Broken.md").write_text("---\nname: [unclosed\n---\n")
    (vault / "People/Binary.md").write_bytes(b"\x00\xff" * 100)
    lines = watching.update()
    assert any(line.startswith("+ People/Broken.md:2:1: F001") for line in lines)
    assert any(line.startswith("+ People/Binary.md:1:1: F002") for line in lines)
    (vault / "People/Broken.md").write_text(contact("Ghost"))
    lines = watching.update()
    assert any(line.startswith("- People/Broken.md:2:1: F001") for line in lines)
    assert watching.process.poll() is None


def test_a_second_watcher_refuses_to_start(vault: Path, watching: Watching) -> None:
    second = subprocess.run(
        [sys.executable, "-m", "mdnet", "watch", str(vault)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert second.returncode == 2
    assert f"already running on this vault (process {watching.process.pid})" in second.stderr


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_ends_it_cleanly(vault: Path, watching: Watching, sig: int) -> None:
    (vault / "People/New.md").write_text(contact("Ghost"))
    watching.update()
    assert watching.stop(sig) == (130 if sig == signal.SIGINT else 0)  # Ctrl-C: 130
    keepers_done(vault)  # the snapshot it left to a process of its own, written whole
    assert (vault / ".mdnet/model.pickle").is_file()
    assert not [path for path in vault.rglob("*") if path.name.endswith(".tmp")]
    with sqlite3.connect(vault / ".mdnet/index.sqlite") as index:
        assert index.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    again = Watching(vault, "--no-summary")  # the lock went with it
    try:
        again.wait_for(r"^Watching ")
    finally:
        assert again.stop() == 0


def test_no_summary_writes_no_summary(vault: Path) -> None:
    running = Watching(vault, "--no-summary")
    try:
        running.wait_for(r"^Watching ")
        (vault / "People/New.md").write_text(contact("Ghost"))
        running.update()
        assert running.quiet_for(4 * watch_module.QUIET + 0.3) == []
    finally:
        running.stop()
    assert not any(line.startswith("Wrote ") for line in running.seen)
    assert not (vault / "Network Summary.md").exists()


def test_relevant_paths() -> None:
    summary = "Network Summary.md"
    assert is_relevant("People/Jane.md", summary)
    assert is_relevant(".mdnet.toml", summary)
    assert is_relevant("People", summary, is_directory=True)
    for path in (
        summary,
        ".mdnet/index.sqlite",
        ".git/index",
        ".obsidian/a.md",
        "People/.Jane.md.swp",
        "People/Jane.md~",
        "People/4913",
        "People/.#Jane.md",
        "People/.goutputstream-ABC",
        "People/.Jane.md.x1.tmp",
        "People/.hidden",
    ):
        assert not is_relevant(path, summary), path


def test_a_new_day_is_evaluated_without_any_change(
    make_vault: WriteVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At midnight the date changes: an entry dated tomorrow stops being in the future."""
    root = make_vault({"People/Jane.md": "---\ntype: contact\n---\n- 2026-11-27 call\n"})
    days = iter([dt.date(2026, 11, 26), dt.date(2026, 11, 26)])
    monkeypatch.setattr(watch_module, "CLOCK_CHECK", 0.05)
    monkeypatch.chdir(root)
    out = io.StringIO()
    watcher = Watcher(
        root,
        load_config(root),
        config_path=None,
        today=lambda: next(days, dt.date(2026, 11, 27)),
        summary=False,
        out=out,
        err=io.StringIO(),
    )
    watcher.check()
    assert "F007" in out.getvalue()
    thread = threading.Thread(target=watcher.run)
    thread.start()
    deadline = time.monotonic() + TIMEOUT
    while "the date changed" not in out.getvalue() and time.monotonic() < deadline:
        time.sleep(0.02)
    watcher.stop()
    thread.join(TIMEOUT)
    assert "- People/Jane.md:4:1: F007" in out.getvalue()
    assert "] the date changed: " in out.getvalue()


def test_past_the_inotify_limit_it_polls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Exhausted(InotifyObserver):  # what ``Observer`` is on Linux
        def schedule(
            self,
            event_handler: FileSystemEventHandler,
            path: str | Path,
            *,
            recursive: bool = False,
            event_filter: list[type[FileSystemEvent]] | None = None,
            follow_symlink: bool = False,
        ) -> ObservedWatch:
            raise OSError(errno.ENOSPC, "inotify watch limit reached")

    monkeypatch.setattr(watch_events, "Observer", Exhausted)
    warnings = io.StringIO()
    handler = VaultEvents(tmp_path, "Network Summary.md")
    observer = start_observer(handler, warnings)
    try:
        (tmp_path / "Jane.md").write_text("x")
        assert handler.queue.get(timeout=TIMEOUT) == {"Jane.md"}
    finally:
        observer.stop()
        observer.join()
    assert type(observer).__name__ == "PollingObserver"
    assert "inotify watch limit reached; watching by polling" in warnings.getvalue()


def test_a_config_change_is_taken_in_and_a_bad_one_is_told(vault: Path, watching: Watching) -> None:
    (vault / ".mdnet.toml").write_text('[rules]\nignore = ["F005"]\n')
    lines = watching.update()
    assert lines[0].startswith("- People/Jane.md:4:1: F005")
    assert "0 findings in all" in lines[-1]
    (vault / ".mdnet.toml").write_text("[rules]\nignore = [\n")
    lines = watching.wait_for(r"still using the previous configuration")
    assert "invalid TOML" in lines[-1]
    assert watching.update()[-1].endswith("0 findings in all.")
    assert watching.process.poll() is None


def test_it_will_not_start_over_a_file_it_did_not_write(vault: Path) -> None:
    (vault / "Network Summary.md").write_text("# My own notes\n")
    refused = subprocess.run(
        [sys.executable, "-m", "mdnet", "watch", str(vault), "--today", "2026-11-26"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert refused.returncode == 2
    assert "was not written by mdnet" in refused.stderr
    assert (vault / "Network Summary.md").read_text() == "# My own notes\n"


def test_after_a_failed_update_the_next_one_starts_over(
    make_vault: WriteVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An update that fails half-way may leave the model behind the notes: the next one
    lists the vault again rather than build on it."""
    root = make_vault({"People/Jane.md": "---\ntype: contact\n---\n- 2026-11-27 call\n"})
    monkeypatch.chdir(root)
    out, err = io.StringIO(), io.StringIO()
    watcher = Watcher(
        root,
        load_config(root),
        config_path=None,
        today=lambda: dt.date(2026, 11, 26),
        summary=False,
        out=out,
        err=err,
    )
    watcher.check()
    assert "F007" in out.getvalue()
    (root / "People/Jane.md").write_text("---\ntype: contact\n---\n- 2026-11-20 call\n")

    def fail(*arguments: object) -> None:
        raise OSError("disk on fire")

    with monkeypatch.context() as patch:
        patch.setattr(watcher.live.builder, "update", fail)
        watcher.update({"People/Jane.md"})
    assert "cannot update: disk on fire" in err.getvalue()
    assert not watcher.live.vault.notes  # a new model, to be made from all the notes
    watcher.update({"People/Jane.md"})
    assert "- People/Jane.md:4:1: F007" in out.getvalue()


def test_starting_lists_the_vault_once(
    make_vault: WriteVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mdnet import pipeline
    from mdnet.live import vault as live_vault

    root = make_vault({"People/Jane.md": "---\ntype: contact\n---\n- 2026-11-27 call\n"})
    monkeypatch.chdir(root)
    listings: list[Path] = []
    real = list_notes

    def counted(vault: Path, config: object) -> object:
        listings.append(vault)
        return real(vault, config)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "list_notes", counted)
    monkeypatch.setattr(watch_module, "list_notes", counted, raising=False)
    monkeypatch.setattr(live_vault, "list_notes", counted)
    out = io.StringIO()
    watcher = Watcher(
        root,
        load_config(root),
        config_path=None,
        today=lambda: dt.date(2026, 11, 26),
        summary=False,
        out=out,
        err=io.StringIO(),
    )
    watcher.prime()
    watcher.check()
    assert "F007" in out.getvalue()
    assert len(listings) == 1


def test_events_about_excluded_notes_and_templates_are_dropped(make_vault: WriteVault) -> None:
    """They would list the whole vault again for nothing: the listing leaves them out."""
    from watchdog.events import FileModifiedEvent, FileMovedEvent

    root = make_vault(
        {
            ".mdnet.toml": '[vault]\nexclude = ["Archive/**"]\n',
            "People/Jane.md": "---\ntype: contact\n---\n",
            "Archive/Old.md": "old\n",
            "Templates/mdnet/contact.md": "---\ntype: contact\n---\n",
        }
    )
    watcher = Watcher(
        root,
        load_config(root),
        config_path=None,
        today=lambda: dt.date(2026, 11, 26),
        summary=False,
        out=io.StringIO(),
        err=io.StringIO(),
    )
    events = watcher.events
    for path in ("Archive/Old.md", "Templates/mdnet/contact.md"):
        events.on_any_event(FileModifiedEvent(str(root / path)))
    assert events.queue.empty()
    events.on_any_event(FileMovedEvent(str(root / "Archive/Old.md"), str(root / "Old.md")))
    assert events.queue.get_nowait() == {"Old.md"}  # out of the archive: a new note
    events.on_any_event(FileModifiedEvent(str(root / "People/Jane.md")))
    assert events.queue.get_nowait() == {"People/Jane.md"}


def test_an_edit_through_a_link_into_a_dot_folder(make_vault: WriteVault) -> None:
    """The scanner lists a note reached through a link into a dot-folder under the link's
    path; its edits come from inotify under the dot-folder's, and must not be dropped."""
    root = make_vault({".private/Jane.md": contact("Nobody"), ".team/Ann.md": contact("Nobody")})
    (root / "People").mkdir()
    (root / "People/Jane.md").symlink_to("../.private/Jane.md")
    (root / "Team").symlink_to(".team")
    running = Watching(root)
    try:
        running.wait_for(r"^Watching ")
        (root / ".private/Jane.md").write_text(contact("Ghost"))
        lines = running.update()
        assert lines[1].startswith("+ People/Jane.md:4:1: F005") and "[[Ghost]]" in lines[1]
        (root / ".team/Ann.md").write_text(contact("Ghost2"))
        lines = running.update()
        assert lines[1].startswith("+ Team/Ann.md:4:1: F005") and "[[Ghost2]]" in lines[1]
        (root / ".git").mkdir()
        (root / ".git/Jane.md").write_text(contact("Git"))  # no link reaches it
        assert [line for line in running.quiet_for(1.0) if not line.startswith("Wrote ")] == []
    finally:
        assert running.stop() == 0


def test_an_update_prints_each_finding_as_check_does(tmp_path: Path) -> None:
    """A vault's own finding (no line) as ``vault:``, a note's as ``path:line:column:``."""
    vault_wide = Finding("R002", "passive-network", "warning", "", 0, 0, "mostly passive")
    in_note = Finding("F005", "dangling-link", "warning", "People/Jane.md", 4, 1, "[[Nobody]]")
    out = io.StringIO()
    print_update(out, tmp_path, {"People/Jane.md"}, Update((vault_wide,), (in_note,), ()))
    checked = io.StringIO()
    write_text(checked, [vault_wide, in_note], tmp_path, color=False)
    *lines, status = out.getvalue().splitlines()
    assert lines == [
        f"- {checked.getvalue().splitlines()[0]}",
        f"+ {checked.getvalue().splitlines()[1]}",
    ]
    assert lines[0].endswith(": R002 passive-network [warning] mostly passive")
    assert ":0:0:" not in lines[0]
    assert status.endswith("People/Jane.md changed: 1 appeared, 1 disappeared. 1 finding in all.")
