"""``mdnet check`` answered by a running ``mdnet watch``, when one is up.

The server already holds the current model: its answer is the check's, for the same
code, configuration, day and rules. When no server is up, none answers in time, the
connection breaks or the server declines, the check does its own work (``pipeline``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from mdnet import language
from mdnet.cache.folder import STATE_FOLDER
from mdnet.cache.printed import Printed
from mdnet.config import Config
from mdnet.live.protocol import (
    LENGTH,
    SOCKET_NAME,
    Request,
    code_stamp,
    connect,
    read_answer,
)
from mdnet.model.stats import Stats
from mdnet.report.printing import Printing
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection

if TYPE_CHECKING:
    import socket

CONNECT_TIMEOUT = 0.2  # seconds: a server that does not accept by then is not up
ANSWER_TIMEOUT = 3.0  # seconds of silence after which the server is taken for gone
LARGEST_ANSWER = 1 << 30  # bytes


def ask_server(
    root: Path, config: Config, today: dt.date, selection: Selection
) -> tuple[list[Finding], Stats] | None:
    """The findings and counts a running server gives for this check, or None."""
    answer = _ask(root, _request(config, today, selection))
    return answer if isinstance(answer, tuple) and not isinstance(answer, Printed) else None


def ask_server_to_print(
    root: Path,
    config: Config,
    today: dt.date,
    selection: Selection,
    printing: Printing,
    only: set[str] | None,
) -> Printed | None:
    """The report of this check as a running server prints it for ``printing`` (the notes
    at ``only`` alone, when given), or None."""
    shown = None if only is None else tuple(sorted(only))
    request = replace(_request(config, today, selection), printing=printing, root=str(root))
    answer = _ask(root, replace(request, only=shown))
    return answer if isinstance(answer, Printed) else None


def _request(config: Config, today: dt.date, selection: Selection) -> Request:
    rules = tuple(rule.CODE for rule in selection.rules())
    return Request(code_stamp(), config.fingerprint, today, rules, language.current())


def _ask(root: Path, request: Request) -> tuple[list[Finding], Stats] | Printed | None:
    path = root / STATE_FOLDER / SOCKET_NAME
    if not path.exists():  # most checks: no server, one stat
        return None
    try:
        with connect(path, CONNECT_TIMEOUT) as server:
            server.sendall(request.encode())
            server.settimeout(ANSWER_TIMEOUT)
            (length,) = LENGTH.unpack(_read(server, LENGTH.size))
            if length > LARGEST_ANSWER:
                return None
            return read_answer(_read(server, length))
    except Exception:  # cut short, garbled, a server gone: the check does its own work
        return None


def _read(server: socket.socket, size: int) -> bytearray:
    """Exactly ``size`` bytes (EOFError when the server stops before), received into
    one buffer: a report of 100,000 findings is tens of megabytes."""
    data = bytearray(size)
    view = memoryview(data)
    done = 0
    while done < size:
        received = server.recv_into(view[done:], min(size - done, 1 << 22))
        if not received:
            raise EOFError("the server went away mid-answer")
        done += received
    return data
