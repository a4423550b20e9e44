"""What the calendar's texts say where they went wrong: one hour in the singular."""

from __future__ import annotations

import pytest

from tests.calendar.ics_vault import Render, by_title, description


def _event(hours: str) -> str:
    return f"---\ntype: event\ndate: 2026-12-05\nstatus: planned\nhours: {hours}\n---\n"


@pytest.mark.parametrize(
    ("hours", "said"),
    [
        ("1", "1 hour"),
        ("1.0", "1 hour"),
        ("0.5", "0.5 hours"),
        ("1.5", "1.5 hours"),
        ("2.25", "2.25 hours"),
        ("3", "3 hours"),
    ],
)
def test_an_event_s_time_takes_the_plural_its_number_takes(
    render: Render, hours: str, said: str
) -> None:
    text = description(by_title(render({"Events/Meetup.md": _event(hours)}))["Meetup"])
    assert f"\nTime: {said}.\n" in text


def test_a_renewal_says_one_hour_a_month_and_one_meeting(render: Render) -> None:
    club = (
        "---\ntype: circle\nstatus: member\nrenewal: 2027-01-10\nhours_per_month: 1\n---\n"
        "- 2026-10-01 #attended\n"
    )
    text = description(by_title(render({"Circles/Club.md": club}))["Renewal: Club"])
    assert "\nAttended 1 of 1 meeting (100 %) in the last year.\n" in text
    assert "\nTime: 1 hour a month.\n" in text
    half = club.replace("hours_per_month: 1", "hours_per_month: 1.5")
    half += "- 2026-11-01 #missed\n"
    text = description(by_title(render({"Circles/Club.md": half}))["Renewal: Club"])
    assert "Attended 1 of 2 meetings (50 %)" in text and "Time: 1.5 hours a month." in text
