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
        """The findings found only before, and only after, made once.

        Of tens of thousands, most are the very same objects before and after (kept with
        the contacts they are about): those are told apart by identity, and only the
        others are compared by value.
        """
        before = dict(zip(map(id, self.before), self.before, strict=True))
        after = dict(zip(map(id, self.after), self.after, strict=True))
        only_before = {before[key] for key in before.keys() - after.keys()}
        return only_before, {after[key] for key in after.keys() - before.keys()}

    @cached_property
    def appeared(self) -> set[Finding]:
        only_before, only_after = self._sets
        return only_after - only_before

    @cached_property
    def disappeared(self) -> set[Finding]:
        only_before, only_after = self._sets
        return only_before - only_after

    def paths(self) -> set[str]:
        """The notes whose findings changed (``""``: the vault's own)."""
        return {finding.path for finding in self.appeared | self.disappeared}
