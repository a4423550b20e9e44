"""A real ``mdnet lsp`` subprocess, spoken to over the protocol by pytest-lsp's client."""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
import time
import weakref
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient, make_test_lsp_client

TIMEOUT = 20.0  # seconds to wait for what is expected: generous, spent only on failure
COMMAND = [sys.executable, "-m", "mdnet", "lsp", "--today", "2026-11-26"]

T = TypeVar("T")
AnyTextEdit = types.TextEdit | types.AnnotatedTextEdit | types.SnippetTextEdit


def uri(root: Path, path: str) -> str:
    """The URI the server uses for the note at ``path`` of the vault at ``root``."""
    found: str | None = from_fs_path(str(root.resolve() / path))  # pygls: unannotated
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


_registrations: weakref.WeakKeyDictionary[LanguageClient, list[types.Registration]] = (
    weakref.WeakKeyDictionary()
)


def registrations(client: LanguageClient) -> list[types.Registration]:
    """What the server registered with ``client`` (``client/registerCapability``), in order:
    ``serving``'s client keeps it."""
    return _registrations.setdefault(client, [])


# the log's line once the vault is read (``lsp.session.loaded``), in English or French
LOADED_RE = re.compile(r"mdnet\s?: \d+ (findings?|problèmes?) (in|dans) \d+ notes? ")


def started(client: LanguageClient) -> bool:
    return any(LOADED_RE.match(message.message) for message in client.log_messages)


@contextlib.asynccontextmanager
async def serving(
    root: Path,
    watch_files: bool = True,
    ready: Callable[[LanguageClient], bool] = started,
    options: tuple[str, ...] = (),
    command: Sequence[str] = COMMAND,
    folder: str | None = None,
) -> AsyncIterator[LanguageClient]:
    """A server on the vault at ``root``, once ``ready`` (it published the whole vault);
    ``options`` go to ``mdnet lsp`` (run as ``command``), but "refuse": the client
    refuses to watch files; ``folder``, the URI of the folder the editor opens, if not
    ``root``'s."""
    client = make_test_lsp_client()
    registered = registrations(client)

    # pygls leaves the client's ``feature`` decorator without a return type
    @client.feature(types.CLIENT_REGISTER_CAPABILITY)  # type: ignore[untyped-decorator]
    def register(params: types.RegistrationParams) -> None:
        if "refuse" in options:
            raise ValueError("this client watches no files after all")
        registered.extend(params.registrations)

    await client.start_io(*command, *(o for o in options if o != "refuse"))
    folder = folder or uri(root, "").rstrip("/")
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
        await client.stop()  # type: ignore[no-untyped-call]  # pygls leaves it unannotated


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


def only(kind: type[T], items: Iterable[object]) -> list[T]:
    """``items`` as a list, each asserted to be a ``kind`` (what the test relies on)."""
    found = []
    for item in items:
        assert isinstance(item, kind), item
        found.append(item)
    return found


def new_text(edit: AnyTextEdit) -> str:
    """The text ``edit`` puts in: a plain text edit's, the only kind the server makes."""
    assert not isinstance(edit, types.SnippetTextEdit), edit
    return edit.new_text


def applied(text: str, edits: Sequence[AnyTextEdit]) -> str:
    """``text`` with ``edits`` applied as an LSP client applies them (what VS Code's
    ``vscode-languageserver-textdocument`` does): lines end only at ``\\r\\n``, ``\\n`` or
    ``\\r``; a character counts UTF-16 code units, and one past its line's end means
    that end, before the line break; a line past the last means the end of the text."""
    pieces = LINE_BREAK_RE.split(text)
    lines, breaks = pieces[0::2], [*pieces[1::2], ""]
    starts = [0]
    for line, end in zip(lines, breaks, strict=True):
        starts.append(starts[-1] + len(line) + len(end))

    def offset(position: types.Position) -> int:
        if position.line >= len(lines):
            return len(text)
        line, units, at = lines[position.line], 0, 0
        while at < len(line) and units < position.character:
            units += 2 if ord(line[at]) > 0xFFFF else 1
            at += 1
        return starts[position.line] + at

    ordered = sorted(edits, key=lambda e: (offset(e.range.start), offset(e.range.end)))
    for edit in reversed(ordered):
        text = text[: offset(edit.range.start)] + new_text(edit) + text[offset(edit.range.end) :]
    return text


LINE_BREAK_RE = re.compile(r"(\r\n|\n|\r)")  # the only line breaks of LSP


async def actions_for(client: LanguageClient, address: str) -> dict[str, types.CodeAction]:
    """The code actions offered on the diagnostics of ``address``, by title."""
    diagnostics = client.diagnostics[address]
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(address),
            range=diagnostics[0].range,
            context=types.CodeActionContext(diagnostics=diagnostics),
        )
    )
    return {action.title: action for action in only(types.CodeAction, found or [])}
