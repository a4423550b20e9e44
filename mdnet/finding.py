"""A finding: one small immutable value that rules yield and reporters print."""

from __future__ import annotations

from typing import NamedTuple


class Finding(NamedTuple):
    """What a rule found, where, and what to do about it.

    ``path`` is vault-relative ("" for a vault-level finding, reported at the vault
    folder with line 0); ``subject`` is the title of the contact, circle or event.
    """

    code: str
    rule: str
    severity: str
    path: str
    line: int
    column: int
    message: str
    subject: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)


class Problem(NamedTuple):
    """A data problem the parser met in one note (F001–F004), kept with the note."""

    code: str
    line: int
    message: str


class Hit(NamedTuple):
    """Where a rule fires and why; the runner makes it a Finding (code, severity...).

    ``path`` "" and ``line`` 0 for a vault-level finding.
    """

    path: str
    line: int
    message: str
    subject: str | None = None
    column: int = 1
