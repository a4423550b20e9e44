"""Each contact's standing is worked out once per run, whichever rules ask for it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mdnet.config import Config
from mdnet.model import health
from mdnet.model.contact import Contact
from mdnet.model.vault import Vault
from mdnet.rules.runner import Selection, run_rules
from tests.conftest import TODAY

NOTES = {
    "People/Ann.md": "---\ntype: contact\ncadence: 2w\n---\n- 2026-01-02 call\n",
    "People/Bob.md": "---\ntype: contact\nmet: 2026-09-01\n---\n",
    "People/Cy.md": "---\ntype: contact\n---\n",
}


def test_rules_share_one_standing_per_contact(
    load: Callable[..., Vault], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = load(NOTES)
    calls: list[str] = []
    original = health._work_out

    def counted(contact: Contact, config: Config, today: dt.date) -> tuple[object, ...]:
        calls.append(contact.note.path)
        return original(contact, config, today)

    monkeypatch.setattr(health, "_work_out", counted)
    findings = run_rules(vault, Config(), TODAY, Selection(("R001", "R002", "R003"), ()))
    assert {finding.code for finding in findings} >= {"R001", "R003"}
    assert sorted(calls) == sorted(NOTES)  # once each, not once per rule


def test_another_day_or_config_is_worked_out_anew(load: Callable[..., Vault]) -> None:
    vault = load(NOTES)
    config = Config()
    assert health.standings(vault, config, TODAY)["People/Ann.md"].state == health.LOSING_TOUCH
    early = health.standings(vault, config, dt.date(2026, 1, 5))
    assert early["People/Ann.md"].state == health.ACTIVE
    assert health.standings(vault, config, TODAY) == health.standings(vault, config, TODAY)


def test_standings_asked_again_are_not_worked_out_again(
    load: Callable[..., Vault], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = load(NOTES)
    config = Config()
    calls: list[str] = []
    original = health._work_out

    def counted(contact: Contact, config: Config, today: dt.date) -> tuple[object, ...]:
        calls.append(contact.note.path)
        return original(contact, config, today)

    monkeypatch.setattr(health, "_work_out", counted)
    first = health.standings(vault, config, TODAY)
    assert health.standings(vault, config, TODAY) == first and len(calls) == len(NOTES)
    health.standings(vault, Config(), TODAY)  # another config: worked out anew
    assert len(calls) == 2 * len(NOTES)


def test_a_contact_keeps_one_answer_per_function_and_more_arguments(
    load: Callable[..., Vault],
) -> None:
    """The memo is a flat list (memory): answers for several functions and arguments."""
    contact = load(NOTES).contacts["People/Ann.md"]
    calls: list[tuple[str, *tuple[int, ...]]] = []

    def first(contact: Contact, config: Config, today: dt.date, *more: int) -> list[str | int]:
        calls.append(("first", *more))
        return ["first", *more]

    def second(contact: Contact, config: Config, today: dt.date) -> str:
        calls.append(("second",))
        return "second"

    config = Config()
    for _ in range(2):
        assert contact.kept(first, config, TODAY, 1) == ["first", 1]
        assert contact.kept(second, config, TODAY) == "second"
    assert contact.kept(first, config, TODAY, 2) == ["first", 2]  # other arguments: anew
    assert calls == [("first", 1), ("second",), ("first", 2)]
    assert sorted(str(found) for _, _, found in contact.remembered()) == [
        "['first', 2]",
        "second",
    ]

    def third(contact: Contact, config: Config, today: dt.date) -> str:
        calls.append(("third",))
        return "third"

    def gives_a_function(
        contact: Contact, config: Config, today: dt.date
    ) -> Callable[[Contact, Config, dt.date], str]:
        return third  # an answer that is a function, asked for next: not taken for a key

    assert contact.kept(gives_a_function, config, TODAY) is third
    assert contact.kept(third, config, TODAY) == "third"
    assert calls == [("first", 1), ("second",), ("first", 2), ("third",)]


def test_what_a_contact_makes_once_is_shared(load: Callable[..., Vault]) -> None:
    """Findings share the contact's title; without plans, its interactions are its
    entries (a large vault's memory)."""
    vault = load(
        {
            **NOTES,
            "People/Dee.md": "---\ntype: contact\n---\n- [ ] 2026-12-01 call\n- 2026-01-02 x\n",
        }
    )
    ann, dee = vault.contacts["People/Ann.md"], vault.contacts["People/Dee.md"]
    assert ann.title == "Ann" and ann.title is ann.title is vault.subject_of("People/Ann.md")
    assert ann.interactions is ann.entries
    assert [entry.date for entry in dee.interactions] == [dt.date(2026, 1, 2)]
    assert len(dee.entries) == 2


def test_the_empty_answers_kept_for_many_contacts_are_one(load: Callable[..., Vault]) -> None:
    """Most contacts have no open give-back, promise or finding: one empty list is kept
    for all (160,000 at 100k notes), and answers that are not empty stay each's own."""
    from mdnet.model.giveback import open_givebacks, open_promises

    vault = load({**NOTES, "People/Dee.md": "---\ntype: contact\n---\n- 2026-11-01 #got x\n"})
    ann, bob, dee = (vault.contacts[f"People/{name}.md"] for name in ("Ann", "Bob", "Dee"))
    config = Config()
    assert open_givebacks(ann, config, TODAY) == [] and open_promises(bob, config, TODAY) == []
    assert open_givebacks(ann, config, TODAY) is open_promises(bob, config, TODAY)
    assert open_givebacks(dee, config, TODAY) and open_givebacks(dee, config, TODAY) is not (
        open_givebacks(ann, config, TODAY)
    )
