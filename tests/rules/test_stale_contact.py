"""R001 stale-contact: past the cadence since the latest contact made."""

from __future__ import annotations

import datetime as dt

from tests.conftest import TODAY, Files, Lint, where


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def contact(*lines: str, front: str = "") -> str:
    body = "\n".join(lines)
    return f"---\ntype: contact\n{front}---\n{body}\n"


def r001(lint: Lint, files: Files, today: dt.date = TODAY) -> list[str]:
    return [f.message for f in lint(files, select="R001", today=today)]


def test_fires_one_day_past_the_tier_cadence_not_at_it(lint: Lint) -> None:
    at = {"People/Jane Doe.md": contact(f"- {ago(60)} coffee", front="tier: close\n")}
    past = {"People/Jane Doe.md": contact(f"- {ago(61)} coffee", front="tier: close\n")}
    assert r001(lint, at) == []
    findings = lint(past, select="R001")
    assert where(findings) == [("R001", "People/Jane Doe.md", 5)]  # the entry
    assert findings[0].subject == "Jane Doe"
    assert findings[0].message == (
        f'Last interaction {ago(61)} (61 days ago) exceeds the 60-day cadence for tier "close": '
        "overdue by 1 day; reach out."
    )


def test_losing_touch_past_twice_the_cadence(lint: Lint) -> None:
    twice = {"People/Jane.md": contact(f"- {ago(120)} call", front="tier: close\n")}
    beyond = {"People/Jane.md": contact(f"- {ago(121)} call", front="tier: close\n")}
    assert "overdue by 60 days" in r001(lint, twice)[0]
    (message,) = r001(lint, beyond)
    assert "losing touch" in message and "overdue" not in message
    assert message.startswith(f"Last interaction {ago(121)} (121 days ago)")


def test_spec_example_message(lint: Lint) -> None:
    files = {"People/Jane Doe.md": contact("- 2026-05-02 coffee", front="tier: close\n")}
    (message,) = r001(lint, files)
    assert message.startswith(
        'Last interaction 2026-05-02 (208 days ago) exceeds the 60-day cadence for tier "close"'
    )
    assert message.endswith("reach out.")


def test_cadence_field_beats_tier_and_tier_beats_default(lint: Lint) -> None:
    files = {
        "People/Own.md": contact(f"- {ago(31)} call", front="tier: acquaintance\ncadence: 30d\n"),
        "People/Tier.md": contact(f"- {ago(31)} call", front="tier: inner\n"),
        "People/Default.md": contact(f"- {ago(179)} call"),
        "People/Past default.md": contact(f"- {ago(181)} call"),
        "People/Long own.md": contact(f"- {ago(200)} call", front="tier: inner\ncadence: 1y\n"),
    }
    findings = lint(files, select="R001")
    assert sorted(f.subject or "" for f in findings) == ["Own", "Past default", "Tier"]
    messages = {f.subject: f.message for f in findings}
    assert 'the 30-day cadence set by "cadence: 30d"' in messages["Own"]
    assert 'the 30-day cadence for tier "inner"' in messages["Tier"]
    assert "the 180-day default cadence" in messages["Past default"]


def test_no_cadence_switches_it_off(lint: Lint) -> None:
    files = {
        "People/None.md": contact(f"- {ago(900)} call", front="cadence: none\n"),
        "People/Never.md": contact(f"- {ago(900)} call", front="tier: close\ncadence: never\n"),
        "People/Dormant.md": contact(f"- {ago(900)} call", front="tier: dormant\n"),
        "People/Regular.md": contact(f"- {ago(900)} call", front="tier: regular\n"),
        ".mdnet.toml": '[cadence]\nregular = "none"\n',
    }
    assert r001(lint, files) == []


def test_config_default_cadence(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(31)} call"),
        ".mdnet.toml": '[cadence]\ndefault = "30d"\n',
    }
    assert "the 30-day default cadence" in r001(lint, files)[0]


def test_calendar_month_cadence(lint: Lint) -> None:
    # 3 months after 2026-08-31 is 2026-11-30 (clamped), not 90 days later (2026-11-29)
    files = {"People/Jane.md": contact("- 2026-08-31 call", front="cadence: 3m\n")}
    assert r001(lint, files, today=dt.date(2026, 11, 30)) == []
    (message,) = r001(lint, files, today=dt.date(2026, 12, 1))
    assert 'the 3-month cadence set by "cadence: 3m"' in message
    quarterly = {"People/Jane.md": contact("- 2026-08-26 call", front="cadence: quarterly\n")}
    assert r001(lint, quarterly) == []
    assert r001(lint, quarterly, today=dt.date(2026, 11, 27))


