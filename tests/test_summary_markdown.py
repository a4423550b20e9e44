"""The summary is clean Markdown: markdownlint's main rules (line length aside) hold.

``tests/markdown_rules.py`` checks them; the first test shows that it catches each
mistake, the others run it on summaries of test vaults and of the sample vault.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mdnet import language
from tests.conftest import WriteVault
from tests.markdown_rules import markdown_problems
from tests.summary_vault import VAULT, summary_of

CLEAN = "---\nmdnet: summary\n---\n\n# Title\n\nText.\n\n## Part\n\n- item\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"
SAMPLE_VAULT = Path(__file__).parent.parent / "sample_vault"


def test_the_checker_passes_clean_markdown() -> None:
    assert markdown_problems(CLEAN) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (CLEAN + "\n# Again\n", "MD025"),
        ("Intro.\n\n# Title\n", "MD041"),
        (CLEAN + "\n#### Deep\n", "MD001"),
        (CLEAN + "\n## Part\n", "MD024"),
        (CLEAN + "\n## Part two:\n", "MD026"),
        (CLEAN + "## Tight\n", "MD022"),
        (CLEAN + "\n## Tight\nText.\n", "MD022"),
        (CLEAN + "\nText.\n- item\n", "MD032"),
        (CLEAN + "\n- item\nText.\n", "MD032"),
        (CLEAN + "\nText.\n| a |\n| --- |\n", "MD058"),
        (CLEAN + "\n| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n", "MD056"),
        (CLEAN + "\n| a | b |\n| --- | --- |\n| 1 | 2\n", "MD055"),
        (CLEAN + "\nText.\n```mermaid\npie\n```\n", "MD031"),
        (CLEAN + "\n```\ncode\n```\n", "MD040"),
        (CLEAN + "\nText. \n", "MD009"),
        (CLEAN + "\nText.\tTab\n", "MD010"),
        (CLEAN + "\n\nText.\n", "MD012"),
        (CLEAN + "\nText.", "MD047"),
        (CLEAN + "\nText.\n\n", "MD047"),
        (CLEAN + "\nSee https://example.com now.\n", "MD034"),
        (CLEAN + "\nWrite to jo@example.com now.\n", "MD034"),
        (CLEAN + "\nA <b>bold</b> word.\n", "MD033"),
    ],
)
def test_the_checker_catches(text: str, rule: str) -> None:
    assert any(rule in problem for problem in markdown_problems(text)), markdown_problems(text)


def test_the_checker_ignores_code_spans_and_escapes() -> None:
    text = CLEAN + "\nSee `https://example.com` and \\<b\\> and `<b>`.\n"
    assert markdown_problems(text) == []


def test_the_summary_is_clean_markdown(make_vault: WriteVault) -> None:
    text = summary_of(make_vault(VAULT))
    assert markdown_problems(text) == []
    assert text.count("\n# ") == 1


def test_the_summary_of_an_empty_vault_is_clean_markdown(make_vault: WriteVault) -> None:
    assert markdown_problems(summary_of(make_vault({"Readme.md": "# Hi\n"}))) == []


def test_odd_text_in_notes_stays_clean(make_vault: WriteVault) -> None:
    odd = (
        "---\ntype: contact\ntier: inner\n---\n"
        "- 2026-01-02 email: | pipes | <div> `code` **bold** # not a heading https://x.io "
        "www.y.io a@b.co [link](https://z.io) ~~del~~ $x$ %%c%% ==h== #got\n"
    )
    root = make_vault({**VAULT, "People/Odd | Name.md": odd, "People/Odd `x`.md": odd})
    text = summary_of(root)
    assert "[[Odd | Name]]" not in text
    assert markdown_problems(text) == []


@pytest.mark.skipif(not SAMPLE_VAULT.is_dir(), reason="no sample vault")
def test_the_sample_vault_summary_is_clean_markdown() -> None:
    assert markdown_problems(summary_of(SAMPLE_VAULT)) == []


def _shape(text: str) -> list[str]:
    """What kind each line is (heading level, list item, table row, fence...), not its words."""
    kinds = []
    for line in text.splitlines():
        if line.startswith("#"):
            kinds.append(line.split(" ", 1)[0])
        elif line.startswith(("- ", "| ", "```", "---", "    ")):
            kinds.append(line[:2])
        else:
            kinds.append("text" if line else "")
    return kinds


@pytest.mark.parametrize("which", ["test vault", "sample vault"])
def test_the_french_summary_is_clean_markdown_shaped_as_the_english_one(
    make_vault: WriteVault, which: str
) -> None:
    root = SAMPLE_VAULT if which == "sample vault" else make_vault(VAULT)
    english = summary_of(root)
    language.use("fr")
    french = summary_of(root)
    assert markdown_problems(french) == []
    assert _shape(french) == _shape(english)
    headings = [line for line in french.splitlines() if line.startswith("#")]
    assert headings[:2] == ["# Bilan du réseau", "## En bref"]
    assert not set(headings) & {line for line in english.splitlines() if line.startswith("#")}
    assert "Écrit par mdnet le 26 novembre 2026 à partir de" in french
