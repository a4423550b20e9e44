"""A real ``mdnet lsp`` subprocess, spoken to over the protocol by pytest-lsp's client."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient, make_test_lsp_client

TIMEOUT = 20.0  # seconds to wait for what is expected: generous, spent only on failure
COMMAND = [sys.executable, "-m", "mdnet", "lsp", "--today", "2026-11-26"]


def uri(root: Path, path: str) -> str:
    """The URI the server uses for the note at ``path`` of the vault at ``root``."""
    found = from_fs_path(str(root.resolve() / path))
    assert found is not None
    return found


def capabilities(watch_files: bool = True) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=watch_files
            ),
            workspace_edit=types.WorkspaceEditClientCapabilities(
                document_changes=True,
                resource_operations=[
                    types.ResourceOperationKind.Create,
                    types.ResourceOperationKind.Rename,
                ],
            ),
        ),
    )


async def wait_until(condition: Callable[[], object], timeout: float = TIMEOUT) -> None:
    """Wait until ``condition()`` is true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout} s: {condition}")
        await asyncio.sleep(0.02)


def started(client: LanguageClient) -> bool:
    return any("findings in" in message.message for message in client.log_messages)


@contextlib.asynccontextmanager
async def serving(
    root: Path,
    watch_files: bool = True,
    ready: Callable[[LanguageClient], bool] = started,
    options: tuple[str, ...] = (),
) -> AsyncIterator[LanguageClient]:
    """A server on the vault at ``root``, once ``ready`` (it published the whole vault);
    ``options`` go to ``mdnet lsp``, but "refuse": the client refuses to watch files."""
    client = make_test_lsp_client()
    client.registrations = []  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        if "refuse" in options:
            raise ValueError("this client watches no files after all")
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    await client.start_io(*COMMAND, *(o for o in options if o != "refuse"))
    folder = uri(root, "").rstrip("/")
    await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(watch_files),
            root_uri=folder,
            workspace_folders=[types.WorkspaceFolder(uri=folder, name="vault")],
        )
    )
    try:
        await wait_until(lambda: ready(client))
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()


def open_note(client: LanguageClient, root: Path, path: str, text: str | None = None) -> str:
    """Open the note at ``path`` (its text on disk unless ``text``); its URI."""
    if text is None:
        text = (root / path).read_text(encoding="utf-8")
    address = uri(root, path)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=address, language_id="markdown", version=1, text=text)
        )
    )
    return address


def type_text(client: LanguageClient, address: str, text: str, version: int = 2) -> None:
    """Replace the whole text of an open document, unsaved."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=address, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def codes(client: LanguageClient, address: str) -> list[tuple[str, int]]:
    """The (code, 1-based line) of the diagnostics last published for ``address``."""
    return [(str(d.code), d.range.start.line + 1) for d in client.diagnostics.get(address, [])]


def applied(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with ``edits`` applied (ranges in characters: the tests' text is ASCII)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        return starts[position.line] + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text
