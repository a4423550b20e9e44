"""The model's snapshot in .mdnet/: a warm check starts from it and finds what a check
from scratch finds, whatever changed since; it is written only when it drifted."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import pickle
import pickletools
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdnet import pipeline
from mdnet.cache import model_pickle, read_again, snapshot, stamps
from mdnet.cache.folder import SNAPSHOT_NAME, STATE_FOLDER
from mdnet.cache.model_pickle import SnapshotPickler, SnapshotUnpickler
from mdnet.cache.model_tables import TABLES, Table, model_tables
from mdnet.cache.parser import CachedParser
from mdnet.config import Config, load_config
from mdnet.model.builder import Builder
from mdnet.model.contact import Contact, Interaction
from mdnet.model.found import Found
from mdnet.model.vault import Vault
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_all, parse_file  # parse_file: what read_again calls
from mdnet.notes.scan import NoteFile, listing
from mdnet.pipeline import check_vault
from mdnet.rules.finding import Finding
from mdnet.rules.runner import InPlaceOrder, Selection, run_rules
from mdnet.summary import render
from tests.conftest import TODAY, WriteVault
from tests.test_incremental import CONFIG, PATHS, ROOT, VERSIONS, outcome, parsed
from tests.test_index import _Evil, age, write

NOTES = {
    "People/Ann.md": """\
        ---
        type: contact
        tier: close
        ---
        - 2026-03-01 coffee: #got an intro
        """,
    "People/Bob.md": """\
        ---
        type: contact
        met: 2026-10-01
        ---
        """,
    "Daily/2026-10-05.md": "- 2026-10-05 lunch with [[Ann]] and [[Nobody]] #promised a call\n",
}
SNAPSHOT = Path(STATE_FOLDER) / SNAPSHOT_NAME


@pytest.fixture
def vault(make_vault: WriteVault) -> Path:
    root = make_vault(NOTES)
    age(root)
    return root


def check(root: Path, today: dt.date = TODAY, use_index: bool = True) -> list[Finding]:
    config = load_config(root)
    parser = CachedParser(use_index=use_index)
    try:
        return check_vault(root, config, today, Selection.from_config(config), parser)[1]
    finally:
        parser.close()


def written(root: Path) -> int:
    """The snapshot's modification time (0: none)."""
    path = root / SNAPSHOT
    return path.stat().st_mtime_ns if path.exists() else 0


def test_a_cold_check_writes_no_snapshot_and_the_next_one_does(vault: Path) -> None:
    cold = check(vault)
    assert not (vault / SNAPSHOT).exists()  # a cold run stays as quick as it can
    assert check(vault) == cold
    assert (vault / SNAPSHOT).exists()
    restored = snapshot.restore(vault, load_config(vault))
    assert restored is not None and sorted(restored.files) == sorted(NOTES)
    assert check(vault) == cold  # from the snapshot


@pytest.mark.parametrize(
    "change",
    [
        lambda root: write(root, "People/Bob.md", "---\ntype: contact\n---\n- 2026-11-20 call\n"),
        lambda root: write(root, "People/Cy.md", "---\ntype: contact\n---\n- 2026-11-20 call\n"),
        lambda root: write(root, "People/Nobody.md", "---\ntype: contact\n---\n"),
        lambda root: (root / "People/Bob.md").unlink(),
        lambda root: (root / "People/Ann.md").rename(root / "People/Anna.md"),
        lambda root: write(root, ".mdnet.toml", "[thresholds]\ngiveback_days = 400\n"),
        lambda root: write(root, "Daily/2026-10-05.md", "- 2026-10-05 lunch [[Bob]] #got\n"),
    ],
)
def test_a_check_from_the_snapshot_finds_what_a_check_from_scratch_finds(
    vault: Path, change: object
) -> None:
    check(vault)
    check(vault)  # writes the snapshot
    assert callable(change)
    change(vault)
    assert check(vault) == check(vault, use_index=False)
    assert check(vault) == check(vault, use_index=False)  # and once more, after it


