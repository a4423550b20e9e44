"""The summary note's content: every section of SPEC §7, in order, from a test vault."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mdnet.config import load_config
from mdnet.pipeline import load_vault
from mdnet.summary.people import next_birthday
from mdnet.summary.text import Linker, entry_phrase, escape
from tests.conftest import WriteVault
from tests.summary_vault import TODAY, VAULT, summary_of

SECTIONS = [
    "## At a glance",
    "## Reach out this week",
    "## Give back",
    "## Follow up",
    "## Commitments",
    "## Without a purpose",
    "## Data problems",
]


@pytest.fixture
def root(make_vault: WriteVault) -> Path:
    return make_vault(VAULT)


@pytest.fixture
def text(root: Path) -> str:
    return summary_of(root)


def section(text: str, heading: str) -> str:
    """The lines of one ``## `` section, up to the next one."""
    start = text.index(f"\n{heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_front_matter_title_and_sections_in_order(text: str) -> None:
    assert text.startswith("---\nmdnet: summary\ngenerated: 2026-11-26\n---\n\n# Network summary\n")
    assert [line for line in text.splitlines() if line.startswith("## ")] == SECTIONS


def test_render_is_stable(root: Path) -> None:
    assert summary_of(root) == summary_of(root)


def test_at_a_glance_counts(text: str) -> None:
    glance = section(text, "## At a glance")
    assert (
        "- Contacts: 8 — 1 active, 3 stale (2 overdue, 1 losing touch), "
        "2 passive (no interaction at all), 1 to follow up, 1 met recently\n"
    ) in glance
    assert "- Circles: 2 — 1 active, 1 prospect\n" in glance
    assert "- Events: 2 — 1 in the next 30 days\n" in glance
    assert "- Interactions: 2 in the last 30 days, 4 in the last 365 days\n" in glance
    assert "gave 1, got 2 — 0.5 given per thing received (goal: at least 1)" in glance


def test_at_a_glance_health_pie(text: str) -> None:
    pie = (
        "```mermaid\npie showData\n    title Contacts by health\n"
        '    "Active" : 1\n    "Overdue" : 2\n    "Losing touch" : 1\n'
        '    "To follow up" : 1\n    "Met recently" : 1\n    "Passive" : 2\n```'
    )
    assert pie in section(text, "## At a glance")


def test_at_a_glance_given_and_received_per_month(text: str) -> None:
    glance = section(text, "## At a glance")
    assert "```mermaid\nxychart-beta\n" in glance
    assert "    x-axis [Dec, Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov]\n" in glance
    assert "    bar [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]\n" in glance  # #gave on 11-01
    assert "    line [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1]\n" in glance  # #got 09-01, 11-05
    assert "| Got | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |" in glance
    assert "from Dec 2025 to Nov 2026" in glance


def test_reach_out_losing_touch_apart_and_most_overdue_first(text: str) -> None:
    reach = section(text, "## Reach out this week")
    losing = reach.index("### Losing touch")
    overdue = reach.index("### Overdue")
    cara, sam, bob = (reach.index(name) for name in ("[[Cara", "[[People/Sam]]", "[[Bob"))
    assert losing < cara < overdue < sam < bob  # Sam 57 days overdue, Bob 26
    assert (
        '[[Cara Losing]] — 87 days overdue (30-day cadence, tier "inner"); '
        "last interaction 2026-08-01 (117 days ago): lunch at the Guild dinner\n"
    ) in reach
    assert "last contact 2026-08-01 (117 days ago), from `last_contact`" in reach
    assert "[[Bob Overdue]] — 26 days overdue" in reach
    assert "; open give-back since 2026-09-01\n" in reach


def test_reach_out_birthdays_in_the_next_7_days(text: str) -> None:
    reach = section(text, "## Reach out this week")
    assert (
        "### Birthdays in the next 7 days\n\n- [[Dan Passive]] — Sun 2026-11-29, in 3 days\n"
        in (reach)
    )


def test_reach_out_is_limited_by_summary_reach_out(make_vault: WriteVault) -> None:
    root = make_vault({**VAULT, ".mdnet.toml": "[summary]\nreach_out = 1\n"})
    reach = section(summary_of(root), "## Reach out this week")
    assert "[[Cara Losing]]" in reach
    assert "[[Bob Overdue]]" not in reach and "### Overdue" not in reach
    assert "and 2 more — `mdnet check --select R001` (summary.reach_out = 1)" in reach


def test_reach_out_leaves_out_contacts_that_silence_r001(make_vault: WriteVault) -> None:
    silenced = (
        "---\ntype: contact\ntier: inner\nmdnet-ignore: [stale-contact]\n---\n- 2026-08-01 lunch\n"
    )
    root = make_vault({**VAULT, "People/Cara Losing.md": silenced})
    assert "Cara" not in section(summary_of(root), "## Reach out this week")


def test_reach_out_says_when_messages_go_unanswered(make_vault: WriteVault) -> None:
    log = "".join(f"- 2026-0{month}-01 email #noreply\n" for month in (6, 7, 8))
    root = make_vault({"People/Quiet.md": "---\ntype: contact\ntier: inner\n---\n" + log})
    reach = section(summary_of(root), "## Reach out this week")
    assert "[[Quiet]] — " in reach
    assert "the last 3 messages got no reply (`#noreply`): try an introduction or an event" in reach


@pytest.mark.parametrize(
    ("born", "today", "expected"),
    [
        (dt.date(1980, 11, 29), TODAY, dt.date(2026, 11, 29)),
        (dt.date(1980, 11, 26), TODAY, dt.date(2026, 11, 26)),  # today counts
        (dt.date(1990, 1, 2), dt.date(2026, 12, 28), dt.date(2027, 1, 2)),  # next year
        (dt.date(1604, 2, 29), dt.date(2026, 2, 1), dt.date(2026, 2, 28)),  # leap day
        (dt.date(2000, 2, 29), dt.date(2028, 2, 1), dt.date(2028, 2, 29)),
    ],
)
def test_next_birthday(born: dt.date, today: dt.date, expected: dt.date) -> None:
    assert next_birthday(born, today) == expected


def test_birthdays_past_7_days_are_not_listed(make_vault: WriteVault) -> None:
    far = "---\ntype: contact\nbirthday: 1980-12-04\n---\n"  # in 8 days
    near = "---\ntype: contact\nbirthday: 1980-12-03\n---\n"  # in 7 days
    root = make_vault({"People/Far.md": far, "People/Near.md": near})
    reach = section(summary_of(root), "## Reach out this week")
    assert "[[Near]] — Thu 2026-12-03, in 7 days" in reach
    assert "Far" not in reach


def test_give_back_open_got_and_promises_oldest_first(text: str) -> None:
    give = section(text, "## Give back")
    received = give.index("### Received, not yet returned")
    promised = give.index("### Promised, not yet kept")
    bob, ann = give.index("- [[Bob Overdue]] — got on 2026-09-01"), give.index("- [[Ann Active]]")
    assert received < bob < ann < promised
    assert "(86 days ago)" in give and "; over 60 days: give back\n" in give
    assert (
        "- [[Ann Active]] — got on 2026-11-05 (21 days ago): Lunch with Ann Active "
        "\\#got advice on hiring (in [[2026-11-05]])\n"
    ) in give
    assert (
        "- [[Gus Promise]] — promised on 2026-11-10 (16 days ago): "
        "call: \\#promised send the Guild deck; over 14 days: keep it"
    ) in give


def test_follow_up(text: str) -> None:
    follow = section(text, "## Follow up")
    assert (
        "- [[Eve Followup]] — met 2026-10-20 at [[Fair]] (37 days ago), no interaction since; "
        "53 days left before the 90-day horizon\n"
    ) in follow
    assert "Met in the last 14 days, to follow up soon: [[Fay New]]." in follow


def test_commitments_table_and_totals_against_the_budget(text: str) -> None:
    commitments = section(text, "## Commitments")
    assert (
        "| Circle | Dues a year | Hours a month | Attendance | Renewal | Purpose |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| [[Guild]] | 120 EUR | 3 | 1 of 3 (33 %), low | 2026-12-10 (in 14 days) "
        "| why, meet, offer |\n"
    ) in commitments
    assert "- Time: 5 h a month, 2 h of it events in the next 30 days; budget 6 h — within" in (
        commitments
    )
    assert "- Dues: 120 EUR a year; budget 100 EUR — over budget by 20 EUR\n" in commitments
    assert "- Circles: 1 active; budget 1 — within budget\n" in commitments
    assert "Events in the next 30 days: [[Salon]] (2026-12-05, 2 h)." in commitments


def test_without_a_purpose(text: str) -> None:
    purpose = section(text, "## Without a purpose")
    assert "- [[Club]] (prospect circle) — missing why, offer\n" in purpose
    assert "- [[Salon]] (planned event on 2026-12-05) — missing offer" in purpose
    assert "Guild" not in purpose


def test_data_problems_with_file_and_line(text: str) -> None:
    problems = section(text, "## Data problems")
    assert "1 error and 0 warnings in 1 note" in problems
    assert "| [[People/Broken.md]] | 3 | F001 invalid-front-matter | invalid YAML" in problems


def test_an_empty_vault_says_so_in_every_section(make_vault: WriteVault) -> None:
    text = summary_of(make_vault({"Readme.md": "# Hello\n"}))
    assert [line for line in text.splitlines() if line.startswith("## ")] == SECTIONS
    assert "```" not in text  # no chart of nothing
    assert "Nobody is overdue" in text and "No birthdays in the next 7 days." in text
    assert "No `#gave` or `#got` entries from Dec 2025 to Nov 2026." in text
    assert "No active circles" in text and "No data problems" in text


def test_a_shared_title_links_by_path(make_vault: WriteVault) -> None:
    root = make_vault({"People/Sam.md": "x\n", "Projects/sam.md": "y\n", "People/Ann.md": "z\n"})
    link = Linker(load_vault(root, load_config(root)))
    assert link("People/Sam.md") == "[[People/Sam]]"
    assert link("Projects/sam.md") == "[[Projects/sam]]"
    assert link("People/Ann.md") == "[[Ann]]"
    assert link.file("People/Ann.md") == "[[People/Ann.md]]"
    assert link("People/a#b.md") == "[a\\#b](People/a%23b.md)"


def test_escape_keeps_user_text_literal() -> None:
    assert escape("a|b <i>x</i> *y* _z_ #tag $1 [[L]]") == (
        "a\\|b \\<i\\>x\\</i\\> \\*y\\* \\_z\\_ \\#tag \\$1 \\[\\[L\\]\\]"
    )
    assert escape("see https://x.org/a|b or jo@x.org\nnext") == (
        "see `https://x.org/a`\\|b or `jo@x.org` next"
    )


def test_entry_phrase_drops_date_task_box_and_link_brackets() -> None:
    text = "[ ] [[2026-10-01]] 10:30 call: #promised the [[Acme|Acme Inc]] deck"
    assert entry_phrase(text) == "call: \\#promised the Acme Inc deck"
    assert entry_phrase("2026-10-01 " + "word " * 30, 20) == "word word word word…"


def test_without_a_purpose_lists_what_c005_reports(make_vault: WriteVault) -> None:
    """An event with no status and a date to come is planned for C005: the summary agrees."""
    root = make_vault(
        {
            "Events/Fair.md": "---\ntype: event\ndate: 2026-12-10\nwhy: buyers\n---\n",
            "Events/Past.md": "---\ntype: event\ndate: 2026-01-10\n---\n",
        }
    )
    purpose = section(summary_of(root), "## Without a purpose")
    assert "- [[Fair]] (planned event on 2026-12-10) — missing meet, offer" in purpose
    assert "Past" not in purpose


def test_contacts_that_gave_and_got_nothing_share_their_months(root: Path) -> None:
    """What the chart keeps for each contact: most have none, and share one tuple."""
    from mdnet.summary.glance import _given_and_received

    config = load_config(root)
    vault = load_vault(root, config)
    months = [
        _given_and_received(contact, config, TODAY, ("G003", "give-take-imbalance"))
        for contact in vault.contacts.values()
    ]
    none = [counts for counts in months if not any(counts)]
    assert len(none) >= 2 and all(counts is none[0] for counts in none)
    assert any(any(counts) for counts in months)  # those with some are their own


def test_one_day_is_said_in_the_singular(make_vault: WriteVault) -> None:
    """Thresholds of one day: "over 1 day", "in the last 1 day" (not "1 days")."""
    root = make_vault(
        {
            ".mdnet.toml": "[thresholds]\ngiveback_days = 1\nfollowup_days = 1\n",
            "People/Ann.md": "---\ntype: contact\n---\n- 2026-11-20 call #got advice\n",
            "People/Fay.md": "---\ntype: contact\nmet: 2026-11-26\n---\n",
        }
    )
    text = summary_of(root)
    assert "#got advice; over 1 day: give back\n" in section(text, "## Give back")
    assert "Met in the last 1 day, to follow up soon: [[Fay]]." in section(text, "## Follow up")
