"""R002 passive-network: too many contacts with no interaction at all."""

from __future__ import annotations

import datetime as dt

from mdnet.config import load_config
from mdnet.pipeline import load_vault
from mdnet.rules.runner import Selection, run_rules
from tests.conftest import TODAY, Files, Lint, WriteVault, codes, where


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def contact(*lines: str, front: str = "") -> str:
    body = "\n".join(lines)
    return f"---\ntype: contact\n{front}---\n{body}\n"


ACTIVE = contact(f"- {ago(3)} call")


def r002(lint: Lint, files: Files) -> list[str]:
    return [f.message for f in lint(files, select="R002")]


def test_fires_above_the_share_not_at_it(lint: Lint) -> None:
    half = {"People/A.md": ACTIVE, "People/B.md": contact()}
    assert r002(lint, half) == []
    more = {**half, "People/C.md": contact()}
    findings = lint(more, select="R002")
    assert where(findings) == [("R002", "", 0)]
    assert findings[0].subject is None
    assert findings[0].message == (
        "2 of 3 contacts (67%) have no interaction at all, above the 50% limit "
        '(max_passive_share = 0.5); reactivate a few: "B", "C".'
    )


def test_threshold_from_config(lint: Lint) -> None:
    files = {
        "People/A.md": ACTIVE,
        "People/B.md": ACTIVE,
        "People/C.md": contact(),
        ".mdnet.toml": "[thresholds]\nmax_passive_share = 0.25\n",
    }
    assert "1 of 3 contacts (33%)" in r002(lint, files)[0]


def test_no_contacts_no_finding(lint: Lint) -> None:
    assert r002(lint, {"Notes/Idea.md": "nothing\n"}) == []


def test_names_closer_tiers_then_the_most_recently_met_at_most_5(lint: Lint) -> None:
    files: dict[str, str | bytes] = {
        "People/Dormant.md": contact(front="tier: dormant\n"),
        "People/Off.md": contact(front=f"cadence: none\nmet: {ago(100)}\n"),
        "People/Untiered.md": contact(front=f"met: {ago(95)}\n"),
        "People/Regular.md": contact(front="tier: regular\n"),
        "People/Close old.md": contact(front=f"tier: close\nmet: {ago(900)}\n"),
        "People/Close new.md": contact(front=f"tier: close\nmet: {ago(300)}\n"),
        "People/Close unmet.md": contact(front="tier: close\n"),
        "People/Inner.md": contact(front="tier: inner\n"),
    }
    (message,) = r002(lint, files)
    assert message.endswith(
        'reactivate a few: "Inner", "Close new", "Close old", "Close unmet", "Regular".'
    )


def test_recently_met_contacts_are_not_passive(lint: Lint) -> None:
    files = {
        "People/New.md": contact(front=f"met: {ago(5)}\n"),
        "People/Follow up.md": contact(front=f"met: {ago(60)}\n"),
        "People/Card.md": contact(front=f"met: {ago(91)}\n"),
    }
    assert r002(lint, files) == []  # 1 of 3
    files["People/Card 2.md"] = contact()
    assert "2 of 4" not in "".join(r002(lint, files))  # exactly half: no finding
    files["People/Card 3.md"] = contact()
    assert "3 of 5 contacts (60%)" in r002(lint, files)[0]


def test_last_contact_alone_is_not_passive(lint: Lint) -> None:
    files = {
        "People/A.md": contact(front=f"last_contact: {ago(400)}\n"),
        "People/B.md": contact(front=f"last_contact: {ago(400)}\n"),
        "People/C.md": contact(),
    }
    assert r002(lint, files) == []


def test_snoozed_contacts_count_but_are_not_named(lint: Lint) -> None:
    files = {
        "People/A.md": ACTIVE,
        "People/B.md": contact(front="snooze_until: 2027-03-01\n"),
        "People/C.md": contact(),
    }
    (message,) = r002(lint, files)
    assert message.startswith("2 of 3 contacts")
    assert message.endswith('reactivate a few: "C".')
    files["People/C.md"] = contact(front="snooze_until: 2027-03-01\n")
    assert r002(lint, files)[0].endswith("; reactivate a few of them.")


def test_mdnet_ignore_leaves_a_contact_out(lint: Lint) -> None:
    files = {
        "People/A.md": ACTIVE,
        "People/B.md": contact(front="mdnet-ignore: [R002]\n"),
        "People/C.md": contact(front="mdnet-ignore: [passive-network]\n"),
        "People/D.md": contact(),
    }
    assert r002(lint, files) == []  # 1 of 2
    files["People/E.md"] = contact(front="mdnet-ignore: [R001]\n")
    assert r002(lint, files)[0].startswith("2 of 3 contacts")


def test_ignored_in_config(make_vault: WriteVault) -> None:
    root = make_vault({"People/B.md": contact(), ".mdnet.toml": '[rules]\nignore = ["R002"]\n'})
    config = load_config(root)
    findings = run_rules(load_vault(root, config), config, TODAY, Selection.from_config(config))
    assert codes(findings) == []


def test_mentions_do_not_make_a_contact_active(lint: Lint) -> None:
    files = {
        "People/A.md": contact(f"- {ago(3)} call: #gave intros to [[B]] and [[C]]"),
        "People/B.md": contact(),
        "People/C.md": contact(),
    }
    assert r002(lint, files)[0].startswith("2 of 3 contacts")


def test_aliases_in_daily_notes_make_a_contact_active(lint: Lint) -> None:
    files = {
        "People/A.md": ACTIVE,
        "People/Bea Stone.md": contact(front="aliases: [Bea]\n"),
        "People/C.md": contact(),
        f"Daily/{ago(200)}.md": "Met [[Bea]] for lunch.\n",
    }
    assert r002(lint, files) == []


def test_plans_code_quotes_and_embeds_do_not_count(lint: Lint) -> None:
    daily = "`[[B]]`\n\n> [[B]]\n\n![[B]]\n\n- [ ] call [[B]]\n\n```\n[[B]]\n```\n"
    files = {
        "People/A.md": ACTIVE,
        "People/B.md": contact(f"- [ ] {ago(1)} lunch", "- 2027-02-01 dinner"),
        "People/C.md": contact(),
        f"Daily/{ago(2)}.md": daily,
    }
    assert r002(lint, files)[0].startswith("2 of 3 contacts")


def test_one_passive_contact_has_no_interaction_in_the_singular(lint: Lint) -> None:
    (message,) = r002(lint, {"People/B.md": contact()})
    assert message.startswith("1 of 1 contacts (100%) has no interaction at all, above the 50%")
