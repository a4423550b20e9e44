"""What a French-speaking user reads beyond the findings (SPEC §12): a wrong command line
(click's own messages), ``init``'s next steps, an import's lines, the calendar's refusals
and the config's values — nothing left in English but codes, names, keys and paths."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from mdnet.cli import main
from tests.conftest import WriteVault

FRENCH = {"LANG": "fr_FR.UTF-8"}
CONTACT = {"People/Ann.md": "---\ntype: contact\n---\n- 2026-05-02 coffee\n"}


def _run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env if env is not None else FRENCH)


def test_a_wrong_command_line_is_told_in_french_and_in_english(make_vault: WriteVault) -> None:
    vault = str(make_vault(CONTACT))
    cases = [
        (
            ["check", vault, "--bogus"],
            "Option inconnue '--bogus'. (`main check --help` montre l'usage)",
            "No such option '--bogus'. (`main check --help` shows the usage)",
        ),
        (
            ["check", vault, "--format", "xml"],
            "Valeur invalide pour '--format' : 'xml' n'est pas l'un de",
            "Invalid value for '--format': 'xml' is not one of",
        ),
        (
            ["calendar", vault, "--today", "2026-13-01"],
            "Valeur invalide pour '--today' : 2026-13-01 n'est pas une date qui existe",
            "Invalid value for '--today': 2026-13-01 is not a real date",
        ),
        (["check", vault, "--today"], "L'option '--today' demande un argument.", None),
        (["nonsense"], "Commande inconnue 'nonsense'.", "No such command 'nonsense'."),
    ]
    for args, french, english in cases:
        result = _run(*args)
        assert result.exit_code == 2, result.output
        assert french in result.output, result.output
        if english is not None:
            assert english in _run(*args, env={"LANG": "C.UTF-8"}).output


def test_init_says_its_next_steps_in_french(tmp_path: Path) -> None:
    result = _run("init", str(tmp_path / "v"))
    assert result.exit_code == 0, result.output
    assert "Et ensuite :" in result.output and "Next steps" not in result.output
    assert "Créez des notes : mdnet new contact" in result.output


def test_an_import_is_told_in_french(make_vault: WriteVault, tmp_path: Path) -> None:
    vault = make_vault(CONTACT)
    cards = tmp_path / "c.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bea Roux\r\nBDAY:someday\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Acme\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = _run("import", "vcard", str(cards), "--vault", str(vault), "--dry-run")
    lines = result.output.splitlines()
    assert "créerait People/Bea Roux.md" in lines, result.output
    assert "ignoré fiche 2 (ligne 6) : sans nom : ni FN ni N" in lines
    assert any(
        line.startswith("avertissement : fiche 1 (ligne 1) : l'anniversaire") for line in lines
    )
    assert lines[-1] == (
        "Essai à blanc, rien écrit : c.vcf : 1 à créer, 0 reconnue, 0 changée, "
        "1 ignorée (1 sans nom)."
    )


def test_the_calendar_s_refusals_are_told_in_french(make_vault: WriteVault) -> None:
    vault = make_vault(CONTACT)
    unset = _run("calendar", str(vault), "--today", "2026-11-26")
    assert unset.exit_code == 2
    assert "aucun calendar.path : indiquez -o FICHIER" in unset.output
    stranger = vault / "mine.ics"
    stranger.write_text("not a calendar\n", encoding="utf-8")
    refused = _run("calendar", str(vault), "-o", str(stranger), "--today", "2026-11-26")
    assert refused.exit_code == 2
    assert "existe et n'a pas été écrit par mdnet (pas de PRODID:" in refused.output
    assert "choisissez un autre -o FICHIER" in refused.output
    assert stranger.read_text(encoding="utf-8") == "not a calendar\n"


def test_the_config_s_calendar_values_are_told_in_french(make_vault: WriteVault) -> None:
    vault = make_vault({**CONTACT, ".mdnet.toml": '[calendar]\npath = "../x.ics"\n'})
    result = _run("check", str(vault), "--today", "2026-11-26")
    assert result.exit_code == 2
    assert "un chemin relatif au coffre finissant par .ics" in result.output, result.output
    assert "expected" not in result.output
    timed = make_vault({**CONTACT, ".mdnet.toml": '[calendar]\nalarm = "8h30"\n'})
    said = _run("check", str(timed), "--today", "2026-11-26").output
    assert 'une heure telle que "08:30"' in said and "expected" not in said


def test_a_stranger_at_calendar_path_is_refused_in_french(make_vault: WriteVault) -> None:
    vault = make_vault({**CONTACT, ".mdnet.toml": '[calendar]\npath = "mine.ics"\n'})
    (vault / "mine.ics").write_text("not a calendar\n", encoding="utf-8")
    refused = _run("calendar", str(vault), "--today", "2026-11-26")
    assert refused.exit_code == 2
    assert (
        "indiquez un autre " in refused.output and ".mdnet.toml:2: calendar.path" in refused.output
    )
    assert " in .mdnet.toml" not in refused.output


def test_a_markdown_link_to_no_note_and_fix_s_summary_in_french(make_vault: WriteVault) -> None:
    outdated = "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call\n"
    vault = make_vault(
        {"People/Ann.md": outdated, "Notes/log.md": "- 2026-11-20 call [x](Nobody.md)\n"}
    )
    checked = _run("check", str(vault), "--today", "2026-11-26", "--select", "F005").output
    assert "Le lien vers Nobody.md" in checked and "The link" not in checked
    fixed = _run("check", str(vault), "--today", "2026-11-26", "--select", "F008", "--fix").output
    assert "Corrigé\u00a0: 1 problème (F008) dans 1 note." in fixed, fixed
    again = _run("check", str(vault), "--today", "2026-11-26", "--select", "F008", "--fix").output
    assert "Rien à corriger." in again
