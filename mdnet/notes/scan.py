"""Find the vault and read its notes: the only place that reads notes from disk."""

from __future__ import annotations

import json
import os
import re
from fnmatch import translate
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from mdnet.config import CONFIG_NAME, Config
from mdnet.errors import UserError, describe

TEMPLATES_FOLDER = "Templates/mdnet"
# a note written this recently may be written again within its modification time's tick:
# what was read of it is not trusted by its size and time (the index, the snapshot)
RACY_NS = 2_000_000_000


class VaultError(UserError):
    """The vault cannot be read at all: exit status 2."""


VAULT_MARKERS = (CONFIG_NAME, ".obsidian")  # what marks a vault's folder, the first first


def find_vault(start: Path) -> Path:
    """The nearest folder upward holding ``.mdnet.toml``, else ``.obsidian/``, else ``start``."""
    if not start.exists():
        raise VaultError(f"{start}: no such file or folder")
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
    is listed in a tenth of a second.
    """
    if not vault.is_dir():
        raise VaultError(f"{vault}: not a folder")
    templates = templates_folders(vault)
    root = os.path.realpath(vault)
    seen_folders: set[str] = set()
    notes: list[NoteFile] = []
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
    while stack:
        prefix, folder, real = stack.pop()
        if real in seen_folders:
            continue
        seen_folders.add(real)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            if not prefix:  # the vault itself cannot be listed: nothing can be checked
                raise VaultError(f"{vault}: cannot read the folder: {describe(error)}") from None
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = prefix + name
            try:
                entry_real = f"{real}/{name}"
                if entry.is_symlink():
                    entry_real = os.path.realpath(entry.path)
                    if entry_real != root and not entry_real.startswith(root + os.sep):
                        continue  # a link out of the vault is not followed
                    if not _in_dot_folder(entry_real, root):
                        continue  # listed under its own path, or excluded
                if entry.is_dir():
                    if not excluded(path, config, templates):
                        subfolders.append((path + "/", entry.path, entry_real))
                elif (
                    name.endswith(".md")
                    and path != config.summary_path
                    and entry.is_file()
                    and not excluded(path, config, templates)
                ):
                    stat = entry.stat()
                    notes.append(NoteFile(path, stat.st_size, stat.st_mtime_ns))
            except OSError:
                continue  # vanished or a dangling link
        stack.extend(reversed(subfolders))
    notes.sort()  # by path: paths are unique
    return notes


def _in_dot_folder(real: str, root: str) -> bool:
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


class Unreadable(Exception):
    """A note that cannot be read as text (F002); the message says why."""


def read_note(vault: Path, note: NoteFile, config: Config) -> str:
    """The note's text, or Unreadable: too large, binary, not UTF-8 or gone."""
    limit = config.max_file_kb * 1024
    if note.size > limit:
        raise Unreadable(too_large(note.size, config))
    try:
        data = _read_bytes(os.path.join(vault, note.path), note.size, limit + 1)
    except OSError as error:
        raise Unreadable(f"cannot read the note: {describe(error)}") from None
    if len(data) > limit:
        raise Unreadable(f"the note grew larger than vault.max_file_kb = {config.max_file_kb}")
    if b"\0" in data:
        raise Unreadable(BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise Unreadable(
            f"the note is not UTF-8 (byte 0x{data[error.start]:02x} on line {line}); "
            "save it as UTF-8"
        ) from None


BINARY = "the note is binary (it holds NUL bytes), not Markdown text"


def too_large(size: int, config: Config) -> str:
    """Why a note of ``size`` bytes is not read (F002)."""
    return (
        f"the note is {size // 1024} KB, larger than vault.max_file_kb = "
        f"{config.max_file_kb}; split it or raise the limit"
    )


def check_text(text: str, config: Config) -> str:
    """``text`` (an editor's unsaved note), or Unreadable as ``read_note`` would say."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > config.max_file_kb * 1024:
        raise Unreadable(too_large(size, config))
    if "\0" in text:
        raise Unreadable(BINARY)
    return text


def _read_bytes(path: str, size: int, most: int) -> bytes:
    """The file's bytes, at most ``most`` of them; ``size`` is what the scan found.

    A plain descriptor and one read of the size found (plus one byte, to see that it
    grew): ``open()`` and a read of ``most`` bytes took five more system calls and a
    large allocation per note. Only a note that changed size takes more reads.
    """
    descriptor = os.open(path, os.O_RDONLY)
    try:
        data = os.read(descriptor, min(size, most - 1) + 1)
        if len(data) == size:
            return data  # as scanned: the read stopped at its end
        pieces, length = [data], len(data)
        while length < most and (piece := os.read(descriptor, min(most - length, 1 << 20))):
            pieces.append(piece)
            length += len(piece)
        return b"".join(pieces)
    finally:
        os.close(descriptor)


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
