"""Tiny circle and event notes for the commitment rules' tests (C001–C007)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import TODAY


def circle(body: str = "", type: str = "association", **fields: object) -> str:
    """A circle note: ``type`` first (line 2), then ``fields`` as written in YAML."""
    lines = [f"type: {type}", *(f"{key}: {value}" for key, value in fields.items())]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def event(days: int | None = None, type: str = "event", body: str = "", **fields: object) -> str:
    """An event note dated ``days`` after TODAY (none when None)."""
    if days is not None:
        fields = {"date": TODAY + dt.timedelta(days=days), **fields}
    return circle(body, type, **fields)


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def budget(**values: object) -> str:
    """A .mdnet.toml [budget] section."""
    return "[budget]\n" + "".join(f"{key} = {value}\n" for key, value in values.items())
