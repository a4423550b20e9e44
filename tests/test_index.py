"""The index in .mdnet/: reused when nothing changed, invalidated by whatever changed."""

from __future__ import annotations

import io
import os
import pickle
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdnet.cache import index, stamps
from mdnet.cache import workers as parsing
from mdnet.cache.folder import STATE_FOLDER
from mdnet.cache.index import INDEX_NAME
from mdnet.cache.parser import CachedParser
from mdnet.cli import main
from mdnet.cli.progress import SHOW_FROM, ParseProgress
from mdnet.config import load_config
from mdnet.model.vault import Vault
from mdnet.notes.scan import list_notes
from mdnet.pipeline import check_vault, load_vault
from mdnet.rules.runner import Selection, run_rules
from tests.conftest import TODAY, WriteVault, where

JANE = """\
    ---
    type: contact
    last_contact: 2026-01-01
    ---
    - 2026-10-02 call #gave
"""
BOB = """\
    ---
    type: contact
    ---
    - 2026-09-01 email
"""
DAILY = """\
    - 2026-10-05 met [[Jane]] and [[Nobody]]
"""
DAY = 86_400_000_000_000


def age(root: Path, days: int = 1) -> None:
    """Date every note back, as if written long before (fresh ones are never cached)."""
    then = time.time_ns() - days * DAY
    for path in root.rglob("*.md"):
        os.utime(path, ns=(then, then))


