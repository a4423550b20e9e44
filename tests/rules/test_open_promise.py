"""G002 open-promise: a #promised older than promise_days still open; open_promises."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mdnet.config import Config
from mdnet.model.giveback import open_promises
from mdnet.model.vault import Vault
from tests.conftest import TODAY, Files, Lint, where


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def contact(*lines: str, front: str = "") -> str:
    body = "\n".join(lines)
    return f"---\ntype: contact\n{front}---\n{body}\n"


PROMISE = f"- {ago(30)} coffee #promised to send the deck"


def g002(lint: Lint, files: Files) -> list[tuple[str, str, int]]:
    return where(lint(files, select="G002"))


def jane(*lines: str) -> dict[str, str | bytes]:
    return {"People/Jane.md": contact(*lines)}


def test_fires_past_promise_days_not_at_it(lint: Lint) -> None:
    assert g002(lint, jane(f"- {ago(14)} #promised a deck")) == []
    findings = lint(jane(f"- {ago(15)} #promised a deck"), select="G002")
    assert where(findings) == [("G002", "People/Jane.md", 4)]
    assert findings[0].subject == "Jane"
    assert findings[0].message == (
        f'Promised {ago(15)} (15 days ago) to "Jane", still open (promise_days = 14); '
        "keep it and log it with #done or #gave, or check its task."
    )


def test_threshold_from_config(lint: Lint) -> None:
    files = {**jane(f"- {ago(8)} #promised x"), ".mdnet.toml": "[thresholds]\npromise_days = 7\n"}
    assert g002(lint, files) == [("G002", "People/Jane.md", 4)]


def test_kept_by_a_later_gave_or_done(lint: Lint) -> None:
    assert g002(lint, jane(PROMISE, f"- {ago(20)} email #gave the deck")) == []
    assert g002(lint, jane(PROMISE, f"- {ago(30)} email #done")) == []  # same day, another entry
    assert g002(lint, jane(f"- {ago(30)} #promised x #done")) == []  # kept on the spot
    assert g002(lint, jane(f"- {ago(31)} #done", PROMISE)) == [("G002", "People/Jane.md", 5)]


def test_its_own_gave_does_not_keep_it(lint: Lint) -> None:
    own = jane(f"- {ago(30)} coffee #gave advice and #promised an intro")
    assert g002(lint, own) == [("G002", "People/Jane.md", 4)]


def test_checked_task_keeps_it_open_task_counts(lint: Lint) -> None:
    assert g002(lint, jane(f"- [x] {ago(30)} #promised the deck")) == []
    assert g002(lint, jane(f"- [ ] {ago(30)} #promised the deck")) == [
        ("G002", "People/Jane.md", 4)
    ]
    assert g002(lint, jane(f"- [ ] {ago(30)} #promised a", f"- [x] {ago(5)} #done")) == []


def test_planned_or_future_keeping_does_not_count(lint: Lint) -> None:
    assert g002(lint, jane(PROMISE, f"- [ ] {ago(5)} #done send it"))
    assert g002(lint, jane(PROMISE, "- 2027-01-02 #gave the deck"))


def test_future_promises_are_not_open_yet(lint: Lint) -> None:
    assert g002(lint, jane("- [ ] 2026-12-20 lunch #promised a book")) == []


def test_promises_in_daily_notes_through_aliases(lint: Lint) -> None:
    files: dict[str, str | bytes] = {
        "People/Jane Doe.md": contact(front="aliases: [JD]\n"),
        f"Daily/{ago(30)}.md": "# Day\n\nLunch with [[JD]], #promised an intro.\n",
    }
    findings = lint(files, select="G002")
    assert where(findings) == [("G002", f"Daily/{ago(30)}.md", 3)]
    assert findings[0].subject == "Jane Doe"
    files["People/Jane Doe.md"] = contact(f"- {ago(2)} #done intro to Bob", front="aliases: [JD]\n")
    assert g002(lint, files) == []


def test_mentions_neither_promise_nor_keep(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(30)} #promised an intro to [[Bob]]"),
        "People/Bob.md": contact(f"- {ago(30)} #promised feedback"),
        "People/Ann.md": contact(f"- {ago(3)} #done sent feedback to [[Bob]]"),
    }
    assert sorted(g002(lint, files)) == [
        ("G002", "People/Bob.md", 4),
        ("G002", "People/Jane.md", 4),
    ]


def test_code_quotes_and_embeds_do_not_keep_it(lint: Lint) -> None:
    daily = "`[[Jane]] #done`\n\n> [[Jane]] #done\n\n![[Jane]] #done\n"
    files = {**jane(PROMISE), f"Daily/{ago(3)}.md": daily}
    assert g002(lint, files) == [("G002", "People/Jane.md", 4)]


def test_snooze_until(lint: Lint) -> None:
    snoozed = {"People/Jane.md": contact(PROMISE, front="snooze_until: 2026-12-24\n")}
    assert g002(lint, snoozed) == []
    over = {"People/Jane.md": contact(PROMISE, front=f"snooze_until: {ago(0)}\n")}
    assert g002(lint, over) == [("G002", "People/Jane.md", 5)]


def test_mdnet_ignore_on_the_contact_or_the_note_of_the_entry(lint: Lint) -> None:
    for ignored in ("[G002]", "[open-promise]", "all"):
        files = {
            "People/Jane.md": contact(PROMISE, front=f"mdnet-ignore: {ignored}\n"),
            "Notes/Log.md": f"- {ago(30)} [[Jane]] #promised b\n",
        }
        assert g002(lint, files) == []
    files = {
        "People/Jane.md": contact(),
        "Notes/Log.md": f"---\nmdnet-ignore: [G002]\n---\n- {ago(30)} [[Jane]] #promised b\n",
    }
    assert g002(lint, files) == []


def test_open_promises_lists_all_open_ones_with_their_age(load: Callable[..., Vault]) -> None:
    vault = load(
        jane(
            f"- {ago(40)} #promised a",
            f"- {ago(35)} #gave a",
            PROMISE,
            f"- [ ] {ago(3)} #promised c",
        )
    )
    pending = open_promises(vault.contacts["People/Jane.md"], Config(), TODAY)
    assert [(p.entry.line, p.days, p.limit, p.overdue) for p in pending] == [
        (6, 30, 14, True),
        (7, 3, 14, False),
    ]


def test_one_day_is_said_in_the_singular(lint: Lint) -> None:
    files = {
        **jane(f"- {ago(1)} #promised a deck"),
        ".mdnet.toml": "[thresholds]\npromise_days = 0\n",
    }
    (finding,) = lint(files, select="G002")
    assert finding.message.startswith(f'Promised {ago(1)} (1 day ago) to "Jane", still open')
