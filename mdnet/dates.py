"""Dates and durations as people write them in notes and config.

Dates are ISO ``YYYY-MM-DD`` (a time may follow), given as YAML dates or strings.
Durations are ``30d``, ``6w``, ``3m`` (calendar months), ``1y``, a word such as
``monthly``, or ``none``/``never`` for no cadence at all.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import reprlib
from dataclasses import dataclass

from mdnet.language import _, ngettext

# a date, and a time of day that exists (not 25:00; 24:00, the day's end, as ISO 8601)
DATE_RE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[ T](?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::(?:[0-5][0-9]|60)(?:\.[0-9]+)?)?"
    r"|24:00(?::00(?:\.0+)?)?)"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?)?"
)
# the year ``mdnet import`` writes for a birthday given without one (vCard ``--03-12``),
# as Apple does: the day and month alone count (the summary, the calendar)
NO_YEAR = 1604
# the date that starts an entry (SPEC §3): 2026-03-04 or [[2026-03-04]] (a daily note's
# link, with an alias or not), and a time of day; read by the parser (``notes.markdown``),
# the model (a link to a day is no unknown contact) and the language server's completion
LEADING_DATE_RE = re.compile(
    r"(?:\[\[([0-9]{4})-([0-9]{2})-([0-9]{2})(?:\\?\|[^\]]*)?\]\]|([0-9]{4})-([0-9]{2})-([0-9]{2}))"
    r"(?:[ T]((?:[01]?[0-9]|2[0-3]):[0-5][0-9]))?(?![0-9-])"
)


class InvalidValue(ValueError):
    """A value mdnet cannot use; the message says what was expected."""


class _AsWritten(reprlib.Repr):
    """Values as YAML writes them, not as Python does: ``[2026-05-01]``, ``true``,
    ``null``, ``.inf`` (text quoted, so that where it starts and ends shows)."""

    def repr_date(self, value: dt.date, level: int) -> str:
        return value.isoformat()

    def repr_datetime(self, value: dt.datetime, level: int) -> str:
        return value.isoformat(" ")

    def repr_bool(self, value: bool, level: int) -> str:
        return "true" if value else "false"

    def repr_NoneType(self, value: None, level: int) -> str:  # reprlib looks up type names
        return "null"

    def repr_float(self, value: float, level: int) -> str:
        if value != value:  # NaN
            return ".nan"
        if value in (math.inf, -math.inf):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)


_SHOWN = _AsWritten()
_SHOWN.maxlevel, _SHOWN.maxstring, _SHOWN.maxother = 1, 40, 40
_SHOWN.maxlist = _SHOWN.maxtuple = _SHOWN.maxdict = _SHOWN.maxset = 4


def shown(value: object) -> str:
    """``value`` as a message quotes it: as YAML writes it (``[2026-05-01]``, not
    ``[datetime.date(2026, 5, 1)]``), short even for a YAML alias bomb or 1 MB of text."""
    return _SHOWN.repr(value)


def parse_date(value: object) -> dt.date:
    """Read a YAML date, datetime or ISO string; raise InvalidValue otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = DATE_RE.fullmatch(value.strip())
        if match:
            return real_date(*match.groups())
    raise InvalidValue(_("{value} is not a date (expected YYYY-MM-DD)").format(value=shown(value)))


def real_date(year: str, month: str, day: str) -> dt.date:
    """Build a date from its written parts, rejecting ones like 2026-13-40."""
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise InvalidValue(
            _("{date} is not a real date").format(date=f"{year}-{month}-{day}")
        ) from None


@dataclass(frozen=True)
class Duration:
    """A span of calendar months plus days, as ``3m`` or ``30d`` are written."""

    months: int = 0
    days: int = 0
    text: str = ""

    def after(self, start: dt.date, times: int = 1) -> dt.date:
        """The date ``times`` durations after ``start`` (months clamp to month ends).

        Past the calendar's end (``cadence: 999999999d``) it stops at its last day.
        """
        try:
            if not self.months:  # most cadences: days only, no calendar to look at
                return start + dt.timedelta(days=self.days * times)
            return add_months(start, self.months * times) + dt.timedelta(days=self.days * times)
        except (OverflowError, ValueError):
            return dt.date.max if self.months * times + self.days * times > 0 else dt.date.min

    @property
    def approx_days(self) -> int:
        """Its length in days, months counted as 30: for messages only."""
        return self.months * 30 + self.days

    def describe(self) -> str:
        """How a message names it: ``60-day``, ``3-month`` (``60 jours``, ``3 mois``)."""
        if self.months and not self.days:
            return ngettext("{count}-month", "{count}-month", self.months).format(count=self.months)
        return ngettext("{count}-day", "{count}-day", self.approx_days).format(
            count=self.approx_days
        )


WORD_DURATIONS = {
    "daily": Duration(days=1, text="daily"),
    "weekly": Duration(days=7, text="weekly"),
    "biweekly": Duration(days=14, text="biweekly"),
    "monthly": Duration(months=1, text="monthly"),
    "quarterly": Duration(months=3, text="quarterly"),
    "yearly": Duration(months=12, text="yearly"),
}
NO_DURATION = ("none", "never")
DURATION_RE = re.compile(r"([0-9]+)\s*([dwmy])")


def parse_duration(value: object) -> Duration | None:
    """Read ``30d``, ``6w``, ``3m``, ``1y``, a word, or ``none``; None means no cadence."""
    if isinstance(value, str):
        text = value.strip().lower()
        if text in NO_DURATION:
            return None
        if text in WORD_DURATIONS:
            return WORD_DURATIONS[text]
        match = DURATION_RE.fullmatch(text)
        if match and int(match.group(1)) > 0:
            number, unit = int(match.group(1)), match.group(2)
            if unit == "d":
                return Duration(days=number, text=text)
            if unit == "w":
                return Duration(days=7 * number, text=text)
            if unit == "m":
                return Duration(months=number, text=text)
            return Duration(months=12 * number, text=text)
    elif value is False:
        return None  # YAML reads an unquoted `no` as false
    raise InvalidValue(
        _("{value} is not a duration (expected e.g. 30d, 6w, 3m, 1y, monthly or none)").format(
            value=shown(value)
        )
    )


def add_months(start: dt.date, months: int) -> dt.date:
    """Calendar arithmetic: 2026-01-31 plus one month is 2026-02-28."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(start.day, last_day))
