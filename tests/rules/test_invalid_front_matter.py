"""F001 invalid-front-matter."""

from __future__ import annotations

from tests.conftest import Lint, codes, where


def test_broken_yaml_at_its_line_and_the_rest_still_checked(lint: Lint) -> None:
    findings = lint(
        {
            "People/Broken.md": "---\ntype: contact\nrole: a: b\n---\n",
            "People/Jane.md": "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call\n",
        },
        select="F",
    )
    assert where(findings) == [("F001", "People/Broken.md", 3), ("F008", "People/Jane.md", 3)]
    assert findings[0].severity == "error"


def test_not_a_mapping_and_not_closed(lint: Lint) -> None:
    findings = lint(
        {
            "a.md": "---\n- one\n- two\n---\n",
            "b.md": "---\ntitle: x\n",
            "c.md": "---\n42\n---\n",
        },
        select="F001",
    )
    assert where(findings) == [("F001", "a.md", 2), ("F001", "b.md", 1), ("F001", "c.md", 2)]


def test_valid_and_empty_front_matter_pass(lint: Lint) -> None:
    assert (
        codes(lint({"a.md": "---\n---\nbody\n", "b.md": "---\nx: 1\n---\n"}, select="F001")) == []
    )


def test_mdnet_ignore_cannot_silence_what_it_cannot_read(lint: Lint) -> None:
    findings = lint({"a.md": "---\nmdnet-ignore: all\nx: [\n---\n"}, select="F001")
    assert codes(findings) == ["F001"]
