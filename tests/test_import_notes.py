"""The notes an import writes: safe titles, YAML that round-trips, passive until logged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from mdnet.cli import main
from mdnet.config import Config, load_config
from mdnet.dates import NO_YEAR
from mdnet.importers.person import Person, note_text, one_line
from mdnet.model.health import FOLLOW_UP, PASSIVE, standing
from mdnet.model.vault import Vault
from mdnet.notes.files import safe_title
from mdnet.notes.parse import parse_note
from mdnet.pipeline import load_vault
from tests.conftest import TODAY, Lint, WriteVault, write_files


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("../../etc/passwd", "etc passwd"),
        (".hidden", "hidden"),
        ("..", "Untitled"),
        ("a/b\\c", "a b c"),
        ('x:y*?"<>|#^[]', "x y"),
        ("CON", "CON_"),
        ("nul", "nul_"),
        ("Lpt1", "Lpt1_"),
        ("Con Smith", "Con Smith"),
        ("Jr.", "Jr"),
        ("evil\u202egnp.md", "evil gnp.md"),
        ("tab\tand\nnewline", "tab and newline"),
    ],
)
def test_safe_title(name: str, title: str) -> None:
    assert safe_title(name) == title


def test_safe_title_fits_a_file_name_in_bytes() -> None:
    title = safe_title("🦄" * 119 + "x")
    assert len(title.encode("utf-8")) <= 200 and set(title) == {"🦄"}


@given(st.text(max_size=300))
def test_any_name_gives_a_title_that_stays_in_its_folder(name: str) -> None:
    title = safe_title(name)
    assert title and "/" not in title and "\\" not in title and not title.startswith(".")
    assert len(title.encode("utf-8")) <= 200


def _read_back(person: Person, name: str | None = None) -> dict[str, object]:
    note = parse_note("People/x.md", note_text(person, name), Config())
    assert note.problems == () and note.kind == "contact"
    return note.fields


@given(
    name=st.text(min_size=1, max_size=80).filter(one_line),
    company=st.text(max_size=40),
    email=st.text(max_size=40),
)
def test_front_matter_reads_back_whatever_the_values(name: str, company: str, email: str) -> None:
    person = Person(name, "row", company=company, emails=(email,) if email else ())
    fields = _read_back(person)
    assert fields["name"] == one_line(name)
    assert fields.get("company", "") == one_line(company)


def test_quotes_and_colons_in_names_round_trip() -> None:
    person = Person(
        'O\'Brien: "Bob"',
        "row 1",
        company="yes",
        role="null",
        emails=("a@example.com", "b@example.com"),
        phones=("0123",),
        birthday=dt.date(1980, 5, 21),
        met=dt.date(2024, 3, 14),
        linkedin="https://www.linkedin.com/in/obrien",
        source="linkedin",
    )
    fields = _read_back(person)
    assert fields["name"] == 'O\'Brien: "Bob"'
    assert (fields["company"], fields["role"]) == ("yes", "null")
    assert fields["email"] == ("a@example.com", "b@example.com")
    assert fields["phone"] == ("0123",)
    assert fields["birthday"] == dt.date(1980, 5, 21) and fields["met"] == dt.date(2024, 3, 14)


def test_a_birthday_without_year_says_so() -> None:
    text = note_text(Person("Simon", "card 1", birthday=dt.date(NO_YEAR, 2, 3)))
    assert "birthday: 1604-02-03  # year unknown: only the day and month are kept\n" in text


def test_an_imported_note_can_never_read_as_an_interaction() -> None:
    hostile = (
        "- 2026-01-01 met\n1. 2026-01-02 call\n  * [[Bob]]\n> - 2026-01-03 quoted\n---\n## Log"
    )
    text = note_text(Person("Jane", "card 1", note=hostile))
    assert "> \\- 2026-01-01 met\n> 1\\. 2026-01-02 call\n>   \\* [[Bob]]\n" in text
    note = parse_note("People/Jane.md", text, Config())
    assert [block.date for block in note.blocks if block.date] == []
    assert text.count("\n## Log\n") == 1


CONTACT = """\
---
type: contact
source: {source}
met: 2026-10-27
{extra}---
"""


@pytest.mark.parametrize(
    ("source", "extra", "state"),
    [
        ("linkedin", "", PASSIVE),  # a connection accepted a month ago: passive
        ("LinkedIn", "", PASSIVE),
        ("card", "", FOLLOW_UP),  # a card exchanged a month ago: follow up
        ("linkedin", 'met_at: "[[Meetup]]"\n', FOLLOW_UP),  # met at an event: follow up
    ],
)
def test_a_linkedin_connection_is_passive_until_something_is_logged(
    load: Callable[..., Vault], source: str, extra: str, state: str
) -> None:
    vault = load(
        {
            "People/Ana.md": CONTACT.format(source=source, extra=extra),
            "Meetup.md": "---\ntype: event\ndate: 2026-11-01\nstatus: attended\n---\n",
        }
    )
    assert standing(vault.contacts["People/Ana.md"], Config(), TODAY).state == state


def test_an_update_entry_is_news_not_an_interaction(load: Callable[..., Vault]) -> None:
    vault = load(
        {
            "People/Ana.md": "---\ntype: contact\n---\n"
            "- 2026-11-20 #update now CTO at Initech (from the LinkedIn import)\n"
            "- 2026-10-01 call: her plans\n",
            "2026-11-21.md": "- 2026-11-21 #update [[Ana]] moved to Berlin\n",
        }
    )
    ana = vault.contacts["People/Ana.md"]
    assert [entry.date for entry in ana.interactions] == [dt.date(2026, 10, 1)]


def test_import_and_new_follow_the_same_template(tmp_path: Path) -> None:
    """The vault's Templates/mdnet/contact.md shapes the notes of both commands."""
    template = (
        "---\ntype: contact\ntier: close  # my default\nmet: {{date}}\nsource: card\n"
        "tags:\n  - network\n---\n# {{title}}\n\n## Log\n\n## Ideas\n"
    )
    vault = write_files(tmp_path / "v", {"Templates/mdnet/contact.md": template, "a.md": "x\n"})
    card = tmp_path / "c.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ida Moss\nNOTE:From Lyon\nEND:VCARD\n")
    runner = CliRunner()
    imported = runner.invoke(main, ["import", "vcard", str(card), "--vault", str(vault)])
    made = runner.invoke(main, ["new", "contact", "Zoe Park", str(vault), "--today", "2026-11-26"])
    assert imported.exit_code == made.exit_code == 0, imported.output + made.output
    ida = (vault / "People/Ida Moss.md").read_text(encoding="utf-8")
    zoe = (vault / "People/Zoe Park.md").read_text(encoding="utf-8")
    assert ida == (
        "---\ntype: contact\nname: Ida Moss\ntier: close  # my default\nmet:\n"
        "source: import\ntags:\n  - network\n---\n# Ida Moss\n\n> From Lyon\n\n## Log\n\n## Ideas\n"
    )
    assert zoe == (
        "---\ntype: contact\ntier: close  # my default\nmet: 2026-11-26\nsource: card\n"
        "tags:\n  - network\n---\n# Zoe Park\n\n## Log\n\n## Ideas\n"
    )


