"""G003 give-take-imbalance: vault-wide #gave / #got over 365 days below min_give_ratio."""

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


GOT3 = [f"- {ago(days)} call #got help" for days in (100, 50, 10)]


def g003(lint: Lint, files: Files) -> list[str]:
    return [f.message for f in lint(files, select="G003")]


def test_fires_below_the_ratio_not_at_it(lint: Lint) -> None:
    below = {"People/Jane.md": contact(*GOT3, f"- {ago(5)} #gave a", f"- {ago(4)} #gave b")}
    findings = lint(below, select="G003")
    assert where(findings) == [("G003", "", 0)]
    assert findings[0].message == (
        "Over the last 365 days you gave 2 times (#gave) and received 3 times (#got): "
        "a ratio of 0.67, below min_give_ratio = 1; give back: an intro, advice, a referral."
    )
    at = {
        "People/Jane.md": contact(
            *GOT3, f"- {ago(5)} #gave a", "- 2026-11-01 #gave b", f"- {ago(3)} #gave c"
        )
    }
    assert g003(lint, at) == []


def test_needs_at_least_three_got(lint: Lint) -> None:
    assert g003(lint, {"People/Jane.md": contact(*GOT3[:2])}) == []
    assert "gave 0 times" in g003(lint, {"People/Jane.md": contact(*GOT3)})[0]


def test_across_contacts_and_notes(lint: Lint) -> None:
    files = {
        "People/Jane Doe.md": contact(GOT3[0], front="aliases: [JD]\n"),
        "People/Bob.md": contact(GOT3[1]),
        f"Daily/{ago(7)}.md": "Call with [[JD]]: #got a lead.\n",
        "Notes/Log.md": f"- {ago(2)} helped [[Bob]] #gave\n",
    }
    assert "gave 1 time (#gave) and received 3 times" in g003(lint, files)[0]


def test_the_365_days_up_to_today(lint: Lint) -> None:
    old = [f"- {ago(365)} #got old", f"- {ago(364)} #got a", f"- {ago(2)} #got b"]
    assert g003(lint, {"People/Jane.md": contact(*old)}) == []
    old.append(f"- {ago(0)} #got c")
    assert "received 3 times" in g003(lint, {"People/Jane.md": contact(*old)})[0]


def test_plans_and_future_entries_do_not_count(lint: Lint) -> None:
    files = {"People/Jane.md": contact(*GOT3[:2], f"- [ ] {ago(1)} #got x", "- 2027-01-01 #got y")}
    assert g003(lint, files) == []
    files = {"People/Jane.md": contact(*GOT3, f"- [ ] {ago(1)} #gave x", "- 2027-01-01 #gave y")}
    assert "gave 0 times" in g003(lint, files)[0]


def test_mentions_code_and_quotes_do_not_count(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(*GOT3, f"- {ago(3)} call: `#gave` about [[Bob]]"),
        "People/Bob.md": contact(),
        f"Daily/{ago(2)}.md": "> [[Bob]] #gave\n\n![[Bob]] #gave\n\n```\n[[Bob]] #gave\n```\n",
    }
    assert "gave 0 times" in g003(lint, files)[0]


def test_ratio_from_config(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(*GOT3, f"- {ago(5)} #gave a"),
        ".mdnet.toml": "[thresholds]\nmin_give_ratio = 0.3\n",
    }
    assert g003(lint, files) == []
    files[".mdnet.toml"] = "[thresholds]\nmin_give_ratio = 0.5\n"
    assert "below min_give_ratio = 0.5" in g003(lint, files)[0]


def test_mdnet_ignore_leaves_a_contact_out(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(*GOT3, front="mdnet-ignore: [G003]\n"),
        "People/Bob.md": contact(*GOT3[:2]),
    }
    assert g003(lint, files) == []


def test_ignored_in_config(make_vault: WriteVault) -> None:
    root = make_vault(
        {
            "People/Jane.md": contact(*GOT3),
            ".mdnet.toml": '[rules]\nignore = ["give-take-imbalance"]\n',
        }
    )
    config = load_config(root)
    findings = run_rules(load_vault(root, config), config, TODAY, Selection.from_config(config))
    assert "G001" in codes(findings)
    assert "G003" not in codes(findings)
