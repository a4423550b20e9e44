"""Obsidian's core-template placeholders: ``{{title}}``, ``{{date}}``, ``{{time}}``.

As in Obsidian, ``{{date}}`` is ``YYYY-MM-DD``, ``{{time}}`` is ``HH:mm``, and either
takes a Moment.js format after a colon: ``{{date:dddd D MMMM YYYY}}``. Text in square
brackets is kept as written (``{{date:[Week] W}}``). Other ``{{...}}`` are left alone,
as Obsidian leaves them for other plugins.
"""

from __future__ import annotations

import datetime as dt
import re

PLACEHOLDER_RE = re.compile(r"\{\{\s*(title|date|time)\s*(?::([^}]*))?\}\}", re.IGNORECASE)
DEFAULT_FORMATS = {"date": "YYYY-MM-DD", "time": "HH:mm"}
# longest tokens first, so that MMMM is not read as MM MM
TOKEN_RE = re.compile(
    r"\[[^\]]*\]|YYYY|YY|Q|MMMM|MMM|MM|M|Do|DDDD|DDD|DD|D|dddd|ddd|dd|d|E|GGGG|WW|W"
    r"|HH|H|hh|h|kk|k|mm|m|ss|s|A|a|X|x"
)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def fill(text: str, title: str, now: dt.datetime) -> str:
    """``text`` with ``{{title}}``, ``{{date}}`` and ``{{time}}`` (formats too) filled."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1).lower()
        if name == "title":
            return title
        written = match.group(2)
        return moment(now, written.strip() if written is not None else DEFAULT_FORMATS[name])

    return PLACEHOLDER_RE.sub(replace, text)


def moment(when: dt.datetime, pattern: str) -> str:
    """Format ``when`` with Moment.js tokens (English names)."""
    return TOKEN_RE.sub(lambda match: _token(when, match.group(0)), pattern)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def _token(when: dt.datetime, token: str) -> str:
    if token.startswith("["):
        return token[1:-1]
    iso_year, iso_week, iso_day = when.isocalendar()
    hour12 = when.hour % 12 or 12
    day_of_year = when.timetuple().tm_yday
    values = {
        "YYYY": f"{when.year:04d}",
        "YY": f"{when.year % 100:02d}",
        "Q": str((when.month - 1) // 3 + 1),
        "MMMM": MONTHS[when.month - 1],
        "MMM": MONTHS[when.month - 1][:3],
        "MM": f"{when.month:02d}",
        "M": str(when.month),
        "Do": _ordinal(when.day),
        "DDDD": f"{day_of_year:03d}",
        "DDD": str(day_of_year),
        "DD": f"{when.day:02d}",
        "D": str(when.day),
        "dddd": DAYS[iso_day - 1],
        "ddd": DAYS[iso_day - 1][:3],
        "dd": DAYS[iso_day - 1][:2],
        "d": str(iso_day % 7),  # Moment: 0 is Sunday
        "E": str(iso_day),
        "GGGG": f"{iso_year:04d}",
        "WW": f"{iso_week:02d}",
        "W": str(iso_week),
        "HH": f"{when.hour:02d}",
        "H": str(when.hour),
        "hh": f"{hour12:02d}",
        "h": str(hour12),
        "kk": f"{when.hour or 24:02d}",
        "k": str(when.hour or 24),
        "mm": f"{when.minute:02d}",
        "m": str(when.minute),
        "ss": f"{when.second:02d}",
        "s": str(when.second),
        "A": "AM" if when.hour < 12 else "PM",
        "a": "am" if when.hour < 12 else "pm",
        "X": str(int(when.timestamp())),
        "x": str(int(when.timestamp() * 1000)),
    }
    return values[token]
