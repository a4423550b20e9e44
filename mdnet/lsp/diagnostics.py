"""Findings as LSP diagnostics: same line, code and message; source ``mdnet``.

A note's diagnostics are written straight as the JSON the protocol carries, and sent as
framed ``textDocument/publishDiagnostics`` messages, many at once: the whole vault's
(some 12,000 notes, 18,000 findings at 30k notes) in one write, without making and
converting a protocol object for each (what pygls' own sending costs: ~1.5 s there).
This module imports neither pygls nor lsprotocol, so that the first answer can be made
while they load.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from operator import attrgetter
from pathlib import Path
from urllib.parse import quote

from mdnet.rules.finding import Finding

SEVERITIES = {"error": 1, "warning": 2, "info": 3}  # DiagnosticSeverity; else Warning
SOURCE = "mdnet"
NONE = b"[]"  # no diagnostics

# A finding names a line (1-based; 0 for the vault's own) and a column; the diagnostic
# covers that line from the column on (to the start of the next line: every client
# shows that as the whole line, without mdnet reading the file to know its length).
_DIAGNOSTIC = (
    '{"range":{"start":{"line":%d,"character":%d},"end":{"line":%d,"character":0}},'
    '"message":%s,"severity":%d,"code":%s,"source":"' + SOURCE + '"}'
)


def rendered(findings: Iterable[Finding]) -> bytes:
    """The JSON array of one note's diagnostics, in the order of its lines."""
    ordered = sorted(findings, key=lambda f: (f.line, f.column, f.code, f.message))
    dumps = json.dumps
    items = [
        _DIAGNOSTIC
        % (
            max(f.line - 1, 0),
            max(f.column - 1, 0),
            max(f.line - 1, 0) + 1,
            dumps(f.message),
            SEVERITIES.get(f.severity, 2),
            dumps(f.code),
        )
        for f in ordered
    ]
    return f"[{','.join(items)}]".encode()


def notification(uri: str, diagnostics: bytes) -> bytes:
    """A framed ``textDocument/publishDiagnostics`` message (``diagnostics``: a JSON array)."""
    body = b'{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":%s,'
    body = body % json.dumps(uri).encode() + b'"diagnostics":' + diagnostics + b"}}"
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


class Published:
    """What was published: a digest of each note's diagnostics by its vault-relative
    path (``""``: the vault's own findings, wherever they went; none for the notes
    without), and the messages that change them, written a megabyte at a time.

    At 100,000 notes the whole vault's diagnostics are 40 MB of JSON: kept as they were
    published, held all at once as messages, then joined into one write, they took
    130 MB over the model (``mdnet lsp`` then peaked at 530 MB)."""

    def __init__(self, write: Callable[[bytes], None]) -> None:
        self.by_path: dict[str, bytes] = {}
        self.write = write
        self.held: list[bytes] = []  # messages not written yet
        self.size = 0  # their bytes

    def change(self, path: str, uri: str, diagnostics: bytes) -> None:
        """Publish ``diagnostics`` for ``path`` at ``uri``, unless they are what was
        published; the message may wait for ``flush``."""
        digest = _digest(diagnostics)
        if self.by_path.get(path, NONE_DIGEST) == digest:
            return
        if digest == NONE_DIGEST:
            self.by_path.pop(path, None)
        else:
            self.by_path[path] = digest
        message = notification(uri, diagnostics)
        self.held.append(message)
        self.size += len(message)
        if self.size >= WRITE_AT:
            self.flush()

    def flush(self) -> None:
        """Write the messages that wait, in one write."""
        if self.held:
            data = b"".join(self.held)
            self.held, self.size = [], 0
            self.write(data)


WRITE_AT = 1 << 20  # bytes of messages held before they are written


def _digest(diagnostics: bytes) -> bytes:
    return hashlib.blake2b(diagnostics, digest_size=16).digest()


NONE_DIGEST = _digest(NONE)


PATH = attrgetter("path")  # what findings in place order are ordered by first


def by_path(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings grouped by note (``""``: the vault's own)."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.path, []).append(finding)
    return grouped


class Uris:
    """The ``file:`` URIs of a vault's notes, as pygls' ``from_fs_path`` makes them on a
    POSIX system (``file://`` and the path percent-encoded, ``/`` kept), one quoting per
    note rather than a URI parsed and made again."""

    def __init__(self, root: Path) -> None:
        folder = str(root)
        # pygls' own way: Windows, a UNC share, or what it takes for a drive (`/c:`)
        self.exotic = os.name != "posix" or folder.startswith("//") or _drive_like(folder)
        self.root, self.base = folder, quote(folder.rstrip("/"))

    def of(self, path: str) -> str:
        """The URI of the vault-relative ``path`` (the vault's folder for ``""``)."""
        if self.exotic or (not self.base and _drive_like(f"/{path}")):
            from pygls.uris import from_fs_path

            return str(from_fs_path(os.path.join(self.root, path) if path else self.root))
        if not path:
            return f"file://{self.base or '/'}"
        return f"file://{self.base}/{quote(path)}"


def _drive_like(path: str) -> bool:
    """Whether pygls reads the start of ``path`` as a Windows drive (``/c:``), which it
    writes in lower case and does not quote (a folder named `A:` on a POSIX system)."""
    return path[2:3] == ":" and path[:1] == "/" and path[1:2].isascii() and path[1:2].isalpha()