def test_snooze_until_silences_it_until_that_date(lint: Lint) -> None:
    def files(until: str) -> dict[str, str | bytes]:
        front = f"tier: close\nsnooze_until: {until}\n"
        return {"People/Jane.md": contact(f"- {ago(200)} call", front=front)}

    assert r001(lint, files("2026-11-27")) == []
    assert r001(lint, files(TODAY.isoformat()))  # the date itself: advice again
    assert r001(lint, files("2026-01-01"))


def test_mdnet_ignore(lint: Lint) -> None:
    for ignored in ("[R001]", "[stale-contact]", "all"):
        front = f"mdnet-ignore: {ignored}\n"
        assert r001(lint, {"People/Jane.md": contact(f"- {ago(400)} call", front=front)}) == []


def test_last_contact_alone_counts_and_gives_the_line(lint: Lint) -> None:
    files = {"People/Jane.md": contact(front=f"tier: close\nlast_contact: {ago(70)}\n")}
    findings = lint(files, select="R001")
    assert where(findings) == [("R001", "People/Jane.md", 4)]
    assert findings[0].message.startswith(f"last_contact {ago(70)} (70 days ago)")


def test_latest_of_last_contact_and_log(lint: Lint) -> None:
    fresh_field = contact(f"- {ago(100)} call", front=f"tier: close\nlast_contact: {ago(10)}\n")
    assert r001(lint, {"People/Jane.md": fresh_field}) == []
    future_field = contact(f"- {ago(100)} call", front="tier: close\nlast_contact: 2027-01-01\n")
    assert r001(lint, {"People/Jane.md": future_field})


def test_line_is_last_contact_or_1_when_the_latest_is_elsewhere(lint: Lint) -> None:
    daily = {"Daily/" + ago(90) + ".md": "Lunch with [[Jane]].\n"}
    with_field = {
        "People/Jane.md": contact(
            f"- {ago(95)} call", front=f"tier: close\nlast_contact: {ago(95)}\n"
        ),
        **daily,
    }
    assert where(lint(with_field, select="R001")) == [("R001", "People/Jane.md", 4)]
    without = {"People/Jane.md": contact(f"- {ago(95)} call", front="tier: close\n"), **daily}
    assert where(lint(without, select="R001")) == [("R001", "People/Jane.md", 1)]


def test_no_interaction_at_all_is_not_r001(lint: Lint) -> None:
    files = {"People/Jane.md": contact(front=f"met: {ago(400)}\n")}
    assert r001(lint, files) == []


def test_mentions_in_another_contacts_log_do_not_count(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(5)} call #gave intro to [[Bob]]"),
        "People/Bob.md": contact(f"- {ago(70)} call", front="tier: close\n"),
    }
    findings = lint(files, select="R001")
    assert [f.subject for f in findings] == ["Bob"]


def test_aliases_in_daily_notes_count(lint: Lint) -> None:
    jane = contact(f"- {ago(70)} call", front="tier: close\naliases: [JD]\n")
    files = {"People/Jane Doe.md": jane, f"Daily/{ago(3)}.md": "Coffee with [[JD|her]].\n"}
    assert r001(lint, files) == []
    dated_item = {"People/Jane Doe.md": jane, "Notes/Log.md": f"- {ago(3)} lunch with [[jd]]\n"}
    assert r001(lint, dated_item) == []


def test_plans_and_future_entries_do_not_count(lint: Lint) -> None:
    jane = contact(f"- {ago(70)} call", f"- [ ] {ago(2)} lunch", "- 2027-01-05 dinner")
    files = {"People/Jane.md": jane.replace("---\n", "---\ntier: close\n", 1)}
    assert r001(lint, files)


def test_code_quotes_embeds_and_tasks_in_daily_notes_do_not_count(lint: Lint) -> None:
    daily = "\n".join(
        [
            "Inline `[[Jane]]` code.",
            "",
            "```",
            "[[Jane]] in a fence",
            "```",
            "",
            "> quoted [[Jane]]",
            "",
            "![[Jane]]",
            "",
            "- [ ] call [[Jane]]",
            "",
        ]
    )
    files = {
        "People/Jane.md": contact(f"- {ago(70)} call", front="tier: close\n"),
        f"Daily/{ago(1)}.md": daily,
    }
    assert r001(lint, files)
