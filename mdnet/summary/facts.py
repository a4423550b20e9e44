"""What every section of the summary reads: the vault, today, findings and standings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from mdnet.config import Config
from mdnet.finding import Finding
from mdnet.health import Standing, standings
from mdnet.model import Interaction, Vault
from mdnet.summary.text import Linker


@dataclass(frozen=True)
class Facts:
    """The inputs of one render, with each contact's standing worked out once."""

    vault: Vault
    config: Config
    today: dt.date
    findings: tuple[Finding, ...]
    standings: tuple[Standing, ...]  # one per contact, by path
    link: Linker

    def interactions(self) -> list[Interaction]:
        """Contact made up to today, with every contact (an entry naming two contacts
        is two interactions, as in ``check``'s counts and G003), by date then place."""
        made = [e for e in self.vault.interactions() if not e.is_plan and e.date <= self.today]
        return sorted(made, key=lambda e: (e.date, e.path, e.line, e.contact))

    def flagged(self, code: str) -> set[str]:
        """The paths of the notes that rule ``code`` reported."""
        return {finding.path for finding in self.findings if finding.code == code}

    def silenced(self, path: str, code: str, name: str) -> bool:
        """The note at ``path`` silences this rule (its code and name) or all rules."""
        note = self.vault.notes.get(path)
        return note is not None and note.silences(code, name)

    def within(self, entries: list[Interaction], days: int) -> list[Interaction]:
        """The entries of the last ``days`` days, today included."""
        start = self.today - dt.timedelta(days=days)
        return [entry for entry in entries if start < entry.date <= self.today]


def gather(vault: Vault, config: Config, today: dt.date, findings: Sequence[Finding]) -> Facts:
    contacts = sorted(vault.contacts.items())
    known = standings(vault, config, today)
    ordered = tuple(known[path] for path, _ in contacts)
    return Facts(vault, config, today, tuple(findings), ordered, Linker(vault))
