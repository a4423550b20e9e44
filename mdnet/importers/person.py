"""A person read from an export, and the contact note that introduces them to the vault.

Both importers (LinkedIn's CSV, vCard) turn their input into ``Person`` values; the
note is written here, once, as clean YAML front matter (``yaml.safe_dump`` quotes what
needs quoting, so a name like ``O'Brien: "Bob"`` reads back unchanged) and a body
holding the address book's note and an empty ``## Log``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from mdnet.dates import NO_YEAR
from mdnet.errors import UserError

LOG_HELP = (
    "Log each exchange here as a list item that starts with its date, newest last, "
    "e.g. `- YYYY-MM-DD coffee: what we talked about #gave` "
    "(markers: `#gave`, `#got`, `#asked`, `#promised`, `#done`, `#noreply`)."
)
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
BULLET_RE = re.compile(r"^([\s>]*)([-*+])(?=\s|$)")
ORDERED_RE = re.compile(r"^([\s>]*)(\d{1,9})([.)])(?=\s|$)")


class UnreadableExport(UserError):
    """An input file that cannot be imported at all: the message says which and why."""


@dataclass(frozen=True)
class Person:
    """One person as an export describes them; ``where`` names their row or card."""

    name: str
    where: str
    company: str = ""
    role: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin: str = ""
    birthday: dt.date | None = None
    met: dt.date | None = None
    connected: dt.date | None = None  # LinkedIn's "Connected On": not a meeting
    source: str = ""
    note: str = ""

    @property
    def position(self) -> str:
        """What they do now: ``Role at Company``, ``Role`` or ``at Company``."""
        return position(self.role, self.company)


@dataclass(frozen=True)
class Skipped:
    """A row or card that was not imported, and why."""

    where: str
    reason: str


def decode(data: bytes) -> str:
    """Text from an export's bytes: UTF-8 (with or without BOM), UTF-16, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def one_line(text: str) -> str:
    """``text`` on one line: control characters dropped, every run of spaces or line
    breaks (NEL and U+2028 included, which YAML would fold) made one space."""
    return " ".join(CONTROL_RE.sub(" ", text).split())


def position(role: str, company: str) -> str:
    """``Role at Company``, ``Role`` or ``at Company`` (empty when both are)."""
    if role and company:
        return f"{role} at {company}"
    return role or (f"at {company}" if company else "")


def note_text(person: Person, name: str | None = None) -> str:
    """The contact note for ``person`` (``name`` overrides theirs, for a namesake),
    without a template: its front matter, the address book's note, an empty log."""
    lines = ["---", *front_matter(person, name).values(), "---", "", *quoted(person.note)]
    return "\n".join([*lines, "## Log", "", LOG_HELP, ""])


def front_matter(person: Person, name: str | None = None) -> dict[str, str]:
    """The YAML line of each field the export fills, by key (``type`` first)."""
    values: dict[str, Any] = {"type": "contact", "name": one_line(name or person.name)}
    values["company"] = one_line(person.company)
    values["role"] = one_line(person.role)
    values["email"] = _one_or_list(person.emails)
    values["phone"] = _one_or_list(person.phones)
    values["linkedin"] = one_line(person.linkedin)
    values["birthday"] = person.birthday
    values["met"] = person.met
    values["connected"] = person.connected
    values["source"] = person.source
    lines = {}
    for key, value in values.items():
        if value in ("", None, []):
            continue
        line = yaml_line(key, value).rstrip("\n")
        if key == "birthday" and person.birthday and person.birthday.year == NO_YEAR:
            line += "  # year unknown: only the day and month are kept"
        lines[key] = line
    return lines


class _Dumper(yaml.SafeDumper):
    """Safe YAML with list items indented under their key, as Obsidian writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def yaml_line(key: str, value: object) -> str:
    """``key: value`` as YAML that reads back as ``value`` (quoted only where needed)."""
    return yaml.dump(
        {key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000
    )


def quoted(note: str) -> list[str]:
    """The address book's note as a Markdown quote, followed by a blank line.

    A line that would start a list item is escaped, so that nothing in an imported note
    can read as a dated entry (an interaction) or break the note's structure.
    """
    text = note.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    out = []
    for line in text.split("\n"):
        line = BULLET_RE.sub(r"\1\\\2", line.rstrip())
        line = ORDERED_RE.sub(r"\1\2\\\3", line)
        out.append(f"> {line}".rstrip())
    return [*out, ""]


def _one_or_list(values: tuple[str, ...]) -> str | list[str]:
    cleaned = [value for value in map(one_line, values) if value]
    return cleaned[0] if len(cleaned) == 1 else cleaned
