"""Dates, numbers and lengths of time as the language in use writes them (Babel).

"4 December 2026" / "4 décembre 2026", "8.7" / "8,7", "67%" / "67 %", "208 days ago" /
"il y a 208 jours": never written by hand for a translated text, nor is the plural form
that a number with a fraction takes (``plural_count``). In English, numbers keep the
text mdnet always wrote, without loading Babel; other languages load it when they first
write one.
"""

from __future__ import annotations

import datetime as dt
import functools

from mdnet.language.catalog import current

FOREVER = 10**9  # a threshold no length of time reaches: "208 days", never "7 months"


def long_date(day: dt.date) -> str:
    """``4 décembre 2026``, ``December 4, 2026``."""
    return _long_date(day, current())


@functools.lru_cache(maxsize=4096)  # the same few hundred dates, again and again
def _long_date(day: dt.date, locale: str) -> str:
    from babel.dates import format_date

    return format_date(day, format="long", locale=locale)


def day_month(day: dt.date) -> str:
    """``March 12``, ``12 mars``: a date whose year is not known (a birthday)."""
    return _day_month(day.month, day.day, current())


@functools.lru_cache(maxsize=1024)  # 366 days a year, whichever year they are in
def _day_month(month: int, day: int, locale: str) -> str:
    from babel.dates import format_skeleton

    return format_skeleton("MMMMd", dt.date(2000, month, day), locale=locale)  # 2000: a leap year


def month(day: dt.date) -> str:
    """The month's short name, ``déc.``, ``Dec``: a chart's label."""
    from babel.dates import format_skeleton

    return format_skeleton("MMM", day, locale=current())


def month_year(day: dt.date) -> str:
    """``Dec 2025``, ``déc. 2025``."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMM", day, locale=current())


def weekday(day: dt.date) -> str:
    """The day of the week, short: ``Mon``, ``lun.``."""
    from babel.dates import format_date

    return format_date(day, "EEE", locale=current())


def decimal(value: float, digits: int = 1) -> str:
    """``8.666`` → ``8.7`` (``8,7`` in French), ``12.0`` → ``12``: at most ``digits``
    decimals, no trailing zeros."""
    if current() == "en":
        written = f"{value:.{digits}f}"
        return written.rstrip("0").rstrip(".") if "." in written else written
    from babel.numbers import format_decimal

    return format_decimal(round(value, digits), format="#,##0." + "#" * digits, locale=current())


def plural_count(value: float, digits: int = 1) -> int:
    """The count that makes ``ngettext`` choose the form of ``value`` as ``decimal(value,
    digits)`` writes it. gettext counts whole numbers; a number with a fraction takes the
    form CLDR gives it in the language (Babel): the plural in English (``1.5 hours``),
    the singular in French below 2 (``1,5 heure``). Counted as 1 for CLDR's "one", else 2
    (the catalogs' forms, in that order)."""
    shown = round(value, digits)
    whole = int(shown)
    if shown == whole:
        return whole
    if current() == "en":  # without loading Babel: any fraction is "other"
        return 2
    from babel import Locale

    return 1 if Locale.parse(current()).plural_form(shown) == "one" else 2


def fixed(value: float, digits: int) -> str:
    """``0.50``, ``0,50``: exactly ``digits`` decimals (a ratio)."""
    if current() == "en":
        return f"{value:.{digits}f}"
    from babel.numbers import format_decimal

    return format_decimal(value, format="0." + "0" * digits, locale=current())


def percent(share: float) -> str:
    """``67%``, ``67 %``: a share as a whole percentage."""
    if current() == "en":
        return f"{share:.0%}"
    from babel.numbers import format_percent

    return format_percent(share, locale=current())


def short_number(value: float) -> str:
    """``0.5``, ``1.25`` as Python's ``:g`` writes them (``0,5`` in French): a setting."""
    if current() == "en":
        return f"{value:g}"
    from babel.numbers import format_decimal

    return format_decimal(value, format="0.######", locale=current())


def days_ago(days: int) -> str:
    """``il y a 208 jours``, ``208 days ago``; ``dans 3 jours`` for a date to come."""
    return _days_ago(days, current())


@functools.lru_cache(maxsize=4096)  # a summary says it of thousands of entries: few values
def _days_ago(days: int, locale: str) -> str:
    from babel.dates import format_timedelta

    return format_timedelta(
        dt.timedelta(days=-days),
        granularity="day",
        threshold=FOREVER,
        add_direction=True,
        locale=locale,
    )
