"""The index written beside a cold check, in a process of its own (``cache.writer``)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mdnet import background
from mdnet.cache import parser as parser_module
from mdnet.cache.index import Index
from mdnet.cache.parser import CachedParser
from mdnet.cache.stamps import parser_stamp
from mdnet.cache.workers import PARALLEL_MIN
from mdnet.config import load_config
from mdnet.notes.scan import list_notes
from tests.conftest import WriteVault
from tests.test_index import DAILY, JANE, age, load

MANY = PARALLEL_MIN + 50


@pytest.fixture
def many(make_vault: WriteVault) -> Path:
    files: dict[str, str | bytes] = {f"People/P{i}.md": JANE for i in range(MANY - 20)}
    files |= {f"Daily/2026-10-{i:02}.md": DAILY for i in range(1, 21)}
    root = make_vault(files)
    age(root)
    return root


def indexed(root: Path) -> dict[str, bytes]:
    """The index's rows by path, read without mdnet's parser."""
    config = load_config(root)
    index = Index.open(root, parser_stamp(config))
    assert index is not None
    try:
        return {path: blob for path, _size, _mtime, blob in index.rows()}
    finally:
        index.close()


PARSE_IN_A_PROCESS_OF_ITS_OWN = """
import sys
from pathlib import Path
from mdnet import background
from mdnet.cache.parser import CachedParser
from mdnet.config import load_config
from mdnet.notes.scan import list_notes
root = Path(sys.argv[1])
config = load_config(root)
parser = CachedParser()
notes = parser(root, list_notes(root, config), config)
print(len(notes), len(background._alongside))
parser.close()
print(len(background._alongside))
"""


def test_a_cold_parse_of_many_notes_leaves_the_index_to_a_child(many: Path) -> None:
    """(In a process of its own: pytest's may run threads, and then nothing forks.)"""
    run = subprocess.run(
        [sys.executable, "-c", PARSE_IN_A_PROCESS_OF_ITS_OWN, str(many)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert run.stdout.split() == [str(MANY), "1", "0"]  # one writer, waited for at close
    assert len(indexed(many)) == MANY
    serial, _ = load(many, CachedParser(use_index=False))
    again, parser = load(many)
    assert parser.parsed == [] and again.notes == serial.notes


def test_a_check_ends_with_its_index_written(many: Path) -> None:
    command = [sys.executable, "-m", "mdnet", "check", str(many), "--today", "2026-11-26"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0 and "F005" in first.stdout  # [[Nobody]], a warning
    assert len(indexed(many)) == MANY  # at once: the check waited for its writer
    _, parser = load(many)
    assert parser.parsed == []
    second = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert second.stdout == first.stdout


def test_with_threads_running_the_index_is_written_here(many: Path) -> None:
    stop = threading.Event()
    running = threading.Thread(target=stop.wait)  # as watch mode's observer
    running.start()
    try:
        assert not background.can_fork()
        config = load_config(many)
        parser = CachedParser()
        parser(many, list_notes(many, config), config)
        assert background._alongside == [] and len(indexed(many)) == MANY
        parser.close()
    finally:
        stop.set()
        running.join()


def test_where_no_process_can_be_made_the_index_is_written_here(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fork() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(parser_module, "can_fork", lambda: True)
    monkeypatch.setattr(os, "fork", no_fork)  # the os module background forks with
    config = load_config(many)
    parser = CachedParser()
    parser(many, list_notes(many, config), config)
    assert background._alongside == [] and len(indexed(many)) == MANY
    parser.close()
    serial, _ = load(many, CachedParser(use_index=False))
    again, parser = load(many)
    assert parser.parsed == [] and again.notes == serial.notes
