"""The sample vault's summary note is committed as an example, and kept current here.

It is never edited by hand: `mdnet summary --today 2026-11-26 sample_vault` writes it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mdnet.config import load_config
from tests.markdown_rules import markdown_problems
from tests.summary_vault import summary_of

SAMPLE = Path(__file__).parent.parent / "sample_vault"
REGENERATE = "mdnet summary --today 2026-11-26 sample_vault"


@pytest.mark.skipif(not SAMPLE.is_dir(), reason="no sample vault")
def test_the_committed_sample_summary_is_what_mdnet_writes() -> None:
    path = SAMPLE / load_config(SAMPLE).summary_path
    expected = summary_of(SAMPLE)  # today 2026-11-26, as in the README
    assert path.is_file(), f"{path} is missing: run `{REGENERATE}`"
    assert path.read_text("utf-8") == expected, f"{path} is out of date: run `{REGENERATE}`"
    assert markdown_problems(expected) == []
