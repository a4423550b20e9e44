"""What `mdnet check PATH...` checks: each path in its own vault, the notes to report.

A folder is its whole vault (SPEC §1: the nearest `.mdnet.toml` or `.obsidian/` upward,
else the folder itself). A file, as pre-commit passes them, is reported alone, and its
whole vault is read: the vault marked above it; with no marker, the current folder when
it holds the file. Files in no marked vault are left out when others are in one (a
repository's README beside a vault of notes). Paths of one vault make one target.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mdnet.cli.options import UsageError
from mdnet.notes.scan import VAULT_MARKERS, find_vault


@dataclass
class Target:
    """One vault to check: its folder, the paths given for it, the notes to report."""

    root: Path
    given: list[Path] = field(default_factory=list)
    only: set[str] | None = None  # vault-relative notes to report; None: the whole vault

    def report(self, relative: str | None) -> None:
        """Report the note at ``relative`` too (None: the whole vault)."""
        if relative is None:
            self.only = None
        elif self.only is not None or not self.given:
            self.only = {*(self.only or ()), relative}


def targets(paths: tuple[Path, ...], vault: Path | None, here: Path) -> list[Target]:
    """The vaults to check for ``paths`` (and ``--vault``), in the order given."""
    found: dict[Path, Target] = {}

    def add(root: Path, given: Path, relative: str | None) -> None:
        target = found.get(root)
        if target is None:
            target = found[root] = Target(root)
        target.report(relative)
        target.given.append(given)

    named = find_vault(vault) if vault is not None else None
    files = [path for path in paths if path.is_file()]
    marked = [path for path in files if _marked_vault(path) is not None]
    for path in paths:
        if path not in files:
            add(find_vault(path), path, None)  # a folder, or an error for what is missing
            continue
        root = named if named is not None and _inside(path, named) else _marked_vault(path)
        if root is None:
            if marked and named is None:
                continue  # not a note: outside the marked vault of the other files
            root = named or _unmarked_vault(path, files, here)
        add(root, path, _relative(root, path))
    if named is not None and (not paths or named not in found):
        add(named, vault or named, None)
    if not found:
        add(find_vault(here), here, None)
    return list(found.values())


def stdin_target(path: Path, vault: Path | None, here: Path) -> tuple[Target, str]:
    """The vault of the note at ``path`` (which may not exist yet: an editor's new
    buffer), that note alone; and its vault-relative path."""
    absolute = Path(os.path.realpath(path))
    starts = () if vault is not None else (_existing(absolute),)
    (target,) = targets(starts, vault, here)
    if not absolute.is_relative_to(target.root):
        raise UsageError(f"{path}: not in the vault {target.root}")
    relative = absolute.relative_to(target.root).as_posix()
    target.only, target.given = {relative}, [path]
    return target, relative


def _existing(path: Path) -> Path:
    """Where to look for the vault from: ``path``, else its nearest existing folder."""
    return next((candidate for candidate in (path, *path.parents) if candidate.exists()), path)


def _marked_vault(file: Path) -> Path | None:
    for folder in file.resolve().parents:
        if any((folder / marker).exists() for marker in VAULT_MARKERS):
            return find_vault(folder)
    return None


def _unmarked_vault(file: Path, files: list[Path], here: Path) -> Path:
    """The current folder when it holds every file given, else the file's own folder."""
    here = here.resolve()
    if all(given.resolve().is_relative_to(here) for given in files):
        return here
    return file.resolve().parent


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root)


def _relative(root: Path, path: Path) -> str:
    return path.resolve().relative_to(root).as_posix()
