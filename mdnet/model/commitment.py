"""Circles and events: the memberships and dated events a person commits time and dues to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mdnet.notes.note import Note

# the circle statuses (``notes.fields.CIRCLE_STATUSES``) of a circle one is in
ACTIVE_STATUSES = ("member", "active", "board")


@dataclass(frozen=True)
class MeetingRecord:
    """A circle meeting, logged as attended or missed."""

    date: dt.date
    attended: bool
    line: int


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