def write(root: Path, relative: str, text: str, days_ago: int = 0) -> None:
    """Rewrite a note; ``days_ago`` dates it back (0: now)."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    if days_ago:
        then = time.time_ns() - days_ago * DAY
        os.utime(path, ns=(then, then))


def load(root: Path, parser: CachedParser | None = None) -> tuple[Vault, CachedParser]:
    parser = parser or CachedParser()
    try:
        return load_vault(root, load_config(root), parser), parser
    finally:
        parser.close()


def findings(vault: Vault) -> list[tuple[str, str, int]]:
    config = load_config(vault.root)
    return where(run_rules(vault, config, TODAY, Selection(("F",))))


@pytest.fixture
def vault(make_vault: WriteVault) -> Path:
    root = make_vault({"People/Jane.md": JANE, "People/Bob.md": BOB, "Daily/2026-10-05.md": DAILY})
    age(root)
    return root


def test_a_second_run_parses_nothing_and_finds_the_same(vault: Path) -> None:
    first, parser = load(vault)
    assert sorted(parser.parsed) == sorted(first.notes)
    second, again = load(vault)
    assert again.parsed == [] and again.reused == 3
    assert second.notes == first.notes
    assert findings(second) == findings(first) != []


def test_notes_remembered_without_their_blocks_are_read_from_the_index_again(
    vault: Path,
) -> None:
    """A live model lets its notes' blocks go once built; a vault built again from the
    same parser (a config reloaded) has them back, from the index, not parsed again."""
    parser = CachedParser()  # kept open, as a live vault keeps it
    first = load_vault(vault, load_config(vault), parser)
    for note in first.notes.values():
        note.shed_blocks()
    again, _ = load(vault, parser)
    assert parser.parsed == [] and parser.reused == 3
    assert not any(note.shed for note in again.notes.values())
    assert again.notes["Daily/2026-10-05.md"].blocks != ()
    assert findings(again) == findings(load(vault)[0])


def test_a_parser_that_let_go_of_its_notes_reads_them_from_the_index_again(
    vault: Path,
) -> None:
    """A check that built its model from the index lets the parser's memory of every note
    go (the model holds them; 18 MB at 100,000 notes, in the process that then writes
    the snapshot): asked again, it reads them from the index, parsing none."""
    load(vault)  # the index written
    config = load_config(vault)
    parser = CachedParser()
    try:
        check_vault(vault, config, TODAY, Selection.from_config(config), parser)
        assert parser.memory == {}
        again = load_vault(vault, config, parser)
        assert parser.parsed == [] and parser.reused == 3
        assert findings(again) == findings(load(vault)[0])
    finally:
        parser.close()


def test_the_index_is_a_sqlite_file_that_git_ignores(vault: Path) -> None:
    load(vault)
    assert (vault / STATE_FOLDER / ".gitignore").read_text() == "*\n"
    with sqlite3.connect(vault / STATE_FOLDER / INDEX_NAME) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("SELECT count(*) FROM notes").fetchone()[0] == 3


def test_an_edited_note_is_parsed_again(vault: Path) -> None:
    load(vault)
    write(vault, "People/Jane.md", JANE.replace("2026-01-01", "2026-10-05"), days_ago=1)
    edited, parser = load(vault)
    assert parser.parsed == ["People/Jane.md"]
    assert ("F008", "People/Jane.md", 3) not in findings(edited)


def test_a_note_edited_within_its_mtime_tick_is_never_trusted(vault: Path) -> None:
    """Same size, same time: only notes older than a few seconds are cached."""
    write(vault, "People/Bob.md", BOB)
    stat = (vault / "People/Bob.md").stat()
    load(vault)
    write(vault, "People/Bob.md", BOB.replace("email", "lunch"))
    os.utime(vault / "People/Bob.md", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    edited, parser = load(vault)
    assert "People/Bob.md" in parser.parsed
    assert edited.contacts["People/Bob.md"].interactions[0].channel == "lunch"


def test_a_deleted_note_leaves_the_index(vault: Path) -> None:
    load(vault)
    (vault / "People/Bob.md").unlink()
    after, parser = load(vault)
    assert "People/Bob.md" not in after.notes and parser.parsed == []
    kept = index.Index.open(vault, parser.stamp)
    assert kept is not None and "People/Bob.md" not in {row[0] for row in kept.rows()}


def test_a_renamed_note_is_parsed_under_its_new_name(vault: Path) -> None:
    load(vault)
    (vault / "People/Jane.md").rename(vault / "People/Jane Doe.md")
    after, parser = load(vault)
    assert parser.parsed == ["People/Jane Doe.md"]
    assert "People/Jane Doe.md" in after.contacts and "People/Jane.md" not in after.notes
    assert ("F005", "Daily/2026-10-05.md", 1) in findings(after)  # [[Jane]] is gone


def test_a_config_change_parses_everything_again(vault: Path) -> None:
    load(vault)
    (vault / ".mdnet.toml").write_text('[kinds]\ncontact = ["Daily/**"]\n')
    after, parser = load(vault)
    assert len(parser.parsed) == 3
    assert "Daily/2026-10-05.md" in after.contacts


def test_a_config_change_that_parsing_does_not_read_keeps_the_index(vault: Path) -> None:
    load(vault)
    (vault / ".mdnet.toml").write_text(
        '[thresholds]\ngiveback_days = 10\n[rules]\nignore = ["R"]\n'
    )
    after, parser = load(vault)
    assert parser.parsed == [] and parser.reused == 3
    assert "People/Jane.md" in after.contacts


def test_a_new_version_of_mdnet_parses_everything_again(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(vault)
    monkeypatch.setattr(stamps, "__version__", "99.0")
    _, parser = load(vault)
    assert len(parser.parsed) == 3
    _, parser = load(vault)
    assert parser.parsed == []


@pytest.mark.parametrize(
    "damage",
    [
        b"this is not a database at all" * 100,
        b"",
    ],
)
def test_a_corrupt_index_is_rebuilt_silently(vault: Path, damage: bytes) -> None:
    first, _ = load(vault)
    database = vault / STATE_FOLDER / INDEX_NAME
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.write_bytes(damage)
    after, parser = load(vault)
    assert findings(after) == findings(first) and len(parser.parsed) == 3
    _, parser = load(vault)
    assert parser.parsed == []


def test_a_damaged_page_is_rebuilt_silently(vault: Path) -> None:
    first, _ = load(vault)
    database = vault / STATE_FOLDER / INDEX_NAME
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(database.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first
    database.write_bytes(bytes(data))
    after, _ = load(vault)
    assert findings(after) == findings(first)


def test_a_bad_row_is_parsed_again_and_never_runs_code(vault: Path, tmp_path: Path) -> None:
    load(vault)
    proof = tmp_path / "pwned"
    evil = pickle.dumps(_Evil(str(proof)))
    with sqlite3.connect(vault / STATE_FOLDER / INDEX_NAME) as connection:
        connection.execute("UPDATE notes SET note = ? WHERE path = 'People/Bob.md'", (evil,))
        connection.execute("UPDATE notes SET note = x'00ff' WHERE path = 'People/Jane.md'")
    after, parser = load(vault)
    assert sorted(parser.parsed) == ["People/Bob.md", "People/Jane.md"]
    assert not proof.exists()
    assert "People/Bob.md" in after.contacts


class _Evil:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.path}",))


@pytest.mark.parametrize("obstacle", [STATE_FOLDER, f"{STATE_FOLDER}/{INDEX_NAME}/x"])
def test_a_vault_where_the_index_cannot_be_written_is_checked_without_it(
    vault: Path, obstacle: str
) -> None:
    """A file where the folder would go; a folder where the database would go."""
    (vault / obstacle).parent.mkdir(parents=True, exist_ok=True)
    (vault / obstacle).write_text("in the way")
    result = CliRunner().invoke(main, ["check", str(vault), "--today", "2026-11-26"])
    assert result.exit_code == 0, result.output
    assert "Daily/2026-10-05.md:1:" in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_vault_is_checked_without_an_index(vault: Path) -> None:
    modes = {path: path.stat().st_mode for path in [vault, *vault.rglob("*")] if path.is_dir()}
    for path in modes:
        path.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["check", str(vault), "--today", "2026-11-26"])
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
    assert result.exit_code == 0, result.output
    assert not (vault / STATE_FOLDER).exists()


def test_no_cache_neither_reads_nor_writes_the_index(vault: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--no-cache", str(vault), "--today", "2026-11-26"])
    assert result.exit_code == 0, result.output
    assert "F005" in result.output
    assert not (vault / STATE_FOLDER).exists()


def test_many_notes_are_parsed_on_every_core_with_the_same_result(
    make_vault: WriteVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    files: dict[str, str | bytes] = {f"People/P{i}.md": JANE for i in range(40)}
    files |= {f"Daily/2026-10-{i:02}.md": DAILY for i in range(1, 29)}
    root = make_vault(files)
    serial, _ = load(root, CachedParser(use_index=False))
    monkeypatch.setattr(parsing, "PARALLEL_MIN", 10)
    progress: list[tuple[int, int]] = []
    parallel, parser = load(
        root, CachedParser(use_index=False, progress=lambda *p: progress.append(p))
    )
    assert parallel.notes == serial.notes and len(parser.parsed) == 68
    assert progress[-1] == (68, 68)


def test_two_checks_at_once_neither_blocks_nor_corrupts(make_vault: WriteVault) -> None:
    files: dict[str, str | bytes] = {f"People/P{i}.md": JANE for i in range(300)}
    files["Daily/2026-10-05.md"] = DAILY
    root = make_vault(files)
    age(root)
    command = [sys.executable, "-m", "mdnet", "check", str(root), "--today", "2026-11-26"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=60)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert outputs[0] == outputs[1] and "F005" in outputs[0]
    with sqlite3.connect(root / STATE_FOLDER / INDEX_NAME) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    _, parser = load(root)
    assert parser.parsed == []


def test_a_check_runs_while_another_process_holds_the_index(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "BUSY_TIMEOUT_MS", 200)
    load(vault)
    write(vault, "People/Bob.md", BOB.replace("email", "lunch"), days_ago=1)
    holder = sqlite3.connect(vault / STATE_FOLDER / INDEX_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a writer in the middle of its transaction
    try:
        after, parser = load(vault)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert after.contacts["People/Bob.md"].interactions[0].channel == "lunch"
    assert parser.parsed == ["People/Bob.md"]


def test_a_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, drawn in ((io.StringIO(), False), (Terminal(), True)):
        monkeypatch.setattr(sys, "stderr", stream)
        progress = ParseProgress()
        for done in range(0, SHOW_FROM + 1, 500):
            progress(done, SHOW_FROM)
        assert ("Parsing notes" in stream.getvalue()) is drawn
    small = Terminal()
    monkeypatch.setattr(sys, "stderr", small)
    ParseProgress()(10, 10)  # a short run: no bar
    assert small.getvalue() == ""


def test_notes_read_from_the_index_keep_the_listings_path_and_numbers(vault: Path) -> None:
    """What the parser remembers of a note read from the index shares the listing's
    path string, size and time: 100,000 notes held no second copy of each (13 MB)."""
    load(vault)
    config = load_config(vault)
    files = list_notes(vault, config)
    parser = CachedParser()
    try:
        parser(vault, files, config)
    finally:
        parser.close()
    assert parser.parsed == []
    for file in files:
        (path, (size, mtime_ns, note)) = next(
            item for item in parser.memory.items() if item[0] == file.path
        )
        assert path is file.path and note.path is file.path
        assert size is file.size and mtime_ns is file.mtime_ns


def test_a_row_holds_the_whole_note_as_its_class_makes_it() -> None:
    """``from_row`` fills every one of a Note's slots: every field, no other."""
    import dataclasses

    from mdnet.notes.parse import parse_note

    text = (
        "---\ntype: contact\nlast_contact: 2026-13-01\nmet: 2026-01-02\n---\n"
        "- 2026-10-02 call [[Jane|J]] and [b](Bob.md) #gave\n- 2026-02-30 bad\n"
    )
    note = parse_note("People/Al.md", text, load_config(Path("/nonexistent")))
    assert note.blocks and note.problems and note.fields
    loaded = index.load(index.dump(note))
    assert loaded == note and type(loaded) is type(note)
    names = [field.name for field in dataclasses.fields(note)]
    assert list(loaded.__slots__) == names and not hasattr(loaded, "__dict__")
    assert all(getattr(loaded, name) == getattr(note, name) for name in names)
    assert [type(link) for block in loaded.blocks for link in block.links] == [
        type(link) for block in note.blocks for link in block.links
    ]


def test_a_note_is_slotted_and_stays_frozen() -> None:
    """A note holds no ``__dict__`` (a hundred thousand of them in a large vault) and
    cannot be changed; pickled and back it is the same note."""
    import dataclasses
    import pickle

    from mdnet.notes.parse import parse_note

    note = parse_note(
        "People/Al.md",
        "---\ntype: contact\n---\n- 2026-10-02 call\n",
        load_config(Path("/nonexistent")),
    )
    assert not hasattr(note, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        note.kind = "plain"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(note)) == note
