"""C007 single-domain."""

from __future__ import annotations

from tests.conftest import Lint, where
from tests.rules.commitment_notes import circle

ME = '[me]\ndomain = "Software"\n'


def test_all_active_circles_in_my_domain_any_case_and_spacing(lint: Lint) -> None:
    files = {
        ".mdnet.toml": ME,
        "Circles/PyData.md": circle(status="member", domain='"  software "'),
        "Circles/ACM.md": circle(status="board", domain="SOFTWARE"),
        "Circles/Rowing.md": circle(status="former", domain="sport"),  # not active
        "Circles/Chess.md": circle(status="prospect", domain="games"),  # not active
    }
    findings = lint(files, select="C007")
    assert where(findings) == [("C007", "", 0)]
    assert findings[0].severity == "info"
    message = findings[0].message
    assert 'All 2 active circles are in your own field, "Software" (me.domain): ACM, PyData.' in (
        message
    )


def test_one_circle_outside_my_domain_is_enough(lint: Lint) -> None:
    files = {
        ".mdnet.toml": ME,
        "Circles/PyData.md": circle(status="member", domain="software"),
        "Circles/ACM.md": circle(status="member", domain="software"),
        "Circles/Rowing.md": circle(status="active", domain="sport"),
    }
    assert lint(files, select="C007") == []


def test_a_circle_with_no_domain_may_be_outside(lint: Lint) -> None:
    files = {
        ".mdnet.toml": ME,
        "Circles/PyData.md": circle(status="member", domain="software"),
        "Circles/ACM.md": circle(status="member", domain="software"),
        "Circles/Rotary.md": circle(status="member"),
    }
    assert lint(files, select="C007") == []


def test_needs_two_active_circles(lint: Lint) -> None:
    files = {
        ".mdnet.toml": ME,
        "Circles/PyData.md": circle(status="member", domain="software"),
        "Circles/ACM.md": circle(status="prospect", domain="software"),
    }
    assert lint(files, select="C007") == []


def test_off_without_my_domain(lint: Lint) -> None:
    files = {
        "Circles/PyData.md": circle(status="member", domain="software"),
        "Circles/ACM.md": circle(status="member", domain="software"),
    }
    assert lint(files, select="C007") == []
    files[".mdnet.toml"] = '[me]\ndomain = "  "\n'
    assert lint(files, select="C007") == []
