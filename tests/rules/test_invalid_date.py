"""F003 invalid-date."""

from __future__ import annotations

import datetime as dt

import pytest

from mdnet.dates import InvalidValue, parse_date
from tests.conftest import Lint, LoadVault, where


def test_date_fields_and_entry_dates(lint: Lint) -> None:
    findings = lint(
        {
            "People/Jane.md": (
                "---\ntype: contact\nmet: 2026-13-40\nbirthday: soon\nlast_contact: 2026-01-02\n---\n"
                "- 2026-02-30 call\n- 2026-02-28 call\n"
            ),
            "Circles/Club.md": "---\ntype: circle\nrenewal: 2026-00-01\n---\n",
            "Daily/2026-99-01.md": "text\n",
        },
        select="F003",
    )
    assert where(findings) == [
        ("F003", "Circles/Club.md", 3),
        ("F003", "Daily/2026-99-01.md", 1),
        ("F003", "People/Jane.md", 3),
        ("F003", "People/Jane.md", 4),
        ("F003", "People/Jane.md", 7),
    ]
    assert "2026-02-30 is not a real date" in findings[-1].message


def test_the_rest_of_the_note_is_still_checked(load: LoadVault) -> None:
    vault = load(
        {"People/Jane.md": "---\ntype: contact\nmet: nope\ntier: close\n---\n- 2026-01-01 x\n"}
    )
    jane = vault.contacts["People/Jane.md"]
    assert "met" not in jane.note.fields and jane.note.fields["tier"] == "close"
    assert len(jane.entries) == 1


def test_a_value_is_shown_as_it_was_written_not_as_python_holds_it(lint: Lint) -> None:
    """A list holding a date, a number, a boolean: as YAML writes them (no repr)."""
    findings = lint(
        {
            "People/Jane.md": (
                "---\ntype: contact\nlast_contact: [2026-05-01]\nmet: 2026-05-01 10:30:00\n"
                "birthday: true\nsnooze_until: 12.5\nconnected: [.inf, null, 3]\n---\n"
            ),
        },
        select="F003",
    )
    assert [finding.message.split(" is not ")[0] for finding in findings] == [
        "`last_contact`: [2026-05-01]",
        "`birthday`: true",
        "`snooze_until`: 12.5",
        "`connected`: [.inf, null, 3]",
    ]


def test_a_date_with_a_time_that_does_not_exist_is_f003(lint: Lint) -> None:
    """``T25:00`` is no time of day: the value is not read as its date alone."""
    front = (
        "---\ntype: contact\nlast_contact: 2026-05-01T25:00\nmet: 2026-05-01 10:61\n"
        'birthday: "1990-03-12 23:59"\nsnooze_until: 2026-05-01T08:30:00+02:00\n---\n'
    )
    findings = lint({"People/Jane.md": front}, select="F003")
    assert where(findings) == [("F003", "People/Jane.md", 3), ("F003", "People/Jane.md", 4)]


def test_24_00_the_end_of_a_day_is_a_time_of_day() -> None:
    assert (
        parse_date("2026-05-01T24:00") == parse_date("2026-05-01 24:00:00") == dt.date(2026, 5, 1)
    )
    for wrong in ("2026-05-01T24:01", "2026-05-01T24:00:01"):
        with pytest.raises(InvalidValue):
            parse_date(wrong)
