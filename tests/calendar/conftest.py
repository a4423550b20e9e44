"""The calendar of a tiny vault, written to real files and checked through the pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.calendar.ics_vault import Render, calendar_of
from tests.conftest import TODAY, Files, WriteVault


@pytest.fixture
def render(make_vault: WriteVault) -> Render:
    """The calendar of a vault written from ``{path: text}`` (today 2026-11-26)."""

    def run(files: Files, today: dt.date = TODAY) -> bytes:
        return calendar_of(make_vault(files), today)

    return run
