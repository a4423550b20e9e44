"""R004 unanswered-outreach: the last max_unanswered interactions all #noreply."""

from __future__ import annotations

import datetime as dt

from tests.conftest import TODAY, Files, Lint, where


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def contact(*lines: str, front: str = "") -> str:
    body = "\n".join(lines)
    return f"---\ntype: contact\n{front}---\n{body}\n"


NO_REPLY = [
    f"- {ago(60)} email #noreply",
    f"- {ago(40)} email #NoReply",
    f"- {ago(20)} call #noreply",
]


def r004(lint: Lint, files: Files) -> list[str | None]:
    return [f.subject for f in lint(files, select="R004")]


def test_fires_on_three_unanswered_in_a_row(lint: Lint) -> None:
    findings = lint({"People/Alex.md": contact(*NO_REPLY)}, select="R004")
    assert where(findings) == [("R004", "People/Alex.md", 6)]
    assert findings[0].subject == "Alex"
    assert findings[0].message == (
        f"The last 3 interactions ({ago(60)} to {ago(20)}) all went unanswered (#noreply, "
        "max_unanswered = 3); stop writing for now: try an introduction or an event, "
        "or wait for an answer."
    )


def test_needs_at_least_max_unanswered_entries(lint: Lint) -> None:
    assert r004(lint, {"People/Alex.md": contact(*NO_REPLY[1:])}) == []


def test_only_the_last_ones_count(lint: Lint) -> None:
    answered_last = contact(*NO_REPLY, f"- {ago(5)} call: she called back")
    assert r004(lint, {"People/Alex.md": answered_last}) == []
    answered_first = contact(f"- {ago(90)} coffee", *NO_REPLY)
    assert r004(lint, {"People/Alex.md": answered_first}) == ["Alex"]
    answered_between = contact(NO_REPLY[0], f"- {ago(30)} call", *NO_REPLY[1:])
    assert r004(lint, {"People/Alex.md": answered_between}) == []


def test_threshold_from_config(lint: Lint) -> None:
    two = {
        "People/Alex.md": contact(*NO_REPLY[1:]),
        ".mdnet.toml": "[thresholds]\nmax_unanswered = 2\n",
    }
    assert r004(lint, two) == ["Alex"]
    one = {
        "People/Alex.md": contact(NO_REPLY[2]),
        ".mdnet.toml": "[thresholds]\nmax_unanswered = 1\n",
    }
    assert "The last interaction" in lint(one, select="R004")[0].message
    off = {
        "People/Alex.md": contact(*NO_REPLY),
        ".mdnet.toml": "[thresholds]\nmax_unanswered = 0\n",
    }
    assert r004(lint, off) == []


def test_plans_and_future_entries_do_not_count(lint: Lint) -> None:
    plan_after = contact(*NO_REPLY, f"- [ ] {ago(2)} call back")
    assert r004(lint, {"People/Alex.md": plan_after}) == ["Alex"]
    plans = contact(NO_REPLY[0], f"- [ ] {ago(30)} email #noreply", NO_REPLY[2])
    assert r004(lint, {"People/Alex.md": plans}) == []
    future = contact(NO_REPLY[0], NO_REPLY[1], "- 2027-01-01 email #noreply")
    assert r004(lint, {"People/Alex.md": future}) == []


def test_entries_in_daily_notes_count_through_aliases(lint: Lint) -> None:
    files = {
        "People/Alex Kim.md": contact(*NO_REPLY[:2], front="aliases: [AK]\n"),
        f"Daily/{ago(10)}.md": "- pinged [[AK]] again #noreply\n",
    }
    findings = lint(files, select="R004")
    assert where(findings) == [("R004", "People/Alex Kim.md", 6)]  # the latest in its own note
    files[f"Daily/{ago(10)}.md"] = "- pinged [[AK]]: we talked\n"
    assert r004(lint, files) == []


def test_line_1_when_none_is_in_the_contact_note(lint: Lint) -> None:
    log = "\n".join(f"- {ago(days)} email [[Alex]] #noreply" for days in (30, 20, 10))
    files = {"People/Alex.md": contact(), "Notes/Outreach.md": log + "\n"}
    assert where(lint(files, select="R004")) == [("R004", "People/Alex.md", 1)]


def test_mentions_are_not_outreach_to_the_person_mentioned(lint: Lint) -> None:
    files = {
        "People/Alex.md": contact(*(f"{line} about [[Bo]]" for line in NO_REPLY)),
        "People/Bo.md": contact(),
    }
    assert r004(lint, files) == ["Alex"]


def test_code_spans_do_not_tag(lint: Lint) -> None:
    files = {"People/Alex.md": contact(*NO_REPLY[:2], f"- {ago(5)} note: `#noreply` tag")}
    assert r004(lint, files) == []


def test_snooze_until(lint: Lint) -> None:
    snoozed = contact(*NO_REPLY, front="snooze_until: 2027-02-01\n")
    assert r004(lint, {"People/Alex.md": snoozed}) == []
    over = contact(*NO_REPLY, front=f"snooze_until: {ago(0)}\n")
    assert r004(lint, {"People/Alex.md": over}) == ["Alex"]


def test_mdnet_ignore(lint: Lint) -> None:
    for ignored in ("[R004]", "[unanswered-outreach]", "all"):
        files = {"People/Alex.md": contact(*NO_REPLY, front=f"mdnet-ignore: {ignored}\n")}
        assert r004(lint, files) == []
