"""The vault's links into its dot-folders: ``scan.list_notes`` lists the notes they reach
under the link's path, while file events name the dot-folder's (watch mode)."""

from __future__ import annotations

import os
from pathlib import Path

from mdnet.notes.scan import in_dot_folder


def links_into_dot_folders(vault: Path) -> dict[str, list[str]]:
    """The vault's links into its dot-folders, which ``list_notes`` follows: each target
    (vault-relative, in a dot-folder) with the paths of the links that reach it (watch
    mode hears of an edit under the target's path, and reports it under the link's)."""
    root = os.path.realpath(vault)
    found: dict[str, list[str]] = {}
    folders = [("", str(vault))]
    while folders:
        prefix, folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = [entry for entry in listing if not entry.name.startswith(".")]
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                real = os.path.realpath(entry.path)
                if real.startswith(root + os.sep) and in_dot_folder(real, root):
                    target = os.path.relpath(real, root).replace(os.sep, "/")
                    found.setdefault(target, []).append(prefix + entry.name)
            elif entry.is_dir():
                folders.append((prefix + entry.name + "/", entry.path))
    return found
