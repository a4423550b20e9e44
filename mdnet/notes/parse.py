"""Parse a note into a Note: its kind, typed fields, blocks and problems.

Parsing is pure — text in, Note out — so that its result can be cached in the index
and recomputed for only the notes that changed. ``parse_file`` is the one way from a
file on disk to a Note (through ``reading.read_note``, the only reader of notes).
"""

from __future__ import annotations

import re
from pathlib import Path

from mdnet.config import Config
from mdnet.dates import InvalidValue, real_date
from mdnet.language import _
from mdnet.notes.fields import note_kind, read_fields
from mdnet.notes.markdown import read_body
from mdnet.notes.note import Note, Problem, note_of
from mdnet.notes.reading import Unreadable, check_text, read_note
from mdnet.notes.scan import NoteFile, glob_matches
from mdnet.notes.sharing import shared_date, shared_front

TITLE_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")


def parse_file(vault: Path, file: NoteFile, config: Config) -> Note:
    """One note from disk; an unreadable one is a Note holding its F002."""
    try:
        text = read_note(vault, file, config)
    except Unreadable as error:
        return Note(file.path, problems=(Problem("F002", 1, str(error)),))
    return parse_note(file.path, text, config)


def parse_text(path: str, text: str, config: Config) -> Note:
    """A note from the text an editor holds for it, unsaved: read as ``parse_file`` reads
    the file (too large or binary text is an F002)."""
    try:
        checked = check_text(text, config)
    except Unreadable as error:
        return Note(path, problems=(Problem("F002", 1, str(error)),))
    return parse_note(path, checked, config)


def parse_all(vault: Path, files: list[NoteFile], config: Config) -> list[Note]:
    return [parse_file(vault, file, config) for file in files]


def parse_note(path: str, text: str, config: Config) -> Note:
    """Read a note's text (UTF-8, without BOM; any line endings)."""
    from mdnet.notes.frontmatter import split_front_matter  # YAML: only when a note is parsed

    text = normalized(text)
    front = split_front_matter(text)
    problems: list[Problem] = []
    if front.error:
        problems.append(Problem("F001", *front.error))
    kind = note_kind(front.values) or kind_from_folder(path, config) or "plain"
    fields, field_problems = read_fields(kind, front.values, front.lines, config)
    problems += field_problems
    blocks, bad_dates = read_body(front.body, front.body_line)
    problems += [Problem("F003", bad.line, bad.message) for bad in bad_dates]
    date = None
    if kind == "plain":
        date = fields.get("date")
        title_date = TITLE_DATE_RE.match(path.rsplit("/", 1)[-1])
        if date is None and title_date:
            try:
                date = real_date(*title_date.groups())
            except InvalidValue as error:
                message = _("the note's title starts with {error}").format(error=error)
                problems.append(Problem("F003", 1, message))
    kind, fields, lines = shared_front(kind, fields, dict(front.lines))
    date = date and shared_date(date)
    return note_of(path, kind, fields, lines, tuple(blocks), tuple(problems), date)


def normalized(text: str) -> str:
    """A note's text as the parser reads it: no BOM, every CRLF or lone CR made LF."""
    text = text.removeprefix("\ufeff")
    if "\r" not in text:  # most notes: one scan of the text rather than two replaces
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def kind_from_folder(path: str, config: Config) -> str | None:
    """The kind whose ``[kinds]`` glob matches the note's path."""
    for kind, globs in config.kinds.items():
        if any(glob_matches(path, glob) for glob in globs):
            return kind
    return None
