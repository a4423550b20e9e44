"""C001 over-committed-time."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mdnet.model.vault import Vault
from tests.conftest import Lint, where
from tests.rules.commitment_notes import budget, circle, event

Load = Callable[..., Vault]


def test_exactly_at_the_budget_is_fine(lint: Lint) -> None:
    files = {
        "Circles/Rotary.md": circle(status="member", hours_per_month=9),
        "Events/Fair.md": event(10, hours=3),
    }
    assert lint(files, select="C001") == []


def test_one_hour_above_the_budget_fires_at_vault_level(lint: Lint) -> None:
    files = {
        "Circles/Rotary.md": circle(status="member", hours_per_month=9),
        "Events/Fair.md": event(10, hours=4),
    }
    findings = lint(files, select="C001")
    assert where(findings) == [("C001", "", 0)]
    message = findings[0].message
    assert "13 hours a month" in message and "budget of 12" in message
    assert "Rotary 9 h" in message and "Fair on 2026-12-06 4 h" in message
    assert findings[0].severity == "warning" and findings[0].subject is None


@pytest.mark.parametrize(("hours", "said"), [(1, "1 hour"), (0.5, "0.5 hours")])
def test_one_hour_over_a_budget_of_none_is_said_in_the_singular(
    lint: Lint, hours: float, said: str
) -> None:
    files = {
        ".mdnet.toml": budget(hours_per_month=0),
        "Circles/Rotary.md": circle(status="member", hours_per_month=hours),
    }
    message = lint(files, select="C001")[0].message
    assert f"take {said} a month, above the budget of 0 (budget.hours_per_month)" in message


def test_budget_from_config(lint: Lint) -> None:
    files = {"Circles/Rotary.md": circle(status="board", hours_per_month=15)}
    assert where(lint(files, select="C001")) == [("C001", "", 0)]
    files[".mdnet.toml"] = budget(hours_per_month=15)
    assert lint(files, select="C001") == []


@pytest.mark.parametrize("status", ["member", "active", "board", "MEMBER"])
def test_active_statuses_count(lint: Lint, status: str) -> None:
    files = {"Circles/Club.md": circle(status=status, hours_per_month=13)}
    assert where(lint(files, select="C001")) == [("C001", "", 0)]


@pytest.mark.parametrize("status", ["prospect", "former", None])
def test_inactive_circles_are_ignored(lint: Lint, status: str | None) -> None:
    fields = {"status": status} if status else {}
    files = {
        "Circles/Big.md": circle(hours_per_month=100, **fields),
        "Circles/Small.md": circle(status="member", hours_per_month=12),
    }
    assert lint(files, select="C001") == []


@pytest.mark.parametrize(
    ("meetings", "per_month"),
    [
        ("weekly", 52 / 12),
        ("biweekly", 26 / 12),
        ("monthly", 1),
        ("quarterly", 1 / 3),
        ("yearly", 1 / 12),
    ],
)
def test_every_meetings_form(lint: Lint, load: Load, meetings: str, per_month: float) -> None:
    note = circle(status="member", meetings=meetings)  # meeting_hours defaults to 2
    vault = load({"Circles/Club.md": note})
    assert vault.circles["Circles/Club.md"].hours_per_month == pytest.approx(per_month * 2)
    at_budget = {"Circles/Club.md": note, ".mdnet.toml": budget(hours_per_month=per_month * 2)}
    assert lint(at_budget, select="C001") == []
    below = {"Circles/Club.md": note, ".mdnet.toml": budget(hours_per_month=per_month * 2 - 0.01)}
    assert where(lint(below, select="C001")) == [("C001", "", 0)]


def test_meeting_hours_multiply_the_meetings(lint: Lint) -> None:
    files = {"Circles/Club.md": circle(status="member", meetings="weekly", meeting_hours=3)}
    findings = lint(files, select="C001")  # 52/12 × 3 = 13 hours
    assert "13 hours a month" in findings[0].message and "Club 13 h" in findings[0].message


def test_hours_per_month_wins_over_meetings(load: Load) -> None:
    note = circle(status="member", meetings="weekly", hours_per_month=1)
    assert load({"Circles/Club.md": note}).circles["Circles/Club.md"].hours_per_month == 1


def test_events_on_today_and_in_30_days_count(lint: Lint) -> None:
    files = {"Events/Today.md": event(0, hours=6), "Events/Later.md": event(30, hours=7)}
    findings = lint(files, select="C001")
    assert "13 hours" in findings[0].message
    assert "Later on 2026-12-26 7 h, Today on 2026-11-26 6 h" in findings[0].message


@pytest.mark.parametrize(
    "note",
    [
        event(-1, hours=100),  # yesterday
        event(31, hours=100),  # past the 30 days
        event(5, hours=100, status="skipped"),
        event(None, hours=100),  # no date
    ],
    ids=["past", "beyond-30-days", "skipped", "undated"],
)
def test_events_outside_the_window_are_ignored(lint: Lint, note: str) -> None:
    files = {"Events/Big.md": note, "Circles/Club.md": circle(status="member", hours_per_month=12)}
    assert lint(files, select="C001") == []


def test_planned_and_attended_events_count(lint: Lint) -> None:
    files = {
        "Events/A.md": event(3, status="planned", hours=7),
        "Events/B.md": event(0, status="attended", hours=6),
    }
    assert where(lint(files, select="C001")) == [("C001", "", 0)]


def test_an_event_counts_its_default_3_hours(lint: Lint) -> None:
    four = {f"Events/E{n}.md": event(n) for n in range(4)}
    assert lint(four, select="C001") == []
    five = {f"Events/E{n}.md": event(n) for n in range(5)}
    assert "15 hours" in lint(five, select="C001")[0].message


def test_a_multi_day_event_counts_its_hours_once(lint: Lint) -> None:
    files = {"Events/Summit.md": event(2, end="2026-12-01", hours=13)}
    assert "13 hours a month" in lint(files, select="C001")[0].message


def test_names_the_three_biggest_items(lint: Lint) -> None:
    files = {
        "Circles/A.md": circle(status="member", hours_per_month=5),
        "Circles/B.md": circle(status="member", hours_per_month=1),
        "Circles/C.md": circle(status="member", hours_per_month=4),
        "Circles/D.md": circle(status="member", hours_per_month=2),
        "Events/E.md": event(1, hours=2.5),
    }
    message = lint(files, select="C001")[0].message
    assert "14.5 hours" in message
    assert "the biggest: A 5 h, C 4 h, E on 2026-11-27 2.5 h and 2 more." in message
    assert "status: former" in message and "status: skipped" in message
