"""The server's first answer: the last ``mdnet check``'s findings as diagnostics, made
while pygls and lsprotocol load (about half a second of imports).

``mdnet lsp`` reads the editor's ``initialize`` request as soon as it comes (it names the
folder the editor opened), then, where the system can fork, a child process lists the
vault, reads the last check's answer (``cache.results``: given again only when no note,
nor the config, the day, the rules or mdnet changed since) and writes every note's
diagnostics as the protocol's JSON, on the other core, while this process imports the
server. The request read is handed to pygls as if it had not been read. Without fork,
the same work is done when the server asks for it. Nothing here imports pygls.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import pickle
import select
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast
from urllib.parse import unquote, urlparse

from mdnet import language
from mdnet.cache import results
from mdnet.cache.kept import PlainUnpickler
from mdnet.config import load_config
from mdnet.lsp.diagnostics import Uris, by_path, rendered
from mdnet.notes.scan import find_vault, list_notes
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection

WAIT = 0.2  # seconds to wait for the editor's first request before starting without it
LARGEST_HEADER = 1 << 12  # bytes


@dataclass(frozen=True)
class Answer:
    """The last check's answer, ready to send: each note's diagnostics (its path, URI
    and diagnostics as JSON), the vault's own findings, how many findings in all."""

    root: str
    diagnostics: list[tuple[str, str, bytes]]
    own: list[Finding]
    count: int


def prepare(folder: Path, config_path: Path | None, today: dt.date) -> Answer | None:
    """The last check's answer for the vault of ``folder``, or None (none kept, a note
    changed since, a config that does not load: the server then reads the vault)."""
    try:
        root = find_vault(folder)
        config = load_config(root, config_path)
        language.use(language.choose_language(config.language, os.environ).code)
        files = list_notes(root, config)
        answer_key = results.key(config, today, Selection.from_config(config))
        kept = results.restore(root, answer_key, files)
    except Exception:  # the server tells what is wrong, as it opens the vault
        return None
    if kept is None:
        return None
    findings = kept[1]
    grouped, uris = by_path(findings), Uris(as_given(folder, root))
    own = grouped.pop("", [])
    diagnostics = [
        (path, uris.of(path), rendered(found)) for path, found in sorted(grouped.items())
    ]
    return Answer(str(root), diagnostics, own, len(findings))


def as_given(folder: Path, root: Path) -> Path:
    """The vault's folder ``root``, found from ``folder`` (and resolved), as the editor
    names it: through the symbolic links of ``folder``, so that diagnostics go to the
    URIs the editor uses (``root`` itself when ``folder`` does not lead to it so)."""
    given = Path(os.path.abspath(folder))
    try:
        if not given.is_dir():
            given = given.parent
        depth = len(given.resolve().relative_to(root).parts)
        named = given.parents[depth - 1] if depth else given
        return named if named.resolve() == root else root
    except (OSError, ValueError, IndexError):  # not under the vault's folder after all
        return root


