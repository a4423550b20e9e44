"""A real editor: Neovim, headless, with the README's setup (tests/lsp/nvim/init.lua),
shows the vault's diagnostics and updates them from unsaved text."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import WriteVault

HERE = Path(__file__).parent / "nvim"
JANE = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call\n"


@pytest.mark.skipif(
    shutil.which("nvim") is None,
    reason="Neovim is not installed (apt-get install neovim; .ci/run installs it)",
)
def test_neovim_shows_the_diagnostics_and_follows_unsaved_edits(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    root = make_vault(
        {
            ".mdnet.toml": "",
            "People/Jane.md": JANE,
            "Daily/2026-11-01.md": "- 2026-11-01 call [[Nobody]]\n",
        }
    ).resolve()
    out = tmp_path / "seen.json"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "MDNET_TODAY": "2026-11-26",
        "MDNET_DAILY": str(root / "Daily/2026-11-01.md"),
        "MDNET_CONTACT": str(root / "People/Jane.md"),
        "MDNET_NVIM_OUT": str(out),
        "XDG_STATE_HOME": str(tmp_path / "state"),  # the LSP client's log, not the user's
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    subprocess.run(
        [
            "nvim",
            "--headless",
            "-n",
            "-i",
            "NONE",
            "-u",
            str(HERE / "init.lua"),
            "-c",
            f"luafile {HERE / 'check.lua'}",
        ],
        cwd=root,
        env=env,
        timeout=120,
        check=True,
        capture_output=True,
    )
    seen = json.loads(out.read_text())
    assert seen["started"] is True
    assert [(d["code"], d["line"], d["severity"], d["source"]) for d in seen["contact"]] == [
        ("R001", 5, 2, "mdnet")
    ]
    assert [d["code"] for d in seen["daily"]] == ["F005"]
    assert seen["cleared"] is True and seen["contact_after"] == []


def test_the_readme_shows_the_setup_this_test_runs() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert (HERE / "init.lua").read_text(encoding="utf-8") in readme
