"""``mdnet-ignore`` is read in one place, ``Note.silences``, by the runner, the rules
that count contacts (R002, G001–G003) and the summary."""

from __future__ import annotations

import re
from pathlib import Path

import mdnet
from mdnet.config import Config
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_note


def _note(ignore: str) -> Note:
    return parse_note(
        "People/Jane.md", f"---\ntype: contact\nmdnet-ignore: {ignore}\n---\n", Config()
    )


def test_a_note_silences_the_rules_it_lists_by_code_or_name_in_any_case() -> None:
    note = _note("[r001, Open-Promise]")
    assert note.silences("R001", "stale-contact")
    assert note.silences("G002", "open-promise")
    assert not note.silences("G001", "missing-give-back")
    assert _note("ALL").silences("C005", "missing-purpose")
    assert not _note("[]").silences("R001", "stale-contact")
    assert not parse_note("a.md", "no front matter\n", Config()).silences("R001", "stale-contact")


def test_only_note_py_reads_the_ignore_list() -> None:
    package = Path(mdnet.__file__).parent
    readers = [
        module.relative_to(package).as_posix()
        for module in sorted(package.rglob("*.py"))
        if re.search(r"\.ignored\b", module.read_text("utf-8"))
    ]
    assert readers == ["notes/note.py"]
