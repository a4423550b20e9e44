"""Writing into the vault safely: atomic writes, never outside it, safe note titles.

Every write mdnet makes (the summary, ``--fix``, ``new``, ``init``, ``import``) goes
through ``write_atomic``: a temporary file in the same folder, flushed to disk, then
renamed over the target, so that a crash leaves the old file or the new one, never
half of either. A new file that must never replace one (``new``, ``init``, ``import``)
goes through ``write_new``: the same temporary file, linked to its name only if that
name is free, in one step that no other program can slip between. A temporary file
that a killed write left behind is removed by the next run (``remove_stale_temporaries``).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

from mdnet.errors import UserError
from mdnet.language import _

TEMPORARY_MARK = "mdnet-"
# `.Jane.md.mdnet-k3j4h5g6.tmp`: mkstemp's eight characters (and before the mark, none)
TEMPORARY_RE = re.compile(r"\.(?P<name>.+)\.(?P<mark>mdnet-)?[a-z0-9_]{8}\.tmp")
STALE_AFTER_S = 60  # older than this, a temporary file is no write under way


class OutsideVault(ValueError, UserError):
    """A path that would leave the vault."""


def inside_vault(vault: Path, relative: str) -> Path:
    """``vault / relative``, refusing anything that resolves outside the vault."""
    target = (vault / relative).resolve()
    if not target.is_relative_to(vault.resolve()):
        raise OutsideVault(
            _("{path}: outside the vault {vault}").format(path=relative, vault=vault)
        )
    return target


Content = str | bytes | Callable[[BinaryIO], object]


def write_atomic(path: Path, content: Content) -> None:
    """Replace ``path`` with ``content`` atomically; create missing folders.

    ``content`` is text (written in UTF-8), bytes, or a function that writes it to the
    file it is given (``mdnet.cache.snapshot``: no copy of it in memory).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
        temporary = _write_temporary(path, content, mode)
    except OSError as error:
        raise _about(path, error) from None
    try:
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _about(path, error) from None
        raise
    _fsync_folder(path.parent)


def _about(path: Path, error: OSError) -> OSError:
    """``error`` about ``path``, not about the temporary file that was written."""
    return OSError(error.errno, error.strerror, str(path)) if error.errno else error


def write_new(path: Path, text: str) -> None:
    """Create ``path`` holding ``text`` (UTF-8); create missing folders.

    Raises FileExistsError, leaving it untouched, when anything is at ``path`` — even
    a file created a moment before by another program: the complete temporary file is
    hard-linked to ``path``, which the system refuses when the name is taken. Where
    hard links are not supported (some network and FAT drives), the file is opened
    with O_CREAT|O_EXCL, which refuses the same way but is written in place.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = _write_temporary(path, text, _default_mode())
    except OSError as error:
        raise _about(path, error) from None
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links here
        _create_exclusive(path, text)
    finally:
        Path(temporary).unlink(missing_ok=True)
    _fsync_folder(path.parent)


def _write_temporary(path: Path, content: Content, mode: int) -> str:
    """A hidden temporary file beside ``path`` holding ``content``, on disk, with ``mode``."""
    import tempfile  # only when a file is written: 2 ms of every run otherwise

    prefix = f".{path.name}.{TEMPORARY_MARK}"  # TEMPORARY_RE: the next run may remove it
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            if callable(content):
                content(out)
            else:
                out.write(content.encode("utf-8") if isinstance(content, str) else content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)  # mkstemp makes it 0600
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def remove_stale_temporaries(folder: str, names: Iterable[str]) -> None:
    """Remove, among the hidden files ``names`` of ``folder``, the temporaries that a
    killed write of mdnet left (``TEMPORARY_RE``) more than ``STALE_AFTER_S`` ago.

    Only mdnet's: marked ``mdnet-``, or named as before the mark (``.<name>.XXXXXXXX.tmp``)
    beside a ``<name>``; only files; a fresh one may be another mdnet's write under way.
    """
    now = time.time()
    for name in names:
        found = TEMPORARY_RE.fullmatch(name)
        if found is None:
            continue
        path = os.path.join(folder, name)
        with contextlib.suppress(OSError):  # gone already, or a read-only folder
            if not found["mark"] and not os.path.lexists(os.path.join(folder, found["name"])):
                continue
            status = os.lstat(path)
            if stat.S_ISREG(status.st_mode) and now - status.st_mtime > STALE_AFTER_S:
                os.unlink(path)


def _create_exclusive(path: Path, text: str) -> None:
    """Create ``path`` only if nothing is there (FileExistsError else), and write it."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _default_mode())
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        path.unlink(missing_ok=True)  # ours: O_EXCL made it
        raise


def _default_mode() -> int:
    """The mode a new file gets from ``open``: 0666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# ... and U+FFFD, the mark of text that could not be decoded: never part of a title
FORBIDDEN_RE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069\ufffd]')
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{device}{n}" for device in ("COM", "LPT") for n in range(1, 10)
}
MAX_TITLE_BYTES = 200  # a file name holds 255 bytes: room for " 2.md" and temporary files


def safe_title(name: str, fallback: str = "Untitled") -> str:
    """A note title from a person's or an event's name that is safe as a file name.

    No path separators, none of the characters Obsidian forbids in titles
    (``* " \\ / < > : | ? # ^ [ ]``), no control or bidirectional-override characters,
    no leading dots, no ``..``, at most 120 characters and 200 bytes in UTF-8; a name
    Windows reserves (``CON``, ``NUL``, ``COM1``...) gets a trailing ``_``.
    """
    title = unicodedata.normalize("NFC", name)
    title = FORBIDDEN_RE.sub(" ", title)
    title = re.sub(r"\s+", " ", title).strip().lstrip(". ")
    title = title[:120]
    while len(title.encode("utf-8")) > MAX_TITLE_BYTES:
        title = title[:-1]
    title = title.rstrip(". ")
    if title.split(".")[0].strip().upper() in WINDOWS_RESERVED:
        title += "_"
    return title or fallback


DEFAULT_FOLDERS = {"contact": "People", "circle": "Circles", "event": "Events"}


def kind_folder(kinds: Mapping[str, tuple[str, ...]], kind: str) -> str:
    """Where new notes of ``kind`` go: the fixed part of its first ``[kinds]`` glob.

    ``People/**`` gives ``People``; with no glob, ``People/``, ``Circles/``, ``Events/``.
    """
    for glob in kinds.get(kind, ()):
        fixed = []
        for part in glob.strip("/").split("/"):
            if any(char in part for char in "*?["):
                break
            fixed.append(part)
        if fixed and not fixed[-1].endswith(".md"):
            return "/".join(fixed)
    return DEFAULT_FOLDERS[kind]
