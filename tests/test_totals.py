"""Totals over every contact (``model.totals``): brought up to date from the contacts a
change made anew, and made anew from every contact when they cannot be."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mdnet.config import Config, parse_config
from mdnet.model.builder import Builder
from mdnet.model.contact import Contact
from mdnet.model.totals import Counted, Ordered, Some, Summed, total
from mdnet.model.vault import Vault
from mdnet.notes.parse import parse_note

TODAY = dt.date(2026, 11, 26)
CONFIG = parse_config("", ".mdnet.toml")
ROOT = Path("/vault")


def contact(path: str, *entries: str) -> tuple[str, str]:
    return path, "---\ntype: contact\n---\n" + "".join(f"- {e}\n" for e in entries)


NOTES = dict(
    [
        contact("People/Ann.md", "2026-11-01 call #gave"),
        contact("People/Bob.md", "2026-10-01 call #got", "2026-10-02 call #got"),
        contact("People/Cy.md"),
        ("Daily/2026-11-20.md", "- 2026-11-20 lunch with [[Ann]]\n"),
    ]
)

asked: list[str] = []


def entries(contact: Contact, config: Config, today: dt.date) -> list[tuple[int, str]]:
    asked.append(contact.note.path)
    return [(len(contact.entries), contact.note.path)] if contact.entries else []


def built(notes: dict[str, str]) -> tuple[Builder, Vault]:
    builder = Builder(ROOT, CONFIG, live=True)
    parsed = [parse_note(path, text, CONFIG) for path, text in sorted(notes.items())]
    return builder, builder.build(parsed)


def test_an_update_asks_only_the_contacts_it_made_anew() -> None:
    builder, vault = built(NOTES)
    asked.clear()
    assert total(vault, Ordered, entries, CONFIG, TODAY).items == [
        (2, "People/Ann.md"),  # her own entry and the daily note's
        (2, "People/Bob.md"),
    ]
    assert sorted(asked) == ["People/Ann.md", "People/Bob.md", "People/Cy.md"]
    asked.clear()
    daily = parse_note("Daily/2026-11-20.md", "- 2026-11-20 lunch with [[Cy]]\n", CONFIG)
    vault = builder.update([daily])
    assert vault.changed == {"People/Ann.md", "People/Cy.md"}
    assert total(vault, Ordered, entries, CONFIG, TODAY).items == [
        (1, "People/Ann.md"),
        (1, "People/Cy.md"),
        (2, "People/Bob.md"),
    ]
    assert sorted(asked) == ["People/Ann.md", "People/Cy.md"]  # Bob is not asked again
    asked.clear()
    vault = builder.update([], ["People/Bob.md"])  # a contact deleted
    assert total(vault, Ordered, entries, CONFIG, TODAY).items == [
        (1, "People/Ann.md"),
        (1, "People/Cy.md"),
    ]
    assert asked == []  # nobody else is asked


def test_another_day_config_or_vault_makes_the_total_anew() -> None:
    _builder, vault = built(NOTES)
    total(vault, Some, entries, CONFIG, TODAY)
    asked.clear()
    total(vault, Some, entries, CONFIG, TODAY + dt.timedelta(days=1))
    assert len(asked) == 3
    asked.clear()
    total(vault, Some, entries, parse_config("", ".mdnet.toml"), TODAY)
    assert len(asked) == 3
    asked.clear()
    _builder, other = built(NOTES)  # a vault built anew follows nothing
    assert set(total(other, Some, entries, CONFIG, TODAY).parts) == {
        "People/Ann.md",
        "People/Bob.md",
    }
    assert len(asked) == 3


def test_a_vault_that_does_not_follow_the_last_one_gets_its_own_total() -> None:
    """Two versions made from one: each total is that of its own vault."""
    builder, first = built(NOTES)
    total(first, Some, entries, CONFIG, TODAY)
    bob = parse_note(*contact("People/Bob.md"), CONFIG)
    second = builder.update([bob])
    assert set(total(second, Some, entries, CONFIG, TODAY).parts) == {"People/Ann.md"}
    assert set(total(first, Some, entries, CONFIG, TODAY).parts) == {
        "People/Ann.md",
        "People/Bob.md",
    }


def state(contact: Contact, config: Config, today: dt.date) -> str:
    return "some" if contact.entries else "none"


def given_got(contact: Contact, config: Config, today: dt.date) -> tuple[int, int]:
    markers = [entry.markers for entry in contact.entries]
    return sum("gave" in m for m in markers), sum("got" in m for m in markers)


def test_counts_and_sums_follow_the_changes() -> None:
    builder, vault = built(NOTES)
    assert total(vault, Counted, state, CONFIG, TODAY).counts == {"some": 2, "none": 1}
    assert total(vault, Summed, given_got, CONFIG, TODAY).sums == (1, 2)
    bob = parse_note(*contact("People/Bob.md", "2026-11-02 call #gave"), CONFIG)
    vault = builder.update([bob])
    assert total(vault, Counted, state, CONFIG, TODAY).counts == {"some": 2, "none": 1}
    assert total(vault, Summed, given_got, CONFIG, TODAY).sums == (2, 0)
    vault = builder.update([], ["People/Ann.md", "People/Bob.md"])
    assert +total(vault, Counted, state, CONFIG, TODAY).counts == {"none": 1}
    assert total(vault, Summed, given_got, CONFIG, TODAY).sums == (0, 0)
