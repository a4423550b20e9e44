"""Who claims a name (``Resolver.claims``): one claimant alone, several in a set, and the
first in order wins, as notes come and go."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from mdnet.config import load_config
from mdnet.model.links import Claims, Resolver
from mdnet.notes.blocks import Link
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_note

CONFIG = load_config(Path("/nonexistent"))


def note(path: str, aliases: str = "") -> Note:
    front = f"---\naliases: [{aliases}]\n---\n" if aliases else ""
    return parse_note(path, front, CONFIG)


def now(claims: dict[str, Claims], name: str) -> Claims:
    """``claims[name]`` as it is now: ``reclaim`` changes ``claims`` in place, which mypy's
    narrowing of ``claims[name]`` by an assertion before it does not know."""
    return claims[name]


def test_a_name_claimed_by_several_notes_goes_to_the_next_when_the_first_goes() -> None:
    ann, other, bob = note("A/Ann.md"), note("B/Ann.md"), note("Bob.md", "Ann Smith")
    notes = [ann, other, bob]
    resolver = Resolver(notes)
    claims = resolver.claim_all(notes)
    assert claims["ann"] == {(0, "A/Ann.md"), (0, "B/Ann.md")}
    assert claims["a/ann"] == (0, "A/Ann.md")  # alone: no set
    assert claims["ann smith"] == (1, "Bob.md")
    assert resolver.reclaim(notes, [ann], []) == {"ann", "a/ann"}
    assert now(claims, "ann") == (0, "B/Ann.md") and "a/ann" not in claims
    assert resolver.resolve(Link("Ann", 1), "x.md") == "B/Ann.md"
    renamed = note("Bob.md", "Bobby")
    assert resolver.reclaim(notes[1:], [bob], [renamed]) == {"ann smith", "bobby"}
    assert "ann smith" not in claims and claims["bobby"] == (1, "Bob.md")
    assert resolver.resolve(Link("Ann Smith", 1), "x.md") is None
    back = note("A/Ann.md")
    assert resolver.reclaim(notes[1:], [], [back]) == {"ann", "a/ann"}
    assert now(claims, "ann") == {(0, "A/Ann.md"), (0, "B/Ann.md")}
    assert resolver.resolve(Link("Ann", 1), "x.md") == "A/Ann.md"


def test_the_claims_are_kept_under_the_strings_the_names_resolve_through() -> None:
    """Each name claimed is stored under the resolver's own string for it, not under an
    equal one made while claiming (200,000 strings at 100,000 notes), in the resolver's
    order; and only the names notes claim are there."""
    notes = [note("A/Ann.md"), note("B/Ann.md"), note("Bob.md", "Ann Smith, Bobby")]
    resolver = Resolver(notes)
    claims = resolver.claim_all(notes)
    assert list(claims) == list(resolver.by_name)
    names = {name: name for name in resolver.by_name}
    assert all(names[name] is name for name in claims)
    assert None not in claims.values()


def test_claiming_holds_no_second_dict_of_the_names() -> None:
    """While the claims are made, no other dict of every name (and its strings) is held
    beside them: at 100,000 notes, 25 MB more at the peak of a live vault's first
    structural change."""
    notes = [note(f"People/Person {n}.md") for n in range(3000)]
    resolver = Resolver(notes)
    tracemalloc.start()
    try:
        resolver.claim_all(notes)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1.25 * held