@pytest.mark.parametrize(
    "change",
    [
        lambda root: write(root, "People/Nobody.md", "---\ntype: contact\n---\n"),
        lambda root: write(root, "People/Bob.md", "---\ntype: contact\naliases: [Nobody]\n---\n"),
        lambda root: write(root, "People/Ann.md", "---\ntype: event\n---\n"),
        lambda root: (root / "People/Ann.md").unlink(),
    ],
)
def test_a_check_from_the_snapshot_reads_again_only_the_notes_a_change_of_shape_reaches(
    vault: Path, change: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note that came or went, another kind, new aliases: the model from the snapshot
    is updated in place, reading again only the notes that link a name that moved (the
    daily note), not built again from every note (the index and the snapshot at once
    took 550 MB at 100,000 notes)."""
    check(vault)
    check(vault)  # writes the snapshot, with which notes link each name
    assert callable(change)
    change(vault)
    read: list[str] = []

    def counted(root: Path, file: NoteFile, config: Config) -> Note:
        read.append(file.path)
        return parse_file(root, file, config)

    monkeypatch.setattr(read_again, "parse_file", counted)
    monkeypatch.setattr(Builder, "build", None)  # never called
    findings = check(vault)
    assert read == ["Daily/2026-10-05.md"]
    monkeypatch.undo()
    assert findings == check(vault, use_index=False)
    assert check(vault) == findings  # from the snapshot the change wrote


def test_a_note_read_again_that_changed_since_the_listing_is_taken_in_whole(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note read again for a name that moved, written between the check's listing and
    that reading: its new text is not joined to the fields the snapshot kept of it (here
    it became a contact); the check takes the note in whole, as a check from scratch of
    the vault as it is then."""
    check(vault)
    check(vault)  # writes the snapshot
    write(vault, "People/Nobody.md", "---\ntype: contact\n---\n")  # [[Nobody]] resolves
    daily = "Daily/2026-10-05.md"

    def written_meanwhile(root: Path, file: NoteFile, config: Config) -> Note:
        if file.path == daily and file.size == 0:  # read again, after the listing
            text = "---\ntype: contact\n---\n" + (root / daily).read_text()
            write(root, daily, text, days_ago=0)
        return parse_file(root, file, config)

    monkeypatch.setattr(read_again, "parse_file", written_meanwhile)
    findings = check(vault)
    monkeypatch.undo()
    assert findings == check(vault, use_index=False)
    assert check(vault) == findings


@pytest.mark.parametrize("meanwhile", ["moved out", "written"])
def test_a_note_taken_in_whole_is_saved_as_it_was_read_not_as_listed(
    vault: Path, tmp_path: Path, meanwhile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note gone, or written, between the listing and its reading again: the snapshot
    that check saves knows it as it was read, so that its listed version put back with
    its times (``mv``, a sync restoring it) is seen as a change."""
    check(vault)
    check(vault)  # writes the snapshot
    write(vault, "People/Nobody.md", "---\ntype: contact\n---\n")  # [[Nobody]] resolves
    daily, aside = "Daily/2026-10-05.md", tmp_path / "aside.md"
    shutil.copy2(vault / daily, aside)  # its times kept

    def changed_meanwhile(root: Path, file: NoteFile, config: Config) -> Note:
        if file.path == daily and file.size == 0 and (root / daily).exists():
            if meanwhile == "moved out":
                (root / daily).unlink()
            else:
                write(root, daily, "- 2026-10-05 nothing here\n")
        return parse_file(root, file, config)

    monkeypatch.setattr(read_again, "parse_file", changed_meanwhile)
    check(vault)  # reshaped: the snapshot is written again
    monkeypatch.undo()
    shutil.copy2(aside, vault / daily)  # back as it was listed
    assert check(vault) == check(vault, use_index=False)


def test_the_snapshot_forgets_the_notes_gone_from_which_notes_link_each_name(
    vault: Path,
) -> None:
    """A restored note has let its blocks go: the names its text linked cannot be taken
    off when it changes or goes (``Linkers.relink``). The snapshot, carried from check to
    check, is saved without the notes gone."""
    check(vault)
    check(vault)  # writes the snapshot
    (vault / "Daily/2026-10-05.md").unlink()
    write(vault, "People/Cy.md", "---\ntype: contact\n---\n", days_ago=1)
    check(vault)  # notes came and went: the snapshot is written again
    restored = snapshot.restore(vault, load_config(vault))
    assert restored is not None and restored.builder.linkers is not None
    linking = restored.builder.linkers.by_name
    assert not any("Daily/2026-10-05.md" in paths for paths in linking.values())
    assert check(vault) == check(vault, use_index=False)


def test_another_day_works_everything_out_again_and_rewrites_the_snapshot(vault: Path) -> None:
    check(vault)
    check(vault)
    before = written(vault)
    later = dt.date(2027, 3, 1)
    assert check(vault, later) == check(vault, later, use_index=False)
    assert written(vault) != before


def test_what_was_worked_out_for_another_day_is_let_go_as_the_snapshot_is_restored(
    vault: Path,
) -> None:
    """The first check of a day works out everything again: the answers kept for the
    snapshot's day, and the totals over them, are not held through its rules (40 MB at
    100,000 notes, over the budget)."""
    check(vault)
    check(vault)  # writes the snapshot
    config = load_config(vault)
    same_day = snapshot.restore(vault, config, today=TODAY)
    assert same_day is not None
    assert same_day.builder.vault.totals
    assert any(contact.memo for contact in same_day.builder.vault.contacts.values())
    next_day = snapshot.restore(vault, config, today=TODAY + dt.timedelta(days=1))
    assert next_day is not None
    assert not next_day.builder.vault.totals
    assert not any(contact.memo for contact in next_day.builder.vault.contacts.values())


def test_the_first_check_of_a_day_runs_its_rules_holding_nothing_of_the_day_before(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(vault)
    check(vault)  # writes the snapshot
    held: list[bool] = []

    def looked_at(
        model: Vault, config: Config, today: dt.date, selection: Selection
    ) -> list[Finding]:
        memos = [contact.memo for contact in model.contacts.values()]
        held.append(bool(model.totals) or any(memos))
        return run_rules(model, config, today, selection)

    monkeypatch.setattr(pipeline, "run_rules", looked_at)
    later = TODAY + dt.timedelta(days=1)
    findings = check(vault, later)
    assert held == [False]
    monkeypatch.undo()
    assert findings == check(vault, later, use_index=False)


def test_the_snapshot_is_written_again_only_once_it_drifted(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(vault)
    check(vault)
    first = written(vault)
    write(vault, "People/Bob.md", "---\ntype: contact\n---\n- 2026-11-20 call\n", days_ago=1)
    check(vault)
    assert written(vault) == first  # one note changed: brought up to date, not rewritten
    monkeypatch.setattr(snapshot, "DRIFT", 0)
    check(vault)
    assert written(vault) != first
    assert snapshot.restore(vault, load_config(vault)) is not None


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(("junk",))])
def test_a_damaged_snapshot_is_done_without(vault: Path, damage: bytes) -> None:
    expected = check(vault)
    check(vault)
    (vault / SNAPSHOT).write_bytes(damage)
    assert snapshot.restore(vault, load_config(vault)) is None
    assert check(vault) == expected


def test_a_snapshot_never_runs_code(vault: Path, tmp_path: Path) -> None:
    check(vault)
    proof = tmp_path / "pwned"
    (vault / STATE_FOLDER).mkdir(exist_ok=True)
    config = load_config(vault)
    for evil in (
        as_saved(config, _Evil(str(proof))),
        as_saved(config, (), [[_Evil(str(proof))] * WIDTH]),
    ):
        (vault / SNAPSHOT).write_bytes(evil)
        assert snapshot.restore(vault, load_config(vault)) is None
    assert not proof.exists()


def as_saved(
    config: Config,
    state: object,
    *tables: Sequence[list[Any]],
    listed: Sequence[object] = ([], []),
    apart: Sequence[object] = ([], []),
) -> bytes:
    """A snapshot file as ``mdnet.cache.snapshot`` writes one for ``config``: what made it,
    the notes listed (their paths, then their numbers), then for each of its tables
    (``model_pickle.TABLES``: entries, findings, notes...; none given, none saved) the
    count of its parts and each part's values, then the lists saved apart (the names
    links resolve through, and which notes link each), then the state."""
    every = [*tables, *[()] * (len(TABLES) - len(tables))]
    pieces = [
        piece
        for table, parts in zip(TABLES, every, strict=True)
        for piece in (len(parts), *(each for part in parts for each in _saved(table, part)))
    ]
    return pickle.dumps(snapshot.made_by(config)) + b"".join(
        map(pickle.dumps, (*listed, *pieces, len(apart), *apart, state))
    )


def _saved(table: Table, part: list[Any]) -> list[list[Any]]:
    """A table's part as saved: the values saved apart (``Table.alone``), then the rest."""
    apart, rest = [], list(part)
    for place in table.alone:
        alone = slice(place, None, table.width)
        apart.append(part[alone])
        rest[alone] = [None] * len(rest[alone])
    return [*apart, rest]


