"""F007 future-interaction."""

from __future__ import annotations

import datetime as dt

from mdnet.rules import future_interaction, is_about_one
from tests.conftest import Lint, where


def test_future_entries_but_not_plans(lint: Lint) -> None:
    findings = lint(
        {
            "People/Jane.md": (
                "---\ntype: contact\n---\n- 2026-11-26 call today\n- 2026-11-27 lunch\n"
                "- [ ] 2026-12-15 lunch #promised deck\n- [x] 2026-12-01 done early?\n"
            ),
            "Daily/2026-12-24.md": "Dinner with [[Jane]]\n",
        },
        select="F007",
        today=dt.date(2026, 11, 26),
    )
    assert where(findings) == [
        ("F007", "Daily/2026-12-24.md", 1),
        ("F007", "People/Jane.md", 5),
        ("F007", "People/Jane.md", 7),
    ]
    assert "1 day after today" in findings[1].message


def test_one_finding_per_entry_even_with_several_contacts(lint: Lint) -> None:
    findings = lint(
        {
            "a.md": "---\ntype: contact\n---\n",
            "b.md": "---\ntype: contact\n---\n",
            "log.md": "- 2027-01-01 dinner [[a]] [[b]]\n",
        },
        select="F007",
    )
    assert where(findings) == [("F007", "log.md", 1)]


def test_a_shared_entry_is_told_under_the_first_contact_or_its_circle(lint: Lint) -> None:
    """As the subject of one finding: the first contact (by path) named on the line of a
    plain note, the circle or event whose note it is written in, or the contact's own."""
    findings = lint(
        {
            "People/Bob.md": "---\ntype: contact\n---\n- 2027-01-03 call\n",
            "People/Ann.md": "---\ntype: contact\n---\n",
            "Circles/Club.md": "---\ntype: circle\n---\n- 2027-01-02 met [[Bob]]\n",
            "log.md": "- 2027-01-01 dinner [[Bob]] [[Ann]]\n\n- 2027-01-04 lunch [[Bob]]\n",
        },
        select="F007",
    )
    subjects = [(f.path, f.line, f.subject) for f in findings]
    assert subjects == [
        ("Circles/Club.md", 4, "Club"),
        ("People/Bob.md", 4, "Bob"),
        ("log.md", 1, "Ann"),
        ("log.md", 3, "Bob"),
    ]


def test_it_is_worked_out_about_one_contact_at_a_time() -> None:
    """So that it is kept with each contact, and a change asks it again only about the
    contacts it touches (a vault of 66,000 daily notes may hold 69,000 future entries)."""
    assert is_about_one(future_interaction)
