"""`.mdnet.toml`: defaults, every section, and usage errors naming file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from mdnet.config import Config, ConfigError, load_config, parse_config
from mdnet.dates import Duration


def test_defaults_without_a_file(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config == Config()
    assert config.thresholds.followup_days == 14
    assert config.budget.max_circles == 5
    assert config.cadence["close"] == Duration(days=60, text="60d")
    assert config.cadence["dormant"] is None
    assert config.summary_path == "Network Summary.md"


def test_every_section_is_read() -> None:
    config = parse_config(
        """
[vault]
exclude = ["Archive/**"]
max_file_kb = 10
[summary]
path = "Reports/Network.md"
reach_out = 3
[me]
domain = "software"
[kinds]
contact = ["People/**"]
[cadence]
close = "6w"
default = "3m"
mentor = "2m"
[thresholds]
giveback_days = 30
min_give_ratio = 0.5
[budget]
dues_per_year = 300
[confidential]
terms = ["Project Falcon"]
[rules]
select = ["R", "G001"]
ignore = ["R002"]
severity = { R002 = "info" }
[markers]
gave = ["donné", "#Offert"]
""",
        "x.toml",
    )
    assert config.exclude == ("Archive/**",)
    assert config.summary_path == "Reports/Network.md" and config.reach_out == 3
    assert config.kinds["contact"] == ("People/**",) and config.kinds["event"] == ()
    close, default = config.cadence["close"], config.cadence["default"]
    assert close is not None and default is not None
    assert close.days == 42 and default.months == 3
    assert "mentor" in config.tiers
    assert config.thresholds.giveback_days == 30 and config.thresholds.min_give_ratio == 0.5
    assert config.budget.dues_per_year == 300
    assert config.severity == {"R002": "info"}
    assert config.marker_for("Donné") == "gave" and config.marker_for("offert") == "gave"
    assert config.marker_for("got") == "got" and config.marker_for("misc") is None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[thresholds]\nfolowup_days = 3\n", "x.toml:2: thresholds.folowup_days: unknown key"),
        ("[budget]\n\nmax_circles = -1\n", "x.toml:3: budget.max_circles"),
        ('[cadence]\nclose = "often"\n', "x.toml:2: cadence.close"),
        ('[rules]\nseverity = { R002 = "loud" }\n', "x.toml:2: rules.severity"),
        ("[nonsense]\n", "x.toml:1: nonsense: unknown table"),
        ('[summary]\npath = "../out.md"\n', "x.toml:2: summary.path"),
        ("[thresholds]\nmax_passive_share = 2\n", "x.toml:2: thresholds.max_passive_share"),
        ('[markers]\nthanks = ["merci"]\n', "x.toml:2: markers.thanks: unknown key"),
        ("[vault\n", "x.toml: invalid TOML"),
        ("cadence = 5\n", "x.toml:1: cadence: expected a table"),
        ('[summary]\npath = "a/../../x.md"\n', "x.toml:2: summary.path"),
    ],
)
def test_bad_config_names_file_line_and_key(text: str, where: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_config(text, "x.toml")
    assert str(error.value).startswith(where)


def test_explicit_config_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path, tmp_path / "missing.toml")


def test_fingerprint_follows_the_text() -> None:
    a = parse_config("[budget]\nmax_circles = 3\n", "a.toml")
    b = parse_config("[budget]\nmax_circles = 4\n", "a.toml")
    assert a.fingerprint != b.fingerprint
    assert a.fingerprint == parse_config("[budget]\nmax_circles = 3\n", "a.toml").fingerprint


def test_summary_path_is_normalised() -> None:
    assert parse_config('[summary]\npath = "./Reports//Net.md"\n', "x.toml").summary_path == (
        "Reports/Net.md"
    )


def test_unknown_rules_in_the_config_name_file_line_and_key() -> None:
    from mdnet.rules.runner import Selection

    config = parse_config('[rules]\nselect = ["R"]\n\nignore = ["R999"]\n', "x.toml")
    with pytest.raises(ConfigError) as error:
        Selection.from_config(config)
    assert str(error.value).startswith("x.toml:4: rules.ignore: unknown rule 'R999'")
    with pytest.raises(ConfigError, match=r"^--select: unknown rule 'nope'"):
        Selection.from_config(parse_config("", "x.toml"), select=["nope"])