class Early:
    """The first answer, made from the start of the process on (``begin``)."""

    def __init__(self, today: dt.date, config_path: Path | None, stdin: BinaryIO) -> None:
        self.today, self.config_path, self.stdin = today, config_path, stdin
        self.child = 0
        self.pipe = -1

    def begin(self, vault: Path | None) -> BinaryIO:
        """Start making the answer; the stream to read the editor's messages from."""
        read = b""
        if vault is None:
            read = _first_message(self.stdin)
            vault = _folder_of(read)
        if vault is not None and hasattr(os, "fork"):
            self._fork(vault)
        return cast(BinaryIO, Replayed(read, self.stdin)) if read else self.stdin

    def answer(self, root: Path, folder: Path | None = None) -> Answer | None:
        """The answer for the vault at ``root`` (None when there is none, or when the
        child made another vault's): the child's, else made now, from ``folder`` (the
        vault's folder as the editor names it; ``root`` by default)."""
        if self.child:
            found = self._collect()
        else:
            found = prepare(folder or root, self.config_path, self.today)
        return found if found is not None and found.root == str(root) else None

    def _fork(self, folder: Path) -> None:
        reading, writing = os.pipe()
        child = os.fork()
        if child == 0:  # the child: the answer into the pipe, then gone at once
            status = 1
            try:
                os.close(reading)
                found = prepare(folder, self.config_path, self.today)
                data = memoryview(pickle.dumps(_plain(found), protocol=pickle.HIGHEST_PROTOCOL))
                while data:  # into the pipe (no file is written)
                    data = data[os.write(writing, data) :]
                status = 0
            finally:
                os._exit(status)
        os.close(writing)
        self.child, self.pipe = child, reading

    def _collect(self) -> Answer | None:
        """What the child wrote (None if it failed), the child reaped."""
        try:
            with open(self.pipe, "rb") as source:
                state: Any = PlainUnpickler(io.BytesIO(source.read())).load()
            if state is None:
                return None
            root, diagnostics, own, count = state
            new = tuple.__new__
            return Answer(root, list(diagnostics), [new(Finding, row) for row in own], count)
        except Exception:  # a child killed half-way: the server reads the vault itself
            return None
        finally:
            with contextlib.suppress(OSError):
                os.waitpid(self.child, 0)
            self.child = 0


def _plain(found: Answer | None) -> object:
    """The answer as plain values (strings, bytes, numbers, tuples), for the pipe."""
    if found is None:
        return None
    own = [(*finding[:8], None) for finding in found.own]
    return found.root, found.diagnostics, own, found.count


def _first_message(stdin: BinaryIO) -> bytes:
    """What the editor sent first, up to the end of its first message (the ``initialize``
    request), read straight from the file descriptor; less when it is slow to come."""
    try:
        descriptor = stdin.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        return b""
    data = b""
    deadline = time.monotonic() + WAIT
    while not _complete(data):
        left = deadline - time.monotonic()
        try:
            ready, _, _ = select.select([descriptor], [], [], max(left, 0))
            piece = os.read(descriptor, 1 << 16) if ready else b""
        except (OSError, ValueError):
            break
        if not piece:
            break
        data += piece
    return data


def _complete(data: bytes) -> bool:
    header, found, body = data.partition(b"\r\n\r\n")
    if not found:
        return len(header) > LARGEST_HEADER
    return len(body) >= _length(header)


def _length(header: bytes) -> int:
    for line in header.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            with contextlib.suppress(ValueError):
                return int(value)
    return 0


def _folder_of(data: bytes) -> Path | None:
    """The folder the ``initialize`` request in ``data`` opens (as the server reads it:
    the first workspace folder, else the root), or None."""
    header, _, body = data.partition(b"\r\n\r\n")
    try:
        message = json.loads(body[: _length(header)])
        if message.get("method") != "initialize":
            return None
        params = message["params"]
        folders = [folder["uri"] for folder in params.get("workspaceFolders") or ()]
        uris = [*folders, params.get("rootUri") or ""]
    except Exception:  # not an initialize request, or a malformed one: pygls answers it
        return None
    for uri in uris:
        parts = urlparse(uri) if isinstance(uri, str) else None
        if parts is not None and parts.scheme == "file" and parts.path:
            netloc = f"//{unquote(parts.netloc)}" if parts.netloc else ""
            return Path(netloc + unquote(parts.path))
    root_path = params.get("rootPath")
    return Path(root_path) if isinstance(root_path, str) and root_path else Path.cwd()


class Replayed(io.RawIOBase):
    """The editor's stream, with what was read of it first given again."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self.prefix, self.stream = bytearray(prefix), stream

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> bytes:
        end = self.prefix.find(b"\n")
        if end >= 0:
            line = bytes(self.prefix[: end + 1])
            del self.prefix[: end + 1]
            return line
        line, self.prefix = bytes(self.prefix), bytearray()
        return line + self.stream.readline()

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            data, self.prefix = bytes(self.prefix), bytearray()
            return data + self.stream.read()
        data = bytes(self.prefix[:size])
        del self.prefix[:size]
        return data + (self.stream.read(size - len(data)) if len(data) < size else b"")
