"""The server that answers ``mdnet check`` from a running ``mdnet watch``.

It listens on a Unix socket in the vault's ``.mdnet/`` (readable and writable by the
user only, and it answers only processes of the same user), on a thread of its own.
Before it answers, the front end takes in the changes it has not handled yet (``sync``),
so that the answer is what a check of its own would find now; it may decline instead
(``sync`` gives the reason: ``mdnet lsp`` with a note open in an editor, unsaved).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import struct
import threading
from collections.abc import Callable, Hashable
from pathlib import Path

from mdnet import language
from mdnet.cache.folder import STATE_FOLDER, make_state_folder
from mdnet.cache.printed import Printed
from mdnet.live.protocol import (
    LARGEST_REQUEST,
    SOCKET_NAME,
    Request,
    address,
    answer,
    code_stamp,
    connect,
    decline,
    printed,
)
from mdnet.live.vault import LiveVault
from mdnet.model.stats import Stats
from mdnet.report.printing import Printing
from mdnet.rules.finding import Finding

READ_TIMEOUT = 2.0  # seconds a client has to send its request
WAKE = 0.2  # seconds between looks at whether to stop


class CheckServer:
    """Answers checks of the vault that ``live`` holds; ``sync`` takes in pending changes
    and says why the model cannot answer now, if it cannot."""

    def __init__(self, live: LiveVault, sync: Callable[[], str | None]) -> None:
        self.live, self.sync = live, sync
        self.path = live.root / STATE_FOLDER / SOCKET_NAME
        self.listener: socket.socket | None = None
        self.thread: threading.Thread | None = None
        self.stopping = False
        # the last answer, and what it was made of: checks in a row get it again at once
        self.last: tuple[list[Finding], Hashable, bytes] | None = None  # the last answer

    def start(self) -> bool:
        """Listen, on a thread; False when no socket can be had here (the check then
        always does its own work)."""
        try:
            make_state_folder(self.path.parent)
            self.listener = _listen(self.path)
        except OSError:
            return False
        if self.listener is None:
            return False
        self.thread = threading.Thread(target=self._serve, name="mdnet-check-server", daemon=True)
        self.thread.start()
        return True

    def stop(self) -> None:
        self.stopping = True
        if self.thread is not None:
            self.thread.join(timeout=5)
        if self.listener is not None:
            self.listener.close()
            with contextlib.suppress(OSError):
                self.path.unlink()

    def _serve(self) -> None:
        assert self.listener is not None
        self.listener.settimeout(WAKE)
        while not self.stopping:
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection, contextlib.suppress(OSError):
                self._answer(connection)

    def _answer(self, connection: socket.socket) -> None:
        if not _same_user(connection):
            return
        connection.settimeout(READ_TIMEOUT)
        try:
            request = Request.decode(_read_line(connection))
        except (ValueError, TypeError):
            connection.sendall(decline("not a request"))
            return
        connection.sendall(self.reply(request))

    def reply(self, request: Request) -> bytes:
        """The answer to ``request``: the findings now, or why not."""
        if request.code != code_stamp():
            return decline("another version of mdnet")
        reason = self.sync()
        if reason is not None:
            return decline(reason)
        live = self.live
        with live.lock:
            if request.config != live.config.fingerprint:
                return decline("another configuration")
            if request.today != live.today:
                return decline("another day")
            if request.language != language.current():
                return decline("another language")
            running = {rule.CODE for rule in live.selection.rules()}
            wanted = set(request.rules)
            if not wanted <= running:
                return decline("rules the server does not run")
            asked = (frozenset(wanted), request.printing, request.root, request.only)
            last = self.last
            if last is None or last[0] is not live.findings or last[1] != asked:
                findings = live.findings  # a new list after every change
                if wanted != running:
                    findings = [finding for finding in findings if finding.code in wanted]
                stats = Stats.of(live.vault)
                if request.printing is None:
                    said = answer(findings, stats)
                else:  # the report as the check prints it: the check only writes it out
                    said = printed(_report(request, request.printing, findings, stats, live.today))
                self.last = last = live.findings, asked, said
            return last[2]


def _report(
    request: Request, printing: Printing, findings: list[Finding], stats: Stats, today: dt.date
) -> Printed:
    """The report of ``findings`` (those in the notes the request names) as ``printing``
    prints it, for the vault as the check names it."""
    if request.only is not None:
        only = set(request.only)
        findings = [finding for finding in findings if finding.path in only]
    return printing.printed([(Path(request.root), stats, findings)], today)


def _listen(path: Path) -> socket.socket | None:
    """A listening socket at ``path``, unless another server answers there."""
    if path.exists():
        try:
            connect(path, 0.2).close()
            return None  # someone serves this vault already
        except OSError:
            path.unlink(missing_ok=True)  # left by a server that was killed
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    mask = os.umask(0o077)  # the socket is the user's only, from its first moment
    try:
        with address(path) as where:
            listener.bind(where)
        os.chmod(path, 0o600)
        listener.listen(8)
    except OSError:
        listener.close()
        raise
    finally:
        os.umask(mask)
    return listener


def _same_user(connection: socket.socket) -> bool:
    """Whether the process at the other end is this user's (where the system says)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True  # the socket's mode alone keeps others out
    credentials = connection.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    return bool(uid == os.getuid())


def _read_line(connection: socket.socket) -> bytes:
    data = b""
    while b"\n" not in data:
        piece = connection.recv(4096)
        if not piece:
            break
        data += piece
        if len(data) > LARGEST_REQUEST:
            raise ValueError("request too long")
    return data.split(b"\n", 1)[0]
