"""`mdnet check` answered by a running `mdnet watch`: the same output and exit code as a
check of its own, and its own work whenever the server cannot answer."""

from __future__ import annotations

import importlib
import io
import json
import os
import socket
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from watchdog.events import FileSystemEvent

from mdnet import language, pipeline
from mdnet.cli import main
from mdnet.config import load_config
from mdnet.live.client import ask_server
from mdnet.live.protocol import SOCKET_NAME, Request, address, code_stamp
from mdnet.live.server import CheckServer
from mdnet.live.vault import LiveVault
from mdnet.rules.runner import Selection
from mdnet.watch.events import VaultEvents, start_observer
from mdnet.watch.watcher import Watcher
from tests.conftest import TODAY, WriteVault
from tests.test_watch import Watching, contact

check_command = importlib.import_module("mdnet.cli.checking")  # where each vault is checked
FILES = {
    "People/Jane.md": "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call [[Nobody]]\n",
    "People/Bob.md": "---\ntype: contact\nbirthday: 2026-13-01\n---\n",
    "Daily/2026-11-20.md": "Lunch with [[Bob]].\n",
}


def run_check(root: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(root), "--today", "2026-11-26", *options])
    return result.exit_code, result.output


@pytest.fixture
def vault(make_vault: WriteVault) -> Path:
    return make_vault(FILES)


@pytest.fixture
def watching(vault: Path) -> Iterator[Watching]:
    running = Watching(vault)
    running.wait_for(r"^Watching ")
    yield running
    running.stop()


def cannot_check(*arguments: object) -> None:
    raise AssertionError("the check did its own work: the server did not answer")


@pytest.mark.parametrize(
    "options",
    [
        (),
        ("--format", "json"),
        ("--format", "github"),
        ("--select", "F"),
        ("--select", "R", "-q"),
        ("--strict",),
        ("--statistics",),
        ("-q",),
    ],
)
def test_a_running_watch_answers_as_the_check_would(
    vault: Path, watching: Watching, monkeypatch: pytest.MonkeyPatch, options: tuple[str, ...]
) -> None:
    """The server prints the report as the check would (the check asks no findings)."""
    own = run_check(vault, "--no-cache", *options)
    monkeypatch.setattr(pipeline, "check_answer", cannot_check)
    monkeypatch.setattr(check_command, "ask_server", cannot_check)
    assert run_check(vault, *options) == own
    assert own[0] == (0 if "R" in options else 1)  # an F003 error: the exit code too


def test_a_change_just_saved_is_in_the_answer(
    vault: Path, watching: Watching, monkeypatch: pytest.MonkeyPatch
) -> None:
    (vault / "People/New.md").write_text(contact("Ghost"))
    monkeypatch.setattr(pipeline, "check_answer", cannot_check)
    _, output = run_check(vault)
    assert "People/New.md:4:1: F005" in output


