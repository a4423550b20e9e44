"""The sample vault end to end: it shows every warning and info rule, and no error."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mdnet.cli import main
from mdnet.rules import RULES

SAMPLE = Path(__file__).parent.parent / "sample_vault"


def check_sample(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(SAMPLE), "--today", "2026-11-26", *args])
    return result.exit_code, result.output


def test_sample_vault_exits_0_and_shows_every_advice_rule() -> None:
    code, out = check_sample("--format", "json")
    assert code == 0
    document = json.loads(out)
    shown = {finding["code"] for finding in document["findings"]}
    advice = {rule.CODE for rule in RULES if rule.SEVERITY in ("warning", "info")}
    assert advice - shown == set(), f"rules the sample vault does not show: {advice - shown}"
    assert not [f for f in document["findings"] if f["severity"] == "error"]
    stats = document["stats"]
    assert stats["contacts"] >= 15 and stats["circles"] >= 4 and stats["events"] >= 3


def test_sample_vault_text_output_reads_well() -> None:
    code, out = check_sample()
    lines = out.splitlines()
    assert code == 0 and lines[-1].startswith("Found 0 errors,")
    assert all(": " in line and "[" in line for line in lines[:-1])
    assert any("losing touch" in line for line in lines)
    assert any("overdue" in line for line in lines)
