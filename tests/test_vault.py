"""The model: kinds, link resolution and interactions exactly as SPEC §2–§3 say."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mdnet.model.vault import Vault

Load = Callable[[dict[str, str]], Vault]
JANE = "---\ntype: contact\naliases: [JD, Janie]\n---\n"


def dates(vault: Vault, path: str) -> list[tuple[str, str, int]]:
    return [(str(e.date), e.path, e.line) for e in vault.contacts[path].entries]


def test_kinds_from_type_and_folder_globs(load: Load) -> None:
    vault = load(
        {
            ".mdnet.toml": '[kinds]\ncontact = ["People/**"]\nevent = ["Events"]\n',
            "People/Jane.md": "",
            "People/Team/Bob.md": "",
            "Clubs/Rotary.md": "---\ntype: Association\n---\n",
            "Events/Fair.md": "",
            "Misc/Ann.md": "---\ntype: Person\n---\n",
            "People/Acme.md": "---\ntype: project\n---\n",
        }
    )
    assert sorted(vault.contacts) == ["Misc/Ann.md", "People/Jane.md", "People/Team/Bob.md"]
    assert list(vault.circles) == ["Clubs/Rotary.md"]
    assert list(vault.events) == ["Events/Fair.md"]
    assert vault.notes["People/Acme.md"].kind == "plain"


def test_links_resolve_by_title_alias_or_path_any_case(load: Load) -> None:
    vault = load(
        {
            "People/Jane Doe.md": JANE,
            "Daily/2026-10-01.md": "[[jane doe]] [[JD|her]] [[People/Jane Doe#Work]] ![[Janie]]\n",
            "Daily/2026-10-02.md": "[x](../People/Jane%20Doe.md)\n",
            "Daily/2026-10-03.md": "[x](People/Jane%20Doe.md)\n",
        }
    )
    entries = vault.contacts["People/Jane Doe.md"].entries
    # one interaction per block and contact; the embed does not count on its own
    assert [(str(e.date), e.line) for e in entries] == [
        ("2026-10-01", 1),
        ("2026-10-02", 1),
        ("2026-10-03", 1),
    ]


def test_contact_log_links_are_mentions(load: Load) -> None:
    vault = load(
        {
            "People/Jane.md": "---\ntype: contact\n---\n- 2026-10-02 call: intro to [[Bob]] #gave\n",
            "People/Bob.md": "---\ntype: contact\n---\n",
        }
    )
    (entry,) = vault.contacts["People/Jane.md"].entries
    assert entry.markers == {"gave"} and entry.channel == "call"
    assert entry.links == ("People/Bob.md",)
    assert vault.contacts["People/Bob.md"].entries == []


def test_dated_items_elsewhere_count_for_every_linked_contact(load: Load) -> None:
    vault = load(
        {
            "People/Jane.md": JANE,
            "People/Bob.md": "---\ntype: contact\n---\n",
            "Projects/Acme.md": "- 2026-09-01 kickoff with [[Jane]] and [[Bob]] #asked\n- no date [[Bob]]\n",
        }
    )
    assert dates(vault, "People/Jane.md") == [("2026-09-01", "Projects/Acme.md", 1)]
    assert dates(vault, "People/Bob.md") == [("2026-09-01", "Projects/Acme.md", 1)]
    assert vault.contacts["People/Bob.md"].entries[0].markers == {"asked"}


def test_dated_notes_by_title_or_date_field_with_exclusions(load: Load) -> None:
    vault = load(
        {
            "People/Jane.md": JANE,
            "Daily/2026-10-05 Monday.md": (
                "Lunch with [[JD]] #got advice\n\n> [[Jane]] in a quote\n\n`[[Jane]]`\n\n![[Jane]]\n\n"
                "- [ ] call [[Jane]]\n- 2026-09-30 call [[Jane]]\n"
            ),
            "Meetings/Board.md": "---\ndate: 2026-10-07\n---\nWith [[Janie]].\n",
            "Meetings/Undated.md": "With [[Jane]].\n",
        }
    )
    assert dates(vault, "People/Jane.md") == [
        ("2026-09-30", "Daily/2026-10-05 Monday.md", 10),
        ("2026-10-05", "Daily/2026-10-05 Monday.md", 1),
        ("2026-10-07", "Meetings/Board.md", 4),
    ]
    lunch = vault.contacts["People/Jane.md"].entries[1]
    assert lunch.markers == {"got"}


def test_plans_are_entries_but_not_interactions(load: Load) -> None:
    vault = load(
        {
            "People/Jane.md": JANE
            + "- [ ] 2026-12-15 lunch #promised deck\n- [x] 2026-10-01 call\n",
        }
    )
    jane = vault.contacts["People/Jane.md"]
    assert [e.is_plan for e in jane.entries] == [False, True]
    assert [str(e.date) for e in jane.interactions] == ["2026-10-01"]


def test_marker_aliases_from_config(load: Load) -> None:
    vault = load(
        {
            ".mdnet.toml": '[markers]\ngave = ["donné"]\nnoreply = ["ghosted"]\n',
            "People/Jane.md": JANE + "- 2026-10-01 #Donné un contact\n- 2026-10-02 #ghosted\n",
        }
    )
    assert [e.markers for e in vault.contacts["People/Jane.md"].entries] == [{"gave"}, {"noreply"}]


def test_circle_meeting_records(load: Load) -> None:
    vault = load(
        {
            "Circles/Rotary.md": "---\ntype: club\n---\n- 2026-01-05 #attended\n- 2026-02-05 #missed\n- 2026-03-05 dinner\n",
        }
    )
    circle = vault.circles["Circles/Rotary.md"]
    assert [(str(m.date), m.attended, m.line) for m in circle.meetings] == [
        ("2026-01-05", True, 4),
        ("2026-02-05", False, 5),
    ]
    assert circle.attendance(dt.date(2026, 11, 26)) == (1, 2)


def test_met_from_field_met_at_or_attended_event(load: Load) -> None:
    vault = load(
        {
            "People/Jane.md": '---\ntype: contact\nmet_at: "[[DevConf]]"\n---\n',
            "People/Bob.md": "---\ntype: contact\nmet: 2026-01-01\n---\n",
            "People/Ann.md": "---\ntype: contact\n---\n",
            "Events/DevConf.md": '---\ntype: event\ndate: 2026-06-01\nstatus: attended\nattendees: ["[[Bob]]"]\n---\nTalked to [[Ann]].\n',
        }
    )
    assert vault.contacts["People/Jane.md"].met() == (dt.date(2026, 6, 1), "DevConf")
    assert vault.contacts["People/Bob.md"].met() == (dt.date(2026, 1, 1), "met")
    assert vault.contacts["People/Ann.md"].met() == (dt.date(2026, 6, 1), "DevConf")
    assert vault.events["Events/DevConf.md"].attendees == ["People/Bob.md", "People/Ann.md"]


def test_the_statuses_of_a_circle_one_is_in_are_circle_statuses() -> None:
    """The model's active statuses (C-rules count those circles) are among the statuses
    a circle note may have (``notes.fields``, SPEC §3): one list cannot drift from the other."""
    from mdnet.model.commitment import ACTIVE_STATUSES
    from mdnet.notes.fields import CIRCLE_STATUSES

    assert set(ACTIVE_STATUSES) < set(CIRCLE_STATUSES)
    assert "prospect" not in ACTIVE_STATUSES and "former" not in ACTIVE_STATUSES
