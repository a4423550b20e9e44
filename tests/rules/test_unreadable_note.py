"""F002 unreadable-note."""

from __future__ import annotations

from tests.conftest import Lint, where


def test_binary_latin1_and_too_large(lint: Lint) -> None:
    findings = lint(
        {
            ".mdnet.toml": "[vault]\nmax_file_kb = 1\n",
            "bin.md": b"\x00\x01\x02PNG",
            "latin.md": "caf\u00e9 [[x]]\n".encode("latin-1"),
            "big.md": "x" * 2000,
            "ok.md": "---\ntype: contact\n---\n- 2026-01-01 call\n",
        },
        select="F",
    )
    assert where(findings) == [
        ("F002", "big.md", 1),
        ("F002", "bin.md", 1),
        ("F002", "latin.md", 1),
    ]
    assert "max_file_kb" in findings[0].message
    assert "binary" in findings[1].message
    assert "not UTF-8" in findings[2].message and "line 1" in findings[2].message


def test_utf8_with_bom_is_readable(lint: Lint) -> None:
    assert lint({"a.md": "\ufeff---\ntype: contact\n---\n".encode()}, select="F002") == []
