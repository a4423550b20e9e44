"""The last check's answer in .mdnet/results.pickle: given again when nothing changed,
never when a note, the config, the day or the rules did; a cache that can be damaged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from mdnet.cache import results, snapshot
from mdnet.cache.folder import STATE_FOLDER, snapshot_saved
from mdnet.cache.parser import CachedParser
from mdnet.config import load_config
from mdnet.model.stats import Stats
from mdnet.pipeline import check_answer
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection
from tests.conftest import TODAY, WriteVault
from tests.test_index import age

NOTES = {
    "People/Ann.md": "---\ntype: contact\ntier: close\nlast_contact: 2026-01-01\n---\n"
    "- 2026-03-01 coffee: #got an intro [[Nobody]]\n",
    "Daily/2026-10-05.md": "Lunch with [[Ann]].\n",
}


def answer(
    root: Path, today: dt.date = TODAY, select: tuple[str, ...] = (), later: bool = True
) -> tuple[Stats, list[Finding]]:
    """The check's answer; with ``later``, what it leaves for once it is out done too."""
    config = load_config(root)
    afterwards: list[Callable[[], None]] = []
    parser = CachedParser()
    try:
        found = check_answer(
            root, config, today, Selection.from_config(config, select), parser, afterwards
        )
    finally:
        parser.close()
    for work in afterwards if later else ():
        work()
    return found


def no_model(*arguments: object) -> None:
    raise AssertionError("the model was restored: the last answer was not given again")


@pytest.fixture
def vault(make_vault: WriteVault) -> Path:
    root = make_vault(NOTES)
    age(root)
    return root


def test_nothing_changed_gives_the_last_answer_without_the_model(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = answer(vault)
    assert {f.code for f in first[1]} >= {"F005", "G001", "F008"}
    monkeypatch.setattr(snapshot, "restore", no_model)
    assert answer(vault, later=False) == first  # (the model is saved once it is out)
    assert [f.fix for f in answer(vault, later=False)[1]] == [f.fix for f in first[1]]


@pytest.mark.parametrize(
    "change",
    ["a note edited", "a note added", "a note removed", "another day", "other rules", "config"],
)
def test_any_change_is_a_check_of_its_own(vault: Path, change: str) -> None:
    answer(vault)
    today = TODAY
    select: tuple[str, ...] = ()
    if change == "a note edited":
        (vault / "People/Ann.md").write_text(NOTES["People/Ann.md"] + "- 2026-11-20 call\n")
    elif change == "a note added":
        (vault / "People/Nobody.md").write_text("---\ntype: contact\n---\n")
    elif change == "a note removed":
        (vault / "Daily/2026-10-05.md").unlink()
    elif change == "another day":
        today = TODAY + dt.timedelta(days=400)
    elif change == "other rules":
        select = ("R",)
    else:
        (vault / ".mdnet.toml").write_text("[thresholds]\ngiveback_days = 900\n")
    config = load_config(vault)
    from mdnet.notes.parse import parse_all
    from mdnet.pipeline import check_vault

    _, own = check_vault(vault, config, today, Selection.from_config(config, select), parse_all)
    assert answer(vault, today, select)[1] == own


def test_a_note_written_just_now_is_not_trusted(make_vault: WriteVault) -> None:
    root = make_vault(NOTES)  # every note written within the time tick
    answer(root)
    assert not (root / STATE_FOLDER / results.NAME).exists()


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\x80\x05K\x01."])
def test_a_damaged_answer_is_done_without(vault: Path, damage: bytes) -> None:
    first = answer(vault)
    (vault / STATE_FOLDER / results.NAME).write_bytes(damage)
    assert answer(vault) == first


def test_an_answer_that_holds_a_class_is_never_read(vault: Path) -> None:
    import pickle

    first = answer(vault)
    path = vault / STATE_FOLDER / results.NAME
    path.write_bytes(pickle.dumps(("key", "listing", (0, 0, 0, 0, 0), [Path("/")])))
    assert answer(vault) == first


def test_a_last_answer_given_again_leaves_a_model_for_the_next_change(vault: Path) -> None:
    """The first check keeps its answer but no model; the one that gives the answer
    again saves the model (once out), so that the check after a change starts from it."""
    answer(vault)
    assert not snapshot_saved(vault)
    answer(vault)  # the last answer again, and the model saved after it
    assert snapshot_saved(vault)


def test_a_listing_is_digested_once(vault: Path) -> None:
    """A check after a change asks the listing's digest three times (the last report,
    the last answer, the answer saved): 40 ms each at 100k notes."""
    from mdnet.notes.scan import list_notes

    files = list_notes(vault, load_config(vault))
    digest = results.listing(files)
    assert results.listing(files) is digest
    again = list_notes(vault, load_config(vault))  # listed again: digested again
    assert results.listing(again) == digest and results.listing(again) is not digest
