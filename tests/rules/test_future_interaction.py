"""F007 future-interaction."""

from __future__ import annotations

import datetime as dt

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
