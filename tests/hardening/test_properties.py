"""Property-based tests (hypothesis) through the real pipeline (SPEC §9).

Any text or bytes as a note — random, or built from the pieces notes are made of,
valid and broken — gives a parsed note or F findings, never an exception: the file
is written, the vault loaded, every rule run and the summary rendered. Any note
round-trips through the index in ``.mdnet/`` unchanged.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdnet.cache.parser import CachedParser
from mdnet.config import Config, load_config
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_all
from mdnet.notes.scan import list_notes
from mdnet.pipeline import load_vault
from mdnet.rules.runner import Selection, run_rules
from mdnet.summary import render
from tests.conftest import TODAY, Files

PROPERTIES = settings(
    max_examples=int(os.environ.get("MDNET_EXAMPLES", 200)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

KEYS = (
    "type", "name", "aliases", "tags", "tier", "cadence", "met", "met_at", "last_contact",
    "snooze_until", "birthday", "confidential", "mdnet-ignore", "email", "linkedin",
    "status", "dues", "hours_per_month", "meetings", "meeting_hours", "why", "meet",
    "offer", "renewal", "joined", "date", "end", "hours", "attendees", "cost", "1", "on",
)  # fmt: skip
VALUES = (
    "contact", "person", "circle", "club", "event", "conference", "Contact ", "3", "-1",
    "0", "1.5", ".nan", ".inf", "1e400", "12345678901234567890", "yes", "no", "~", "null",
    '""', "[]", "{}", "[a, b]", "[[Jane]]", '"[[Jane]]"', "['[[Jane]]', '[[Bob|B]]']",
    "2026-01-02", "2026-13-40", "0001-01-01", "9999-12-31", "2026-01-02 10:30",
    '"2026-02-30"', "30d", "0d", "999999999d", "monthly", "never", "often", "close", "bff",
    "member", "planned", "attended", "120 EUR/year", "15/month", "lots", "all", "[R001]",
    "&a [x]", "*a", "*nowhere", "!!python/object:os.system {}", "!!binary aGk=",
    "!!set {a, b}", "|\n  block\n  text", ">\n  folded", "[unclosed", "'quote", "a: b: c",
    "\t- tab", "\u2028", "\x85", "😀", "\ufeff", "- item",
)  # fmt: skip
DATES = ("2026-10-02", "2026-11-30", "[[2026-10-02]]", "2026-10-02 14:30", "2026-02-30",
         "9999-12-31", "0001-01-01", "2026-1-2")  # fmt: skip
WORDS = ("call", "email:", "coffee", "#gave", "#got", "#asked", "#promised", "#done",
         "#noreply", "#attended", "#missed", "#offered", "[[Jane]]", "[[Bob|B]]",
         "![[Jane]]", "[[Jane#Log]]", "[J](People/Jane.md)", "[x](<a b.md>)", "`[[Code]]`",
         "``", "[[", "]]", "](", "#", "&", "\t", "**", "\\", "<!--", "-->", "$$")  # fmt: skip
PREFIXES = ("- ", "* ", "+ ", "1. ", "- [ ] ", "- [x] ", "  - ", "> - ", "> ", "", "    ",
            "```\n", "# ", "---\n", "| a | b |\n")  # fmt: skip
NAMES = ("People/Jane.md", "People/Bob.md", "Circles/Club.md", "Events/Salon.md",
         "2026-11-20.md", "Projects/x.md", "2026-13-45 odd.md")  # fmt: skip


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(KEYS), max_size=8))
    lines = [f"{key}: {draw(st.sampled_from(VALUES))}" for key in keys]
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.text(max_size=20)))
    opening, closing = draw(st.sampled_from([("---", "---"), ("---", ""), ("--- ", "...")]))
    return "\n".join([opening, *lines, closing]) + "\n"


@st.composite
def body(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        words = draw(st.lists(st.sampled_from(WORDS), max_size=5))
        date = draw(st.sampled_from(DATES)) if draw(st.booleans()) else ""
        lines.append(draw(st.sampled_from(PREFIXES)) + " ".join([date, *words]).strip())
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


NOTE_TEXT = st.one_of(
    st.builds(lambda fm, b: fm + b, front_matter(), body()),
    st.builds(lambda fm, b: fm + b, st.text(max_size=200), body()),
    st.text(max_size=300),
)
NOTE = st.one_of(
    NOTE_TEXT,
    st.binary(max_size=300),
    NOTE_TEXT.map(lambda text: text.encode("utf-16")),
    NOTE_TEXT.map(lambda text: text.encode("latin-1", "replace")),
)


def _write(root: Path, notes: Files) -> None:
    for name, content in notes.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())


@PROPERTIES
@given(notes=st.dictionaries(st.sampled_from(NAMES), NOTE, min_size=1, max_size=4))
def test_any_note_gives_a_note_or_findings(notes: dict[str, str | bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root, {".mdnet.toml": '[kinds]\ncontact = ["People/**"]\n', **notes})
        config = load_config(root)
        vault = load_vault(root, config)
        findings = run_rules(vault, config, TODAY, Selection())
        render(vault, config, TODAY, findings)
        assert sorted(vault.notes) == sorted(notes)
        for note in vault.notes.values():
            assert all(
                problem.code in ("F001", "F002", "F003", "F004") for problem in note.problems
            )
        for name, content in notes.items():
            if isinstance(content, bytes) and (b"\0" in content or not _utf8(content)):
                assert [p.code for p in vault.notes[name].problems] == ["F002"]


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@PROPERTIES
@given(notes=st.dictionaries(st.sampled_from(NAMES), NOTE_TEXT, min_size=1, max_size=4))
def test_notes_round_trip_through_the_index(notes: dict[str, str]) -> None:
    """Parsed, stored in .mdnet/index.sqlite, read back by a fresh process's parser:
    the same Notes as a parse without the index."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root, notes)
        for name in notes:
            os.utime(root / name, ns=(1_700_000_000_000_000_000,) * 2)  # not being edited
        config = Config()
        files = list_notes(root, config)
        expected = parse_all(root, files, config)
        writer = CachedParser()
        assert writer(root, files, config) == expected
        writer.close()
        reader = CachedParser()
        read_back: list[Note] = reader(root, files, config)
        reader.close()
        assert reader.reused == len(files) and reader.parsed == []
        assert read_back == expected
