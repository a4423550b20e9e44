"""A write killed midway leaves its temporary file; the next run removes it, if it is
mdnet's (``.<name>.mdnet-XXXXXXXX.tmp``, or the older ``.<name>.XXXXXXXX.tmp`` beside
``<name>``) and more than a minute old. Nothing else is touched."""

from __future__ import annotations

import os
import time
from pathlib import Path

from mdnet.config import load_config
from mdnet.notes.files import TEMPORARY_RE, _write_temporary
from mdnet.notes.scan import list_notes
from tests.conftest import WriteVault

STALE = {
    "People/.Ann.md.mdnet-ab12cd_9.tmp",  # a killed write of Ann.md
    "People/.Ann.md.k3j4h5g6.tmp",  # the same, named as before: Ann.md is beside it
    ".mdnet/.model.pickle.mdnet-zz99yy88.tmp",  # a killed snapshot
    "People/.Gone.md.mdnet-ab12cd34.tmp",  # the note was deleted since
}
KEPT = {
    "People/.Bob.md.k3j4h5g6.tmp",  # no Bob.md: perhaps not mdnet's
    "People/.notes.tmp",
    "People/.backup.12345678.tmp",
    "People/draft.tmp",
    "People/.Ann.md.mdnet-ab12cd34.tmp.bak",
}


def test_stale_temporaries_of_mdnet_are_removed_and_nothing_else(make_vault: WriteVault) -> None:
    fresh = "People/.Ann.md.mdnet-fresh123.tmp"  # another mdnet is writing it now
    root = make_vault(dict.fromkeys({"People/Ann.md", *STALE, *KEPT, fresh}, "x\n"))
    (root / "People/.Dir.md.mdnet-ab12cd34.tmp").mkdir()  # not a file: kept
    minutes_ago = time.time() - 120
    for path in {*STALE, *KEPT}:
        os.utime(root / path, (minutes_ago, minutes_ago))
    notes = list_notes(root, load_config(root))
    assert [note.path for note in notes] == ["People/Ann.md"]
    assert not [path for path in STALE if (root / path).exists()]
    assert all(
        (root / path).exists() for path in [*KEPT, fresh, "People/.Dir.md.mdnet-ab12cd34.tmp"]
    )


def test_a_read_only_folder_is_no_error(make_vault: WriteVault) -> None:
    root = make_vault({"People/Ann.md": "x\n", "People/.Ann.md.mdnet-ab12cd34.tmp": "x"})
    os.utime(root / "People/.Ann.md.mdnet-ab12cd34.tmp", (0, 0))
    os.chmod(root / "People", 0o555)
    try:
        assert [note.path for note in list_notes(root, load_config(root))] == ["People/Ann.md"]
    finally:
        os.chmod(root / "People", 0o755)


def test_a_write_names_its_temporary_as_mdnet_s_own(tmp_path: Path) -> None:
    temporary = Path(_write_temporary(tmp_path / "Ann.md", "x", 0o644))
    found = TEMPORARY_RE.fullmatch(temporary.name)
    assert found and found["mark"] and found["name"] == "Ann.md"
