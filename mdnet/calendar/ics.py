"""Reminders as an iCalendar file (RFC 5545), made with the ``icalendar`` library.

Every reminder is an all-day VEVENT (``DTSTART;VALUE=DATE``, ``DTEND`` the day after
its last day, as RFC 5545 counts), transparent (a reminder does not make you busy),
with a UID from its note and kind, a DTSTAMP from ``today`` (so the same vault gives
the same bytes), and a URL that opens its note: ``obsidian://open?vault=…&file=…`` when
the vault is (in) an Obsidian vault, else ``file://``. A birthday repeats every year;
one on 29 February falls on the last day of February in other years
(``RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1``, which calcurse, khal and the rest
follow). With an alarm time, each event has a display alarm at that time on its day.
The library folds lines at 75 octets and ends them with CRLF.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from icalendar import Alarm, Calendar, Event

from mdnet.calendar import texts
from mdnet.calendar.reminder import Reminder

PRODID = "-//mdnet//mdnet calendar//EN"  # how mdnet knows its own files (writer.py)
DAY = dt.timedelta(days=1)


class NoteUrls:
    """The URL that opens a note of the vault at ``root`` on this machine.

    The Obsidian vault is the nearest folder, ``root`` or above, holding ``.obsidian/``
    (the mdnet vault may be a folder inside it); without one, a ``file://`` URL.
    """

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.obsidian = next(
            (
                folder
                for folder in (self.root, *self.root.parents)
                if (folder / ".obsidian").is_dir()
            ),
            None,
        )
        # what the URLs depend on, as text (compared for each event at each render)
        self.key = (str(self.root), str(self.obsidian) if self.obsidian else "")

    def __call__(self, path: str) -> str:
        if self.obsidian is None:
            return (self.root / path).as_uri()
        inside = (self.root / path).relative_to(self.obsidian).as_posix()
        vault = quote(os.fsencode(self.obsidian.name), safe="")  # bytes: a name not UTF-8
        return f"obsidian://open?vault={vault}&file={quote(os.fsencode(inside), safe='')}"


def to_ical(
    reminders: Iterable[Reminder],
    *,
    name: str,
    today: dt.date,
    alarm: dt.time | None,
    url_of: NoteUrls,
) -> list[bytes]:
    """The iCalendar file of ``reminders``, in a stable order, in parts: its head, each
    event, its end; written one after the other, never joined (a copy of 20 MB at
    100,000 notes).

    Each VEVENT is made and serialized by icalendar on its own, and kept with its
    reminder (watch mode keeps each contact's, and writes the same thousands of events
    again after each change); the file is the calendar's own lines around them, exactly
    what ``Calendar.to_ical`` gives.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", texts.calendar_name(name))
    calendar.add("x-wr-caldesc", texts.calendar_description())
    header: bytes = calendar.to_ical()
    assert header.endswith(END)
    stamp = dt.datetime.combine(today, dt.time(), dt.UTC)
    ordered = sorted(reminders, key=lambda r: r.sort_key)
    events = [_event_bytes(r, stamp, alarm, url_of) for r in ordered]
    return [header.removesuffix(END), *events, END]


END = b"END:VCALENDAR\r\n"


def _event_bytes(
    reminder: Reminder, stamp: dt.datetime, alarm: dt.time | None, url_of: NoteUrls
) -> bytes:
    """The reminder's VEVENT, made once for a reminder kept from one render to the next
    (a contact's; a cache of the last 32,768 made every event again at each render of a
    calendar of more, and kept those of reminders gone)."""
    made, key = reminder.made, (stamp, alarm, url_of.key)
    if made is not None and made[:3] == key:
        return made[3]  # type: ignore[return-value]
    data = _made(reminder, stamp, alarm, url_of(reminder.path))
    object.__setattr__(reminder, "made", (*key, data))  # frozen for others
    return data


@lru_cache(maxsize=1024)  # made again equal at each render: a circle's, an event's
def _made(reminder: Reminder, stamp: dt.datetime, alarm: dt.time | None, url: str) -> bytes:
    data: bytes = _event(reminder, stamp, alarm, url).to_ical()
    return data


def _event(reminder: Reminder, stamp: dt.datetime, alarm: dt.time | None, url: str) -> Event:
    event = Event()
    event.add("uid", reminder.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", reminder.first_day)
    event.add("dtend", reminder.last_day + DAY)
    event.add("summary", _clean(reminder.title))
    event.add("description", _clean("\n".join([*reminder.lines, texts.open_note(url)])))
    event.add("url", url)
    event.add("categories", [texts.category(reminder.kind)])
    event.add("transp", "TRANSPARENT")
    if reminder.yearly:
        born = reminder.first_day
        if (born.month, born.day) == (2, 29):
            event.add("rrule", {"freq": "yearly", "bymonth": 2, "bymonthday": -1})
        else:
            event.add("rrule", {"freq": "yearly"})
    if alarm is not None:
        ring = Alarm()
        ring.add("action", "DISPLAY")
        ring.add("description", _clean(reminder.title))
        # from the start of the event's day: the same hour in every time zone and year
        ring.add("trigger", dt.timedelta(hours=alarm.hour, minutes=alarm.minute))
        event.add_component(ring)
    return event


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # RFC 5545 TEXT allows none but tab


def _clean(text: str) -> str:
    """``text`` as a calendar can show it: no control characters (line breaks stay, as
    ``\\n``), and valid UTF-8 (a lone surrogate from YAML becomes ``?``)."""
    text = _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.encode("utf-8", "replace").decode("utf-8")
