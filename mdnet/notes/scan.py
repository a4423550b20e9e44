"""Find the vault and list its notes (their text is read by ``notes.reading``)."""

from __future__ import annotations

import json
import os
import re
import time
from fnmatch import translate
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from mdnet.config import CONFIG_NAME, Config
from mdnet.errors import UserError, describe
from mdnet.language import _
from mdnet.notes.files import remove_stale_temporaries

TEMPLATES_FOLDER = "Templates/mdnet"
STATE_FOLDER = ".mdnet"  # mdnet's own (the cache), where the scanner lists no note
# a note written this recently may be written again within its modification time's tick:
# what was read of it is not trusted by its size and time (the index, the snapshot)
RACY_NS = 2_000_000_000


class VaultError(UserError):
    """The vault cannot be read at all: exit status 2."""


VAULT_MARKERS = (CONFIG_NAME, ".obsidian")  # what marks a vault's folder, the first first


def find_vault(start: Path) -> Path:
    """The nearest folder upward holding ``.mdnet.toml``, else ``.obsidian/``, else ``start``."""
    if not start.exists():
        raise VaultError(_("{path}: no such file or folder").format(path=start))
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for marker in VAULT_MARKERS:
        for candidate in (folder, *folder.parents):
            if (candidate / marker).exists():
                return candidate
    return folder


class NoteFile(NamedTuple):
    """A note on disk: its vault-relative path, size and modification time (a named
    tuple: one is made for every note of the vault on every run)."""

    path: str
    size: int
    mtime_ns: int


def list_notes(vault: Path, config: Config, under: str = "") -> list[NoteFile]:
    """Every note of the vault (SPEC §1), sorted by path; with ``under``, only those in
    that vault-relative folder (a folder created or moved into the vault, in watch mode).

    Dot-folders, ``vault.exclude`` globs, the templates folders and the summary note
    are left out. Links are followed only inside the vault, and only into a dot-folder:
    each note is listed once, under its own path, and a link cannot bring back a note
    that is excluded.
    Only links are resolved (one ``stat`` per note otherwise): a vault of 30,000 notes
    is listed in a tenth of a second. mdnet's stale temporary files are removed on the way.
    """
    if not vault.is_dir():
        raise VaultError(_("{path}: not a folder").format(path=vault))
    templates = templates_folders(vault)
    root = os.path.realpath(vault)
    seen_folders: set[str] = set()
    notes: list[NoteFile] = []
    new = tuple.__new__  # a NoteFile without the call to its __new__ (100,000 of them)
    # (vault-relative prefix, folder as reached, its real path), depth first in name order
    stack = [("", str(vault), root)]
    if under:
        if any(part.startswith(".") for part in under.split("/")) or excluded(
            under, config, templates
        ):
            return []
        folder = os.path.join(vault, under)
        real = os.path.realpath(folder)
        if not real.startswith(root + os.sep):
            return []  # a link out of the vault is not followed
        stack = [(under + "/", folder, real)]
    summary_path, globs = config.summary_path, bool(config.exclude)  # asked for every note
    while stack:
        prefix, folder, real = stack.pop()
        if real in seen_folders:
            continue
        seen_folders.add(real)
        here: list[NoteFile] = []  # this folder's notes, once it was listed to the end
        subfolders: list[tuple[str, str, str, str]] = []  # by name: depth first in order
        temporaries = []
        try:
            with os.scandir(folder) as listing:
                for entry in listing:  # each let go once seen (66,000 in a folder, with stats)
                    name = entry.name
                    if name[0] == ".":
                        if name.endswith(".tmp"):
                            temporaries.append(name)
                        continue
                    path = prefix + name
                    try:
                        entry_real = None
                        if entry.is_symlink():
                            entry_real = os.path.realpath(entry.path)
                            if entry_real != root and not entry_real.startswith(root + os.sep):
                                continue  # a link out of the vault is not followed
                            if not in_dot_folder(entry_real, root):
                                continue  # listed under its own path, or excluded
                        if entry.is_dir():
                            if not excluded(path, config, templates):
                                real_path = entry_real or f"{real}/{name}"
                                subfolders.append((name, path + "/", entry.path, real_path))
                        elif (
                            name.endswith(".md")
                            and path != summary_path
                            and entry.is_file()
                            # templates: folders, never descended into (globs exclude files)
                            and not (globs and excluded(path, config, templates))
                        ):
                            stat = entry.stat()
                            here.append(new(NoteFile, (path, stat.st_size, stat.st_mtime_ns)))
                    except OSError:
                        continue  # vanished or a dangling link
        except OSError as error:
            if not prefix:  # the vault itself cannot be listed: nothing can be checked
                raise VaultError(
                    _("{path}: cannot read the folder: {reason}").format(
                        path=vault, reason=describe(error)
                    )
                ) from None
            continue
        notes += here
        if temporaries:  # what a killed write left (``files.remove_stale_temporaries``)
            remove_stale_temporaries(folder, temporaries)
        subfolders.sort(reverse=True)
        stack.extend(subfolder[1:] for subfolder in subfolders)
    _remove_stale_state(vault)
    notes.sort()  # by path: paths are unique
    return notes


