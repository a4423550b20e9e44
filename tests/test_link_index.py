"""What a live builder keeps to know which notes a change reaches: the notes that link
each name (``model.linkers``) and who claims each name (``model.links.Resolver``), kept
small for 100,000 notes."""

from __future__ import annotations

from pathlib import Path

from mdnet.config import load_config
from mdnet.model.linkers import Linkers
from mdnet.model.links import Resolver
from mdnet.notes.parse import parse_note

CONFIG = load_config(Path("/nonexistent"))


def test_the_notes_that_link_each_name_as_they_change() -> None:
    typing = [parse_note("Daily/2026-11-01.md", f"Met [[{name}]].\n", CONFIG) for name in "AB"]
    other = parse_note("Daily/2026-11-02.md", "Met [[A]] and [[Jo|her]].\n", CONFIG)
    linkers = Linkers([typing[0], other])
    assert linkers.by_name == {
        "a": ("Daily/2026-11-01.md", "Daily/2026-11-02.md"),
        "jo": ("Daily/2026-11-02.md",),
    }
    assert linkers.of(["a", "jo", "nobody"]) == {"Daily/2026-11-01.md", "Daily/2026-11-02.md"}
    old = {note.path: note for note in (typing[0], other)}
    linkers.relink(old, [typing[1]], ())  # `[[A]]` became `[[B]]` as it was typed
    assert linkers.by_name == {
        "a": ("Daily/2026-11-02.md",),
        "jo": ("Daily/2026-11-02.md",),
        "b": ("Daily/2026-11-01.md",),
    }
    linkers.relink({**old, typing[1].path: typing[1]}, [], ["Daily/2026-11-01.md"])
    assert "b" not in linkers.by_name  # a name no note links any more: no key left
    assert all(type(paths) is tuple for paths in linkers.by_name.values())  # not sets


def test_a_notes_path_and_title_claim_their_names_with_one_tuple() -> None:
    notes = [
        parse_note("People/Ann.md", "---\ntype: contact\naliases: [Annie]\n---\n", CONFIG),
        parse_note("Ann.md", "Another Ann.\n", CONFIG),
    ]
    resolver = Resolver(sorted(notes, key=lambda note: note.path))
    claims = resolver.claim_all(notes)
    assert claims["people/ann"] == (0, "People/Ann.md") and claims["annie"] == (1, "People/Ann.md")
    assert claims["ann"] == {(0, "People/Ann.md"), (0, "Ann.md")}
    shared = next(claim for claim in claims["ann"] if claim[1] == "People/Ann.md")
    assert claims["people/ann"] is shared  # one object for the path and the title
