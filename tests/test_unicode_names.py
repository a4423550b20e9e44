"""Names in either Unicode normal form are one name (SPEC §2: links resolve "as in
Obsidian"): ``People/Chloé.md`` written decomposed (NFD, as macOS tools write file
names) is the note that ``[[Chloé]]`` typed composed (NFC) links, and the reverse; for
titles, aliases, paths and Markdown links, in a check and in a live vault, and for F006.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdnet.config import load_config
from mdnet.live.links import Links
from mdnet.live.vault import LiveVault
from mdnet.model.links import Resolver, name_key
from mdnet.notes.blocks import Link
from mdnet.notes.note import Note
from tests.conftest import TODAY, Lint, LoadVault, WriteVault, where

NFC, NFD = "NFC", "NFD"
FORMS = [(NFC, NFD), (NFD, NFC), (NFC, NFC), (NFD, NFD)]


def form(name: str, normal_form: str) -> str:
    return unicodedata.normalize(normal_form, name)  # type: ignore[arg-type]


def test_the_two_forms_differ() -> None:
    assert form("Chloé", NFC) != form("Chloé", NFD)
    assert name_key(form("Chloé", NFD)) == name_key(form("CHLOÉ", NFC)) == "chloé"


@pytest.mark.parametrize(("written", "linked"), FORMS)
def test_titles_aliases_and_paths_link_across_forms(
    load: LoadVault, lint: Lint, written: str, linked: str
) -> None:
    files = {
        f"People/{form('Chloé', written)}.md": "---\ntype: contact\n---\n",
        "People/Zoe.md": f"---\ntype: contact\naliases: [{form('Zoé Ñuñez', written)}]\n---\n",
        "Daily/2026-11-20.md": (
            f"- 2026-11-20 call [[{form('Chloé', linked)}]] and [[{form('ZOÉ ñuñez', linked)}]]\n"
            f"- 2026-11-21 lunch [[People/{form('Chloé', linked)}|her]]\n"
            f"- 2026-11-22 coffee [her](../People/{quote(form('Chloé', linked))}.md)\n"
        ),
    }
    vault = load(files)
    chloe = vault.contacts[f"People/{form('Chloé', written)}.md"]
    assert [str(entry.date) for entry in chloe.interactions] == [
        "2026-11-20",
        "2026-11-21",
        "2026-11-22",
    ]
    assert [str(entry.date) for entry in vault.contacts["People/Zoe.md"].interactions] == [
        "2026-11-20"
    ]
    assert lint(files, select="F005") == []


@pytest.mark.parametrize(("written", "linked"), FORMS)
def test_a_contact_named_in_both_forms_is_a_duplicate(
    lint: Lint, written: str, linked: str
) -> None:
    findings = lint(
        {
            "A/Chloé.md": f"---\ntype: contact\nname: {form('Chloé Dupré', written)}\n---\n",
            "B/Other.md": f"---\ntype: contact\naliases: [{form('chloé dupré', linked)}]\n---\n",
        },
        select="F006",
    )
    assert where(findings) == [("F006", "B/Other.md", 3)]


def test_a_note_that_comes_in_the_other_form_takes_its_links(make_vault: WriteVault) -> None:
    """The live vault (watch, lsp): a dangling link typed NFC resolves once the NFD note
    comes, its links are found, and it dangles again when the note goes."""
    root = make_vault({"Daily/2026-11-20.md": f"- 2026-11-20 call [[{form('Chloé', NFC)}]]\n"})
    live = LiveVault(root, load_config(root), TODAY)
    live.load()
    assert ("F005", "Daily/2026-11-20.md", 1) in where(live.findings)
    path = f"People/{form('Chloé', NFD)}.md"
    (root / "People").mkdir()
    (root / path).write_text("---\ntype: contact\n---\n", encoding="utf-8")
    live.apply({path})
    assert "F005" not in {finding.code for finding in live.findings}
    links = Links(live)
    assert links.resolve(form("chloé", NFC), "Daily/2026-11-20.md") == path
    assert links.linking(path) == [("Daily/2026-11-20.md", 1)]
    (root / path).unlink()
    live.apply({path})
    assert ("F005", "Daily/2026-11-20.md", 1) in where(live.findings)


# letters that have a composed form, letters that do not, combining marks, ASCII
LETTERS = "aeoEnAZ ÉéèçÇñÅøüİßǅ\u0301\u0308\u0327"
names = st.text(alphabet=LETTERS, min_size=1, max_size=12).map(str.strip).filter(bool)


@given(title=names, alias=names, written=st.sampled_from(FORMS))
def test_the_resolver_matches_names_in_either_form(
    title: str, alias: str, written: tuple[str, str]
) -> None:
    """What a note is named in one form, a link finds in the other (and in any case):
    when it is built from every note, and when the note comes later (``reclaim``)."""
    on_disk, typed = written
    path = f"People/{form(title, on_disk)}.md"
    note = Note(path, "contact", {"aliases": (form(alias, on_disk),)})
    later = Resolver([])
    later.claim_all([])
    later.reclaim([], [], [note])
    for resolver in (Resolver([note]), later):
        upper = title.upper()  # in any case, where it is the same in lower case ("ß": "SS")
        cased = [upper] if upper.lower() == title.lower() else []
        for target in (title, *cased, alias, f"People/{title}"):
            link = Link(form(target, typed), 1)
            assert resolver.resolve(link, "Daily/x.md") == path, target
        markdown = Link(f"../People/{form(title, typed)}.md", 1, relative=True)
        assert resolver.resolve(markdown, "Daily/x.md") == path


def test_names_are_found_in_either_form_in_the_lists_of_notes(tmp_path: Path) -> None:
    """``notes_titled`` (whether a title needs a path in the summary's links) counts
    the notes of a title in either form."""
    notes = [Note(f"{folder}/{form('Chloé', f)}.md") for folder, f in (("A", NFC), ("B", NFD))]
    resolver = Resolver(notes)
    resolver.claim_all(notes)
    assert resolver.notes_titled(form("chloé", NFD)) == resolver.notes_titled("chloé") == 2


def test_a_title_two_notes_share_in_either_form_is_shared(load: LoadVault) -> None:
    """Links to it need a path (the summary writes one), and ``mdnet new`` finds it
    taken, whatever the form typed."""
    from mdnet.edits.new_note import taken_by
    from mdnet.summary.text import wikilink

    vault = load(
        {
            f"People/{form('Chloé', NFD)}.md": "---\ntype: contact\n---\n",
            f"Archive/{form('Chloé', NFC)}.md": "Old notes.\n",
        }
    )
    assert vault.shared_titles == {"chloé"}
    path = f"People/{form('Chloé', NFD)}.md"
    assert wikilink(path, vault.shared_titles) == f"[[People/{form('Chloé', NFD)}]]"
    assert taken_by(vault, form("Chloé", NFC)) is not None
    assert taken_by(vault, form("CHLOÉ", NFD)) is not None
