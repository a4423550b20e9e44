"""Documents and paths: an editor's URIs as the vault's relative paths, and back; the
text of a note as the editor holds it (open) or as it is on disk."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types
from pygls.uris import to_fs_path
from pygls.workspace import PositionCodec, TextDocument, Workspace

from mdnet.lsp.diagnostics import Uris


class Documents:
    """The vault's notes as the editor names them (URIs) and sees them (open text).

    ``root`` is the vault's folder, ``folder`` that folder as the editor names it
    (through a symbolic link, say): notes are named under ``folder``, or as the
    editor opened them; a URI under either folder names a note."""

    def __init__(self, root: Path, workspace: Workspace, folder: Path | None = None) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self.folder = folder or root
        self.workspace = workspace
        self.uris = Uris(self.folder)
        self.opened_as: dict[str, str] = {}  # path → the URI an open note has, not the usual

    @property
    def codec(self) -> PositionCodec:
        return self.workspace.position_codec

    def path_of(self, uri: str) -> str | None:
        """The vault-relative path of ``uri``, or None when it is outside the vault."""
        try:
            fs_path = to_fs_path(uri)
        except Exception:  # a malformed URI names no file of the vault
            return None
        if not fs_path:
            return None
        for root in (str(self.folder), str(self.root), self.real_root):
            if fs_path.startswith(root + os.sep):
                relative = os.path.relpath(fs_path, root).replace(os.sep, "/")
                if not relative.startswith("../"):
                    return relative
        real = os.path.realpath(fs_path)
        if real.startswith(self.real_root + os.sep):
            return os.path.relpath(real, self.real_root).replace(os.sep, "/")
        return None

    def uri_of(self, path: str) -> str:
        """The URI of the vault-relative ``path`` (the vault's folder for ``""``), as
        the editor names it: the URI it opened it with, else under ``folder``."""
        return self.opened_as.get(path) or self.uris.of(path)

    def opened(self, path: str, uri: str) -> bool:
        """The editor opened the note at ``path`` as ``uri``; whether that is another
        URI than the note had (its diagnostics must go there)."""
        if unquote(uri) == unquote(self.uri_of(path)):
            return False
        if unquote(uri) == unquote(self.uris.of(path)):
            self.opened_as.pop(path, None)
        else:
            self.opened_as[path] = uri
        return True

    def closed(self, path: str) -> bool:
        """The editor closed the note at ``path``; whether it had another URI than usual."""
        return self.opened_as.pop(path, None) is not None

    def open_document(self, path: str) -> TextDocument | None:
        """The editor's document for the note at ``path``, when it is open."""
        # pygls keeps documents by their URI unquoted
        document: TextDocument | None = self.workspace.text_documents.get(
            unquote(self.uri_of(path))
        )
        return document

    def version(self, path: str) -> int | None:
        document = self.open_document(path)
        return None if document is None else document.version

    def text(self, path: str) -> str | None:
        """The note's text as the editor shows it: the editor's when it is open, else the
        file's, its line breaks as they are and without its byte order mark, which editors
        hide (as the parser does) and do not count in positions (None when it cannot be
        read as UTF-8)."""
        document = self.open_document(path)
        if document is not None:
            return str(document.source)
        try:
            return (self.root / path).read_bytes().decode("utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError, ValueError):
            return None

    def position(self, lines: list[str], line: int, column: int) -> types.Position:
        """The client's position of ``column`` (in characters) on ``line`` (0-based)."""
        return self.codec.position_to_client_units(lines, types.Position(line, column))

    def span(self, lines: list[str], line: int, start: int, end: int) -> types.Range:
        """The client's range of characters ``start:end`` of ``line`` (0-based)."""
        return types.Range(self.position(lines, line, start), self.position(lines, line, end))

    def end(self, lines: list[str]) -> types.Position:
        """Where a text of ``lines`` ends: after its last line break (at the start of the
        empty line LSP counts there), else at the end of its last line."""
        last = len(lines) - 1
        if LINE_BREAK_RE.search(lines[last]):
            return types.Position(last + 1, 0)
        return self.position(lines, last, len(lines[last]))

    def cursor(self, lines: list[str], position: types.Position) -> tuple[int, int]:
        """The (line, character) the client's ``position`` points at, in characters."""
        if position.line >= len(lines):
            return position.line, 0
        server = self.codec.position_from_client_units(lines, position)
        return server.line, server.character


class LspTextDocument(TextDocument):
    """pygls' document, its lines counted as LSP counts them: pygls ends one at a form
    feed, U+2028 and the like too, and an editor's change after one would land on the
    wrong line."""

    @property
    def lines(self) -> Sequence[str]:
        return tuple(split_lines(self.source)) if self.source else ()


class LspWorkspace(Workspace):
    """pygls' workspace, keeping the documents the editor opens as ``LspTextDocument``."""

    def _create_text_document(
        self,
        doc_uri: str,
        source: str | None = None,
        version: int | None = None,
        language_id: str | None = None,
    ) -> TextDocument:
        return LspTextDocument(
            doc_uri,
            source=source,
            version=version,
            language_id=language_id,
            sync_kind=self._sync_kind,
            position_codec=self.position_codec,
        )


def count_lines_as_lsp(workspace: Workspace) -> None:
    """Make the ``workspace`` pygls made (when the editor initializes) keep documents
    whose lines are counted as LSP counts them (pygls offers no way to choose it)."""
    workspace.__class__ = LspWorkspace


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` with their line breaks, as LSP and mdnet's parser count them:
    a line ends only at ``\\r\\n``, ``\\n`` or ``\\r`` (``str.splitlines`` also ends one
    at a form feed, U+2028 and the like, which are text to an editor)."""
    if "\r" not in text:  # most notes: str's own splitting, 6 times quicker, when it agrees
        lines = text.splitlines(keepends=True)
        if len(lines) == text.count("\n") + (not text.endswith("\n")):  # no other line end
            return lines
    pieces = LINE_BREAK_RE.split(text)
    lines = [line + end for line, end in zip(pieces[0::2], pieces[1::2], strict=False)]
    if pieces[-1] or not lines:
        lines.append(pieces[-1])
    return lines


def line_break(text: str) -> str:
    """The line break that ``text`` uses (its first one), ``\\n`` when it has none."""
    found = LINE_BREAK_RE.search(text)
    return found.group() if found is not None else "\n"


LINE_BREAK_RE = re.compile(r"(\r\n|\n|\r)")  # the only line breaks of LSP and of mdnet
