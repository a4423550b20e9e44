"""A second real editor: Emacs, in batch mode, with eglot (tests/lsp/emacs/check.el)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import WriteVault

SCRIPT = Path(__file__).parent / "emacs" / "check.el"
JANE = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call\n"


def has_eglot() -> bool:
    if shutil.which("emacs") is None:
        return False
    found = subprocess.run(
        ["emacs", "--batch", "--eval", "(progn (package-initialize) (require 'eglot))"],
        capture_output=True,
        check=False,
    )
    return found.returncode == 0


@pytest.mark.skipif(
    not has_eglot(),
    reason="Emacs with eglot is not installed (apt-get install emacs-nox elpa-eglot)",
)
def test_emacs_eglot_shows_the_diagnostics_and_follows_unsaved_edits(
    make_vault: WriteVault,
) -> None:
    root = make_vault(
        {
            ".mdnet.toml": "",
            "People/Jane.md": JANE,
            "Daily/2026-11-01.md": "- 2026-11-01 call [[Nobody]]\n",
        }
    ).resolve()
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "MDNET_TODAY": "2026-11-26",
        "MDNET_DAILY": str(root / "Daily/2026-11-01.md"),
        "MDNET_CONTACT": str(root / "People/Jane.md"),
        "HOME": str(root.parent),  # no user init, no state written in the real home
    }
    done = subprocess.run(
        ["emacs", "--batch", "-l", str(SCRIPT)],
        cwd=root,
        env=env,
        timeout=180,
        capture_output=True,
        text=True,
        check=True,
    )
    seen = [line.split() for line in done.stdout.splitlines()]
    jane = [codes for uri, *codes in seen if uri.endswith("/People/Jane.md")]
    daily = [codes for uri, *codes in seen if uri.endswith("/Daily/2026-11-01.md")]
    assert jane[0] == ["R001"] and daily[0] == ["F005"]
    assert jane[-1] == []  # cleared by the unsaved link
