"""Which language mdnet speaks (SPEC §12): the config's, else the environment's, else
English; an unknown one is English with one warning. Codes, names and keys stay English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mdnet import language
from mdnet.cli import main
from mdnet.config import ConfigError, parse_config
from tests.conftest import WriteVault

SAMPLE = Path(__file__).parent.parent / "sample_vault"
STALE = {
    "People/Ann.md": "---\ntype: contact\ntier: close\n---\n- 2026-05-02 coffee\n",
}


def _check(vault: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        main, ["check", str(vault), "--today", "2026-11-26", *args], env=env or {}
    )


@pytest.mark.parametrize(
    ("environ", "code"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr"}, "fr"),
        ({"LANG": "fr_CA"}, "fr"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fr_BE.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "", "LANG": "fr_FR@euro"}, "fr"),
    ],
)
def test_the_environment_names_the_language(environ: dict[str, str], code: str) -> None:
    assert language.from_environment(environ) == language.Choice(code)


def test_an_unknown_language_is_english_with_a_warning() -> None:
    choice = language.from_environment({"LANG": "de_DE.UTF-8"})
    assert choice.code == "en"
    assert "LANG=de_DE.UTF-8" in choice.warning and "English" in choice.warning


def test_the_config_s_language_comes_before_the_environment() -> None:
    environ = {"LANG": "fr_FR.UTF-8"}
    assert language.choose_language("en", environ) == language.Choice("en")
    assert language.choose_language("", environ) == language.Choice("fr")
    assert language.choose_language("fr", {"LANG": "de_DE"}) == language.Choice("fr")


def test_the_config_reads_language_and_rejects_others_with_file_line_and_key() -> None:
    assert parse_config('language = "fr"\n', "x.toml").language == "fr"
    assert parse_config("", "x.toml").language == ""
    with pytest.raises(ConfigError, match=r'^x\.toml:2: language: expected one of "en", "fr"'):
        parse_config('[me]\n\nlanguage = "de"\n'.replace("[me]\n\n", "# mine\n"), "x.toml")
    with pytest.raises(ConfigError, match=r"^x\.toml:1: language: .*got 3"):
        parse_config("language = 3\n", "x.toml")


def test_check_speaks_the_config_s_language_over_the_environment(make_vault: WriteVault) -> None:
    vault = make_vault({**STALE, ".mdnet.toml": 'language = "fr"\n'})
    french = _check(vault, env={"LANG": "en_US.UTF-8"})
    assert "Dernier échange le 2026-05-02 (il y a 208 jours)" in french.output
    assert french.output.splitlines()[-1] == (
        "0 erreur, 1 avertissement et 0 information dans 1 note."
    )
    (vault / ".mdnet.toml").write_text('language = "en"\n', encoding="utf-8")
    english = _check(vault, env={"LANG": "fr_FR.UTF-8"})
    assert "Last interaction 2026-05-02 (208 days ago)" in english.output
    assert english.output.splitlines()[-1] == "Found 0 errors, 1 warning, 0 infos in 1 note."


def test_without_a_config_language_the_environment_s_is_spoken(make_vault: WriteVault) -> None:
    vault = make_vault({"Ideas.md": "# Ideas\n"})
    result = _check(vault, env={"LANG": "fr_FR.UTF-8"})
    assert result.output == "Aucun problème dans 1 note.\n"


def test_an_unknown_language_warns_once_and_speaks_english(make_vault: WriteVault) -> None:
    vault = make_vault(STALE)
    result = _check(vault, env={"LANG": "de_DE.UTF-8"})
    assert result.stdout.splitlines()[-1] == "Found 0 errors, 1 warning, 0 infos in 1 note."
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith("mdnet: warning: LANG=de_DE.UTF-8: mdnet does not speak")
    quiet = _check(
        make_vault({**STALE, ".mdnet.toml": 'language = "en"\n'}), env={"LANG": "de_DE.UTF-8"}
    )
    assert quiet.stderr == ""  # the config chose: the environment's language is not asked


def test_json_carries_french_messages_and_english_codes_and_keys(make_vault: WriteVault) -> None:
    vault = make_vault({**STALE, ".mdnet.toml": 'language = "fr"\n'})
    document = json.loads(_check(vault, "--format", "json").output)
    (finding,) = document["findings"]
    assert set(finding) == {
        "path",
        "line",
        "column",
        "code",
        "rule",
        "severity",
        "message",
        "subject",
    }
    assert (finding["code"], finding["rule"], finding["severity"]) == (
        "R001",
        "stale-contact",
        "warning",
    )
    assert finding["message"].startswith("Dernier échange le 2026-05-02")


def test_a_language_change_parses_the_notes_again_for_their_problems(
    make_vault: WriteVault,
) -> None:
    """F001–F004 are kept in the index and the snapshot: both are stamped with the language."""
    vault = make_vault({"People/Ann.md": "---\ntype: contact\ncadence: often\n---\n"})
    assert "is not a duration" in _check(vault).output
    assert "n'est pas une durée" in _check(vault, env={"LANG": "fr_FR.UTF-8"}).output
    assert "is not a duration" in _check(vault).output
    assert (vault / ".mdnet" / "index.sqlite").exists()


def _facts(language_code: str) -> list[tuple[object, ...]]:
    result = CliRunner().invoke(
        main,
        ["check", str(SAMPLE), "--today", "2026-11-26", "--no-cache", "--format", "json"],
        env={"LANG": language_code},
    )
    document = json.loads(result.output)
    assert document["stats"]["notes"] > 30
    return [
        (f["path"], f["line"], f["column"], f["code"], f["rule"], f["severity"], f["subject"])
        for f in document["findings"]
    ]


def test_the_sample_vault_has_the_same_findings_in_both_languages() -> None:
    english, french = _facts("en_US.UTF-8"), _facts("fr_FR.UTF-8")
    assert english == french
    assert len(english) > 20


def test_every_finding_of_the_sample_vault_is_written_in_french() -> None:
    result = CliRunner().invoke(
        main,
        ["check", str(SAMPLE), "--today", "2026-11-26", "--no-cache", "--format", "json"],
        env={"LANG": "fr_FR.UTF-8"},
    )
    messages = [f["message"] for f in json.loads(result.output)["findings"]]
    english = ("days ago", "reach out", " and ", "above the budget", "has no ")
    assert [m for m in messages if any(words in m for words in english)] == []


def test_mdnet_rule_explains_in_french() -> None:
    result = CliRunner().invoke(main, ["rule", "R001"], env={"LANG": "fr_FR.UTF-8"})
    assert result.exit_code == 0
    assert result.output.startswith(
        "R001 stale-contact [warning]\n\nR001 stale-contact — un contact"
    )
    assert "Pourquoi c'est important" in result.output
    assert "Pour la faire taire dans une note" in result.output
    listing = CliRunner().invoke(main, ["rules"], env={"LANG": "fr_FR.UTF-8"})
    assert "R001  stale-contact" in listing.output and "un contact est resté" in listing.output
    unknown = CliRunner().invoke(main, ["rule", "R999"], env={"LANG": "fr_FR.UTF-8"})
    assert unknown.exit_code == 2 and "aucune règle 'R999'" in unknown.output


def test_command_line_errors_are_in_the_environment_s_language(tmp_path: Path) -> None:
    french = {"LANG": "fr_FR.UTF-8"}
    missing = CliRunner().invoke(main, ["check", str(tmp_path / "nowhere")], env=french)
    assert missing.exit_code == 2
    assert missing.stderr.startswith("mdnet: error: ")
    assert "aucun fichier ni dossier de ce nom" in missing.stderr
    (tmp_path / ".mdnet.toml").write_text('[vault]\nmax_file_kb = "x"\n', encoding="utf-8")
    bad = CliRunner().invoke(main, ["check", str(tmp_path)], env=french)
    assert bad.exit_code == 2
    assert "vault.max_file_kb: un nombre entier de 1 à 100000 est attendu" in bad.stderr


def test_summary_says_where_it_wrote_in_the_config_s_language(make_vault: WriteVault) -> None:
    vault = make_vault({**STALE, ".mdnet.toml": 'language = "fr"\n'})
    result = CliRunner().invoke(main, ["summary", str(vault), "--today", "2026-11-26"])
    assert result.exit_code == 0 and result.output.endswith(" (mis à jour)\n")
    text = (vault / "Network Summary.md").read_text(encoding="utf-8")
    assert "# Bilan du réseau" in text and "il y a 208 jours" in text


def test_dates_numbers_and_days_are_written_as_each_language_writes_them() -> None:
    import datetime as dt

    from mdnet.language import formats

    day = dt.date(2026, 12, 4)
    english = (formats.long_date(day), formats.days_ago(208), formats.decimal(8.666))
    assert english == ("December 4, 2026", "208 days ago", "8.7")
    assert (formats.percent(0.5), formats.fixed(0.25, 2), formats.month(day)) == (
        "50%",
        "0.25",
        "Dec",
    )
    language.use("fr")
    french = (formats.long_date(day), formats.days_ago(208), formats.days_ago(1))
    assert french == ("4 décembre 2026", "il y a 208 jours", "il y a 1 jour")
    assert formats.decimal(1234.5, 2) == "1\u202f234,5"  # CLDR: a narrow no-break space
    assert (formats.percent(0.5), formats.fixed(0.25, 2), formats.month(day)) == (
        "50\u00a0%",
        "0,25",
        "déc.",
    )


def test_plurals_follow_each_language_s_rule() -> None:
    counts = [language.ngettext("{count} error", "{count} errors", n) for n in (0, 1, 2)]
    assert counts == ["{count} errors", "{count} error", "{count} errors"]
    language.use("fr")
    counts = [language.ngettext("{count} error", "{count} errors", n) for n in (0, 1, 2)]
    assert counts == ["{count} erreur", "{count} erreur", "{count} erreurs"]


def test_a_number_with_a_fraction_takes_each_language_s_form() -> None:
    from mdnet.language import formats

    def form(value: float) -> str:
        count = formats.plural_count(value)
        return language.ngettext("{count} error", "{count} errors", count)

    assert [form(value) for value in (1, 1.0, 1.04)] == ["{count} error"] * 3  # 1.04: "1"
    assert [form(value) for value in (0.5, 1.5, 2, 2.5)] == ["{count} errors"] * 4
    language.use("fr")  # CLDR: the singular below 2, "1,5 heure"
    assert [form(value) for value in (0.5, 1, 1.5)] == ["{count} erreur"] * 3
    assert [form(value) for value in (1.96, 2, 2.5)] == ["{count} erreurs"] * 3  # 1.96: "2"


def test_a_day_and_month_without_a_year() -> None:
    import datetime as dt

    from mdnet.language import formats

    assert formats.day_month(dt.date(1604, 3, 12)) == "March 12"
    assert formats.day_month(dt.date(1604, 2, 29)) == "February 29"
    language.use("fr")
    assert formats.day_month(dt.date(1604, 3, 12)) == "12 mars"


def _calendar(lang: str) -> str:
    result = CliRunner().invoke(
        main,
        ["calendar", str(SAMPLE), "--today", "2026-11-26", "-o", "-"],
        env={"LANG": lang},
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_calendar_speaks_french_and_keeps_its_events_and_uids() -> None:
    english, french = _calendar("en_US.UTF-8"), _calendar("fr_FR.UTF-8")
    uids = [line for line in english.splitlines() if line.startswith("UID:")]
    assert uids and uids == [line for line in french.splitlines() if line.startswith("UID:")]
    assert "SUMMARY:Anniversaire de Jane Doe" in french
    assert "SUMMARY:Jane Doe's birthday" in english
    assert "Reach out to" not in french and "Reprendre contact avec" in french
