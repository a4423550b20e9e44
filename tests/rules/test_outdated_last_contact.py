"""F008 outdated-last-contact."""

from __future__ import annotations

from tests.conftest import Lint, where


def test_older_than_latest_interaction(lint: Lint) -> None:
    findings = lint(
        {
            "People/Jane.md": "---\ntype: contact\nname: Jane\nlast_contact: 2026-05-01\n---\n- 2026-05-02 call\n",
            "People/Bob.md": "---\ntype: contact\nlast_contact: 2026-05-02\n---\n- 2026-05-02 call\n",
            "People/Ann.md": "---\ntype: contact\nlast_contact: 2026-05-01\n---\n- [ ] 2026-06-01 lunch\n- 2027-01-01 typo\n",
        },
        select="F008",
    )
    assert where(findings) == [("F008", "People/Jane.md", 4)]
    assert "2026-05-02" in findings[0].message and "People/Jane.md:6" in findings[0].message


def test_interactions_from_daily_notes_count(lint: Lint) -> None:
    findings = lint(
        {
            "People/Jane.md": "---\ntype: contact\nlast_contact: 2026-05-01\n---\n",
            "Daily/2026-06-01.md": "Coffee with [[Jane]]\n",
        },
        select="F008",
    )
    assert where(findings) == [("F008", "People/Jane.md", 3)]
