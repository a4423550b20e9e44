"""G004 confidential-share: a #gave entry naming a confidential term or note."""

from __future__ import annotations

import datetime as dt

from tests.conftest import TODAY, Files, Lint, where


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def contact(*lines: str, front: str = "") -> str:
    body = "\n".join(lines)
    return f"---\ntype: contact\n{front}---\n{body}\n"


TERMS = '[confidential]\nterms = ["Falcon", "Acme deal"]\n'


def g004(lint: Lint, files: Files) -> list[tuple[str, str, int]]:
    return where(lint(files, select="G004"))


def test_a_term_as_a_whole_word_in_any_case(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(5)} lunch #gave an overview of FALCON"),
        ".mdnet.toml": TERMS,
    }
    findings = lint(files, select="G004")
    assert where(findings) == [("G004", "People/Jane.md", 4)]
    assert findings[0].subject == "Jane"
    assert findings[0].message == (
        'This #gave entry names the confidential term "Falcon"; check that nothing strategic '
        "was shared, then reword it or silence it with mdnet-ignore."
    )
    for text in ("falconry tips", "Falcons", "the falcon_v2 repo", "MyFalcon"):
        files["People/Jane.md"] = contact(f"- {ago(5)} lunch #gave {text}")
        assert g004(lint, files) == [], text


def test_terms_of_several_words(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(5)} #gave notes on the acme\n  Deal"),
        ".mdnet.toml": TERMS,
    }
    assert g004(lint, files) == [("G004", "People/Jane.md", 4)]


def test_only_gave_entries(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(
            f"- {ago(5)} #got news of Falcon", f"- {ago(4)} call about Falcon"
        ),
        ".mdnet.toml": TERMS,
    }
    assert g004(lint, files) == []


def test_no_terms_no_finding(lint: Lint) -> None:
    assert g004(lint, {"People/Jane.md": contact(f"- {ago(5)} #gave Falcon")}) == []


def test_a_link_to_a_confidential_note(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(5)} #gave a look at [[Roadmap 2027|the roadmap]]"),
        "Projects/Roadmap 2027.md": "---\nconfidential: true\n---\nsecret\n",
    }
    findings = lint(files, select="G004")
    assert where(findings) == [("G004", "People/Jane.md", 4)]
    assert 'links the confidential note "Roadmap 2027"' in findings[0].message
    files["Projects/Roadmap 2027.md"] = "---\nconfidential: false\n---\n"
    assert g004(lint, files) == []


def test_both_reasons_in_one_finding(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(5)} #gave Falcon and [[Plan]]"),
        "Plan.md": "---\nconfidential: true\n---\n",
        ".mdnet.toml": TERMS,
    }
    (finding,) = lint(files, select="G004")
    assert 'names the confidential term "Falcon" and links the confidential note "Plan"' in (
        finding.message
    )


def test_the_contacts_given_to_are_not_leaks(lint: Lint) -> None:
    files = {
        "People/Jane Doe.md": contact(front="confidential: true\naliases: [JD]\n"),
        "People/Bob.md": contact(front="confidential: true\n"),
        "Notes/Log.md": f"- {ago(5)} lunch with [[JD]] #gave advice\n",
        "People/Ann.md": contact(f"- {ago(5)} #gave an intro to [[Bob]]"),
    }
    assert g004(lint, files) == [("G004", "People/Ann.md", 4)]  # Bob, a mention, is a leak


def test_one_finding_for_an_entry_with_several_contacts(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(),
        "People/Bob.md": contact(),
        f"Daily/{ago(3)}.md": "Lunch with [[Jane]] and [[Bob]], #gave the Falcon demo.\n",
        ".mdnet.toml": TERMS,
    }
    findings = lint(files, select="G004")
    assert where(findings) == [("G004", f"Daily/{ago(3)}.md", 1)]
    assert findings[0].subject == "Bob"


def test_plans_count_too(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact("- [ ] 2026-12-10 #gave the Falcon deck"),
        ".mdnet.toml": TERMS,
    }
    assert g004(lint, files) == [("G004", "People/Jane.md", 4)]


def test_snooze_does_not_hide_a_leak(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(f"- {ago(5)} #gave Falcon", front="snooze_until: 2027-05-01\n"),
        ".mdnet.toml": TERMS,
    }
    assert g004(lint, files) == [("G004", "People/Jane.md", 5)]


def test_mdnet_ignore_in_the_note_of_the_entry(lint: Lint) -> None:
    for ignored in ("[G004]", "[confidential-share]", "all"):
        files = {
            "People/Jane.md": contact(
                f"- {ago(5)} #gave Falcon", front=f"mdnet-ignore: {ignored}\n"
            ),
            ".mdnet.toml": TERMS,
        }
        assert g004(lint, files) == []


def test_quotes_and_embeds_in_daily_notes_are_not_given(lint: Lint) -> None:
    files = {
        "People/Jane.md": contact(),
        f"Daily/{ago(3)}.md": "> [[Jane]] #gave Falcon\n\n![[Jane]] #gave Falcon\n\n```\n[[Jane]] #gave Falcon\n```\n",
        ".mdnet.toml": TERMS,
    }
    assert g004(lint, files) == []
