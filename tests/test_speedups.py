"""Shortcuts taken for speed give exactly what the plain computation gives."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from mdnet.model.vault import Vault
from mdnet.report.paths import display_path


@pytest.mark.parametrize(
    ("path", "cwd"),
    [
        ("People/Jane.md", "/notes/vault"),
        ("People/Jane.md", "/notes/vault/People"),
        ("People/Jane.md", "/notes/vault/Daily/2026"),
        ("Jane.md", "/notes/vault"),
        ("Jane.md", "/"),
        ("", "/notes/vault"),
        ("", "/elsewhere"),
        ("Deep/er/Note.md", "/notes"),
    ],
)
def test_display_path_is_relpath(path: str, cwd: str) -> None:
    vault = Path("/notes/vault")
    expected = os.path.relpath(vault / path if path else vault, cwd)
    assert display_path(vault, path, Path(cwd)) == expected


def test_past_interactions_end_at_today_and_exclude_plans(
    load: Callable[[dict[str, str | bytes]], Vault],
) -> None:
    vault = load(
        {
            "People/Jane.md": """\
                ---
                type: contact
                ---
                - 2026-11-27 call
                - 2026-11-26 lunch
                - [ ] 2026-11-20 plan
                - 2026-11-25 email
                - 2026-11-26 coffee
                """
        }
    )
    jane = vault.contacts["People/Jane.md"]
    past = jane.past_interactions(dt.date(2026, 11, 26))
    assert [(str(e.date), e.channel) for e in past] == [
        ("2026-11-25", "email"),
        ("2026-11-26", "lunch"),
        ("2026-11-26", "coffee"),
    ]
    assert jane.past_interactions(dt.date(2026, 11, 24)) == []
    assert len(jane.past_interactions(dt.date(2027, 1, 1))) == 4
    assert len(jane.entries) == 5  # the plan too
