"""What ``mdnet check`` and a running server say to each other.

The check asks, in one line of JSON, for the findings of a vault on a day, with its
rules (by code); the server answers with the findings and the counts, or declines
(another day, another configuration, other code, rules it does not run) and the check
does its own work. The answer is long (a hundred thousand findings in a large vault):
its length, then plain tuples pickled, which nothing but plain values is read from.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import pickle
import struct
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdnet import __version__
from mdnet.cache.kept import PlainUnpickler
from mdnet.cache.printed import Printed
from mdnet.cache.stamps import sources_digest
from mdnet.model.stats import Stats
from mdnet.report.formats import FORMATS
from mdnet.report.printing import Printing
from mdnet.rules.finding import Finding

if TYPE_CHECKING:
    import socket

SOCKET_NAME = "check.sock"  # in the vault's .mdnet/
LARGEST_REQUEST = 1 << 16  # bytes: a request is a few hundred
LONGEST_ADDRESS = 100  # bytes of a socket's path that every system takes


def code_stamp() -> str:
    """What both sides must run for an answer to be the one a check would give."""
    return f"{__version__}+{sources_digest()}"


@contextlib.contextmanager
def address(path: Path) -> Iterator[str]:
    """The path to bind or connect a Unix socket at ``path`` by: itself, or, where it
    is too long for a socket address (a deep vault), the same file through the folder's
    descriptor in /proc (Linux)."""
    if len(os.fsencode(path)) <= LONGEST_ADDRESS or not os.path.isdir("/proc/self/fd"):
        yield str(path)
        return
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        yield f"/proc/self/fd/{folder}/{path.name}"
    finally:
        os.close(folder)


def connect(path: Path, timeout: float) -> socket.socket:
    """A connection to the server listening at ``path`` (OSError when none answers)."""
    import socket  # only when a server is up: 3 ms of every check otherwise

    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.settimeout(timeout)
        with address(path) as where:
            client.connect(where)
    except BaseException:
        client.close()
        raise
    return client


@dataclass(frozen=True)
class Request:
    """A check's question: mdnet's code, the config it read, the day, the rules' codes,
    the language its messages are to be in."""

    code: str  # mdnet's version and sources: a server running other code declines
    config: str  # the config's fingerprint
    today: dt.date
    rules: tuple[str, ...]
    language: str = "en"  # a server speaking another (another LANG) declines
    # the report as the check would print it, rather than the findings: how it is
    # printed, the vault as the check names it, the notes it shows (None: all)
    printing: Printing | None = None
    root: str = ""
    only: tuple[str, ...] | None = None

    def encode(self) -> bytes:
        document = {
            "code": self.code,
            "config": self.config,
            "today": self.today.isoformat(),
            "rules": list(self.rules),
            "language": self.language,
            "printing": None if self.printing is None else asdict(self.printing),
            "root": self.root,
            "only": None if self.only is None else list(self.only),
        }
        return json.dumps(document).encode() + b"\n"

    @classmethod
    def decode(cls, line: bytes) -> Request:
        """The request on ``line``; ValueError when it is not one."""
        document = json.loads(line)
        if not isinstance(document, dict):
            raise ValueError("not a request")
        rules = document.get("rules")
        if not isinstance(rules, list) or not all(isinstance(rule, str) for rule in rules):
            raise ValueError("no rules")
        return cls(
            str(document.get("code")),
            str(document.get("config")),
            dt.date.fromisoformat(str(document.get("today"))),
            tuple(rules),
            str(document.get("language", "en")),
            _printing(document.get("printing")),
            str(document.get("root", "")),
            _strings(document.get("only")),
        )


def _printing(found: object) -> Printing | None:
    if found is None:
        return None
    if not isinstance(found, dict) or set(found) != {f.name for f in fields(Printing)}:
        raise ValueError("not a way to print")
    printing = Printing(**found)
    flags = (printing.statistics, printing.quiet, printing.color)
    if printing.output_format not in FORMATS or not isinstance(printing.cwd, str):
        raise ValueError("not a way to print")
    if not all(isinstance(flag, bool) for flag in flags):
        raise ValueError("not a way to print")
    return printing


def _strings(found: object) -> tuple[str, ...] | None:
    if found is None:
        return None
    if not isinstance(found, list) or not all(isinstance(item, str) for item in found):
        raise ValueError("not a list of notes")
    return tuple(found)


LENGTH = struct.Struct("!Q")  # the answer's length, before it; and its head's, first in it


def answer(findings: list[Finding], stats: Stats) -> bytes:
    rows = [(*finding[:8], None) for finding in findings]  # no fix: checks with --fix ask none
    return _framed(("findings", tuple(stats.__dict__.values()), rows))


def printed(report: Printed) -> bytes:
    """The report as the check prints it: its text as it is written out (UTF-8), after
    the rest, which the check writes as it comes (at 100,000 notes, tens of megabytes
    that were pickled as a string, then decoded and encoded again: 0.05 s)."""
    text = report.text
    encoded = text if isinstance(text, bytes) else text.encode("utf-8", "surrogateescape")
    return _framed(("printed", report.severities, report.notes), encoded)


def decline(reason: str) -> bytes:
    return _framed(("decline", reason))


def _framed(state: object, tail: bytes = b"") -> bytes:
    head = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    return LENGTH.pack(LENGTH.size + len(head) + len(tail)) + LENGTH.pack(len(head)) + head + tail


def read_answer(data: bytes | bytearray) -> tuple[list[Finding], Stats] | Printed | None:
    """The findings and counts of an answer (its length read off), or the report as
    printed (its text in UTF-8), or None when the server declined."""
    (length,) = LENGTH.unpack_from(data)
    end = LENGTH.size + length
    state: Any = PlainUnpickler(io.BytesIO(data[LENGTH.size : end])).load()
    if state[0] == "printed":
        _, severities, notes = state
        return Printed(bytes(memoryview(data)[end:]), tuple(map(str, severities)), int(notes))
    if state[0] != "findings":
        return None
    _, counts, rows = state
    new = tuple.__new__  # a hundred thousand findings: without the call to their __new__
    return [new(Finding, row) for row in rows], Stats(*counts)
