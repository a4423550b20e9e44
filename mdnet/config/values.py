"""Readers of the values in ``.mdnet.toml``: each returns the value or raises InvalidValue."""

from __future__ import annotations

import datetime as dt
import math
import posixpath
import re

from mdnet.dates import Duration, InvalidValue, parse_duration
from mdnet.language import LANGUAGES, _

SEVERITIES = ("error", "warning", "info")


MAX_INT = 100_000  # days (274 years), KB, counts: more would overflow date arithmetic


def whole(value: object, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= MAX_INT:
        raise InvalidValue(
            _("expected a whole number from {minimum} to {most}").format(
                minimum=minimum, most=MAX_INT
            )
        )
    return value


def number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < math.inf:
        raise InvalidValue(_("expected a number of at least 0"))  # nor nan, nor inf
    return float(value)


def share(value: object) -> float:
    fraction = number(value)
    if fraction > 1:
        raise InvalidValue(_("expected a share between 0 and 1"))
    return fraction


def string(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidValue(_("expected a string"))
    return value


def strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidValue(_("expected a list of strings"))
    return tuple(value)


def cadence(value: object) -> Duration | None:
    if not isinstance(value, str):
        raise InvalidValue(_('expected a duration such as "60d", "3m" or "none"'))
    return parse_duration(value)


def summary_path(value: object) -> str:
    path = string(value).replace("\\", "/")
    normal = posixpath.normpath(path) if path else ""
    if not normal.endswith(".md") or normal.startswith(("/", "../")) or normal == "..":
        raise InvalidValue(_("expected a vault-relative path ending in .md"))
    return normal


def severities(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise InvalidValue(
            _("expected a table such as {example}").format(example='{ R002 = "info" }')
        )
    for rule, level in value.items():
        if level not in SEVERITIES:
            raise InvalidValue(
                _("severity of {rule} must be one of {levels}").format(
                    rule=rule, levels=", ".join(SEVERITIES)
                )
            )
    return dict(value)


def language(value: object) -> str:
    """A language mdnet speaks (``"en"``, ``"fr"``), or ``""`` for the environment's."""
    if value != "" and value not in LANGUAGES:
        choices = ", ".join(f'"{code}"' for code in LANGUAGES)
        raise InvalidValue(
            _('expected one of {choices}, or "" for the environment\'s').format(choices=choices)
        )
    return str(value)


def calendar_path(value: object) -> str:
    """``""`` (no calendar) or a vault-relative path ending in ``.ics``."""
    path = string(value).replace("\\", "/")
    if not path:
        return ""
    normal = posixpath.normpath(path)
    if not normal.endswith(".ics") or normal.startswith(("/", "../")) or normal == "..":
        raise InvalidValue(_('expected a vault-relative path ending in .ics, or ""'))
    return normal


_TIME_RE = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def time_of_day(value: object) -> dt.time | None:
    """``""`` (none) or a time of day written ``HH:MM`` (24-hour clock)."""
    text = string(value).strip()
    if not text:
        return None
    match = _TIME_RE.fullmatch(text)
    if match is None:
        raise InvalidValue(_('expected a time of day such as "08:30", or ""'))
    return dt.time(int(match.group(1)), int(match.group(2)))