def made_by(config: Config, listed: tuple[list[str], list[int]] = ([], [])) -> bytes:
    """What a snapshot for ``config`` starts with: what made it, the notes listed."""
    return b"".join(map(pickle.dumps, (snapshot.made_by(config), *listed)))


WIDTH = len(Interaction._fields)
NO_NOTES: tuple[list[str], list[int]] = ([], [])  # no note listed: paths, then numbers
NONE = pickle.dumps(0) * len(TABLES)  # every table empty


def test_a_snapshot_of_another_mdnet_is_done_without(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(vault)
    check(vault)
    assert snapshot.restore(vault, load_config(vault)) is not None
    monkeypatch.setattr(snapshot, "SNAPSHOT_FORMAT", stamps.SNAPSHOT_FORMAT + 1)
    assert snapshot.restore(vault, load_config(vault)) is None


def test_a_snapshot_made_for_another_config_is_not_read_past_what_made_it(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A config edited (or mdnet upgraded) makes the snapshot stale: it is known so from
    its first pickle, without reading the model (a second at 100,000 notes)."""
    check(vault)
    check(vault)
    config = load_config(vault)
    edited = dataclasses.replace(config, text=config.text + "\n# edited\n")
    assert snapshot.restore(vault, config) is not None
    loads: list[object] = []
    load = SnapshotUnpickler.load

    def counted(unpickler: SnapshotUnpickler) -> object:
        loads.append(load(unpickler))
        return loads[-1]

    monkeypatch.setattr(SnapshotUnpickler, "load", counted)
    assert snapshot.restore(vault, edited) is None
    assert loads == [snapshot.made_by(config)]
    assert snapshot.restore(vault, config) is not None  # all of it read: more than one
    assert len(loads) > 2


def test_mdnet_is_another_when_any_of_its_modules_changes(tmp_path: Path) -> None:
    """Told by each module's size and time (not read: 5 ms of a warm check)."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "a.py").write_text("A = 1\n")
    (tmp_path / "b.py").write_text("B = 1\n")
    first = stamps.sources_digest(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "b.cpython-311.py").write_text("")
    (tmp_path / "notes.txt").write_text("not a module")
    assert stamps.sources_digest.__wrapped__(tmp_path) == first
    os.utime(tmp_path / "rules" / "a.py", ns=(1, 1))
    touched = stamps.sources_digest.__wrapped__(tmp_path)
    (tmp_path / "b.py").write_text("B = 12\n")
    written = stamps.sources_digest.__wrapped__(tmp_path)
    time.sleep(0.01)
    os.chmod(tmp_path / "b.py", 0o644)  # as a copy that keeps the time: the change time
    copied = stamps.sources_digest.__wrapped__(tmp_path)
    assert len({first, touched, written, copied}) == 4


def test_a_note_saved_within_its_time_tick_is_read_again(vault: Path) -> None:
    check(vault)
    write(vault, "People/Bob.md", "---\ntype: contact\n---\n- 2026-11-20 call\n")  # now
    check(vault)  # writes the snapshot, with Bob's note marked as not to be trusted
    restored = snapshot.restore(vault, load_config(vault))
    assert restored is not None and restored.files["People/Bob.md"] == snapshot.READ_AGAIN
    stat = os.stat(vault / "People/Bob.md")
    path = vault / "People/Bob.md"
    path.write_text(path.read_text().replace("11-20", "11-21"))  # the same size...
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # ...and the same time
    assert check(vault) == check(vault, use_index=False)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([(p, i) for p in PATHS for i in range(len(VERSIONS[p]))]),
            st.booleans(),
        ),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
def test_a_restored_model_updates_as_a_model_built_from_scratch(
    steps: list[tuple[tuple[str, int], bool]], keep_links: bool
) -> None:
    """Whatever changed, notes that came or went, kinds and aliases too. Saved with the
    notes that link each name (``keep_links``, as a check does) and restored with a way
    to read a note again, the model is updated, reading again the notes that link a name
    that moved; else it is built again from all the notes."""
    choice = dict.fromkeys(PATHS, 0)
    builder = Builder(ROOT, CONFIG)
    notes = parsed(choice)
    builder.build(sorted(notes.values(), key=lambda note: note.path))
    outcome(builder.vault)

    def read_again(shed: list[Note]) -> list[Note]:
        now = parsed(choice)
        return [now[note.path] for note in shed]

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for (path, index), through_snapshot in steps:
            if through_snapshot:
                if keep_links:
                    builder.shed_blocks(keep_links=True)  # as a check does before saving
                files = [NoteFile(p, 1, 1) for p in notes]
                snapshot.save(root, CONFIG, builder, files, TODAY, time.time_ns())
                restored = snapshot.restore(root, CONFIG, read_again if keep_links else None)
                assert restored is not None
                builder = restored.builder
                assert builder.has_blocks == keep_links
            choice[path] = index
            notes = parsed(choice)
            changed = [note for p, note in notes.items() if p == path]
            removed = [] if path in notes else [path]
            fresh = Builder(ROOT, CONFIG)
            fresh.build(sorted(notes.values(), key=lambda note: note.path))
            if builder.reshapes(changed, removed) and not builder.has_blocks:
                builder.build(  # as check_vault does: all the notes, with their blocks
                    sorted(notes.values(), key=lambda note: note.path)
                )
            else:
                builder.update(changed, removed)
            assert outcome(builder.vault) == outcome(fresh.vault)


def test_the_summary_from_a_snapshot_is_the_summary_from_scratch(vault: Path) -> None:
    check(vault)
    check(vault)
    config = load_config(vault)
    selection = Selection.from_config(config)
    warm, findings = check_vault(vault, config, TODAY, selection)
    cold, again = check_vault(vault, config, TODAY, selection, CachedParser(use_index=False))
    assert findings == again
    assert render(warm, config, TODAY, findings) == render(cold, config, TODAY, again)


def test_a_snapshot_is_written_atomically_beside_the_index(vault: Path) -> None:
    check(vault)
    check(vault)
    leftovers = [p.name for p in (vault / STATE_FOLDER).iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    assert time.time_ns() - written(vault) < 60 * 1_000_000_000


def test_a_snapshot_that_is_not_a_file_is_never_read(vault: Path) -> None:
    check(vault)
    (vault / STATE_FOLDER).mkdir(exist_ok=True)
    os.mkfifo(vault / SNAPSHOT)  # reading it would wait forever
    assert snapshot.restore(vault, load_config(vault)) is None
    assert check(vault) == check(vault, use_index=False)


def test_a_snapshot_with_the_right_stamp_but_the_wrong_things_inside_is_done_without(
    vault: Path,
) -> None:
    check(vault)
    check(vault)
    config = load_config(vault)
    restored = snapshot.restore(vault, config)
    assert restored is not None
    rest: tuple[object, ...] = ((frozenset(), frozenset(), {}, []), ({}, [], {}, None), [])
    crafted = (TODAY, (["not", "a", "dict"], {}, {}, {}, []), *rest)
    sound = (TODAY, ({}, {}, {}, {}, []), *rest)
    (vault / SNAPSHOT).write_bytes(as_saved(config, sound))
    assert snapshot.restore(vault, config) is not None  # (what the others alter)
    for wrong in (
        as_saved(config, crafted),
        as_saved(config, sound, listed=(["People/Ann.md"], ["1"])),  # a number that is none
        as_saved(config, sound, listed=([1], [1])),
        as_saved(config, sound, listed=(["People/Ann.md"], [])),
        as_saved(config, sound, listed=({"People/Ann.md": 1}, [])),
        as_saved(config, sound, apart=({"ann": ANN}, [])),  # saved apart: lists
        as_saved(config, sound, apart=([],)),
    ):
        (vault / SNAPSHOT).write_bytes(wrong)
        assert snapshot.restore(vault, config) is None
    assert check(vault) == check(vault, use_index=False)


ANN, DAILY = "People/Ann.md", ("Daily/2026-10-05.md",)


@pytest.mark.parametrize(
    ("names", "targets", "linking", "others", "read"),
    [
        ([], [], [], None, True),  # none saved: the model can be updated, not reshaped
        ([], [], [], {}, True),
        (["ann"], [ANN], [DAILY], {}, True),
        (["ann"], [ANN], [None], {"bob": DAILY}, True),
        ([], [], [], [], False),
        (["ann"], [ANN], [list(DAILY)], {}, False),
        (["ann"], [ANN], [(1,)], {}, False),
        ([], [], [], {1: DAILY}, False),
        ([], [], [], {"bob": list(DAILY)}, False),
        (["ann"], [ANN], [], {}, False),  # not one for each name
        (["ann"], [], [None], {}, False),  # a name that resolves nowhere
        ([1], [ANN], [None], {}, False),
        (["ann"], [1], [None], {}, False),
    ],
)
def test_which_notes_link_each_name_is_restored_only_as_saved(
    vault: Path, names: list[Any], targets: list[Any], linking: list[Any], others: Any, read: bool
) -> None:
    """A snapshot's names (saved apart: the resolver's, in its order), what each resolves
    to, which notes link each (a tuple of paths, or none) and which link the others (a
    dict of names to tuples of paths, or none at all) are restored as saved; anything
    else, and the snapshot is done without."""
    config = load_config(vault)
    model: tuple[Any, ...] = ({}, {}, {}, {}, [])
    worked_out: tuple[Any, ...] = (frozenset(), frozenset(), {}, [])
    state: tuple[Any, ...] = (TODAY, model, worked_out, ({}, targets, {}, others), [])
    (vault / STATE_FOLDER).mkdir(exist_ok=True)
    (vault / SNAPSHOT).write_bytes(as_saved(config, state, apart=(names, linking)))
    restored = snapshot.restore(vault, config, lambda notes: notes)
    assert (restored is not None) == read
    if restored is not None:
        builder = restored.builder
        assert builder.has_blocks == (others is not None)
        assert builder.resolver.by_name == dict(zip(names, targets, strict=True))
        linked = {name: paths for name, paths in zip(names, linking, strict=True) if paths}
        linkers = builder.linkers
        assert (linkers is None) == (others is None)
        assert linkers is None or linkers.by_name == {**linked, **others}


def test_a_snapshot_whose_entries_are_not_entries_is_done_without(vault: Path) -> None:
    check(vault)
    check(vault)
    config = load_config(vault)
    for damaged in (
        as_saved(config, (), [], [["odd"] * (WIDTH + 1)]),  # values that make no whole entries
        as_saved(config, (), [], [], [["odd"] * 10]),  # nor whole findings
        made_by(config) + pickle.dumps(-1) + pickle.dumps(()),  # a count of parts below zero
        made_by(config) + pickle.dumps(3) + pickle.dumps(()),  # fewer parts than counted
        made_by(config) + NONE + b"\x80\x04K\x05Q.",  # the 6th of none (BINPERSID 5)
        made_by(config) + NONE + b"\x80\x04X\x01\x00\x00\x00aQ.",  # named otherwise
        # what a note brings naming an entry that none made: [BINPERSID 0, 1, 2]
        made_by(config)
        + pickle.dumps(0) * 4
        + pickle.dumps(1)
        + b"\x80\x04(K\x00QK\x01K\x02l."
        + pickle.dumps(0) * 3
        + pickle.dumps(()),
    ):
        (vault / SNAPSHOT).write_bytes(damaged)
        assert snapshot.restore(vault, config) is None
    assert check(vault) == check(vault, use_index=False)


def test_a_restored_models_entries_are_shared_as_they_were(vault: Path) -> None:
    """Each entry is one object, in its contact's entries and in what its note brings
    (``Builder.found``), and each finding kept with a contact is the one the total of
    them lists, as in a model built from the notes: not one copy each."""
    check(vault)
    check(vault)
    restored = snapshot.restore(vault, load_config(vault))
    assert restored is not None
    builder = restored.builder
    assert_one_object_for_each_entry(builder)
    findings = {
        id(finding)
        for contact in builder.vault.contacts.values()
        for _, _, answer in contact.remembered()
        if type(answer) is list
        for finding in answer
        if type(finding) is Finding
    }
    in_order = [
        total.items for _, _, total in builder.vault.totals.values() if type(total) is InPlaceOrder
    ]
    assert findings and in_order and {id(f) for f in in_order[0]} == findings


def assert_one_object_for_each_entry(builder: Builder) -> None:
    """Each entry is one object, in its contact's entries and in what its note brings."""
    kept = {id(entry) for contact in builder.vault.contacts.values() for entry in contact.entries}
    brought = [entry for found in builder.found.values() for entry in found.entries]
    assert brought and {id(entry) for entry in brought} == kept


def test_a_snapshot_written_after_a_note_came_saves_each_entry_once(vault: Path) -> None:
    """The daily note saved again as it was, with a new note: the contact it names (Ann)
    comes out the same and is kept with its entries, which what the notes bring then
    holds, not the equal copies read again (a snapshot a third larger, else)."""
    check(vault)
    check(vault)
    write(vault, "Daily/2026-10-05.md", NOTES["Daily/2026-10-05.md"], days_ago=1)
    write(vault, "People/Cy.md", "---\ntype: contact\n---\n", days_ago=1)
    before = written(vault)
    check(vault)
    assert written(vault) != before
    restored = snapshot.restore(vault, load_config(vault))
    assert restored is not None
    assert_one_object_for_each_entry(restored.builder)


def test_a_restored_models_notes_and_what_was_kept_are_shared_as_they_were(
    vault: Path,
) -> None:
    """A contact's note is the vault's note, an open give-back's entry the contact's
    entry: one object each, named by its place in the snapshot's tables."""
    check(vault)
    check(vault)
    restored = snapshot.restore(vault, load_config(vault))
    assert restored is not None
    model = restored.builder.vault
    for path, contact in model.contacts.items():
        assert contact.note is model.notes[path]
    ann = model.contacts["People/Ann.md"]
    pending = [
        answer
        for name, _, answer in ann.remembered()
        if name.endswith("_open_givebacks") and answer
    ]
    assert pending and pending[0][0].entry is ann.entries[0]
    assert check(vault) == check(vault, use_index=False)


def test_findings_that_say_the_same_share_their_text_once_restored(
    make_vault: WriteVault,
) -> None:
    """Two future entries on one day, about two contacts, are two findings saying the
    same thing: restored, one text (at 100k notes, 35,000 texts less to load)."""
    root = make_vault(
        {
            "People/Ann.md": "---\ntype: contact\n---\n",
            "People/Bob.md": "---\ntype: contact\n---\n",
            "Daily/2027-01-05.md": "- 2027-01-05 lunch with [[Ann]]\n- 2027-01-05 call [[Bob]]\n",
        }
    )
    age(root)
    found = check(root)
    check(root)
    restored = snapshot.restore(root, load_config(root))
    assert restored is not None
    future = [
        finding
        for contact in restored.builder.vault.contacts.values()
        for _, _, answer in contact.remembered()
        if type(answer) is list
        for finding in answer
        if type(finding) is Finding and finding.code == "F007"
    ]
    assert len(future) == 2 and future[0].message == future[1].message
    assert future[0].message is future[1].message
    assert check(root) == found


def test_a_day_the_notes_name_is_one_date_once_restored() -> None:
    """Every date equal to a day of the table of days (what the notes and entries are
    dated: ``model_tables``), whichever object it was (a due date worked out for each
    contact), is that one day once restored: at 100,000 notes, 92,000 date objects for
    40,000 days. A date of no such day is restored equal."""
    day, other = dt.date(2026, 10, 5), dt.date(2026, 10, 9)
    copies = [dt.date.fromordinal(day.toordinal()) for _ in range(3)]
    assert all(copy is not day for copy in copies)
    tables: list[list[Any]] = [[day], *[[] for _ in TABLES[1:]]]
    out = io.BytesIO()
    SnapshotPickler.dumper("made by", tables, (copies, day, other), NO_NOTES)(out)
    loaded = state_in(out)
    assert loaded == (copies, day, other)
    assert {id(copy) for copy in loaded[0]} == {id(loaded[1])}


def test_what_one_object_alone_holds_is_saved_apart_without_the_memo(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry's text and the entries of a note or a contact are saved without the
    snapshot's memo (``Table.alone``), which would keep each to the end (at 100,000
    notes, 430,000 of its 1.35 million objects; its table grows from 32 to 64 MB at 1.4
    million), and restored equal."""
    config = load_config(vault)
    builder = Builder(vault, config)
    check_vault(vault, config, TODAY, Selection.from_config(config), parse_all, builder)
    model = builder.vault
    tables = model_tables(model.notes, builder.found, model.contacts)
    texts = {id(entry.text) for entry in tables[TABLES.index(ENTRIES)]}
    held = [
        *(f.entries for f in builder.found.values()),
        *(c.entries for c in model.contacts.values()),
    ]
    assert texts and held
    memoized = memo_size(tables)
    monkeypatch.setattr(model_pickle, "TABLES", tuple(t._replace(alone=()) for t in TABLES))
    assert memo_size(tables) == memoized + len(texts) + len(
        {id(each) for each in held if each != ()}
    )
    monkeypatch.undo()
    out, saved = io.BytesIO(), [list(each) for each in tables]
    SnapshotPickler.dumper("made by", saved, tables, NO_NOTES)(out)
    assert saved == [[] for _ in TABLES]  # let go once named (their ids are), not held
    loaded = state_in(out)
    assert loaded[TABLES.index(ENTRIES)] == tables[TABLES.index(ENTRIES)]
    assert [found.entries for found in loaded[TABLES.index(FOUND)]] == [
        found.entries for found in tables[TABLES.index(FOUND)]
    ]
    assert [contact.entries for contact in loaded[-1]] == [c.entries for c in tables[-1]]

    class Memoizing(SnapshotPickler):  # a pickler with no fast mode: the same snapshot
        def dump_alone(self, values: list[Any]) -> None:
            self.dump(values)

    out = io.BytesIO()
    Memoizing.dumper("made by", [list(each) for each in tables], tables, NO_NOTES)(out)
    assert state_in(out) == loaded


def state_in(out: io.BytesIO) -> Any:
    """The state a snapshot saved by ``SnapshotPickler.dumper("made by", ...)`` holds."""
    loaded = SnapshotUnpickler(io.BytesIO(out.getvalue())).load_all("made by")
    assert loaded is not None
    return loaded.state


ENTRIES = next(table for table in TABLES if table.kind is Interaction)
FOUND = next(table for table in TABLES if table.kind is Found)


def memo_size(tables: list[list[Any]]) -> int:
    """How many objects the snapshot's memo holds once ``tables`` are saved."""
    sizes = []

    class Counting(SnapshotPickler):
        def dump(self, obj: Any) -> None:
            super().dump(obj)
            sizes.append(len(self.memo.copy()))

    Counting.dumper("made by", [list(each) for each in tables], None, NO_NOTES)(io.BytesIO())
    return sizes[-1]


def saved_texts(root: Path) -> Counter[str]:
    """How many times each text is written in the snapshot of ``root``."""
    data = (root / SNAPSHOT).read_bytes()
    stream, texts = io.BytesIO(data), Counter[str]()
    while stream.tell() < len(data):  # one pickle after the other
        for opcode, value, _ in pickletools.genops(stream):
            if opcode.name in ("SHORT_BINUNICODE", "BINUNICODE", "BINUNICODE8"):
                assert isinstance(value, str)
                texts[value] += 1
    return texts


def test_a_snapshot_saves_each_notes_path_once(vault: Path) -> None:
    """A note's path is one text in the snapshot: the size and time it was listed with
    are kept under the note's own path, not the listing's equal copy (another object
    when the note was restored from the snapshot before)."""
    check(vault)
    check(vault)
    check(vault, dt.date(2027, 3, 1))  # from the snapshot, then written again
    texts = saved_texts(vault)
    assert {texts[path] for path in NOTES} == {1}


def test_a_name_linked_and_resolved_is_one_text_once_restored(vault: Path) -> None:
    """Which notes link a name that resolves is kept under the resolver's own text for
    that name, not the equal one each link was read from."""
    check(vault)
    check(vault)
    restored = snapshot.restore(vault, load_config(vault))
    assert restored is not None and restored.builder.linkers is not None
    resolved = {name: name for name in restored.builder.resolver.by_name}
    linked = [name for name in restored.builder.linkers.by_name if name in resolved]
    assert linked and all(name is resolved[name] for name in linked)


def test_a_note_written_while_a_check_ran_is_read_again_next_time(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The snapshot trusts a note's size and time only if it was written well before
    the notes were listed, however long the check took before writing it."""
    check(vault)
    bob = vault / "People/Bob.md"
    then = time.time_ns() - 1_500_000_000  # written 1.5 s before the check
    os.utime(bob, ns=(then, then))
    real_save = snapshot.save

    def slow_save(*arguments: Any) -> None:  # a long check; the note changes meanwhile
        time.sleep(0.6)
        bob.write_text(bob.read_text().replace("2026-10-01", "2026-10-02"))  # same size
        os.utime(bob, ns=(then, then))  # and time
        real_save(*arguments)

    monkeypatch.setattr(snapshot, "save", slow_save)
    check(vault)
    monkeypatch.setattr(snapshot, "save", real_save)
    assert check(vault) == check(vault, use_index=False)


def test_mdnet_check_writes_the_snapshot_once_its_answer_is_out(vault: Path) -> None:
    """The program leaves the snapshot to a process of its own: the answer is complete,
    the program has ended, and the snapshot appears (nobody waited for it)."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "mdnet", "check", str(vault), "--today", "2026-11-26"]
    subprocess.run(command, capture_output=True, check=False, timeout=60)  # cold: none
    assert written(vault) == 0
    with open(vault / "People/Bob.md", "a") as note:  # not the last answer again
        note.write("- 2026-11-20 call\n")
    second = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    assert second.stdout.rstrip().endswith("in 3 notes.")
    deadline = time.monotonic() + 20
    while not written(vault) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert written(vault)
    assert check(vault) == check(vault, use_index=False)


@pytest.mark.parametrize(
    ("command", "output"),
    [(["summary"], "Network Summary.md"), (["calendar", "-o", "network.ics"], "network.ics")],
)
def test_summary_and_calendar_write_the_snapshot_once_their_own_work_is_done(
    vault: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], output: str
) -> None:
    """As ``mdnet check`` does, the snapshot is left for after the note or the calendar
    is written (run as a program, to a process of its own): nobody waits for it (at
    100,000 notes, seconds on the first run of a day)."""
    from click.testing import CliRunner

    from mdnet.cli import main

    check(vault)  # cold: no snapshot; the next run makes one
    written_first: list[bool] = []
    save = snapshot.save

    def saved(*arguments: Any) -> None:
        written_first.append((vault / output).exists())
        save(*arguments)

    monkeypatch.setattr(snapshot, "save", saved)
    monkeypatch.chdir(vault)
    result = CliRunner().invoke(main, [*command, str(vault), "--today", "2026-11-26"])
    assert result.exit_code == 0, result.output
    assert written_first == [True]
    # with what they kept with each contact (the calendar's reminders), it is read back
    restored = snapshot.restore(vault, load_config(vault))
    assert restored is not None
    kept = [
        name
        for contact in restored.builder.vault.contacts.values()
        for name, *_ in contact.remembered()
    ]
    assert any(name.startswith(f"mdnet.{command[0]}") for name in kept)


def test_a_check_lets_the_blocks_go_once_the_model_is_built(vault: Path) -> None:
    """What the blocks bring is in the model: the rules run without them in memory, and
    find what a check from scratch finds."""
    config = load_config(vault)
    built, findings = check_vault(vault, config, TODAY, Selection.from_config(config))
    assert all(note.blocks == () for note in built.notes.values())
    assert findings == check(vault, use_index=False)


def test_a_check_from_the_snapshot_asks_only_the_contacts_a_change_made_anew(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The snapshot keeps each contact's answers and the totals over every contact
    (``model.totals``): a check after one contact's note changed works out that
    contact alone, yet finds what a check from scratch finds."""
    check(vault)
    check(vault)  # writes the snapshot
    write(vault, "People/Bob.md", "---\ntype: contact\nmet: 2026-10-01\n---\n- 2026-11-20 call\n")
    asked: list[str] = []
    kept = Contact.kept

    def counted(contact: Contact, *arguments: Any) -> Any:
        asked.append(contact.note.path)
        return kept(contact, *arguments)

    monkeypatch.setattr(Contact, "kept", counted)
    findings = check(vault)
    assert set(asked) == {"People/Bob.md"}
    monkeypatch.undo()
    assert findings == check(vault, use_index=False)


class PluginAnswer:
    """An answer of a plugin's own class (a snapshot cannot unpickle it)."""


def test_a_snapshot_keeps_no_answer_of_a_plugin(vault: Path) -> None:
    """A plugin's function may answer with objects of its own, which a snapshot cannot
    bring back: its answers are worked out again; mdnet's own are kept."""
    check(vault)
    check(vault)
    config = load_config(vault)
    restored = snapshot.restore(vault, config)
    assert restored is not None
    ann = restored.builder.vault.contacts["People/Ann.md"]
    names = [name for name, _, _ in ann.remembered()]
    assert names and all(name.startswith("mdnet.") for name in names)
    assert ann.__getstate__()[3] is ann.memo  # saved as kept: no copy for each contact

    def plugin_work(contact: Contact, config: Config, today: dt.date) -> PluginAnswer:
        return PluginAnswer()

    ann.kept(plugin_work, config, TODAY)
    assert ann.__getstate__()[3] is not ann.memo
    files = [NoteFile(path, 1, 1) for path in NOTES]
    snapshot.save(vault, config, restored.builder, files, TODAY, time.time_ns())
    again = snapshot.restore(vault, config)
    assert again is not None
    kept_again = [name for name, _, _ in again.builder.vault.contacts["People/Ann.md"].remembered()]
    assert kept_again == names


@given(
    st.tuples(st.integers(0, 2**40), st.integers(-(2**63), 2**63 - 1)),
    st.tuples(st.integers(0, 2**40), st.integers(-(2**63), 2**63 - 1)),
)
def test_a_notes_size_and_time_as_known_tell_notes_apart(
    one: tuple[int, int], other: tuple[int, int]
) -> None:
    """One number for a note's size and time: equal only for the same size and time, and
    never the mark of a note to read again."""
    assert (snapshot.as_known(*one) == snapshot.as_known(*other)) == (one == other)
    assert snapshot.as_known(*one) != snapshot.READ_AGAIN


def test_a_note_without_its_blocks_outside_the_tables_is_saved_as_a_note() -> None:
    """A live model's notes let their blocks go (``Note.shed``): one saved outside the
    tables is still a note a snapshot can hold, not a class it may not load."""
    from mdnet.notes.parse import parse_note

    note = parse_note("Daily/2026-11-01.md", "- 2026-11-01 call [[Ann]]\n", Config())
    note.shed_blocks()
    out = io.BytesIO()
    SnapshotPickler.dumper("made by", [[] for _ in TABLES], {"note": note}, NO_NOTES)(out)
    loaded = state_in(out)["note"]
    assert loaded.path == note.path and loaded.blocks == () and not loaded.shed


def test_the_names_links_resolve_through_are_saved_apart_without_the_memo(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The resolver's names (each note's title and path, its aliases: 200,000 strings at
    100,000 notes, which no other object holds) and which notes link each are saved
    apart, without the snapshot's memo, which would keep each to the end and double its
    table (16 MB more); they are restored as they were, each name one string for both."""
    check(vault)
    check(vault)
    config = load_config(vault)
    restored = snapshot.restore(vault, config, lambda notes: notes)
    assert restored is not None
    builder, linking = restored.builder, restored.builder.linkers
    assert linking is not None
    names, linkers = dict(builder.resolver.by_name), dict(linking.by_name)
    assert names and set(linkers) & set(names) and set(linkers) - set(names)
    memoized: set[int] = set()

    class Counting(SnapshotPickler):
        def dump(self, obj: Any) -> None:
            super().dump(obj)
            memoized.update(id(each) for _, each in self.memo.copy().values())

    monkeypatch.setattr(snapshot, "SnapshotPickler", Counting)
    os.remove(vault / SNAPSHOT)
    files, listed_at = listing(vault, config)
    snapshot.save(vault, config, builder, files, TODAY, listed_at)
    assert memoized and memoized.isdisjoint(map(id, names))
    again = snapshot.restore(vault, config, lambda notes: notes)
    assert again is not None and again.builder.linkers is not None
    assert again.builder.resolver.by_name == names
    assert again.builder.linkers.by_name == linkers
    same = {name: name for name in again.builder.resolver.by_name}
    assert all(same[name] is name for name in again.builder.linkers.by_name if name in same)
