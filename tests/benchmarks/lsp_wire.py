"""The start of ``mdnet lsp`` as the bytes arrive: a minimal client that reads each message
with ``json.loads`` and nothing more, as an editor written in another language reads
them. pygls' own client (``lsp_bench.Editor``) spends ~1.1 s turning 12,000
``publishDiagnostics`` into lsprotocol objects at 30k notes, more than the whole target:
its figure measures the test client as much as the server.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

LAST_ANSWER = "findings of the last check"  # logged after the last check's diagnostics
LOADED = "findings in"  # logged after the live model's


def frames(descriptor: int) -> Iterator[Any]:
    """The messages read from ``descriptor``, one by one."""
    data = b""
    while True:
        while b"\r\n\r\n" not in data:
            piece = os.read(descriptor, 1 << 20)
            if not piece:
                return
            data += piece
        header, _, data = data.partition(b"\r\n\r\n")
        length = next(
            int(line.split(b":")[1])
            for line in header.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        )
        while len(data) < length:
            piece = os.read(descriptor, 1 << 20)
            if not piece:
                return
            data += piece
        body, data = data[:length], data[length:]
        yield json.loads(body)


class Start(NamedTuple):
    """One start of the server, as a minimal client reads it."""

    shown: float  # seconds to every note's diagnostics (the last check's, or the model's)
    ready: float  # seconds to the live model's
    notes: int  # notes published
    last: bool  # whether the first diagnostics were the last check's
    memory: int  # the server's peak resident memory so far (KB), once ready


def wire_start(server: list[str], root: Path) -> Start:
    """One start of ``server`` on the vault at ``root``."""
    began = time.perf_counter()
    process = subprocess.Popen(server, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    assert process.stdin is not None and process.stdout is not None
    stdin = process.stdin

    def send(document: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **document}).encode()
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    folder = root.as_uri()
    folders = [{"uri": folder, "name": "vault"}]
    params: dict[str, Any] = {"processId": None, "capabilities": {}, "rootUri": folder}
    params["workspaceFolders"] = folders
    send({"id": 1, "method": "initialize", "params": params})
    shown, notes, last = 0.0, 0, False
    try:
        for message in frames(process.stdout.fileno()):
            method = message.get("method")
            if message.get("id") == 1 and "result" in message:
                send({"method": "initialized", "params": {}})
            elif method == "textDocument/publishDiagnostics":
                notes += 1
            elif method == "window/logMessage":
                text = message["params"]["message"]
                last = last or (LAST_ANSWER in text and not shown)
                if LAST_ANSWER in text or LOADED in text:
                    shown = shown or time.perf_counter() - began
                if LOADED in text:
                    ready = time.perf_counter() - began
                    return Start(shown, ready, notes, last, _peak(process.pid))
            elif "id" in message and method:  # a request (registrations): answered
                send({"id": message["id"], "result": None})
        raise SystemExit("the server stopped before it was ready")
    finally:
        send({"id": 2, "method": "shutdown"})
        send({"method": "exit"})
        process.wait(30)


def _peak(pid: int) -> int:
    """The peak resident memory (KB) of the process ``pid`` so far (Linux)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next(
        (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")), 0
    )
