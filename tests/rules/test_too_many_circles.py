"""C003 too-many-circles."""

from __future__ import annotations

from tests.conftest import Lint, where
from tests.rules.commitment_notes import budget, circle

ACTIVE = ["member", "active", "board", "member", "Active"]


def test_exactly_at_the_budget_is_fine(lint: Lint) -> None:
    files = {f"Circles/C{n}.md": circle(status=status) for n, status in enumerate(ACTIVE)}
    assert lint(files, select="C003") == []


def test_one_above_the_budget_fires_and_names_them(lint: Lint) -> None:
    files = {f"Circles/C{n}.md": circle(status=status) for n, status in enumerate(ACTIVE)}
    files["Circles/alumni.md"] = circle(type="network", status="board")
    findings = lint(files, select="C003")
    assert where(findings) == [("C003", "", 0)]
    message = findings[0].message
    assert "active in 6 circles, above the budget of 5 (budget.max_circles)" in message
    assert "alumni, C0, C1, C2, C3, C4." in message and "status: former" in message


def test_inactive_circles_do_not_count(lint: Lint) -> None:
    files = {f"Circles/C{n}.md": circle(status=status) for n, status in enumerate(ACTIVE)}
    files["Circles/Maybe.md"] = circle(status="prospect")
    files["Circles/Old.md"] = circle(status="former")
    files["Circles/Unsaid.md"] = circle()
    files["Circles/Bad.md"] = circle(status="maybe")  # F004, and not active
    assert lint(files, select="C003") == []


def test_budget_from_config(lint: Lint) -> None:
    files = {
        ".mdnet.toml": budget(max_circles=1),
        "Circles/A.md": circle(status="member"),
        "Circles/B.md": circle(type="club", status="member"),
    }
    assert "active in 2 circles, above the budget of 1" in lint(files, select="C003")[0].message
    files[".mdnet.toml"] = budget(max_circles=2)
    assert lint(files, select="C003") == []


def test_one_circle_over_a_budget_of_none_is_said_in_the_singular(lint: Lint) -> None:
    files = {".mdnet.toml": budget(max_circles=0), "Circles/A.md": circle(status="member")}
    message = lint(files, select="C003")[0].message
    assert "You are active in 1 circle, above the budget of 0 (budget.max_circles): A." in message