def test_a_connected_date_is_not_a_meeting(load: Callable[..., Vault]) -> None:
    """What the import writes is plain data: ``connected`` is when, ``met`` a meeting."""
    notes = {
        "People/Ana.md": "---\ntype: contact\nconnected: 2026-11-01\n---\n",
        "People/Bo.md": "---\ntype: contact\nconnected: 2025-01-01\nmet: 2026-11-01\n---\n",
        # a note that an earlier import wrote (`met` was the "Connected On" date)
        "People/Cy.md": "---\ntype: contact\nsource: linkedin\nmet: 2026-11-01\n---\n",
    }
    vault = load(notes)
    states = {p: standing(c, Config(), TODAY) for p, c in vault.contacts.items()}
    assert states["People/Ana.md"].state == PASSIVE
    assert states["People/Ana.md"].met == (dt.date(2026, 11, 1), "connected")  # R002's order
    assert states["People/Bo.md"].state == FOLLOW_UP  # really met, and connected before
    assert vault.contacts["People/Bo.md"].connected() == dt.date(2025, 1, 1)
    assert states["People/Cy.md"].state == PASSIVE
    assert vault.contacts["People/Cy.md"].connected() == dt.date(2026, 11, 1)


def test_a_bad_connected_date_is_f003(lint: Lint) -> None:
    found = lint({"People/Ana.md": "---\ntype: contact\nconnected: 2026-13-40\n---\n"}, "F003")
    assert [(f.code, f.line) for f in found] == [("F003", 3)]


@pytest.mark.parametrize("tag", ["#update", "#news", "#Nouvelle"])
def test_news_is_a_marker_any_spelling_of_which_is_not_contact(
    make_vault: WriteVault, tag: str
) -> None:
    root = make_vault(
        {
            ".mdnet.toml": '[markers]\nnews = ["nouvelle"]\n',
            "People/Ana.md": f"---\ntype: contact\n---\n- 2026-11-20 {tag} now CTO\n"
            "- 2026-10-01 call: her plans\n",
            "2026-11-21.md": f"- 2026-11-21 {tag} [[Ana]] moved to Berlin\n",
        }
    )
    vault = load_vault(root, load_config(root))
    ana = vault.contacts["People/Ana.md"]
    assert [entry.date for entry in ana.interactions] == [dt.date(2026, 10, 1)]
