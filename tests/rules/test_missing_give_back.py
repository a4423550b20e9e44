"""G001 missing-give-back: a #got with no #gave to that contact since; open_givebacks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mdnet.config import Config
from mdnet.model.giveback import open_givebacks
from mdnet.model.vault import Vault
from tests.conftest import TODAY, Files, Lint, where


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def contact(*lines: str, front: str = "") -> str:
    body = "\n".join(lines)
    return f"---\ntype: contact\n{front}---\n{body}\n"


def g001(lint: Lint, files: Files) -> list[tuple[str, str, int]]:
    return where(lint(files, select="G001"))


def test_fires_past_giveback_days_not_at_it(lint: Lint) -> None:
    assert g001(lint, {"People/Jane.md": contact(f"- {ago(60)} call #got an intro")}) == []
    findings = lint({"People/Jane.md": contact(f"- {ago(61)} call #got an intro")}, select="G001")
    assert where(findings) == [("G001", "People/Jane.md", 4)]
    assert findings[0].subject == "Jane"
    assert findings[0].message == (
        f'Received {ago(61)} (61 days ago) from "Jane" and nothing given back since '
        "(giveback_days = 60); offer something of value and log it with #gave."
    )


def test_threshold_from_config(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(31)} call #got advice"),
        ".mdnet.toml": "[thresholds]\ngiveback_days = 30\n",
    }
    assert g001(lint, files) == [("G001", "People/Jane.md", 4)]


def test_a_gave_on_or_after_it_closes_it(lint: Lint) -> None:
    got = f"- {ago(100)} call #got an intro"
    same_day = contact(got, f"- {ago(100)} email #gave thanks and an article")
    later = contact(got, f"- {ago(10)} lunch #Gave feedback")
    exchange = contact(f"- {ago(100)} call #got an intro #gave advice")
    before = contact(f"- {ago(101)} call #gave advice", got)
    assert g001(lint, {"People/Jane.md": same_day}) == []
    assert g001(lint, {"People/Jane.md": later}) == []
    assert g001(lint, {"People/Jane.md": exchange}) == []
    assert g001(lint, {"People/Jane.md": before}) == [("G001", "People/Jane.md", 5)]


def test_each_open_got_fires(lint: Lint) -> None:
    jane = contact(
        f"- {ago(200)} #got a",
        f"- {ago(150)} #gave b",
        f"- {ago(90)} #got c",
        f"- {ago(70)} #got d",
    )
    assert g001(lint, {"People/Jane.md": jane}) == [
        ("G001", "People/Jane.md", 6),
        ("G001", "People/Jane.md", 7),
    ]


def test_planned_or_future_gifts_do_not_close_it(lint: Lint) -> None:
    got = f"- {ago(100)} call #got an intro"
    assert g001(lint, {"People/Jane.md": contact(got, f"- [ ] {ago(5)} #gave a referral")})
    assert g001(lint, {"People/Jane.md": contact(got, "- 2027-01-10 #gave a referral")})
    assert g001(lint, {"People/Jane.md": contact(got, f"- [x] {ago(5)} #gave a referral")}) == []


def test_a_planned_got_is_not_received(lint: Lint) -> None:
    assert g001(lint, {"People/Jane.md": contact(f"- [ ] {ago(100)} #got an intro")}) == []


def test_entries_in_daily_notes_through_aliases(lint: Lint) -> None:
    files = {
        "People/Jane Doe.md": contact(front="aliases: [JD]\n"),
        "Notes/Log.md": f"# Log\n\n- {ago(90)} [[JD]] #got a referral\n",
    }
    findings = lint(files, select="G001")
    assert where(findings) == [("G001", "Notes/Log.md", 3)]
    assert findings[0].subject == "Jane Doe"
    files[f"Daily/{ago(2)}.md"] = "Sent [[JD]] a lead. #gave\n"
    assert g001(lint, files) == []


def test_mentions_are_not_exchanges_with_the_person_mentioned(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(100)} #got an intro to [[Bob]]"),
        "People/Bob.md": contact(f"- {ago(100)} #got advice"),
        "People/Ann.md": contact(f"- {ago(5)} #gave an intro to [[Bob]]"),
    }
    assert sorted(g001(lint, files)) == [
        ("G001", "People/Bob.md", 4),
        ("G001", "People/Jane.md", 4),
    ]


def test_code_quotes_embeds_and_tasks_in_a_daily_note_do_not_give(lint: Lint) -> None:
    daily = "`[[Jane]] #gave`\n\n> [[Jane]] #gave\n\n![[Jane]] #gave\n\n- [ ] [[Jane]] #gave\n"
    files = {
        "People/Jane.md": contact(f"- {ago(100)} #got an intro"),
        f"Daily/{ago(3)}.md": daily,
    }
    assert g001(lint, files) == [("G001", "People/Jane.md", 4)]


def test_snooze_until(lint: Lint) -> None:
    snoozed = contact(f"- {ago(100)} #got a", front="snooze_until: 2027-01-01\n")
    assert g001(lint, {"People/Jane.md": snoozed}) == []
    over = contact(f"- {ago(100)} #got a", front=f"snooze_until: {ago(0)}\n")
    assert g001(lint, {"People/Jane.md": over})


def test_mdnet_ignore_on_the_contact_or_the_note_of_the_entry(lint: Lint) -> None:
    for ignored in ("[G001]", "[missing-give-back]", "all"):
        jane = contact(f"- {ago(100)} #got a", front=f"mdnet-ignore: {ignored}\n")
        files = {"People/Jane.md": jane, "Notes/Log.md": f"- {ago(90)} [[Jane]] #got b\n"}
        assert g001(lint, files) == []
    files = {
        "People/Jane.md": contact(),
        "Notes/Log.md": f"---\nmdnet-ignore: [G001]\n---\n- {ago(90)} [[Jane]] #got b\n",
    }
    assert g001(lint, files) == []


def test_open_givebacks_lists_all_open_ones_with_their_age(
    load: Callable[..., Vault],
) -> None:
    vault = load(
        {
            "People/Jane.md": contact(
                f"- {ago(200)} #got a",
                f"- {ago(100)} #gave b",
                f"- {ago(10)} #got c",
                f"- {ago(80)} #got d",
            )
        }
    )
    pending = open_givebacks(vault.contacts["People/Jane.md"], Config(), TODAY)
    assert [(p.entry.line, p.days, p.limit, p.overdue) for p in pending] == [
        (7, 80, 60, True),
        (6, 10, 60, False),
    ]


def test_one_day_is_said_in_the_singular(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(1)} call #got an intro"),
        ".mdnet.toml": "[thresholds]\ngiveback_days = 0\n",
    }
    (finding,) = lint(files, select="G001")
    assert finding.message.startswith(f'Received {ago(1)} (1 day ago) from "Jane" and nothing')
