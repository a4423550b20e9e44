"""Tiny vaults turned into calendars, and the calendars read back with icalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol, cast

from icalendar import Calendar, Event

from mdnet.calendar import render_calendar
from mdnet.config import load_config
from mdnet.pipeline import check_vault
from mdnet.rules.runner import Selection
from tests.conftest import TODAY, Files


class Render(Protocol):
    """The ``render`` fixture: the calendar of a vault written from ``files``."""

    def __call__(self, files: Files, today: dt.date = TODAY) -> bytes: ...


def calendar_of(root: Path, today: dt.date = TODAY) -> bytes:
    """The calendar ``mdnet calendar`` would write for the vault at ``root``."""
    config = load_config(root)
    selection = Selection.from_config(config)
    vault, findings = check_vault(root, config, today, selection)
    return b"".join(render_calendar(vault, config, today, findings, selection))


def events(data: bytes) -> list[Event]:
    """The VEVENTs of a calendar file, as icalendar reads them back."""
    # icalendar makes each VEVENT an Event; ``walk`` is typed with their base, Component
    return cast(list[Event], Calendar.from_ical(data).walk("VEVENT"))


def by_title(data: bytes) -> dict[str, Event]:
    return {str(event["SUMMARY"]): event for event in events(data)}


def day(event: Event, key: str = "DTSTART") -> dt.date:
    value = event.decoded(key)
    assert type(value) is dt.date, f"{key} is not an all-day date: {value!r}"
    return value


def description(event: Event) -> str:
    return str(event["DESCRIPTION"])
