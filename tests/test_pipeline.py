"""The runner: selection, severity overrides and mdnet-ignore apply to every rule."""

from __future__ import annotations

import pytest

from mdnet.config import ConfigError, parse_config
from mdnet.rules.runner import Selection
from tests.conftest import Lint, codes

BROKEN = {
    "People/Jane.md": "---\ntype: contact\nmet: 2026-13-01\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call [[Nobody]]\n",
}


def test_select_by_code_prefix_name_and_all(lint: Lint) -> None:
    assert codes(lint(BROKEN, select="F003")) == ["F003"]
    assert codes(lint(BROKEN, select="F00")) == ["F003", "F008", "F005"]  # by line
    assert codes(lint(BROKEN, select="outdated-last-contact")) == ["F008"]
    assert {"F003", "F005", "F008"} <= set(codes(lint(BROKEN, select="ALL")))


def test_ignore_after_select() -> None:
    config = parse_config('[rules]\nselect = ["F"]\nignore = ["F003"]\n', "c.toml")
    rules = [rule.CODE for rule in Selection.from_config(config).rules()]
    assert "F003" not in rules and "F001" in rules
    cli = Selection.from_config(config, select=["F003", "F005"], ignore=["unknown-contact"])
    assert [rule.CODE for rule in cli.rules()] == []  # config ignore still applies, plus --ignore


def test_unknown_selectors_are_usage_errors() -> None:
    with pytest.raises(ConfigError, match="unknown rule 'X999'"):
        Selection.from_config(parse_config("", "c.toml"), select=["X999"])
    with pytest.raises(ConfigError, match="unknown rule 'nope'"):
        Selection.from_config(parse_config('[rules]\nseverity = { nope = "info" }\n', "c.toml"))


def test_severity_overrides_most_specific_wins(lint: Lint) -> None:
    files = {
        ".mdnet.toml": '[rules]\nseverity = { F = "info", F003 = "warning" }\n',
        **BROKEN,
    }
    levels = {f.code: f.severity for f in lint(files)}
    assert levels["F003"] == "warning" and levels["F008"] == "info" and levels["F005"] == "info"


def test_mdnet_ignore_by_code_name_or_all(lint: Lint) -> None:
    note = BROKEN["People/Jane.md"]
    by_code = note.replace(
        "type: contact\n", "type: contact\nmdnet-ignore: [F003, unknown-contact]\n"
    )
    assert codes(lint({"People/Jane.md": by_code}, select="F")) == ["F008"]
    everything = note.replace("type: contact\n", "type: contact\nmdnet-ignore: all\n")
    assert codes(lint({"People/Jane.md": everything})) == []  # every rule, R001 included
