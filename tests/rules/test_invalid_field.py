"""F004 invalid-field."""

from __future__ import annotations

from tests.conftest import Lint, where
from tests.rules.commitment_notes import budget, circle, event


def test_contact_fields(lint: Lint) -> None:
    findings = lint(
        {
            "People/Jane.md": (
                "---\ntype: contact\ncadence: often\ntier: bff\ntags: 3\nconfidential: maybe\n"
                "aliases: {a: 1}\nemail: jane@x.org\n---\n"
            ),
        },
        select="F004",
    )
    assert where(findings) == [("F004", "People/Jane.md", line) for line in (3, 4, 5, 6, 7)]
    assert "tier" in findings[1].message and "inner" in findings[1].message


def test_empty_values_are_unfilled_not_invalid(lint: Lint) -> None:
    assert (
        lint({"a.md": "---\ntype: contact\ntier:\ncadence: ''\ntags: []\n---\n"}, select="F004")
        == []
    )


def test_user_tiers_from_config_are_valid(lint: Lint) -> None:
    files = {
        ".mdnet.toml": '[cadence]\nmentor = "2m"\n',
        "a.md": "---\ntype: contact\ntier: Mentor\n---\n",
    }
    assert lint(files, select="F004") == []


def test_fields_of_other_kinds_are_not_checked_as_contact_fields(lint: Lint) -> None:
    assert lint({"a.md": "---\ntier: bff\ncadence: often\n---\n"}, select="F004") == []


def test_circle_values_mdnet_cannot_use_and_the_rest_is_still_checked(lint: Lint) -> None:
    files = {
        ".mdnet.toml": budget(dues_per_year=100),
        "Circles/Club.md": circle(
            status="member", dues="lots", meetings="sometimes", hours_per_month=13
        ),
        "Circles/Guild.md": circle(status="member", dues='"120 EUR/decade"'),
    }
    findings = lint(files)
    invalid = [f for f in findings if f.code == "F004"]
    assert where(invalid) == [
        ("F004", "Circles/Club.md", 4),
        ("F004", "Circles/Club.md", 5),
        ("F004", "Circles/Guild.md", 4),
    ]
    assert "dues" in invalid[0].message and "15/month" in invalid[0].message
    assert "weekly" in invalid[1].message
    checked = [(f.code, f.path) for f in findings if f.code.startswith("C")]
    assert ("C001", "") in checked  # the 13 hours still count
    assert ("C005", "Circles/Club.md") in checked and ("C005", "Circles/Guild.md") in checked
    assert ("C002", "") not in checked  # unreadable dues count as none


def test_a_circle_status_mdnet_cannot_use(lint: Lint) -> None:
    files = {"Circles/Club.md": circle(status="maybe", hours_per_month=100, renewal="2026-13-40")}
    findings = lint(files)
    assert where(findings) == [("F004", "Circles/Club.md", 3), ("F003", "Circles/Club.md", 5)]
    assert "member" in findings[0].message and "prospect" in findings[0].message


def test_event_values_mdnet_cannot_use_and_the_rest_is_still_checked(lint: Lint) -> None:
    files = {
        "Events/Fair.md": event(3, hours=-2, status="maybe"),
        **{f"Events/E{n}.md": event(n) for n in range(4)},
    }
    findings = lint(files)
    invalid = [f for f in findings if f.code == "F004"]
    assert where(invalid) == [("F004", "Events/Fair.md", 4), ("F004", "Events/Fair.md", 5)]
    assert "-2" in invalid[0].message and "planned" in invalid[1].message
    # the event still counts, with the default 3 hours: 5 × 3 = 15 > 12
    c001 = [f for f in findings if f.code == "C001"]
    assert len(c001) == 1 and "15 hours" in c001[0].message
    assert ("C005", "Events/Fair.md", 2) in where(findings)  # no status, in the future


def test_values_are_shown_as_written(lint: Lint) -> None:
    """Dates, booleans and nulls in a bad value read as in the note, not as Python's repr."""
    files = {
        "People/Jane.md": (
            "---\ntype: contact\ncadence: 2026-01-01\ntags: true\nconfidential: [yes, ~]\n"
            "name: [2026-01-01 08:00:00]\n---\n"
        ),
    }
    messages = [finding.message for finding in lint(files, select="F004")]
    assert messages == [
        "`cadence`: 2026-01-01 is not a duration (expected e.g. 30d, 6w, 3m, 1y, monthly or none)",
        "`tags`: true is not a list of text",
        "`confidential`: [true, null] is not true or false",
        "`name`: [2026-01-01 08:00:00] is not text",
    ]
