"""What a check counts: the notes, contacts, circles, events and interactions in the vault."""

from __future__ import annotations

from dataclasses import dataclass

from mdnet.model.vault import Vault


@dataclass(frozen=True)
class Stats:
    notes: int
    contacts: int
    circles: int
    events: int
    interactions: int

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
