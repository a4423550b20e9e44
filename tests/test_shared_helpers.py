"""Helpers that several modules share instead of each writing their own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mdnet.config import Config
from mdnet.model.commitment import Circle, Commitment, Event
from mdnet.model.giveback import open_givebacks, open_promises, overdue
from mdnet.model.vault import Vault
from mdnet.notes.fields import wikilink
from mdnet.notes.parse import normalized
from mdnet.summary import is_summary

TODAY = dt.date(2026, 11, 26)


def test_a_summary_saved_with_old_mac_line_endings_is_still_mdnet_s() -> None:
    assert normalized("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"
    for newline in ("\n", "\r\n", "\r"):
        text = newline.join(["---", "mdnet: summary", "---", "# Network summary", ""])
        assert is_summary(text), repr(newline)
        assert is_summary("\ufeff" + text)


@pytest.mark.parametrize(
    ("value", "title"),
    [
        ("[[Jane Doe]]", "Jane Doe"),
        (" [[Jane Doe|Jane]] ", "Jane Doe"),
        ("[[Jane Doe#Log]]", "Jane Doe"),
        ("Jane Doe", "Jane Doe"),
        ("![[Jane Doe]]", "![[Jane Doe]]"),  # an embed is not a link to a place
        ("[[]]", "[[]]"),
    ],
)
def test_a_wikilink_field_reads_as_the_body_s_wikilinks(value: str, title: str) -> None:
    assert wikilink(value) == title


def test_circles_and_events_share_title_status_and_purpose(load: Callable[..., Vault]) -> None:
    vault = load(
        {
            "Circles/Guild.md": "---\ntype: club\nstatus: member\nwhy: learn\n---\n",
            "Events/Fair.md": "---\ntype: event\nstatus: planned\nmeet: CTOs\noffer: a talk\n---\n",
        }
    )
    guild, fair = vault.circles["Circles/Guild.md"], vault.events["Events/Fair.md"]
    assert isinstance(guild, Circle) and isinstance(fair, Event)
    assert isinstance(guild, Commitment) and isinstance(fair, Commitment)
    assert (guild.title, guild.status, guild.missing_purpose()) == (
        "Guild",
        "member",
        ["meet", "offer"],
    )
    assert (fair.title, fair.status, fair.missing_purpose()) == ("Fair", "planned", ["why"])


def test_overdue_skips_snoozed_and_silencing_contacts(load: Callable[..., Vault]) -> None:
    got = "- 2026-06-01 lunch #got advice\n- 2026-11-20 call #got a lead\n"
    vault = load(
        {
            "People/Ann.md": "---\ntype: contact\n---\n" + got,
            "People/Bob.md": "---\ntype: contact\nmdnet-ignore: [G001]\n---\n" + got,
            "People/Cy.md": "---\ntype: contact\nsnooze_until: 2027-01-01\n---\n" + got,
        }
    )
    rule = ("G001", "missing-give-back")
    found = {
        contact.title: [
            p.entry.date for p in overdue(contact, Config(), TODAY, rule, open_givebacks)
        ]
        for contact in vault.contacts.values()
    }
    assert found == {"Ann": [dt.date(2026, 6, 1)], "Bob": [], "Cy": []}
    ann = vault.contacts["People/Ann.md"]
    assert overdue(ann, Config(), TODAY, ("G002", "open-promise"), open_promises) == []