def test_the_watcher_waits_for_the_events_of_changes_made_before_a_check(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However late the system delivers file events (a busy machine), the server takes in
    every change made before the check asked: it waits for the event of a file of its own."""
    handle = VaultEvents.on_any_event

    def late(events: VaultEvents, event: FileSystemEvent) -> None:
        time.sleep(0.1)
        handle(events, event)

    monkeypatch.setattr(VaultEvents, "on_any_event", late)
    (vault / ".mdnet").mkdir(exist_ok=True)  # as `mdnet watch` makes it before watching
    watcher = Watcher(
        vault,
        load_config(vault),
        config_path=None,
        today=lambda: TODAY,
        summary=False,
        out=io.StringIO(),
        err=io.StringIO(),
    )
    watcher.prime()
    observer = start_observer(watcher.events, io.StringIO())
    try:
        (vault / "People/New.md").write_text(contact("Ghost"))
        assert watcher.sync() is None
        found = {(finding.path, finding.code) for finding in watcher.live.findings}
        assert ("People/New.md", "F005") in found
        assert not [path.name for path in (vault / ".mdnet").iterdir() if "sync" in path.name]
    finally:
        observer.stop()
        observer.join(timeout=5)
        watcher.live.parser.close()


def test_the_socket_is_the_users_only(vault: Path, watching: Watching) -> None:
    mode = (vault / ".mdnet" / SOCKET_NAME).stat().st_mode
    assert stat.S_ISSOCK(mode) and stat.S_IMODE(mode) == 0o600


def test_another_day_or_rules_it_does_not_run_are_the_checks_own_work(
    make_vault: WriteVault,
) -> None:
    root = make_vault({**FILES, ".mdnet.toml": '[rules]\nignore = ["R001"]\n'})
    config = load_config(root)
    live = LiveVault(root, config, TODAY)
    live.load()
    server = CheckServer(live, lambda: None)
    assert server.start()
    try:
        everything = Selection.from_config(config)
        assert ask_server(root, config, TODAY, everything) is not None
        other_day = TODAY.replace(day=27)
        assert ask_server(root, config, other_day, everything) is None
        more = Selection.from_config(config, ignore=())
        assert ask_server(root, config, TODAY, Selection(("R001",))) is None
        assert ask_server(root, load_config(root.parent), TODAY, more) is None  # other config
    finally:
        server.stop()
    assert not (root / ".mdnet" / SOCKET_NAME).exists()


class HalfAnswer:
    """A server that reads the request and is killed half-way through its answer."""

    def __init__(self, path: Path) -> None:
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        with address(path) as where:
            self.listener.bind(where)
        self.listener.listen(1)
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        connection, _ = self.listener.accept()
        connection.recv(65536)
        connection.sendall(b'{"findings": [["F005", "unknown-contact", "warn')
        connection.close()


@pytest.mark.parametrize("server", ["half", "silent-file"])
def test_a_server_killed_mid_answer_or_gone_leaves_the_check_to_itself(
    vault: Path, server: str
) -> None:
    own = run_check(vault, "--no-cache")
    folder = vault / ".mdnet"
    folder.mkdir(exist_ok=True)
    path = folder / SOCKET_NAME
    if server == "half":
        HalfAnswer(path)
    else:
        path.write_text("not a socket")  # left behind, or anything else
    assert run_check(vault) == own


def test_a_served_json_answer_is_the_checks(
    vault: Path, watching: Watching, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = json.loads(run_check(vault, "--no-cache", "--format", "json")[1])
    monkeypatch.setattr(pipeline, "check_answer", cannot_check)
    served = json.loads(run_check(vault, "--format", "json")[1])
    assert served == own
    assert os.environ.get("MDNET_TODAY") is None  # the day came from --today alone


def test_a_check_in_another_language_is_the_checks_own_work(make_vault: WriteVault) -> None:
    """The server's findings are written in its language: a check speaking another one
    (another LANG) does its own work rather than print them."""
    root = make_vault(FILES)
    config = load_config(root)
    live = LiveVault(root, config, TODAY)
    live.load()
    server = CheckServer(live, lambda: None)
    assert server.start()
    try:
        everything = Selection.from_config(config)
        assert ask_server(root, config, TODAY, everything) is not None
        assert language.current() == "en"  # the server's
        request = Request(code_stamp(), config.fingerprint, TODAY, ("F001",), "fr")
        assert b"another language" in server.reply(request)
        english = Request(code_stamp(), config.fingerprint, TODAY, ("F001",), "en")
        assert b"decline" not in server.reply(english)
    finally:
        server.stop()


def test_notes_given_as_files_are_shown_alone_by_the_server(
    vault: Path, watching: Watching, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As pre-commit passes the notes it commits: the report shows theirs alone."""
    files = [str(vault / "People/Bob.md"), str(vault / "Daily/2026-11-20.md")]
    command = ["check", *files, "--vault", str(vault), "--today", "2026-11-26"]
    own = CliRunner().invoke(main, [*command, "--no-cache"])
    monkeypatch.setattr(pipeline, "check_answer", cannot_check)
    served = CliRunner().invoke(main, command)
    assert (served.exit_code, served.output) == (own.exit_code, own.output)
    assert "People/Bob.md" in served.output and "People/Jane.md" not in served.output


@pytest.mark.parametrize("charset", ["utf-8", "latin-1"])
def test_a_served_report_is_written_in_the_encoding_of_stdout(
    vault: Path, watching: Watching, monkeypatch: pytest.MonkeyPatch, charset: str
) -> None:
    """The server sends the report's text in UTF-8, which goes out as it is where stdout
    writes UTF-8, and is written as text in any other encoding."""
    (vault / "People/Zoé.md").write_text(
        "---\ntype: contact\n---\n- 2026-05-02 call [[Chloé]]\n", encoding="utf-8"
    )
    command = ["check", str(vault), "--today", "2026-11-26"]
    own = CliRunner(charset=charset).invoke(main, [*command, "--no-cache"])
    monkeypatch.setattr(pipeline, "check_answer", cannot_check)
    served = CliRunner(charset=charset).invoke(main, command)
    assert "Chloé".encode(charset) in own.stdout_bytes
    assert (served.exit_code, served.stdout_bytes) == (own.exit_code, own.stdout_bytes)
