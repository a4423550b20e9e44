"""F006 duplicate-contact."""

from __future__ import annotations

from tests.conftest import Lint, where


def test_shared_name_alias_email_and_linkedin(lint: Lint) -> None:
    findings = lint(
        {
            "A/Jane Doe.md": "---\ntype: contact\nemail: Jane@X.org\nlinkedin: https://www.linkedin.com/in/jane/\n---\n",
            "B/Jane Doe.md": "---\ntype: contact\n---\n",
            "C/J.md": "---\ntype: contact\nemail: [other@x.org, jane@x.org]\n---\n",
            "D/JD.md": "---\ntype: contact\nlinkedin: linkedin.com/in/Jane\n---\n",
            "E/Bob.md": "---\ntype: contact\naliases: [jane doe]\n---\n",
            "F/Ann.md": "---\ntype: contact\nemail: ann@x.org\n---\n",
        },
        select="F006",
    )
    assert where(findings) == [
        ("F006", "B/Jane Doe.md", 1),
        ("F006", "C/J.md", 3),
        ("F006", "D/JD.md", 3),
        ("F006", "E/Bob.md", 3),
    ]
    assert "A/Jane Doe.md" in findings[1].message and "email" in findings[1].message


def test_a_non_contact_note_with_the_same_title_is_no_duplicate(lint: Lint) -> None:
    files = {"People/Acme.md": "---\ntype: contact\n---\n", "Companies/Acme.md": "# Acme\n"}
    assert lint(files, select="F006") == []
