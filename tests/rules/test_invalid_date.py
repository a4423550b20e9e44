"""F003 invalid-date."""

from __future__ import annotations

from tests.conftest import Lint, LoadVault, where


def test_date_fields_and_entry_dates(lint: Lint) -> None:
    findings = lint(
        {
            "People/Jane.md": (
                "---\ntype: contact\nmet: 2026-13-40\nbirthday: soon\nlast_contact: 2026-01-02\n---\n"
                "- 2026-02-30 call\n- 2026-02-28 call\n"
            ),
            "Circles/Club.md": "---\ntype: circle\nrenewal: 2026-00-01\n---\n",
            "Daily/2026-99-01.md": "text\n",
        },
        select="F003",
    )
    assert where(findings) == [
        ("F003", "Circles/Club.md", 3),
        ("F003", "Daily/2026-99-01.md", 1),
        ("F003", "People/Jane.md", 3),
        ("F003", "People/Jane.md", 4),
        ("F003", "People/Jane.md", 7),
    ]
    assert "2026-02-30 is not a real date" in findings[-1].message


def test_the_rest_of_the_note_is_still_checked(load: LoadVault) -> None:
    vault = load(
        {"People/Jane.md": "---\ntype: contact\nmet: nope\ntier: close\n---\n- 2026-01-01 x\n"}
    )
    jane = vault.contacts["People/Jane.md"]
    assert "met" not in jane.note.fields and jane.note.fields["tier"] == "close"
    assert len(jane.entries) == 1
