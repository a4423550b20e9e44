"""Reading a note's text from disk: the only place that reads notes (F002 when it
cannot be read as text)."""

from __future__ import annotations

import os
from pathlib import Path

from mdnet.config import Config
from mdnet.errors import describe
from mdnet.language import N_, _
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
        raise Unreadable(
            _("cannot read the note: {reason}").format(reason=describe(error))
        ) from None
    if len(data) > limit:
        raise Unreadable(
            _("the note grew larger than vault.max_file_kb = {limit}").format(
                limit=config.max_file_kb
            )
        )
    return _text_of(data)


def _note_text(data: bytes, config: Config) -> str:
    """The text of a note's bytes given by the caller (``check --stdin-filename``), or
    Unreadable as ``read_note`` would say for a file of those bytes."""
    if len(data) > config.max_file_kb * 1024:
        raise Unreadable(too_large(len(data), config))
    return _text_of(data)


def _text_of(data: bytes) -> str:
    """``data`` as UTF-8 text, or Unreadable: binary or not UTF-8."""
    if b"\0" in data:
        raise Unreadable(_(BINARY))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise Unreadable(
            _("the note is not UTF-8 (byte {byte} on line {line}); save it as UTF-8").format(
                byte=f"0x{data[error.start]:02x}", line=line
            )
        ) from None


BINARY = N_("the note is binary (it holds NUL bytes), not Markdown text")


def too_large(size: int, config: Config) -> str:
    """Why a note of ``size`` bytes is not read (F002)."""
    return _(
        "the note is {size} KB, larger than vault.max_file_kb = {limit}; split it or "
        "raise the limit"
    ).format(size=size // 1024, limit=config.max_file_kb)


def check_text(text: str, config: Config) -> str:
    """``text`` (an editor's unsaved note, a note on stdin), or Unreadable as
    ``read_note`` would say for a file of its bytes.

    Bytes that are not UTF-8 come as the surrogates that ``surrogateescape`` decodes them
    to (``check --stdin-filename``): they are the bytes again, and F002 names the first.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # surrogates: bytes that were not UTF-8, or lone ones
        return _note_text(_bytes_of(text), config)
    size = len(data)
    if size > config.max_file_kb * 1024:
        raise Unreadable(too_large(size, config))
    if "\0" in text:
        raise Unreadable(_(BINARY))
    return text


def _bytes_of(text: str) -> bytes:
    """The bytes ``text`` was decoded from with ``surrogateescape``; a surrogate that
    stands for no byte (an editor's lone one) as the 3 bytes that are not UTF-8."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


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
