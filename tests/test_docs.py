"""Every rule documents itself: `mdnet rule CODE` prints its module docstring."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdnet.cli import main
from mdnet.config import Config, Thresholds
from mdnet.rules import RULES, Rule

ADVICE = [rule for rule in RULES if rule.CODE[0] in "RG"]


def ids(rules: list[Rule]) -> list[str]:
    return [rule.CODE for rule in rules]


@pytest.mark.parametrize("rule", RULES, ids=ids(RULES))
def test_every_rule_has_code_name_severity_and_docs(rule: Rule) -> None:
    assert re.fullmatch(r"[FRGC]\d{3}", rule.CODE)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.NAME)
    assert rule.SEVERITY in ("error", "warning", "info")
    doc = rule.__doc__ or ""
    assert doc.splitlines()[0].startswith(f"{rule.CODE} {rule.NAME} — ")
    for part in ("Why it matters", "When it fires", "How to fix", "Example"):
        assert part in doc, f"{rule.CODE} lacks {part!r}"


def test_codes_and_names_are_unique() -> None:
    assert len({rule.CODE for rule in RULES}) == len(RULES)
    assert len({rule.NAME for rule in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", ADVICE, ids=ids(ADVICE))
def test_advice_rules_document_thresholds_an_example_and_silencing(rule: Rule) -> None:
    doc = rule.__doc__ or ""
    for part in ("Thresholds:", "Example", "mdnet-ignore"):
        assert part in doc, f"{rule.CODE} lacks {part!r}"
    assert f"{rule.CODE} {rule.NAME} [{rule.SEVERITY}]" in doc  # the example finding


@pytest.mark.parametrize("rule", ADVICE, ids=ids(ADVICE))
def test_documented_defaults_are_the_real_ones(rule: Rule) -> None:
    section = (rule.__doc__ or "").split("Thresholds:", 1)[1].split("\n\n", 1)[0]
    defaults = Config()
    thresholds = {f.name: getattr(defaults.thresholds, f.name) for f in fields(Thresholds)}
    found = re.findall(r"(\w+) = (\"[^\"]*\"|\[\]|[\d.]+)", section)
    assert found, f"{rule.CODE} names no threshold with its default"
    for key, written in found:
        if key in thresholds:
            assert float(written) == thresholds[key], key
        elif key in defaults.cadence:
            cadence = defaults.cadence[key]
            assert written.strip('"') == (cadence.text if cadence else "none"), key
        else:
            assert key == "terms" and written == "[]", key


@pytest.mark.parametrize("rule", RULES, ids=ids(RULES))
def test_mdnet_rule_prints_the_docs(rule: Rule) -> None:
    for asked in (rule.CODE, rule.NAME, rule.CODE.lower()):
        result = CliRunner().invoke(main, ["rule", asked])
        assert result.exit_code == 0, result.output
        assert (rule.__doc__ or "").strip().splitlines()[0] in result.output


def test_r003_documents_that_a_connection_is_not_a_meeting() -> None:
    result = CliRunner().invoke(main, ["rule", "R003"])
    assert "`connected:` date" in result.output and "source: linkedin" in result.output


README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_front_matter_field_mdnet_reads_is_in_the_readme() -> None:
    from mdnet.notes.fields import BY_KIND, COMMON

    fields_section = README.read_text("utf-8").split("### Fields", 1)[1].split("\n## ", 1)[0]
    keys = {"type", "tier", *COMMON, *(key for kind in BY_KIND.values() for key in kind)}
    missing = sorted(key for key in keys if f"`{key}`" not in fields_section)
    assert missing == []


def test_every_configuration_key_is_in_the_readme() -> None:
    import tomllib

    from mdnet.edits.init_vault import DEFAULT_CONFIG

    section = README.read_text("utf-8").split("## Configuration", 1)[1].split("\n## ", 1)[0]
    config = tomllib.loads(DEFAULT_CONFIG)
    missing = []
    for table, keys in config.items():
        rows = [line for line in section.splitlines() if f"`[{table}] " in line]
        for key in keys if isinstance(keys, dict) else {}:
            if not any(re.search(rf"[ `]{re.escape(key)}`", row) for row in rows):
                missing.append(f"{table}.{key}")
    assert missing == []