def listing(root: Path, config: Config) -> tuple[list[NoteFile], int]:
    """The vault's notes, and when they were listed (a note written within a tick of
    that time cannot be trusted by its size and time)."""
    listed_at = time.time_ns()
    return list_notes(root, config), listed_at


def notes_at(root: Path, paths: list[str]) -> tuple[list[NoteFile], list[str]]:
    """The notes at the vault-relative ``paths`` as they are on disk now, and those gone."""
    files, gone = [], []
    for path in paths:
        try:
            found = (root / path).stat()
        except OSError:
            gone.append(path)
            continue
        files.append(NoteFile(path, found.st_size, found.st_mtime_ns))
    return files, gone


def _remove_stale_state(vault: Path) -> None:
    """The temporaries that a killed write left in mdnet's own ``.mdnet/`` folder."""
    try:
        with os.scandir(vault / STATE_FOLDER) as listing:
            names = [entry.name for entry in listing if entry.name.endswith(".tmp")]
    except OSError:
        return
    remove_stale_temporaries(str(vault / STATE_FOLDER), names)


def in_dot_folder(real: str, root: str) -> bool:
    """Whether the vault file or folder at ``real`` is in a dot-folder, which is not listed.

    Only then is a link to it followed: a link to anything else would list notes again
    under another path (or notes the user excluded), whatever the names, and a loop
    would be entered.
    """
    relative = os.path.relpath(real, root)
    return any(part.startswith(".") for part in relative.split(os.sep) if part != ".")


def templates_folders(vault: Path) -> tuple[str, ...]:
    """mdnet's templates folder and Obsidian's, whose notes are templates, not notes."""
    return (TEMPLATES_FOLDER, *_obsidian_templates(vault))


def excluded(path: str, config: Config, templates: tuple[str, ...]) -> bool:
    """Whether ``list_notes`` leaves the note or folder at ``path`` out: ``vault.exclude``
    or a templates folder (``templates_folders``)."""
    for folder in templates:  # asked for every note: no generator, no any()
        if path.startswith(folder) and (len(path) == len(folder) or path[len(folder)] == "/"):
            return True
    return bool(config.exclude) and any(glob_matches(path, glob) for glob in config.exclude)


def _obsidian_templates(vault: Path) -> list[str]:
    """The templates folder named in ``.obsidian/templates.json``, if any."""
    try:
        folder = json.loads((vault / ".obsidian" / "templates.json").read_text("utf-8"))["folder"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [folder.strip("/")] if isinstance(folder, str) and folder.strip("/") else []


def glob_matches(path: str, glob: str) -> bool:
    """Vault-relative glob: ``*`` within a folder, ``**`` across; a folder matches all below."""
    return bool(_glob_re(glob.strip("/")).match(path))


@lru_cache(maxsize=256)
def _glob_re(glob: str) -> re.Pattern[str]:
    parts = []
    for piece in re.split(r"(\*\*/?|\*|\?|\[[^\]]*\])", glob):
        if piece.startswith("**"):
            parts.append("(?:.*/)?" if piece.endswith("/") else ".*")
        elif piece == "*":
            parts.append("[^/]*")
        elif piece == "?":
            parts.append("[^/]")
        elif piece.startswith("[") and piece.endswith("]"):
            parts.append(translate(piece).removeprefix("(?s:").removesuffix(")\\Z"))
        else:
            parts.append(re.escape(piece))
    return re.compile("".join(parts) + r"(?:/.*)?\Z")
