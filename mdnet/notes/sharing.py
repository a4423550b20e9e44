"""One object for each value that many notes repeat: what keeps a large vault small.

A note read from the index or from a worker process comes with its own copy of every
string in it: each of a hundred thousand notes had its own ``"type"``, ``"tags"``,
``"plain"``, ``("daily",)``, its own dict of key lines, its own date objects. Keys,
kinds, the values of fields that notes share (tags, tier, company...), dates, and whole
dicts of key lines (and of a field or two) are made one object here for every note that
has them: about 55 MB less at 100,000 notes. What is shared is never changed (a Note is
frozen, and nothing writes into its ``fields`` or ``lines``).
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from sys import intern
from typing import Any, TypeVar

# the fields whose values many notes share (others, such as names and emails, are
# each a note's own: keeping one object for each would only cost memory)
REPEATED = frozenset(
    {"type", "tags", "tier", "domain", "company", "role", "source", "status", "meetings"}
)
# and the fields that hold dates (a note's own date, when the same day, is one object)
DATES = frozenset(
    {"met", "birthday", "last_contact", "snooze_until", "connected", "joined", "renewal"}
    | {"date", "end"}
)
SHARED = REPEATED | DATES
Text = TypeVar("Text", str, tuple[str, ...])
Counts = TypeVar("Counts", bound=tuple[int, ...])
_texts: dict[str | tuple[str, ...], Any] = {}  # a kind, a repeated value → its one object
_dates: dict[dt.date, dt.date] = {}
_counts: dict[tuple[int, ...], tuple[int, ...]] = {}
_lines: dict[tuple[tuple[str, int], ...], dict[str, int]] = {}  # key lines → one dict
_small: dict[tuple[tuple[str, type, Any], ...], dict[str, Any]] = {}  # few fields → one dict
SMALL = 2  # fields of so few keys are often the same in many notes (`tags: [daily]`)


def shared_text(text: Text) -> Text:
    """The one object of a word that many notes write (an entry's channel: `call`, a
    block's tags, a link's target)."""
    return _texts.setdefault(text, text)  # type: ignore[no-any-return]


def shared_counts(counts: Counts) -> Counts:
    """The one tuple of these counts: what a contact adds to a total, which most
    contacts say the same ((0, 0): no tuple for each of 100,000 contacts)."""
    return _counts.setdefault(counts, counts)  # type: ignore[return-value]


def shared_date(date: dt.date) -> dt.date:
    """The one object of this date (an interaction's, a field's)."""
    return _dates.setdefault(date, date)


def shared_front(
    kind: str, fields: dict[str, Any], lines: dict[str, int]
) -> tuple[str, dict[str, Any], dict[str, int]]:
    """The note's kind, fields and key lines, made of shared objects."""
    texts = _texts
    kind = texts.setdefault(kind, kind)
    if lines:
        layout = tuple(lines.items())
        known = _lines.get(layout)
        if known is None:
            known = _lines[layout] = {intern(key): line for key, line in layout}
        lines = known
    if fields:
        fields = {
            intern(key): _shared(key, value) if key in SHARED else value
            for key, value in fields.items()
        }
        if len(fields) <= SMALL:
            # with the types: 1, 1.0 and True are equal, but not written the same
            items = tuple((key, type(value), value) for key, value in fields.items())
            with suppress(TypeError):  # a value that is not hashable: the note keeps its own
                fields = _small.setdefault(items, fields)
    return kind, fields, lines


def _shared(key: str, value: Any) -> Any:
    kind = type(value)
    if kind is dt.date:
        return _dates.setdefault(value, value)
    if key in REPEATED and (
        kind is str or (kind is tuple and all(type(item) is str for item in value))
    ):
        return _texts.setdefault(value, value)
    return value
