"""F005 unknown-contact."""

from __future__ import annotations

from tests.conftest import Lint, where


def test_entry_links_to_missing_notes(lint: Lint) -> None:
    findings = lint(
        {
            "People/Jane.md": "---\ntype: contact\n---\n- 2026-10-01 intro to [[Bob Martn]]\n- 2026-10-02 [[Project X]] went well\n",
            "Daily/2026-10-03.md": "- 2026-10-03 lunch [[Nobody]] and [[Jane]]\n\nNot an entry: [[Someday]]\n",
            "Project X.md": "",
        },
        select="F005",
    )
    assert where(findings) == [("F005", "Daily/2026-10-03.md", 1), ("F005", "People/Jane.md", 4)]
    assert "[[Nobody]]" in findings[0].message and "Bob Martn" in findings[1].message


def test_date_links_and_aliases_are_fine(lint: Lint) -> None:
    files = {
        "People/Jane.md": "---\ntype: contact\naliases: [JD]\n---\n- [[2026-10-01]] call with [[jd]] on [[2026-10-02]]\n",
    }
    assert lint(files, select="F005") == []


def test_messages_show_the_link_as_written_and_a_title_to_create(lint: Lint) -> None:
    findings = lint(
        {
            "Daily/2026-10-03.md": "- 2026-10-03 [Ann](../People/Ann%20Lee.md) and [[People/Bob Roe]]\n"
        },
        select="F005",
    )
    messages = sorted(finding.message for finding in findings)
    assert messages[0].startswith("The link to ../People/Ann Lee.md links no note")
    assert messages[1].startswith("[[People/Bob Roe]] links no note")
    assert 'mdnet new contact "Ann Lee"' in messages[0]
    assert 'mdnet new contact "Bob Roe"' in messages[1]
