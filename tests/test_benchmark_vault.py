"""The benchmark's generated vault is a valid one (a small slice of it, checked here)."""

from __future__ import annotations

from pathlib import Path

from mdnet.config import load_config
from mdnet.pipeline import load_vault
from mdnet.rules.runner import Selection, run_rules
from tests.benchmarks.generate_vault import generate
from tests.conftest import TODAY


def test_the_generated_vault_has_no_data_errors(tmp_path: Path) -> None:
    count = generate(tmp_path, scale=0.005)
    config = load_config(tmp_path)
    vault = load_vault(tmp_path, config)
    assert len(vault.notes) == count == 50 + 100 + 2
    assert len(vault.contacts) == 50 and len(vault.circles) == 0 and len(vault.events) == 2
    assert sum(len(contact.interactions) for contact in vault.contacts.values()) > 100
    findings = run_rules(vault, config, TODAY, Selection(("F001", "F002", "F003", "F004")))
    assert findings == []
