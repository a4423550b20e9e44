"""What changed on disk at the paths a live vault is told of: the notes there now, and
those gone (a folder is listed alone)."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from pathlib import Path
from stat import S_ISDIR, S_ISLNK, S_ISREG

from mdnet.config import Config
from mdnet.notes.scan import NoteFile, excluded, list_notes


def on_disk(
    root: Path,
    config: Config,
    changed: set[str],
    known: Collection[str],
    is_note: Callable[[str], bool],
) -> tuple[list[NoteFile], list[str]] | None:
    """The notes at the ``changed`` paths as they are on disk now, and those of the notes
    ``known`` (the model's) gone; a folder is listed alone. None when the whole vault
    must be listed again."""
    files: dict[str, NoteFile] = {}
    gone: set[str] = set()
    for path in sorted(changed):
        try:
            stat = os.lstat(root / path)
        except FileNotFoundError:  # a note, or a folder of them, deleted or moved out
            gone.update([path] if path in known else _under(path, known))
            continue
        except OSError:
            return None
        if S_ISLNK(stat.st_mode):
            return None  # where a link leads, and whether it is followed: the scanner's
        if S_ISDIR(stat.st_mode):
            listed = list_notes(root, config, under=path)
            files.update((file.path, file) for file in listed)
            gone.update(_under(path, known) - {file.path for file in listed})
        elif S_ISREG(stat.st_mode) and is_note(path):
            files[path] = NoteFile(path, stat.st_size, stat.st_mtime_ns)
        elif path in known:
            gone.add(path)  # no longer a note: a file of another kind, or excluded
    gone -= files.keys()
    return [files[path] for path in sorted(files)], sorted(gone)


def _under(folder: str, known: Collection[str]) -> set[str]:
    """The notes ``known`` in ``folder`` (vault-relative)."""
    prefix = folder.rstrip("/") + "/"
    return {path for path in known if path.startswith(prefix)}


def unchanged(path: Path, file: NoteFile) -> bool:
    """Whether the file at ``path`` has the size and time it had when ``file`` was read."""
    try:
        found = path.stat()
    except OSError:
        return False
    return (found.st_size, found.st_mtime_ns) == (file.size, file.mtime_ns)


def holds_as_read(root: Path, path: str, text: str, known: tuple[int, int, object] | None) -> bool:
    """Whether ``text`` is the note at ``path`` as it was read from disk (``known``: its
    size, time and note then; the file ``unchanged`` since, and holding this very text)."""
    if known is None or not unchanged(root / path, NoteFile(path, known[0], known[1])):
        return False
    try:
        return (root / path).read_bytes() == text.encode("utf-8")
    except (OSError, UnicodeEncodeError):
        return False


def is_note(path: str, config: Config, templates: tuple[str, ...]) -> bool:
    """Whether a file at vault-relative ``path`` is a note of the vault (SPEC §1), given
    its templates folders."""
    parts = path.split("/")
    return (
        path.endswith(".md")
        and path != config.summary_path
        and not any(part.startswith(".") or part in ("", "..") for part in parts)
        and not excluded(path, config, templates)
    )
