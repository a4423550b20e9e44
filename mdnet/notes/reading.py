"""Reading a note's text from disk: the only place that reads notes (F002 when it
cannot be read as text)."""

from __future__ import annotations

import os
from pathlib import Path

from mdnet.config import Config
from mdnet.errors import describe
from mdnet.notes.scan import NoteFile


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
