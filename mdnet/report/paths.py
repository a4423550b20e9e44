"""Paths as a report shows them: relative to the current folder, as ruff shows them."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def display_path(vault: Path, path: str, cwd: Path) -> str:
    """A finding's path relative to the current directory (the vault for vault-level)."""
    if not path:
        return _relative_folder(str(vault), str(cwd))
    folder, _, name = path.rpartition("/")
    # one relpath per folder, not per finding: thousands of findings share a few folders
    return _folder_prefix(str(vault), folder, str(cwd)) + name


@lru_cache(maxsize=1024)
def _folder_prefix(vault: str, folder: str, cwd: str) -> str:
    """How a path in ``folder`` of the vault starts: ``""`` or ``../People/``."""
    shown = _relative_folder(os.path.join(vault, folder), cwd)
    return "" if shown == os.curdir else os.path.join(shown, "")


@lru_cache(maxsize=1024)
def _relative_folder(folder: str, cwd: str) -> str:
    try:
        return os.path.relpath(folder, cwd)
    except ValueError:  # another drive, on Windows
        return folder
