"""C005 missing-purpose."""

from __future__ import annotations

import pytest

from tests.conftest import Lint, where
from tests.rules.commitment_notes import circle, event

PURPOSE = {"why": "meet CTOs", "meet": "the board", "offer": "a talk"}


@pytest.mark.parametrize("status", ["member", "active", "board", "prospect"])
def test_active_and_prospect_circles_need_all_three(lint: Lint, status: str) -> None:
    files = {
        "Circles/Done.md": circle(status=status, **PURPOSE),
        "Circles/Half.md": circle(status=status, why="meet CTOs"),
    }
    findings = lint(files, select="C005")
    assert where(findings) == [("C005", "Circles/Half.md", 2)]  # the type line
    message = findings[0].message
    assert f"Circle Half ({status}) has no meet, offer" in message
    assert "whom you can meet there (`meet:`) and what you can bring (`offer:`)" in message
    assert "why you go" not in message
    assert findings[0].subject == "Half"


def test_prospects_are_asked_before_joining(lint: Lint) -> None:
    files = {"Circles/New.md": circle(status="prospect", why="x", meet="y")}
    assert "or reconsider joining" in lint(files, select="C005")[0].message


@pytest.mark.parametrize("status", ["former", None])
def test_former_and_unsaid_circles_are_ignored(lint: Lint, status: str | None) -> None:
    fields = {"status": status} if status else {}
    assert lint({"Circles/Old.md": circle(**fields)}, select="C005") == []


def test_an_empty_answer_counts_as_missing(lint: Lint) -> None:
    files = {"Circles/C.md": circle(status="member", why='"  "', meet="y", offer="")}
    assert "has no why, offer:" in lint(files, select="C005")[0].message


def test_the_line_is_the_type_line_or_1(lint: Lint) -> None:
    note = "---\nstatus: member\ndomain: law\ntype: club\n---\n"
    assert where(lint({"Circles/C.md": note}, select="C005")) == [("C005", "Circles/C.md", 4)]
    files = {
        ".mdnet.toml": '[kinds]\ncircle = ["Circles"]\n',
        "Circles/C.md": "---\nstatus: member\n---\n",
    }
    assert where(lint(files, select="C005")) == [("C005", "Circles/C.md", 1)]


@pytest.mark.parametrize(
    "note",
    [
        event(10, status="planned"),
        event(-10, status="planned"),  # still marked planned: not updated since
        event(None, status="planned"),
        event(10),  # no status, in the future
        event(0),  # no status, today
    ],
    ids=["planned", "planned-past", "planned-undated", "unsaid-future", "unsaid-today"],
)
def test_planned_events_need_all_three(lint: Lint, note: str) -> None:
    findings = lint({"Events/Fair.md": note}, select="C005")
    assert where(findings) == [("C005", "Events/Fair.md", 2)]
    assert "Planned event Fair" in findings[0].message
    assert "has no why, meet, offer: write why you go (`why:`), whom you" in findings[0].message
    assert "skip it (status: skipped)" in findings[0].message


@pytest.mark.parametrize(
    "note",
    [
        event(10, status="planned", **PURPOSE),
        event(-10, status="attended"),
        event(10, status="skipped"),
        event(-1),  # no status, in the past
        event(None),  # no status, no date
    ],
    ids=["answered", "attended", "skipped", "unsaid-past", "unsaid-undated"],
)
def test_other_events_are_not_checked(lint: Lint, note: str) -> None:
    assert lint({"Events/Fair.md": note}, select="C005") == []


def test_the_message_gives_the_event_date(lint: Lint) -> None:
    files = {"Events/Fair.md": event(7, type="fair", why="hire", meet="founders")}
    message = lint(files, select="C005")[0].message
    assert "Planned event Fair on 2026-12-03 has no offer: write what you can bring" in message
