"""R003 no-follow-up: met recently, no interaction since."""

from __future__ import annotations

import datetime as dt

from mdnet.config import load_config
from mdnet.model.health import NEW, PASSIVE, standing
from mdnet.pipeline import load_vault
from tests.conftest import TODAY, Files, Lint, WriteVault, where


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def contact(*lines: str, front: str = "") -> str:
    body = "\n".join(lines)
    return f"---\ntype: contact\n{front}---\n{body}\n"


def r003(lint: Lint, files: Files) -> list[str | None]:
    return [f.subject for f in lint(files, select="R003")]


def test_fires_between_followup_days_and_the_horizon(lint: Lint) -> None:
    def met(days: int) -> dict[str, str | bytes]:
        return {"People/Sam.md": contact(front=f"met: {ago(days)}\n")}

    assert r003(lint, met(14)) == []
    assert r003(lint, met(15)) == ["Sam"]
    assert r003(lint, met(90)) == ["Sam"]
    assert r003(lint, met(91)) == []


def test_message_and_line(lint: Lint) -> None:
    files = {"People/Sam.md": contact(front=f"source: card\nmet: {ago(49)}\n")}
    findings = lint(files, select="R003")
    assert where(findings) == [("R003", "People/Sam.md", 4)]
    assert findings[0].message == (
        f"Met {ago(49)} (49 days ago) and no interaction since; follow up now "
        "(41 days left before the 90-day horizon)."
    )


def test_thresholds_from_config(lint: Lint) -> None:
    files = {
        "People/Sam.md": contact(front=f"met: {ago(10)}\n"),
        "People/Old.md": contact(front=f"met: {ago(150)}\n"),
        ".mdnet.toml": "[thresholds]\nfollowup_days = 7\nfollowup_horizon_days = 180\n",
    }
    assert sorted(r003(lint, files), key=str) == ["Old", "Sam"]


def test_met_at_an_event_gives_the_date(lint: Lint) -> None:
    files = {
        "People/Sam.md": contact(front='met_at: "[[DevOps Days]]"\n'),
        "Events/DevOps Days.md": f"---\ntype: event\ndate: {ago(49)}\n---\n",
    }
    findings = lint(files, select="R003")
    assert where(findings) == [("R003", "People/Sam.md", 3)]
    assert f'Met {ago(49)} at "DevOps Days"' in findings[0].message


def test_attended_event_listing_them_counts_as_met(lint: Lint) -> None:
    event = (
        "---\ntype: event\nstatus: {status}\ndate: " + ago(30) + "\nattendees: ['[[Sam]]']\n---\n"
    )
    attended = {"People/Sam.md": contact(), "Events/Meetup.md": event.format(status="attended")}
    planned = {"People/Sam.md": contact(), "Events/Meetup.md": event.format(status="planned")}
    assert where(lint(attended, select="R003")) == [("R003", "People/Sam.md", 1)]
    assert r003(lint, planned) == []


def test_the_earliest_meeting_wins(lint: Lint) -> None:
    files = {
        "People/Sam.md": contact(front=f"met: {ago(200)}\n"),
        "Events/Meetup.md": f"---\ntype: event\nstatus: attended\ndate: {ago(30)}\n---\n[[Sam]]\n",
    }
    assert r003(lint, files) == []  # met 200 days ago: passive, not a follow-up


def test_at_most_one_of_r001_and_r003(lint: Lint) -> None:
    files = {
        "People/Sam.md": contact(f"- {ago(40)} call", front=f"met: {ago(40)}\ncadence: 30d\n"),
        "People/Kim.md": contact(front=f"met: {ago(40)}\nlast_contact: {ago(40)}\ncadence: 30d\n"),
    }
    findings = lint(files, select="R00")
    assert sorted(where(findings)) == [
        ("R001", "People/Kim.md", 4),
        ("R001", "People/Sam.md", 6),
    ]


def test_snooze_until(lint: Lint) -> None:
    snoozed = {"People/Sam.md": contact(front=f"met: {ago(30)}\nsnooze_until: 2026-12-01\n")}
    over = {"People/Sam.md": contact(front=f"met: {ago(30)}\nsnooze_until: {ago(0)}\n")}
    assert r003(lint, snoozed) == []
    assert r003(lint, over) == ["Sam"]


def test_mdnet_ignore(lint: Lint) -> None:
    for ignored in ("[R003]", "[no-follow-up]", "all"):
        files = {"People/Sam.md": contact(front=f"met: {ago(30)}\nmdnet-ignore: {ignored}\n")}
        assert r003(lint, files) == []


def test_a_mention_in_another_log_is_no_follow_up(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(3)} call: #gave an intro to [[Sam]]"),
        "People/Sam.md": contact(front=f"met: {ago(30)}\n"),
    }
    assert r003(lint, files) == ["Sam"]


def test_an_alias_in_a_daily_note_is_a_follow_up(lint: Lint) -> None:
    files = {
        "People/Samuel Lee.md": contact(front=f"met: {ago(30)}\naliases: [Sam]\n"),
        f"Daily/{ago(20)}.md": "Emailed [[Sam]] the slides.\n",
    }
    assert r003(lint, files) == []


def test_plans_code_quotes_and_embeds_are_no_follow_up(lint: Lint) -> None:
    daily = "`[[Sam]]`\n\n> [[Sam]]\n\n![[Sam]]\n\n- [ ] write to [[Sam]]\n\n```\n[[Sam]]\n```\n"
    files = {
        "People/Sam.md": contact(f"- [ ] {ago(1)} coffee", front=f"met: {ago(30)}\n"),
        f"Daily/{ago(20)}.md": daily,
    }
    assert r003(lint, files) == ["Sam"]


def test_met_on_a_future_date_is_new_not_passive(make_vault: WriteVault) -> None:
    root = make_vault(
        {
            "People/Soon.md": contact(front="met: 2026-12-10\n"),
            "People/Long ago.md": contact(front="met: 2020-01-01\n"),
        }
    )
    config = load_config(root)
    vault = load_vault(root, config)
    states = {c.title: standing(c, config, TODAY).state for c in vault.contacts.values()}
    assert states == {"Soon": NEW, "Long ago": PASSIVE}


def test_one_day_is_said_in_the_singular(lint: Lint) -> None:
    config = "[thresholds]\nfollowup_days = 0\nfollowup_horizon_days = 2\n"
    files = {"People/Sam.md": contact(front=f"met: {ago(1)}\n"), ".mdnet.toml": config}
    (finding,) = lint(files, select="R003")
    assert finding.message == (
        f"Met {ago(1)} (1 day ago) and no interaction since; follow up now "
        "(1 day left before the 2-day horizon)."
    )
    at = {"People/Sam.md": contact(front="met_at: '[[Fair]]'\n"), ".mdnet.toml": config}
    at["Events/Fair.md"] = f"---\ntype: event\ndate: {ago(1)}\nstatus: attended\n---\n"
    (finding,) = lint(at, select="R003")
    assert finding.message.startswith(f'Met {ago(1)} at "Fair" (1 day ago) and no')
