"""What every section of the summary reads: the vault, today, findings and standings.

The summary follows the same rule selection as ``mdnet check`` (``[rules] select`` and
``ignore``) and the same ``mdnet-ignore``: a section lists only what the rule behind it
would report (``Facts.reports``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from mdnet.config import Config
from mdnet.model.health import Standing, standing, standings
from mdnet.model.totals import Ordered, total
from mdnet.model.vault import Vault
from mdnet.rules import Rule
from mdnet.rules.finding import Finding
from mdnet.summary.text import Linker


@dataclass(frozen=True)
class Facts:
    """The inputs of one render, with each contact's standing worked out once."""

    vault: Vault
    config: Config
    today: dt.date
    findings: tuple[Finding, ...]
    link: Linker
    selected: frozenset[str]  # the codes of the rules that run

    @cached_property
    def standings(self) -> tuple[Standing, ...]:
        """Every contact's standing, by path (the calendar's; the summary's sections add
        up what they need over the contacts with ``ordered`` and ``model.totals``)."""
        known = standings(self.vault, self.config, self.today)
        return tuple(known[path] for path in sorted(self.vault.contacts))

    def standing(self, path: str) -> Standing:
        """The standing of the contact at ``path``."""
        return standing(self.vault.contacts[path], self.config, self.today)

    def ordered(self, work_out: Callable[..., Sequence[Any]], *more: Hashable) -> list[Any]:
        """The items ``work_out(contact, config, today, *more)`` lists for every contact,
        sorted (a copy: the total is kept up to date from one version of the vault to the
        next)."""
        return list(total(self.vault, Ordered, work_out, self.config, self.today, *more).items)

    def flagged(self, code: str) -> frozenset[str]:
        """The paths of the notes that rule ``code`` reported: what a section lists when
        it shows what a rule found (so that the two always agree)."""
        flagged = self._flagged.get(code)
        if flagged is None:  # a few rules' of tens of thousands of findings: one pass each
            flagged = frozenset(finding.path for finding in self.findings if finding.code == code)
            self._flagged[code] = flagged
        return flagged

    @cached_property
    def _flagged(self) -> dict[str, frozenset[str]]:
        return {}

    def reports(self, rule: Rule, path: str = "") -> bool:
        """``rule`` runs and the note at ``path`` (if any) does not silence it."""
        note = self.vault.ignoring.get(path)  # only those can silence a rule
        silenced = note is not None and note.silences(rule.CODE, rule.NAME)
        return rule.CODE in self.selected and not silenced


def gather(
    vault: Vault,
    config: Config,
    today: dt.date,
    findings: Sequence[Finding],
    selected: frozenset[str],
) -> Facts:
    return Facts(vault, config, today, tuple(findings), Linker(vault), selected)
