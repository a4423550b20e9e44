"""Completion (SPEC §10): links after ``[[`` (titles and aliases, contacts first, with
company and role), markers after a dated list item's date, front matter keys of the
note's kind and the allowed values of ``type``, ``tier``, ``status``, ``source`` and
``meetings``."""

from __future__ import annotations

import re
from collections.abc import Callable

from lsprotocol import types

from mdnet.config import MARKERS
from mdnet.config.settings import BUILT_IN_SPELLINGS
from mdnet.dates import LEADING_DATE_RE
from mdnet.language import N_, _
from mdnet.live.vault import LiveVault
from mdnet.lsp.documents import split_lines
from mdnet.lsp.link_completion import Writing, in_yaml, links
from mdnet.lsp.session import Session
from mdnet.notes.fields import (
    BY_KIND,
    CIRCLE_STATUSES,
    COMMON,
    EVENT_STATUSES,
    KIND_TYPES,
    MEETINGS_PER_MONTH,
    note_kind,
)
from mdnet.notes.line_kinds import MARKER_RE
from mdnet.notes.markdown import TASK_RE

TRIGGERS = ["[", "#", ":"]
OPEN_LINK_RE = re.compile(r"\[\[([^\[\]|#^]*)$")
WORD_RE = re.compile(r"#?[\w/-]*$")
KEY_RE = re.compile(r"^([\w-]*)$")
TYPE_RE = re.compile(r"^type\s*:\s*['\"]?([\w-]+)")
VALUE_RE = re.compile(r"^([\w-]+)\s*:\s*(\S*)$")
SOURCES = ("card", "linkedin", "event", "intro", "import")
A_MARKER = N_("a marker")  # a marker the config adds (translated when offered, as these)
MEANINGS = {
    "gave": N_("I gave something of value: an intro, advice, a referral, expertise"),
    "got": N_("I received something of value"),
    "asked": N_("I asked for something"),
    "promised": N_("I promised something (open until a later #gave or #done)"),
    "done": N_("a promise was kept"),
    "noreply": N_("an outreach that got no answer"),
    "news": N_("news about them: a new company or role"),
}


def complete(session: Session, uri: str, position: types.Position) -> types.CompletionList | None:
    """What can be written at ``position`` in the note at ``uri``."""
    live, documents = session.live, session.documents
    if live is None or documents is None or not session.ready:
        return None
    path = documents.path_of(uri)
    text = documents.text(path) if path is not None and live.is_note(path) else None
    if path is None or text is None:
        return None
    lines = split_lines(text)
    line, character = documents.cursor(lines, position)
    if line >= len(lines):
        return None
    before = lines[line][:character]

    def replacing(start: int) -> types.Range:
        return documents.span(lines, line, start, character)

    closing = _front_matter_end(lines)
    in_front_matter = closing is not None and 0 < line < closing
    opened = OPEN_LINK_RE.search(before)  # in the body or the front matter (`met_at:`)
    if opened is not None:
        after = lines[line][character:].rstrip("\r\n")
        closed = after.startswith("]]")
        if in_front_matter:
            return links(live, opened.group(1), in_yaml(lines[line], opened, after, replacing))
        return links(live, opened.group(1), Writing(replacing(opened.start(1)), closed=closed))
    if in_front_matter:
        return _front_matter(live, path, lines[1:closing], before, replacing)
    after_date = _after_leading_date(before)
    if after_date is not None:
        word = WORD_RE.search(before[after_date:])
        if word is not None and (word.group().startswith("#") or not word.group()):
            return _markers(live, replacing(character - len(word.group())))
    return None


def _after_leading_date(line: str) -> int | None:
    """Where a list item's text goes on after its leading date and a space, as the
    parser reads items (``line_kinds.MARKER_RE``, ``TASK_RE``, ``LEADING_DATE_RE``)."""
    text = line.lstrip(" ")
    marker = MARKER_RE.match(text)
    if marker is None:
        return None
    at = len(line) - len(text) + marker.end()
    task = TASK_RE.match(line, at)
    at = task.end() if task else at
    date = LEADING_DATE_RE.match(line, at)
    if date is None or not line[date.end() : date.end() + 1].isspace():
        return None
    return date.end() + 1


def _front_matter_end(lines: list[str]) -> int | None:
    """The line that closes the front matter, when the note has one."""
    if not lines or lines[0].strip() != "---":
        return None
    for number in range(1, len(lines)):
        if lines[number].strip() in ("---", "..."):
            return number
    return len(lines)  # being written: open to the end


def _front_matter(
    live: LiveVault,
    path: str,
    front: list[str],
    before: str,
    replacing: Callable[[int], types.Range],
) -> types.CompletionList | None:
    """Keys of the note's kind not written yet, or the allowed values of the key."""
    note = live.vault.notes.get(path)
    kind = note.kind if note is not None else "plain"  # from [kinds] folders, or plain
    for line in front:  # the front matter being typed may not read as YAML yet
        typed = TYPE_RE.match(line)
        if typed is not None:
            kind = note_kind({"type": typed.group(1)}) or kind
    value = VALUE_RE.match(before)
    if value is not None:
        key, written = value.group(1), value.group(2)
        choices = _values(live, kind, key)
        span = replacing(len(before) - len(written))
        items = [
            types.CompletionItem(
                label=choice,
                kind=types.CompletionItemKind.EnumMember,
                text_edit=types.TextEdit(range=span, new_text=choice),
            )
            for choice in choices
        ]
        return types.CompletionList(is_incomplete=False, items=items) if items else None
    if KEY_RE.match(before) is None:
        return None
    written = {line.split(":", 1)[0].strip() for line in front if ":" in line}
    keys = ["type", *COMMON, *BY_KIND[kind], *(["tier"] if kind == "contact" else [])]
    span = replacing(0)
    items = [
        types.CompletionItem(
            label=key,
            kind=types.CompletionItemKind.Property,
            detail=_("{kind} field").format(kind=kind)
            if key in BY_KIND[kind] or key == "tier"
            else _("field"),
            text_edit=types.TextEdit(range=span, new_text=f"{key}: "),
        )
        for key in dict.fromkeys(keys)
        if key not in written
    ]
    return types.CompletionList(is_incomplete=False, items=items)


def _values(live: LiveVault, kind: str, key: str) -> tuple[str, ...]:
    if key == "type":
        return tuple(name for names in KIND_TYPES.values() for name in names)
    if key == "tier":
        return live.config.tiers
    if key == "status":
        by_kind = {"circle": CIRCLE_STATUSES, "event": EVENT_STATUSES}
        return by_kind.get(kind, CIRCLE_STATUSES + EVENT_STATUSES)
    if key == "source":
        return SOURCES
    if key == "meetings":
        return tuple(MEETINGS_PER_MONTH)
    return ()


def _markers(live: LiveVault, span: types.Range) -> types.CompletionList:
    """The markers and the config's other spellings of them."""
    items = []
    for marker in MARKERS:
        meaning = _(MEANINGS.get(marker, A_MARKER))
        spellings = (
            marker,
            *BUILT_IN_SPELLINGS.get(marker, ()),
            *live.config.markers.get(marker, ()),
        )
        for spelling in dict.fromkeys(spellings):
            detail = meaning if spelling == marker else f"#{marker}: {meaning}"
            items.append(
                types.CompletionItem(
                    label=f"#{spelling}",
                    kind=types.CompletionItemKind.Keyword,
                    detail=detail,
                    text_edit=types.TextEdit(range=span, new_text=f"#{spelling}"),
                )
            )
    return types.CompletionList(is_incomplete=False, items=items)
