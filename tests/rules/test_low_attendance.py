"""C004 low-attendance."""

from __future__ import annotations

from tests.conftest import Lint, where
from tests.rules.commitment_notes import circle, day


def records(*marks: tuple[int, str]) -> str:
    """Meeting records: (days from today, "attended" or "missed")."""
    return "".join(f"- {day(offset)} dinner #{mark}\n" for offset, mark in marks)


def test_exactly_at_min_attendance_is_fine(lint: Lint) -> None:
    body = records((-90, "attended"), (-60, "missed"), (-30, "attended"), (-1, "missed"))
    assert lint({"Circles/Rotary.md": circle(body, status="member")}, select="C004") == []


def test_below_min_attendance_fires_at_the_latest_record(lint: Lint) -> None:
    body = records((-90, "attended"), (-60, "missed"), (-30, "missed"), (-1, "missed"))
    findings = lint({"Circles/Rotary.md": circle(body, status="member")}, select="C004")
    assert where(findings) == [("C004", "Circles/Rotary.md", 8)]  # the -1 record
    message = findings[0].message
    assert "Attended 1 of 4 meetings of Rotary since 2025-11-27 (25%)" in message
    assert "below min_attendance 50%" in message and "on 2026-11-25, was missed" in message
    assert findings[0].subject == "Rotary"


def test_needs_at_least_three_records(lint: Lint) -> None:
    two = records((-60, "missed"), (-30, "missed"))
    assert lint({"Circles/Club.md": circle(two, status="member")}, select="C004") == []
    three = records((-90, "attended"), (-60, "missed"), (-30, "missed"))
    findings = lint({"Circles/Club.md": circle(three, status="member")}, select="C004")
    assert where(findings) == [("C004", "Circles/Club.md", 7)]
    assert "1 of 3" in findings[0].message


def test_only_the_last_365_days_count(lint: Lint) -> None:
    old = records((-365, "missed"), (-400, "missed"))
    recent = records((-364, "missed"), (-100, "attended"), (-10, "attended"))
    body = old + recent + records((5, "missed"))  # and a future record
    assert lint({"Circles/Club.md": circle(body, status="member")}, select="C004") == []
    body = old + records((-364, "missed"), (-100, "missed"), (-10, "attended"))
    findings = lint({"Circles/Club.md": circle(body, status="member")}, select="C004")
    assert "1 of 3" in findings[0].message
    assert findings[0].line == 9  # the -10 record, not an older one


def test_inactive_circles_are_ignored(lint: Lint) -> None:
    body = records((-90, "missed"), (-60, "missed"), (-30, "missed"))
    files = {
        "Circles/Maybe.md": circle(body, status="prospect"),
        "Circles/Old.md": circle(body, status="former"),
        "Circles/Unsaid.md": circle(body),
    }
    assert lint(files, select="C004") == []


def test_min_attendance_from_config(lint: Lint) -> None:
    body = records((-90, "attended"), (-60, "missed"), (-30, "missed"))
    files = {
        ".mdnet.toml": "[thresholds]\nmin_attendance = 0.3\n",
        "Circles/Club.md": circle(body, status="board"),
    }
    assert lint(files, select="C004") == []
    files[".mdnet.toml"] = "[thresholds]\nmin_attendance = 0.4\n"
    assert "below min_attendance 40%" in lint(files, select="C004")[0].message


def test_untagged_dated_items_are_not_meetings(lint: Lint) -> None:
    body = "- 2026-10-01 paid the dues\n" + records((-60, "missed"), (-30, "missed"))
    assert lint({"Circles/Club.md": circle(body, status="member")}, select="C004") == []
