"""Front matter fields, read into the values rules use; a bad value is F003 or F004.

Each known field has a reader that returns its typed value or raises InvalidValue.
A field that fails is dropped (with its finding at the field's line), so that the rest
of the note is still checked.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from mdnet.config import Config
from mdnet.dates import InvalidValue, parse_date, parse_duration, shown
from mdnet.language import _
from mdnet.notes.markdown import WIKILINK_RE
from mdnet.notes.note import Problem

KIND_TYPES = {
    "contact": ("contact", "person", "people"),
    "circle": ("circle", "association", "club", "membership", "network", "group"),
    "event": ("event", "meetup", "conference", "salon", "fair"),
}
CIRCLE_STATUSES = ("member", "active", "board", "prospect", "former")
EVENT_STATUSES = ("planned", "attended", "skipped")
MEETINGS_PER_MONTH = {
    "weekly": 52 / 12,
    "biweekly": 26 / 12,
    "monthly": 1.0,
    "quarterly": 1 / 3,
    "yearly": 1 / 12,
}
PERIODS_PER_YEAR = {  # the words of a period of dues, and how many of it a year holds
    **dict.fromkeys(("year", "yr", "annum", "yearly", "annually"), 1),
    **dict.fromkeys(("month", "mo", "monthly"), 12),
    **dict.fromkeys(("quarter", "quarterly"), 4),
    **dict.fromkeys(("week", "weekly"), 52),
}
DUES_RE = re.compile(
    r"(?:([A-Za-z]{3}|[€$£¥])\s*)?(\d(?:[\d.,]*\d)?)\s*((?!per\b)[A-Za-z]{3}|[€$£¥])?"
    r"\s*(?:(?:/|per\s+|a\s+|\s)\s*([A-Za-z]+))?"
)
AMOUNT_RE = re.compile(r"\d+(?:\.\d+|,\d{1,2})?")  # 120, 120.50, 12,50 (a decimal comma)
THOUSANDS_RE = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")  # 1,200 and 1,200.50


def note_kind(values: Mapping[str, Any]) -> str | None:
    """The kind ``type:`` gives: contact, circle, event, plain for any other type, or None."""
    written = values.get("type")
    if written is None or written == "":
        return None
    if not isinstance(written, str):
        return "plain"  # `type: [contact]` or `type: 3` names no kind
    for kind, names in KIND_TYPES.items():
        if written.strip().lower() in names:
            return kind
    return "plain"


def text(value: object) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, list | dict):
        raise InvalidValue(_("{value} is not text").format(value=shown(value)))
    return str(value).strip()


def texts(value: object) -> tuple[str, ...]:
    """A list of strings, or one string (as Obsidian accepts for aliases and tags)."""
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list) and all(
        isinstance(item, str | int | float) and not isinstance(item, bool) for item in value
    ):
        return tuple(str(item).strip() for item in value if str(item).strip())
    if value is None:
        return ()
    raise InvalidValue(_("{value} is not a list of text").format(value=shown(value)))


def wikilink(value: object) -> str:
    """``"[[Target]]"`` or a plain title: the target's title."""
    written = text(value)
    match = WIKILINK_RE.fullmatch(written.strip())
    if match is None or not match.group(1).strip():  # not a link (an embed), no target
        return written
    return match.group(1).strip()


def wikilinks(value: object) -> tuple[str, ...]:
    if isinstance(value, list) and all(_unquoted_link(item) for item in value):
        # `- [[Jane]]` unquoted in YAML is a list holding a list holding "Jane"
        value = [f"[[{item[0][0] if isinstance(item[0], list) else item[0]}]]" for item in value]
    return tuple(wikilink(item) for item in texts(value))


def _unquoted_link(item: object) -> bool:
    """``[[Jane]]`` as YAML reads it unquoted: ``[["Jane"]]`` (or ``["Jane"]`` in a list)."""
    if not isinstance(item, list) or len(item) != 1:
        return False
    inner = item[0][0] if isinstance(item[0], list) and len(item[0]) == 1 else item[0]
    return isinstance(inner, str | int | float) and not isinstance(inner, bool)


def boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise InvalidValue(_("{value} is not true or false").format(value=shown(value)))


