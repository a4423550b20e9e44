"""The server's first answer (``mdnet.lsp.first``) and the diagnostics it writes itself
(``mdnet.lsp.diagnostics``): what pygls would send, made without it, while it loads."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lsprotocol import types
from pygls.protocol import default_converter
from pygls.uris import from_fs_path

from mdnet.lsp.diagnostics import Uris, notification, rendered
from mdnet.lsp.first import Replayed, _first_message, _folder_of, as_given, prepare
from mdnet.rules.finding import Finding
from tests.conftest import TODAY, WriteVault
from tests.lsp.client import codes, serving, uri

CONVERTER = default_converter()  # type: ignore[no-untyped-call]  # pygls leaves it unannotated
DAILY = "Met.\n- 2026-11-20 coffee [[Nobody]]\n"
NAMES = st.text(
    st.characters(blacklist_characters="/\0", blacklist_categories=["Cs"]), min_size=1
).filter(lambda name: name not in (".", ".."))  # a note's path has no such part


@given(st.lists(NAMES, min_size=1, max_size=3), st.lists(NAMES, min_size=1, max_size=3))
@example(["A:"], ["0"])  # what pygls takes for a Windows drive: `file:///a:/0`
@example(["x"], ["A:", "0"])
def test_a_notes_uri_is_the_one_pygls_makes(folder: list[str], note: list[str]) -> None:
    root = Path("/", *folder)
    path = "/".join(note)
    assert Uris(root).of(path) == from_fs_path(str(root / path))
    assert Uris(root).of("") == from_fs_path(str(root))
    assert Uris(Path("/")).of(path) == from_fs_path(f"/{path}")


def finding(line: int, column: int, severity: str, message: str, code: str = "R001") -> Finding:
    return Finding(code, "stale-contact", severity, "People/Jane.md", line, column, message, "Jane")


def test_the_diagnostics_written_are_the_protocols() -> None:
    """What the client reads back is what lsprotocol's objects say: a line's range from
    the column on, the severity mapped, code, message (any text) and source."""
    findings = [
        finding(6, 3, "warning", 'Last "call" \\ 208 days ago: é ✓ \n tab\t'),
        finding(2, 1, "error", "bad date", "F003"),
        finding(0, 0, "info", "the vault's own", "R002"),
        finding(4, 1, "odd", "unknown severity"),
    ]
    message = notification("file:///v/People/Jane%20D.md", rendered(findings))
    header, body = message.split(b"\r\n\r\n", 1)
    assert header == b"Content-Length: %d" % len(body)
    document = json.loads(body)
    assert document["method"] == "textDocument/publishDiagnostics"
    params = CONVERTER.structure(document["params"], types.PublishDiagnosticsParams)
    assert params.uri == "file:///v/People/Jane%20D.md"
    position = types.Position
    assert list(params.diagnostics) == [
        types.Diagnostic(
            types.Range(position(0, 0), position(1, 0)), "the vault's own",
            types.DiagnosticSeverity.Information, "R002", source="mdnet",
        ),
        types.Diagnostic(
            types.Range(position(1, 0), position(2, 0)), "bad date",
            types.DiagnosticSeverity.Error, "F003", source="mdnet",
        ),
        types.Diagnostic(
            types.Range(position(3, 0), position(4, 0)), "unknown severity",
            types.DiagnosticSeverity.Warning, "R001", source="mdnet",
        ),
        types.Diagnostic(
            types.Range(position(5, 2), position(6, 0)), findings[0].message,
            types.DiagnosticSeverity.Warning, "R001", source="mdnet",
        ),
    ]  # fmt: skip
    assert rendered([]) == b"[]"


def message(document: object) -> bytes:
    body = json.dumps(document).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def initialize(**params: object) -> bytes:
    return message({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params})


def test_the_folder_is_read_from_the_initialize_request_as_the_server_reads_it() -> None:
    folders = [{"uri": "file:///home/a%20b/Notes", "name": "n"}]
    assert _folder_of(initialize(workspaceFolders=folders, rootUri="file:///x")) == Path(
        "/home/a b/Notes"
    )
    assert _folder_of(initialize(rootUri="file:///x/y")) == Path("/x/y")
    assert _folder_of(initialize(rootPath="/r")) == Path("/r")
    assert _folder_of(initialize(rootUri=None)) == Path.cwd()
    assert _folder_of(message({"jsonrpc": "2.0", "method": "initialized"})) is None
    assert _folder_of(b"Content-Length: 5\r\n\r\n{oops") is None
    assert _folder_of(b"") is None


def test_what_was_read_first_is_read_again_then_the_rest() -> None:
    first, rest = initialize(rootUri="file:///x"), message({"method": "initialized"})
    readable, writable = os.pipe()
    os.write(writable, first + rest[:10])
    with open(readable, "rb", buffering=0) as raw, io.BufferedReader(raw) as stream:
        read = _first_message(stream)
        assert read.startswith(first)
        os.write(writable, rest[10:])
        os.close(writable)
        again = Replayed(read, stream)
        header = again.readline()
        assert header.startswith(b"Content-Length: ")
        assert again.readline() == b"\r\n"
        assert again.read(int(header.split(b":")[1])) == first.split(b"\r\n\r\n")[1]
        assert again.readline().startswith(b"Content-Length")
        assert again.readline() == b"\r\n"
        assert again.read(1000) == rest.split(b"\r\n\r\n")[1]


def test_no_first_message_in_time_is_no_wait() -> None:
    readable, writable = os.pipe()
    with open(readable, "rb", buffering=0) as stream:
        assert _first_message(stream) == b""  # after WAIT, nothing read
    os.close(writable)


@pytest.fixture
def checked(make_vault: WriteVault) -> Path:
    """A vault whose last check's answer is kept in ``.mdnet/``."""
    jane = "---\ntype: contact\ntier: close\n---\n# Jane\n- 2026-05-02 call\n"
    root = make_vault({"People/Jane D.md": jane, "Daily/2026-11-01.md": DAILY})
    for note in root.rglob("*.md"):
        os.utime(note, ns=(1_700_000_000_000_000_000,) * 2)  # not written just now
    command = [sys.executable, "-m", "mdnet", "check", str(root), "--today", "2026-11-26"]
    subprocess.run(command, capture_output=True, check=False)
    deadline = time.monotonic() + 20  # kept by a process of its own, once the check is out
    while not (root / ".mdnet/results.pickle").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return root.resolve()


