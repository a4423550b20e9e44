"""Parsing many notes on every core: this process works too, and a worker that dies
costs time, never notes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mdnet.cache import workers as parsing
from mdnet.cache.rows import load
from mdnet.config import Config, load_config
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_all, parse_file
from mdnet.notes.scan import NoteFile, list_notes
from tests.conftest import WriteVault

CONTACT = "---\ntype: contact\n---\n- 2026-10-0{day} call [[Jane]] #gave\n"


@pytest.fixture
def root(make_vault: WriteVault, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(parsing, "PARALLEL_MIN", 10)
    monkeypatch.setattr(parsing, "CHUNK", 4)
    monkeypatch.setattr(parsing, "_cores", lambda: 3)  # two workers, even on one core
    return make_vault({f"People/P{i}.md": CONTACT.format(day=i % 9 + 1) for i in range(60)})


def test_every_note_is_parsed_once_in_order_with_its_row(root: Path) -> None:
    config = load_config(root)
    files = list_notes(root, config)
    progress: list[tuple[int, int]] = []
    parsed = parsing.parse_notes(root, files, config, lambda *done: progress.append(done))
    assert [note for note, _ in parsed] == parse_all(root, files, config)
    assert all(load(row) == note for note, row in parsed)
    assert progress[-1] == (60, 60)


def test_without_rows_no_pickle_is_made_here(root: Path) -> None:
    config = load_config(root)
    files = list_notes(root, config)
    parsed = parsing.parse_notes(root, files, config, keep_rows=False)
    assert [note for note, _ in parsed] == parse_all(root, files, config)
    assert all(row == b"" or load(row) == note for note, row in parsed)


def test_chunks_of_a_worker_that_dies_are_parsed_here(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    real = parse_file  # what ``parsing`` calls

    def dies_in_a_worker(vault: Path, file: NoteFile, config: Config) -> Note:
        if os.getpid() != parent:
            os._exit(1)  # killed mid-chunk: nothing delivered
        return real(vault, file, config)

    monkeypatch.setattr(parsing, "parse_file", dies_in_a_worker)
    config = load_config(root)
    files = list_notes(root, config)
    parsed = parsing.parse_notes(root, files, config)
    assert [note for note, _ in parsed] == parse_all(root, files, config)


def test_a_worker_that_fails_leaves_the_error_to_this_process(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(vault: Path, file: NoteFile, config: Config) -> Note:
        raise RuntimeError(f"cannot parse {file.path}")

    monkeypatch.setattr(parsing, "parse_file", fails)
    config = load_config(root)
    with pytest.raises(RuntimeError, match="cannot parse People/"):
        parsing.parse_notes(root, list_notes(root, config), config)


def test_no_worker_can_start_and_this_process_parses_all(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing.process

    def no_processes(self: object) -> None:
        raise OSError("no processes")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", no_processes)
    config = load_config(root)
    files = list_notes(root, config)
    parsed = parsing.parse_notes(root, files, config)
    assert [note for note, _ in parsed] == parse_all(root, files, config)
