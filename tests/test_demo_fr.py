"""The French demo vault (``demo_fr/``): notes written in French, markers spelt in French
(``#donné``, ``#reçu``, ``#promis``...), and its summary note committed in French.

It is never edited by hand: ``mdnet summary --today 2026-11-26 demo_fr`` writes it.
"""

from __future__ import annotations

from pathlib import Path

from mdnet import language
from mdnet.config import load_config
from mdnet.pipeline import load_vault
from mdnet.rules.runner import Selection, run_rules
from tests.conftest import TODAY, Lint
from tests.markdown_rules import markdown_problems
from tests.summary_vault import summary_of

DEMO = Path(__file__).parent.parent / "demo_fr"
REGENERATE = "mdnet summary --today 2026-11-26 demo_fr"


def test_the_committed_french_summary_is_what_mdnet_writes() -> None:
    config = load_config(DEMO)
    assert config.language == "fr"
    language.use(config.language)
    expected = summary_of(DEMO)
    path = DEMO / config.summary_path
    assert path.name == "Bilan du réseau.md"
    assert path.read_text("utf-8") == expected, f"{path} is out of date: run `{REGENERATE}`"
    assert markdown_problems(expected) == []
    assert "## À contacter cette semaine" in expected


def test_french_markers_count_as_mdnet_s_own() -> None:
    config = load_config(DEMO)
    findings = run_rules(load_vault(DEMO, config), config, TODAY, Selection.from_config(config))
    found = {(f.code, f.subject) for f in findings}
    assert ("G001", "Camille Laurent") in found  # #reçu, nothing #donné since
    assert ("G002", "Julien Moreau") in found  # #promis, still open
    assert ("R004", "Sophie Bernard") in found  # three #sansréponse
    assert ("G004", "Nadia Haddad") in found  # #donné naming a confidential term
    assert not any(subject == "Hugo Lefebvre" for _code, subject in found)  # #fait kept it


def test_an_accented_marker_matches_however_its_accent_is_typed(lint: Lint) -> None:
    """``#reçu`` as one character or as ``c`` and a combining cedilla (macOS file names,
    some keyboards): both are the configured marker."""
    for spelling in ("re\u00e7u", "rec\u0327u"):
        findings = lint(
            {
                ".mdnet.toml": '[markers]\ngot = ["reçu"]\n',
                "People/Ann.md": f"---\ntype: contact\n---\n- 2026-01-02 call #{spelling}\n",
            },
            select="G001",
        )
        assert [f.code for f in findings] == ["G001"], spelling
