"""One thing to do on a day: what the calendar shows as an all-day event.

A Reminder knows nothing of iCalendar; ``mdnet.calendar.ics`` turns it into a VEVENT.
Its identity is the note's path and what it is about (``kind``): the same note and kind
give the same UID on every run, whatever else changed, so that a calendar that imports
the file again, or refreshes its subscription, updates the event instead of adding one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

# what a reminder is about; one of each at most per note
REACH_OUT = "reach-out"
FOLLOW_UP = "follow-up"
GIVE_BACK = "give-back"
PROMISE = "promise"
RENEWAL = "renewal"
EVENT = "event"
BIRTHDAY = "birthday"
KINDS = (REACH_OUT, FOLLOW_UP, GIVE_BACK, PROMISE, RENEWAL, EVENT, BIRTHDAY)


@dataclass(frozen=True, slots=True)
class Reminder:
    """An all-day event from ``first_day`` to ``last_day`` (both included). Slotted: a
    live vault keeps each contact's (28,000 at 100,000 notes, 7 MB less)."""

    kind: str
    path: str  # the vault-relative path of the note it is about
    first_day: dt.date
    last_day: dt.date
    title: str
    lines: tuple[str, ...]  # the description, one fact a line
    yearly: bool = False  # a birthday: every year on that day
    # its VEVENT once ``ics`` made it, after what it was made for: kept with it (a live
    # vault keeps each contact's reminders, and writes them all again after a change)
    made: tuple[object, ...] | None = field(default=None, init=False, compare=False, repr=False)

    def __reduce__(self) -> tuple[type[Reminder], tuple[object, ...]]:
        """Pickled without its VEVENT (a snapshot keeps the reminders, not 20 MB of
        events at 100,000 notes: they are made again)."""
        fields = (self.kind, self.path, self.first_day, self.last_day, self.title, self.lines)
        return Reminder, (*fields, self.yearly)

    @property
    def uid(self) -> str:
        """Stable across runs: from the note's path and the kind, nothing else."""
        key = f"{self.kind}\0{self.path}".encode("utf-8", "surrogateescape")  # any file name
        digest = hashlib.sha256(key).hexdigest()[:32]
        return f"{self.kind}-{digest}@mdnet"

    @property
    def sort_key(self) -> tuple[dt.date, int, str]:
        """The order of the file: by day, then kind, then note."""
        return self.first_day, KINDS.index(self.kind), self.path


def on(
    kind: str, path: str, day: dt.date, title: str, lines: list[str], yearly: bool = False
) -> Reminder:
    """A one-day reminder."""
    return Reminder(kind, path, day, day, title, tuple(lines), yearly)