def test_the_answer_is_the_last_checks_and_none_once_a_note_changed(checked: Path) -> None:
    answer = prepare(checked, None, TODAY)
    assert answer is not None and answer.root == str(checked) and answer.count == 2
    assert [(path, address) for path, address, _ in answer.diagnostics] == [
        ("Daily/2026-11-01.md", uri(checked, "Daily/2026-11-01.md")),
        ("People/Jane D.md", uri(checked, "People/Jane D.md")),
    ]
    assert [address for _, address, _ in answer.diagnostics] == [
        uri(checked, "Daily/2026-11-01.md"),
        uri(checked, "People/Jane D.md"),
    ]
    assert prepare(checked, None, TODAY.replace(day=27)) is None  # another day
    (checked / "Daily/2026-11-01.md").write_text("- 2026-11-20 call [[Jane D]]\n")
    assert prepare(checked, None, TODAY) is None


def test_the_answer_names_notes_under_the_folder_as_the_editor_does(
    checked: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link to vault"
    link.symlink_to(checked, target_is_directory=True)
    answer = prepare(link, None, TODAY)
    assert answer is not None and answer.root == str(checked)
    assert [address for _, address, _ in answer.diagnostics] == [
        from_fs_path(str(link / "Daily/2026-11-01.md")),
        from_fs_path(str(link / "People/Jane D.md")),
    ]
    # the vault found from a folder in it, through the link; not through it, as it is
    assert as_given(link / "People", checked) == link
    assert as_given(checked / "People", checked) == checked
    assert as_given(tmp_path, checked) == checked


@pytest.mark.parametrize("options", [(), ("--vault", "{root}")])
async def test_the_server_shows_the_last_answer_first_with_or_without_vault(
    checked: Path, options: tuple[str, ...]
) -> None:
    given_options = tuple(option.format(root=checked) for option in options)
    async with serving(checked, options=given_options) as client:
        logged = [m.message for m in client.log_messages]
        assert any("2 findings of the last check" in m for m in logged)
        assert codes(client, uri(checked, "People/Jane D.md")) == [("R001", 6)]
        assert codes(client, uri(checked, "Daily/2026-11-01.md")) == [("F005", 2)]


def test_an_initialize_request_slow_to_come_is_answered_all_the_same(checked: Path) -> None:
    """Half of it first, the rest after the server stopped waiting for it: the server
    reads the vault without the early answer, and answers as ever."""
    request = initialize(processId=None, capabilities={}, rootUri=checked.as_uri())
    command = [sys.executable, "-m", "mdnet", "lsp", "--today", "2026-11-26"]
    server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert server.stdin is not None and server.stdout is not None
    try:
        server.stdin.write(request[:30])
        server.stdin.flush()
        time.sleep(0.5)  # more than WAIT
        server.stdin.write(request[30:])
        server.stdin.flush()
        header = server.stdout.readline()
        assert header.startswith(b"Content-Length: ")
        while server.stdout.readline() != b"\r\n":
            pass
        answer = json.loads(server.stdout.read(int(header.split(b":")[1])))
        assert answer["id"] == 1 and answer["result"]["serverInfo"]["name"] == "mdnet"
    finally:
        server.kill()
        server.wait()
