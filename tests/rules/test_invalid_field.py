"""F004 invalid-field."""

from __future__ import annotations

from tests.conftest import Lint, where


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