def number(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            amount = float(value)
        except OverflowError:  # 10**400 is no float
            amount = math.inf
        if 0 <= amount < math.inf:  # not .nan nor .inf
            return amount
    raise InvalidValue(_("{value} is not a number of at least 0").format(value=shown(value)))


def one_of(choices: tuple[str, ...]) -> Callable[[object], str]:
    def read(value: object) -> str:
        if isinstance(value, str) and value.strip().lower() in choices:
            return value.strip().lower()
        raise InvalidValue(
            _("{value} is not one of {choices}").format(
                value=shown(value), choices=", ".join(choices)
            )
        )

    return read


def dues_per_year(value: object) -> tuple[float, str]:
    """Dues as a yearly number, or ``"120 EUR/year"``, ``"15/month"``, ``"1,200 USD"`` (commas
    between groups of three digits: thousands): (amount, currency)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        with contextlib.suppress(InvalidValue):
            return number(value), ""
    elif isinstance(value, str):
        match = DUES_RE.fullmatch(value.strip())
        if match:
            currency = (match.group(1) or match.group(3) or "").upper()
            period = (match.group(4) or "year").lower().removesuffix("s")
            if period in PERIODS_PER_YEAR:
                amount = _amount(match.group(2), value) * PERIODS_PER_YEAR[period]
                if amount < math.inf:
                    return amount, currency
    raise InvalidValue(
        _('{value} is not an amount of dues (e.g. 120, "120 EUR/year", "15/month")').format(
            value=shown(value)
        )
    )


def _amount(written: str, value: str) -> float:
    """The number ``written`` in ``value``: commas between groups of three digits are
    thousands (English), one before one or two digits a decimal comma; InvalidValue when
    it is not clear which number it is (``1,2345``, ``0,125``, ``1.200,50``)."""
    if AMOUNT_RE.fullmatch(written):
        return float(written.replace(",", "."))
    if THOUSANDS_RE.fullmatch(written):
        return float(written.replace(",", ""))
    raise InvalidValue(
        _(
            "{value} is not a clear amount of dues: write the amount with no thousands "
            'separator and a decimal point (e.g. 1200 or "1200.50 EUR/year")'
        ).format(value=shown(value))
    )


def meetings_per_month(value: object) -> float:
    frequency = one_of(tuple(MEETINGS_PER_MONTH))(value)
    return MEETINGS_PER_MONTH[frequency]


def ignore_list(value: object) -> frozenset[str]:
    return frozenset(
        item.upper() if item[:1].isalpha() and item[1:].isdigit() else item.lower()
        for item in texts(value)
    )


COMMON: dict[str, Callable[[object], Any]] = {
    "aliases": texts,
    "tags": texts,
    "mdnet-ignore": ignore_list,
    "confidential": boolean,
    "date": parse_date,
}
BY_KIND: dict[str, dict[str, Callable[[object], Any]]] = {
    "contact": {
        "name": text,
        "company": text,
        "role": text,
        "domain": text,
        "email": texts,
        "phone": texts,
        "linkedin": text,
        "birthday": parse_date,
        "cadence": parse_duration,
        "met": parse_date,
        "connected": parse_date,  # connected (LinkedIn) without meeting
        "met_at": wikilink,
        "last_contact": parse_date,
        "source": text,
        "snooze_until": parse_date,
    },
    "circle": {
        "status": one_of(CIRCLE_STATUSES),
        "domain": text,
        "joined": parse_date,
        "renewal": parse_date,
        "dues": dues_per_year,
        "hours_per_month": number,
        "meetings": meetings_per_month,
        "meeting_hours": number,
        "why": text,
        "meet": text,
        "offer": text,
    },
    "event": {
        "end": parse_date,
        "status": one_of(EVENT_STATUSES),
        "hours": number,
        "cost": text,
        "why": text,
        "meet": text,
        "offer": text,
        "attendees": wikilinks,
    },
    "plain": {},
}


def read_fields(
    kind: str, values: Mapping[str, Any], lines: Mapping[str, int], config: Config
) -> tuple[dict[str, Any], list[Problem]]:
    """Typed values of the known fields of a note of ``kind``, and their problems."""
    readers = {**COMMON, **BY_KIND[kind]}
    if kind == "contact":
        readers["tier"] = one_of(config.tiers)
    typed: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in values.items():
        reader = readers.get(key)
        if reader is None:
            continue
        if value is None or value == "" or value == []:
            continue  # an empty field is an unfilled template field, not an error
        try:
            typed[key] = reader(value)
        except InvalidValue as error:
            code = "F003" if reader is parse_date else "F004"
            problems.append(Problem(code, lines.get(key, 1), f"`{key}`: {error}"))
    return typed, problems
