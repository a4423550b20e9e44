"""A finding: one small immutable value that rules yield and reporters print."""

from __future__ import annotations

from typing import NamedTuple


class Fix(NamedTuple):
    """A safe edit a rule offers: set front matter ``key``, written on ``line`` of the
    note at ``path``, to ``value`` (its text as YAML reads it, e.g. ``2026-11-02``).

    It is only data: ``mdnet.edits.fix`` applies it, changing that value and nothing else.
    """

    path: str
    line: int
    key: str
    value: str


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
    fix: Fix | None = None  # a safe edit that resolves it (``mdnet check --fix``)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    @property
    def told(self) -> str:
        """What it says, after its place: ``R001 stale-contact [warning] message``."""
        return f"{self.code} {self.rule} [{self.severity}] {self.message}"


class Hit(NamedTuple):
    """Where a rule fires and why; the runner makes it a Finding (code, severity...).

    ``path`` "" and ``line`` 0 for a vault-level finding; ``fix`` when it is fixable.
    """

    path: str
    line: int
    message: str
    subject: str | None = None
    column: int = 1
    fix: Fix | None = None
