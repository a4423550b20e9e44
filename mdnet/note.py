"""Parse one note's text into a Note: its kind, typed fields, blocks and problems.

Parsing is pure — text in, Note out — so that its result can be cached in the index
and recomputed for only the notes that changed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from fnmatch import translate
from functools import lru_cache
from typing import Any

from mdnet.config import Config
from mdnet.dates import InvalidValue, real_date
from mdnet.fields import note_kind, read_fields
from mdnet.finding import Problem
from mdnet.markdown import Block, read_body

TITLE_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")


@dataclass(frozen=True)
class Note:
    """One Markdown file of the vault, as mdnet understands it.

    ``path`` is vault-relative with ``/`` separators; ``fields`` holds the typed values
    of the known front matter fields that were valid; ``lines`` the line of every
    front matter key; ``blocks`` the paragraphs and list items holding a date or link.
    """

    path: str
    kind: str = "plain"
    fields: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    blocks: tuple[Block, ...] = ()
    problems: tuple[Problem, ...] = ()
    date: dt.date | None = None  # a dated plain note's date (daily notes, `date:`)

    @property
    def title(self) -> str:
        return self.path.rsplit("/", 1)[-1].removesuffix(".md")

    @property
    def ignored(self) -> frozenset[str]:
        """Rule codes and names listed in ``mdnet-ignore:`` (``all`` for every rule)."""
        return frozenset(self.fields.get("mdnet-ignore", ()))

    def silences(self, code: str, name: str) -> bool:
        """``mdnet-ignore:`` lists this rule (by ``code`` or ``name``) or ``all``."""
        if "mdnet-ignore" not in self.fields:
            return False  # most notes: a quick answer, asked once per finding and rule
        return not self.ignored.isdisjoint(("all", code, name))

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


def parse_note(path: str, text: str, config: Config) -> Note:
    """Read a note's text (UTF-8, without BOM; any line endings)."""
    from mdnet.frontmatter import split_front_matter  # YAML: only when a note is parsed

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
                problems.append(Problem("F003", 1, f"the note's title starts with {error}"))
    return Note(path, kind, fields, dict(front.lines), tuple(blocks), tuple(problems), date)


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


def glob_matches(path: str, glob: str) -> bool:
    """Vault-relative glob: ``*`` within a folder, ``**`` across; a folder matches all below."""
    return bool(_glob_re(glob.strip("/")).match(path))


@lru_cache(maxsize=256)
def _glob_re(glob: str) -> re.Pattern[str]:
    parts = []
    for piece in re.split(r"(\*\*/?|\*|\?|\[[^\]]*\])", glob):
        if piece.startswith("**"):
            parts.append("(?:.*/)?" if piece.endswith("/") else ".*")
        elif piece == "*":
            parts.append("[^/]*")
        elif piece == "?":
            parts.append("[^/]")
        elif piece.startswith("[") and piece.endswith("]"):
            parts.append(translate(piece).removeprefix("(?s:").removesuffix(")\\Z"))
        else:
            parts.append(re.escape(piece))
    return re.compile("".join(parts) + r"(?:/.*)?\Z")
