"""The server: LSP messages wired to the session and to the modules that answer them.

Each handler only translates; an exception in one is caught, logged to the editor
(``window/logMessage``) and answered as an error when it was a request — never fatal.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from pathlib import Path
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from mdnet import __version__
from mdnet.live.kept import keep_snapshot
from mdnet.live.server import CheckServer
from mdnet.lsp import actions, checks, completion, disk, hover, navigation, summary
from mdnet.lsp.documents import count_lines_as_lsp
from mdnet.lsp.first import Early
from mdnet.lsp.session import Session


class MdnetProtocol(LanguageServerProtocol):
    """pygls' protocol, answering a request whose parameters do not fit its method with
    an error response (pygls only logs it, and the client would wait for ever)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if isinstance(data, dict) and "id" in data and "method" in data:
                message = f"{error.message or 'Invalid params'}: {data['method']!r}"
                self._send_response(data["id"], error=types.ResponseError(error.code, message))
            raise


class MdnetServer(LanguageServer):
    """pygls' language server with mdnet's session; errors go to the editor's log."""

    session: Session
    checks: CheckServer | None = None  # answering ``mdnet check`` (``lsp.checks``)
    shut_down = False  # asked to (``shutdown``)
    exit_code = 0  # once asked to exit: 1 when not shut down first (LSP)

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        """Serve until the editor goes; the process's exit code is then ``exit_code``
        (pygls ends with 0 whatever it set)."""
        super().start_io(stdin, stdout)
        if self.exit_code:
            sys.exit(self.exit_code)

    def shutdown(self) -> None:
        checks.stop(self.checks)
        self.checks = None
        super().shutdown()  # type: ignore[no-untyped-call]

    def report_server_error(self, error: Exception, source: Any) -> None:
        cause = error.__cause__ or error
        self.session.log(f"mdnet: {type(cause).__name__}: {cause}", types.MessageType.Warning)


def make_server(
    today: dt.date | None,
    config_path: Path | None = None,
    vault: Path | None = None,
    early: Early | None = None,
) -> MdnetServer:
    """The ``mdnet lsp`` server, its features registered; ``vault`` (a folder in it)
    rather than the folder the editor opens; ``early``, its first answer under way."""
    server = MdnetServer("mdnet", __version__, protocol_cls=MdnetProtocol)
    server.session = session = Session(server, today, config_path, early)

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        count_lines_as_lsp(server.workspace)  # before any document is opened
        session.open(vault or _workspace_folder(params))

    @server.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        await session.start(follow=lambda: disk.follow(server, session))
        server.checks = checks.serve(session)

    @server.feature(types.EXIT)
    def on_exit(params: None) -> None:
        server.exit_code = 0 if server.shut_down else 1

    @server.feature(types.SHUTDOWN)
    def shutdown(params: None) -> None:
        server.shut_down = True
        checks.stop(server.checks)
        server.checks = None
        if session.live is not None:  # for the next start, if the model drifted
            keep_snapshot(session.live)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = _in_vault(session, uri)
        if path is not None:
            _named(session, path, uri)
        _edited(session, uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        _edited(session, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        path = _in_vault(session, params.text_document.uri)
        if path is not None:
            _named(session, path, None)
            session.changed(path, None)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        if _note(session, params.text_document.uri) is not None:
            session.then(lambda: summary.on_save(session))

    @server.command(summary.COMMAND)
    async def write_summary() -> dict[str, object]:
        return await asyncio.to_thread(summary.write, session)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        session.changed_on_disk(disk.paths_of(session, [change.uri for change in params.changes]))

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=completion.TRIGGERS),
    )
    def complete(params: types.CompletionParams) -> types.CompletionList | None:
        return completion.complete(session, params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(params: types.HoverParams) -> types.Hover | None:
        return hover.hover(session, params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(params: types.DefinitionParams) -> list[types.Location]:
        return navigation.definition(session, params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(params: types.ReferenceParams) -> list[types.Location]:
        declaration = params.context.include_declaration
        return navigation.references(
            session, params.text_document.uri, params.position, declaration
        )

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(params: types.PrepareRenameParams) -> types.PrepareRenameResult | None:
        return navigation.prepare_rename(session, params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    def on_rename(params: types.RenameParams) -> types.WorkspaceEdit | None:
        uri, position = params.text_document.uri, params.position
        return navigation.rename_note(session, uri, position, params.new_name)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri, diagnostics = params.text_document.uri, params.context.diagnostics
        return actions.code_actions(session, uri, list(diagnostics))

    return server


def _workspace_folder(params: types.InitializeParams) -> Path:
    """The folder the editor opened: the first workspace folder, else the root."""
    uris = [folder.uri for folder in params.workspace_folders or ()]
    uris.append(params.root_uri or "")
    for uri in uris:
        path = to_fs_path(uri) if uri else None
        if path:
            return Path(path)
    if params.root_path:
        return Path(params.root_path)
    return Path.cwd()


def _note(session: Session, uri: str) -> str | None:
    """The vault-relative path of a note of the vault at ``uri``; None for anything else
    (a document outside the vault, not a note): ignored quietly."""
    path = _in_vault(session, uri)
    live = session.live
    return path if path is not None and live is not None and live.is_note(path) else None


def _in_vault(session: Session, uri: str) -> str | None:
    """The vault-relative path of the document at ``uri``, None outside the vault: what
    an editor does with it goes to the live vault, which knows whether it is a note (it
    may become one, or stop being one, as the config changes)."""
    if session.documents is None or session.live is None:
        return None
    return session.documents.path_of(uri)


def _named(session: Session, path: str, uri: str | None) -> None:
    """The editor opened the note at ``path`` as ``uri`` (None: closed it): its
    diagnostics go to the URI it now has, if another (a vault reached through a
    symbolic link, a note opened through another)."""
    documents, publisher = session.documents, session.publisher
    assert documents is not None and publisher is not None
    old = documents.uri_of(path)
    renamed = documents.closed(path) if uri is None else documents.opened(path, uri)
    if renamed:
        publisher.moved(path, old)


def _edited(session: Session, uri: str) -> None:
    path = _in_vault(session, uri)
    if path is not None:
        document = session.server.workspace.get_text_document(uri)
        session.changed(path, document.source)
