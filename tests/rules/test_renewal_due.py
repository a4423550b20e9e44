"""C006 renewal-due."""

from __future__ import annotations

import pytest

from tests.conftest import Lint, where
from tests.rules.commitment_notes import circle, day


@pytest.mark.parametrize(("offset", "when"), [(0, "today"), (1, "in 1 day"), (30, "in 30 days")])
def test_renewal_within_renewal_days_fires_at_its_line(lint: Lint, offset: int, when: str) -> None:
    files = {"Circles/Rotary.md": circle(status="member", dues=90, renewal=day(offset))}
    findings = lint(files, select="C006")
    assert where(findings) == [("C006", "Circles/Rotary.md", 5)]  # the renewal line
    assert findings[0].severity == "info" and findings[0].subject == "Rotary"
    assert f"Rotary renews on {day(offset)} ({when})" in findings[0].message


@pytest.mark.parametrize("offset", [-1, 31])
def test_renewal_outside_the_window_is_quiet(lint: Lint, offset: int) -> None:
    files = {"Circles/Rotary.md": circle(status="member", renewal=day(offset))}
    assert lint(files, select="C006") == []


@pytest.mark.parametrize("status", ["prospect", "former", None])
def test_inactive_circles_are_ignored(lint: Lint, status: str | None) -> None:
    fields = {"status": status} if status else {}
    assert lint({"Circles/C.md": circle(renewal=day(3), **fields)}, select="C006") == []


def test_the_message_recalls_attendance_purpose_dues_and_hours(lint: Lint) -> None:
    body = "- 2026-09-10 dinner #attended\n- 2026-10-08 dinner #missed\n- 2025-01-01 x #attended\n"
    note = circle(
        body,
        status="board",
        renewal=day(10),
        dues='"30 EUR/quarter"',
        why="meet the CTOs of the region",
        meetings="monthly",
    )
    message = lint({"Circles/Tech.md": note}, select="C006")[0].message
    assert (
        "attended 1 of 2 meetings in the last 365 days; why: "
        '"meet the CTOs of the region"; dues 120 EUR a year; 2 hours a month.'
    ) in message
    assert "Decide: renew and move `renewal` to the next date, or leave" in message


def test_the_message_says_what_is_unknown(lint: Lint) -> None:
    note = circle(status="member", renewal=day(10))
    message = lint({"Circles/Tech.md": note}, select="C006")[0].message
    assert "no meetings recorded in the last 365 days; no `why` written; no dues." in message


def test_renewal_days_from_config(lint: Lint) -> None:
    files = {
        ".mdnet.toml": "[thresholds]\nrenewal_days = 45\n",
        "Circles/C.md": circle(status="member", renewal=day(45)),
    }
    assert where(lint(files, select="C006")) == [("C006", "Circles/C.md", 4)]
    files[".mdnet.toml"] = "[thresholds]\nrenewal_days = 44\n"
    assert lint(files, select="C006") == []


@pytest.mark.parametrize(
    ("hours", "said"), [(1, "1 hour a month"), (1.5, "1.5 hours a month"), (2, "2 hours a month")]
)
def test_one_meeting_is_singular_and_hours_take_their_number_s_form(
    lint: Lint, hours: float, said: str
) -> None:
    body = "- 2026-10-01 dinner #attended\n"
    note = circle(body, status="member", renewal=day(10), hours_per_month=hours)
    message = lint({"Circles/Tech.md": note}, select="C006")[0].message
    assert f"attended 1 of 1 meeting in the last 365 days; no `why` written; no dues; {said}." in (
        message
    )
