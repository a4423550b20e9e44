"""What one change of the live vault did: the findings before and after it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from mdnet.rules.finding import Finding


@dataclass(frozen=True)
class Update:
    """What one change did: the findings before and after, and the notes read again."""

    before: tuple[Finding, ...]
    after: tuple[Finding, ...]
    parsed: tuple[str, ...]

    @cached_property
    def _sets(self) -> tuple[set[Finding], set[Finding]]:
        """The findings before and after as sets, made once (tens of thousands of them)."""
        return set(self.before), set(self.after)

    @cached_property
    def appeared(self) -> set[Finding]:
        before, after = self._sets
        return after - before

    @cached_property
    def disappeared(self) -> set[Finding]:
        before, after = self._sets
        return before - after

    def paths(self) -> set[str]:
        """The notes whose findings changed (``""``: the vault's own)."""
        return {finding.path for finding in self.appeared | self.disappeared}
