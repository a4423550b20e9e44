"""What ``mdnet check`` and a running server say to each other: one line of JSON each way.

The check asks for the findings of a vault on a day, with its rules (by code); the
server answers with the findings and the counts, or declines (another day, another
configuration, other code, rules it does not run) and the check does its own work.
Findings go as lists, not objects: tens of thousands of them in a large vault.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mdnet import __version__
from mdnet.cache.snapshot import sources_digest
from mdnet.model.stats import Stats
from mdnet.rules.finding import Finding

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
    """A check's question: mdnet's code, the config it read, the day, the rules' codes."""

    code: str  # mdnet's version and sources: a server running other code declines
    config: str  # the config's fingerprint
    today: dt.date
    rules: tuple[str, ...]

    def encode(self) -> bytes:
        document = {
            "code": self.code,
            "config": self.config,
            "today": self.today.isoformat(),
            "rules": list(self.rules),
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
        )


def answer(findings: list[Finding], stats: Stats) -> bytes:
    rows = [
        [f.code, f.rule, f.severity, f.path, f.line, f.column, f.message, f.subject]
        for f in findings
    ]
    document = {"findings": rows, "stats": list(stats.__dict__.values())}
    return json.dumps(document, ensure_ascii=False).encode() + b"\n"


def decline(reason: str) -> bytes:
    return json.dumps({"decline": reason}).encode() + b"\n"


def read_answer(line: bytes) -> tuple[list[Finding], Stats] | None:
    """The findings and counts of an answer, or None when the server declined."""
    document: Any = json.loads(line)
    if "decline" in document:
        return None
    findings = [Finding(*row) for row in document["findings"]]
    return findings, Stats(*document["stats"])
