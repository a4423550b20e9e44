"""The network as rules see it: contacts with their timelines, circles, events.

Everything here is derived from parsed Notes and the config by ``mdnet.vault.build``;
nothing reads the disk or the clock — rules pass ``today`` in.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from mdnet.config import Config
from mdnet.dates import Duration
from mdnet.fields import ACTIVE_STATUSES
from mdnet.note import Note


class Interaction(NamedTuple):
    """A dated exchange with one contact, written at ``path:line``.

    ``task`` is " " for a plan (an unchecked task: it may hold a promise but is not
    contact made), "x" for a checked task, None for a plain entry. A named tuple: a
    large vault makes about a hundred thousand of them on every run.
    """

    contact: str  # the contact note's path
    date: dt.date
    path: str
    line: int
    text: str
    markers: frozenset[str] = frozenset()
    channel: str | None = None
    task: str | None = None
    time: str | None = None
    links: tuple[str, ...] = ()  # paths of the notes the entry links (mentions included)

    @property
    def is_plan(self) -> bool:
        return self.task == " "


IN_FILE_ORDER = attrgetter("path", "line", "contact")  # the order of Vault.interactions()


@dataclass(frozen=True)
class MeetingRecord:
    """A circle meeting, logged as attended or missed."""

    date: dt.date
    attended: bool
    line: int


T = TypeVar("T")


@dataclass
class Contact:
    """One person, with every entry about them in date order."""

    note: Note
    entries: list[Interaction] = field(default_factory=list)  # plans included
    met_at_events: list[tuple[dt.date, str]] = field(default_factory=list)
    # what was worked out about this contact (``kept``); the model makes a new Contact
    # whenever anything about them changes, so it stays true as long as the object lives
    memo: dict[Callable[..., Any], tuple[Config, dt.date, tuple[Hashable, ...], Any]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def kept(
        self, work_out: Callable[..., T], config: Config, today: dt.date, *more: Hashable
    ) -> T:
        """``work_out(self, config, today, *more)``, kept for this config and day.

        Rules and the summary ask this of each of ten thousand contacts on every run;
        in watch mode only the contacts that a change touched are worked out again.
        ``work_out`` may read the contact and its notes (and the titles of the notes its
        entries name), the arguments, nothing else: the model makes a new Contact when
        any of that changes. One answer is kept per function: the last one.
        """
        found = self.memo.get(work_out)
        if found is not None and found[0] is config and found[1] == today and found[2] == more:
            return found[3]  # type: ignore[no-any-return]
        value = work_out(self, config, today, *more)
        self.memo[work_out] = (config, today, more, value)
        return value

    def __getstate__(self) -> dict[str, Any]:
        """As ``mdnet.snapshot`` pickles a contact: what was worked out is saved apart."""
        return {"note": self.note, "entries": self.entries, "met_at_events": self.met_at_events}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, memo={})

    @property
    def title(self) -> str:
        return self.note.title

    @property
    def name(self) -> str:
        return str(self.note.fields.get("name") or self.note.title)

    @cached_property
    def interactions(self) -> list[Interaction]:
        """Contact made: every entry but plans, in date order.

        Read once the model is built (rules and the summary ask for it tens of thousands
        of times in a large vault, so it is kept): do not modify the list.
        """
        return [entry for entry in self.entries if entry.task != " "]

    @cached_property
    def _interaction_dates(self) -> list[dt.date]:
        return [entry.date for entry in self.interactions]

    def past_interactions(self, today: dt.date) -> list[Interaction]:
        """Contact made up to ``today`` (a future-dated entry is F007, not contact)."""
        return self.interactions[: bisect_right(self._interaction_dates, today)]

    def last_contact(self, today: dt.date) -> dt.date | None:
        """The latest of ``last_contact`` and the past interactions."""
        dates = self._interaction_dates  # in order: the last one up to today is the latest
        made = bisect_right(dates, today)
        latest = dates[made - 1] if made else None
        written = self.note.fields.get("last_contact")
        if written is not None and written <= today and (latest is None or written > latest):
            return written  # type: ignore[no-any-return]
        return latest

    def met(self) -> tuple[dt.date, str] | None:
        """When and how first met: ``met``, the ``met_at`` event, or an attended event."""
        candidates = list(self.met_at_events)
        if "met" in self.note.fields:
            candidates.append((self.note.fields["met"], "met"))
        return min(candidates, default=None)

    def cadence(self, config: Config) -> tuple[Duration | None, str]:
        """The cadence and where it came from: the contact's own, its tier's, the default."""
        fields = self.note.fields
        if "cadence" in fields:
            written = fields["cadence"]
            return written, f"cadence {written.text}" if written else "cadence none"
        if "tier" in fields:
            return config.cadence.get(fields["tier"]), f'tier "{fields["tier"]}"'
        return config.cadence["default"], "default"


class Commitment:
    """What circles and events share: a note with a title, a status and a purpose."""

    note: Note

    @property
    def title(self) -> str:
        return self.note.title

    @property
    def status(self) -> str | None:
        return self.note.fields.get("status")

    def missing_purpose(self) -> list[str]:
        """Which of ``why``, ``meet`` and ``offer`` the note leaves empty (C005)."""
        return [key for key in ("why", "meet", "offer") if not self.note.fields.get(key)]


@dataclass
class Circle(Commitment):
    """A membership: association, club, professional network."""

    note: Note
    meetings: list[MeetingRecord] = field(default_factory=list)

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def dues_per_year(self) -> float:
        return float(self.note.fields.get("dues", (0.0, ""))[0])

    @property
    def currency(self) -> str:
        return str(self.note.fields.get("dues", (0.0, ""))[1])

    @property
    def hours_per_month(self) -> float:
        """``hours_per_month``, else ``meetings`` × ``meeting_hours`` (default 2)."""
        fields = self.note.fields
        if "hours_per_month" in fields:
            return float(fields["hours_per_month"])
        if "meetings" in fields:
            return float(fields["meetings"]) * float(fields.get("meeting_hours", 2.0))
        return 0.0

    def recent_meetings(self, today: dt.date) -> list[MeetingRecord]:
        """The meetings recorded in the 365 days up to ``today``."""
        return [m for m in self.meetings if today - dt.timedelta(days=365) < m.date <= today]

    def attendance(self, today: dt.date) -> tuple[int, int]:
        """(attended, recorded) meetings in the 365 days up to ``today``."""
        recent = self.recent_meetings(today)
        return sum(m.attended for m in recent), len(recent)


@dataclass
class Event(Commitment):
    """One dated event; ``attendees`` are contact paths from the field and the body."""

    note: Note
    attendees: list[str] = field(default_factory=list)

    @property
    def date(self) -> dt.date | None:
        return self.note.fields.get("date")

    @property
    def hours(self) -> float:
        return float(self.note.fields.get("hours", 3.0))


@dataclass(frozen=True)
class Dangling:
    """A link in an interaction entry to a note that does not exist (F005)."""

    path: str
    line: int
    target: str
    relative: bool = False  # a Markdown link's path, not a wikilink's title

    @property
    def written(self) -> str:
        """The link as the user wrote it, near enough to find it on the line."""
        return f"The link to {self.target}" if self.relative else f"[[{self.target}]]"

    @property
    def title(self) -> str:
        """The title a note would need for the link to resolve."""
        return self.target.rsplit("/", 1)[-1].removesuffix(".md")


@dataclass
class Vault:
    """The whole network: notes by path, and the contacts, circles and events in them."""

    root: Path
    notes: dict[str, Note]
    contacts: dict[str, Contact]
    circles: dict[str, Circle]
    events: dict[str, Event]
    dangling: list[Dangling]
    # what is worked out from the model once and asked for by several rules (see
    # health.standings), keyed by what it depends on; never part of the model itself
    memo: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)

    def interactions(self) -> list[Interaction]:
        """Every entry of every contact (plans included), in path and line order."""
        return list(self._interactions)

    @cached_property
    def _interactions(self) -> list[Interaction]:
        return sorted(
            (entry for contact in self.contacts.values() for entry in contact.entries),
            key=IN_FILE_ORDER,
        )

    @cached_property
    def shared_titles(self) -> frozenset[str]:
        """The titles (in lower case) that several notes have: links to them need a path."""
        counts = Counter(note.title.lower() for note in self.notes.values())
        return frozenset(title for title, count in counts.items() if count > 1)

    @cached_property
    def confidential(self) -> frozenset[str]:
        """The paths of the notes marked ``confidential: true`` (G004)."""
        return frozenset(
            path for path, note in self.notes.items() if note.fields.get("confidential")
        )

    @cached_property
    def with_problems(self) -> list[Note]:
        """The notes in which the parser found problems (F001–F004): a few."""
        return [note for note in self.notes.values() if note.problems]

    @cached_property
    def ignoring(self) -> dict[str, Note]:
        """The notes with an ``mdnet-ignore``, by path: a few."""
        return {path: note for path, note in self.notes.items() if "mdnet-ignore" in note.fields}

    def silencing(self, code: str, name: str) -> frozenset[str]:
        """The paths of the contacts whose ``mdnet-ignore`` silences this rule."""
        return frozenset(  # only a note with an mdnet-ignore can
            path
            for path, note in self.ignoring.items()
            if path in self.contacts and note.silences(code, name)
        )

    def subject_of(self, path: str) -> str | None:
        """The title of the contact, circle or event at ``path``."""
        note = self.notes.get(path)
        return note.title if note and note.kind != "plain" else None
