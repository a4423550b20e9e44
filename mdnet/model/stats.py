"""What a check counts: the notes, contacts, circles, events and interactions in the vault."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple, dataclass

from mdnet.model.vault import Vault


@dataclass(frozen=True)
class Stats:
    notes: int
    contacts: int
    circles: int
    events: int
    interactions: int

    @classmethod
    def total(cls, each: Iterable[Stats]) -> Stats:
        """The counts of several vaults, added up."""
        counts = [astuple(stats) for stats in each]
        return (
            cls(*(sum(column) for column in zip(*counts, strict=True)))
            if counts
            else cls(0, 0, 0, 0, 0)
        )

    @classmethod
    def of(cls, vault: Vault) -> Stats:
        interactions = sum(len(contact.interactions) for contact in vault.contacts.values())
        return cls(
            len(vault.notes),
            len(vault.contacts),
            len(vault.circles),
            len(vault.events),
            interactions,
        )
