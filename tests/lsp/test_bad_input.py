"""Bad input never crashes nor hangs the server: malformed and unknown requests get an
error response, a document outside the vault is ignored quietly, a binary or huge note
is an F002, broken YAML an F001 while the rest stays right (SPEC §10)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol.json_rpc import MsgId
from pytest_lsp import LanguageClient

from tests.conftest import WriteVault
from tests.lsp.client import codes, open_note, serving, type_text, uri, wait_until

JANE = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call\n"


def vault(make_vault: WriteVault) -> Path:
    return make_vault({"People/Jane.md": JANE, "Notes/x.md": "See [[Jane]].\n"}).resolve()


async def still_answers(client: LanguageClient, root: Path) -> None:
    """The server is alive and right: a hover on a link to Jane tells her standing."""
    address = open_note(client, root, "Notes/x.md")
    found = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(address), types.Position(0, 6))
    )
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    assert "**Jane**" in found.contents.value


async def send_raw(client: LanguageClient, body: bytes) -> None:
    """Bytes written to the server as one message, past the client's own checks."""
    server = client._server
    assert server is not None and server.stdin is not None
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    await server.stdin.drain()


async def test_malformed_and_unknown_requests_get_error_responses(
    make_vault: WriteVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = vault(make_vault)
    async with serving(root) as client:
        errors: dict[MsgId, types.ResponseError | None] = {}
        answer = client.protocol._handle_response

        def record(
            msg_id: MsgId, result: Any | None = None, error: types.ResponseError | None = None
        ) -> None:
            errors[msg_id] = error
            answer(msg_id, result, error)

        monkeypatch.setattr(client.protocol, "_handle_response", record)
        with pytest.raises(JsonRpcException):
            # pytest-lsp leaves its send_request_async unannotated
            await client.protocol.send_request_async("mdnet/nonsense", {"a": 1})  # type: ignore[no-untyped-call]
        with pytest.raises(JsonRpcException):
            await client.workspace_execute_command_async(
                types.ExecuteCommandParams(command="mdnet.nonsense")
            )
        await send_raw(
            client,
            b'{"jsonrpc": "2.0", "id": 9001, "method": "textDocument/hover", "params": {"textDocument": 3}}',
        )
        await send_raw(
            client, b'{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"x": []}}'
        )
        await send_raw(client, b"{oops: 1")  # not JSON at all
        await send_raw(client, b'{"jsonrpc": "2.0", "method": "mdnet/unknownNotification"}')
        await wait_until(lambda: 9001 in errors)
        error = errors[9001]
        assert error is not None and error.code == -32602  # invalid params
        await still_answers(client, root)


async def test_a_document_outside_the_vault_is_ignored_quietly(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    root = vault(make_vault)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    async with serving(root) as client:
        outside = open_note(client, elsewhere, "x.md", "- 2026-11-40 call [[Nobody]]\n")
        also = open_note(client, root, ".obsidian/y.md", "- 2026-11-40 call\n")
        position = types.TextDocumentIdentifier(outside), types.Position(0, 20)
        assert await client.text_document_hover_async(types.HoverParams(*position)) is None
        assert not await client.text_document_definition_async(types.DefinitionParams(*position))
        assert (
            await client.text_document_completion_async(types.CompletionParams(*position)) is None
        )
        await still_answers(client, root)
        assert outside not in client.diagnostics and also not in client.diagnostics


async def test_a_binary_or_huge_note_is_an_f002_and_broken_yaml_an_f001(
    make_vault: WriteVault,
) -> None:
    root = vault(make_vault)
    jane = uri(root, "People/Jane.md")
    async with serving(root) as client:
        open_note(client, root, "People/Jane.md")
        type_text(client, jane, "---\ntype: contact\n---\n\0\0\x01binary")
        await wait_until(lambda: [c for c, _ in codes(client, jane)] == ["F002"])
        type_text(client, jane, JANE + "x" * 6_000_000, version=3)
        await wait_until(
            lambda: any("max_file_kb" in d.message for d in client.diagnostics.get(jane, []))
        )
        type_text(
            client,
            jane,
            "---\ntype: contact\ntier: close\nmet: [oops\n---\n- 2026-05-02 call\n",
            version=4,
        )
        await wait_until(lambda: [c for c, _ in codes(client, jane)] == ["F001"])
        type_text(client, jane, JANE, version=5)
        await wait_until(lambda: codes(client, jane) == [("R001", 5)])
        await still_answers(client, root)


async def test_a_workspace_folder_that_does_not_exist_is_told_not_fatal(tmp_path: Path) -> None:
    def told(client: LanguageClient) -> bool:
        return any("no vault to check" in m.message for m in client.log_messages)

    async with serving(tmp_path / "gone", ready=told) as client:
        address = open_note(client, tmp_path, "gone/x.md", "- 2026-11-40 [[Nobody]]\n")
        found = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(address), types.Position(0, 15))
        )
        assert found is None and not client.diagnostics


@pytest.mark.parametrize(("shutdown", "code"), [(True, 0), (False, 1)])
def test_exit_ends_the_server_with_1_unless_shut_down_first(
    make_vault: WriteVault, shutdown: bool, code: int
) -> None:
    root = vault(make_vault)
    command = [sys.executable, "-m", "mdnet", "lsp", "--today", "2026-11-26"]
    server = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert server.stdin is not None and server.stdout is not None
    try:
        params: dict[str, object] = {
            "processId": None,
            "capabilities": {},
            "rootUri": root.as_uri(),
        }
        write(server.stdin, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params})
        assert read(server.stdout)["id"] == 1
        write(server.stdin, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
        if shutdown:
            write(server.stdin, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
            while read(server.stdout).get("id") != 2:  # its log lines, its diagnostics
                pass
        write(server.stdin, {"jsonrpc": "2.0", "method": "exit"})
        assert server.wait(timeout=20) == code
    finally:
        server.kill()
        server.wait()


def write(stream: IO[bytes], message: dict[str, object]) -> None:
    body = json.dumps(message).encode()
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def read(stream: IO[bytes]) -> dict[str, Any]:
    """The next message from the server."""
    length = 0
    while (line := stream.readline()) != b"\r\n":
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    message: dict[str, Any] = json.loads(stream.read(length))
    return message
