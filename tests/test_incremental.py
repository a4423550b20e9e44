"""The incremental model (watch mode): after any series of edits, ``Builder.update``
gives the Vault, the findings and the summary that building from scratch gives."""

from __future__ import annotations

import datetime as dt
import gc
import textwrap
import weakref
from collections.abc import Collection
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mdnet.config import Config, parse_config
from mdnet.model.builder import Builder
from mdnet.model.contact import work_name
from mdnet.model.found import Found, Resolve
from mdnet.model.vault import Vault
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_note
from mdnet.rules.runner import Selection, run_rules
from mdnet.summary import render

TODAY = dt.date(2026, 11, 26)
ROOT = Path("/vault")
CONFIG = parse_config(
    '[thresholds]\nmax_unanswered = 2\n[confidential]\nterms = ["Falcon"]\n',
    ".mdnet.toml",
)

# Each note's versions, the first one to start with; None: the note does not exist.
VERSIONS: dict[str, list[str | None]] = {
    "People/Ann.md": [
        """
        ---
        type: contact
        tier: close
        email: ann@example.com
        met_at: "[[Meetup]]"
        ---
        - 2026-03-01 coffee: #got an intro to [[Bob]]
        - 2026-10-02 email: #noreply
        - 2026-10-09 email: #noreply
        """,
        """
        ---
        type: contact
        tier: regular
        email: ann@example.com
        ---
        - 2026-11-01 call: #gave the Falcon numbers
        - [ ] 2026-12-01 send the deck #promised
        """,
        """
        ---
        type: contact
        aliases: [Annie]
        snooze_until: 2027-01-01
        ---
        - 2025-01-01 lunch #got advice
        """,
        """
        ---
        type: contact
        mdnet-ignore: [G001, R001]
        last_contact: 2026-01-01
        ---
        - 2026-02-01 lunch #got advice, see [[Project X]]
        """,
        "# Ann\n\nNot a contact any more.\n",
        None,
    ],
    "People/Bob.md": [
        """
        ---
        type: contact
        email: ann@example.com
        met: 2026-10-01
        ---
        Met at the conference.
        """,
        """
        ---
        type: contact
        cadence: 30d
        tier: mentor
        ---
        - 2026-06-01 call: #promised a referral
        - 2026-07-01 [[Ann]] and I talked #gave
        """,
        """
        ---
        type: contact
        met_at: "[[Meetup]]"
        ---
        """,
        None,
    ],
    "People/Cy.md": [
        """
        ---
        type: contact
        source: linkedin
        met: 2026-01-05
        ---
        """,
        """
        ---
        type: contact
        met_at: "[[Meetup]]"
        ---
        """,
    ],
    "Daily/2026-11-20.md": [
        """
        Lunch with [[Ann]] and [[Bob]].

        - 2026-11-01 call with [[Cy]] #got a lead
        - 2026-11-02 met [[Nobody]] and [[Bob]] #gave [[Project X]] notes
        """,
        """
        ---
        mdnet-ignore: [G004]
        ---
        - [ ] 2026-12-24 call [[Bob]] #promised
        - 2026-11-03 [[Annie]] #gave Falcon plans
        """,
        "Nothing today.\n",
        None,
    ],
    "Events/Meetup.md": [
        """
        ---
        type: event
        date: 2026-09-10
        status: attended
        attendees: ["[[Ann]]", "[[Cy]]"]
        ---
        """,
        """
        ---
        type: event
        date: 2026-12-10
        status: planned
        why: meet founders
        ---
        Hoping to see [[Bob]].
        """,
        """
        ---
        type: event
        date: 2026-08-01
        status: attended
        attendees: ["[[Cy]]"]
        ---
        """,
    ],
    "Circles/Club.md": [
        """
        ---
        type: circle
        status: active
        dues: 120
        ---
        - 2026-10-01 #attended
        - 2026-11-01 #missed
        """,
        """
        ---
        type: circle
        status: former
        why: old friends
        meet: founders
        offer: talks
        ---
        - 2026-11-01 #attended with [[Ann]]
        """,
    ],
    "Projects/Project X.md": [
        "---\nconfidential: true\n---\nThe plan.\n",
        "---\nconfidential: false\n---\nThe plan.\n",
    ],
}
PATHS = sorted(VERSIONS)


def parsed(choice: dict[str, int]) -> dict[str, Note]:
    notes = {}
    for path in PATHS:
        text = VERSIONS[path][choice[path]]
        if text is not None:
            notes[path] = parse_note(path, textwrap.dedent(text).lstrip("\n"), CONFIG)
    return notes


def outcome(builder_vault: object) -> tuple[object, ...]:
    from mdnet.model.vault import Vault

    assert isinstance(builder_vault, Vault)
    findings = run_rules(builder_vault, CONFIG, TODAY, Selection())
    return (findings, render(builder_vault, CONFIG, TODAY, findings))


def differing(old: Vault, new: Vault) -> frozenset[str]:
    """The contacts that are not the same objects in ``old`` and ``new`` (or in one alone):
    what ``Vault.changed`` must name, for the totals over contacts (``model.totals``)."""
    paths = old.contacts.keys() | new.contacts.keys()
    return frozenset(p for p in paths if old.contacts.get(p) is not new.contacts.get(p))


edits = st.lists(
    st.sampled_from([(path, index) for path in PATHS for index in range(len(VERSIONS[path]))]),
    min_size=1,
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(edits)
def test_updates_agree_with_a_build_from_scratch(steps: list[tuple[str, int]]) -> None:
    choice = dict.fromkeys(PATHS, 0)
    notes = parsed(choice)
    builder = Builder(ROOT, CONFIG)
    vault = builder.build(sorted(notes.values(), key=lambda note: note.path))
    outcome(vault)  # what rules keep with each contact must not leak into the next run
    for path, index in steps:
        choice[path] = index
        now = parsed(choice)
        changed = [note for p, note in now.items() if p == path]
        removed = [path] if path not in now else []
        previous, vault = vault, builder.update(changed, removed)
        assert vault.changed == differing(previous, vault)
        fresh = Builder(ROOT, CONFIG).build(sorted(now.values(), key=lambda note: note.path))
        assert vault == fresh
        assert one_object_for_each_entry(builder)
        for worked_out in ("shared_titles", "confidential", "ignoring", "with_problems"):
            assert getattr(vault, worked_out) == getattr(fresh, worked_out)
        assert [c.met_at_events for c in vault.contacts.values()] == [
            c.met_at_events for c in fresh.contacts.values()
        ]
        assert outcome(vault) == outcome(fresh)


def one_object_for_each_entry(builder: Builder) -> bool:
    """What the notes bring (``Builder.found``) holds the entries their contacts hold,
    not equal copies: a contact that came out the same as before is kept, and so must
    its entries be (twice the memory of a vault's entries, and of its snapshot, else)."""
    held = {id(entry) for person in builder.vault.contacts.values() for entry in person.entries}
    return all(id(entry) in held for found in builder.found.values() for entry in found.entries)


def test_a_build_over_the_last_keeps_one_object_for_each_entry() -> None:
    """A structural change in a check from the snapshot builds the model again over the
    restored one: the contacts that came out the same are kept, with their entries."""
    first = Builder(ROOT, CONFIG)
    before = first.build(sorted(parsed(dict.fromkeys(PATHS, 0)).values(), key=lambda n: n.path))
    after = first.build(sorted(parsed(dict.fromkeys(PATHS, 0)).values(), key=lambda n: n.path))
    assert after.contacts["People/Ann.md"] is before.contacts["People/Ann.md"]
    assert one_object_for_each_entry(first)


def test_an_edit_keeps_the_contacts_it_does_not_touch() -> None:
    notes = parsed(dict.fromkeys(PATHS, 0))
    builder = Builder(ROOT, CONFIG)
    before = builder.build(sorted(notes.values(), key=lambda note: note.path))
    edited = parse_note("People/Bob.md", "---\ntype: contact\n---\n- 2026-11-20 call\n", CONFIG)
    after = builder.update([edited])
    assert after.contacts["People/Ann.md"] is before.contacts["People/Ann.md"]
    assert after.contacts["People/Cy.md"] is before.contacts["People/Cy.md"]
    assert after.contacts["People/Bob.md"] is not before.contacts["People/Bob.md"]
    bob = after.contacts["People/Bob.md"]
    assert [(e.path, e.date) for e in bob.entries] == [
        ("Daily/2026-11-20.md", dt.date(2026, 11, 2)),  # from the notes that did not change
        ("Daily/2026-11-20.md", dt.date(2026, 11, 20)),
        ("People/Bob.md", dt.date(2026, 11, 20)),
    ]


def test_a_new_note_builds_everything_and_keeps_the_contacts_that_did_not_change() -> None:
    notes = parsed(dict.fromkeys(PATHS, 0))
    builder = Builder(ROOT, CONFIG)
    before = builder.build(sorted(notes.values(), key=lambda note: note.path))
    nobody = parse_note("People/Nobody.md", "---\ntype: contact\n---\n", CONFIG)
    after = builder.update([nobody])
    assert not after.dangling  # [[Nobody]] now resolves
    assert after.contacts["People/Ann.md"] is before.contacts["People/Ann.md"]
    # Bob's entry "met [[Nobody]] and [[Bob]]" now links Nobody's note
    assert after.contacts["People/Bob.md"] is not before.contacts["People/Bob.md"]
    assert [e.contact for e in after.contacts["People/Nobody.md"].entries] == ["People/Nobody.md"]


def test_only_a_live_model_keeps_who_claims_each_name_after_a_change() -> None:
    """A check's model changes once: who claims each name (20 MB at 100,000 notes) is
    let go before its rules run; a live model keeps it for its next change."""
    notes = sorted(parsed(dict.fromkeys(PATHS, 0)).values(), key=lambda note: note.path)
    nobody = parse_note("People/Nobody.md", "---\ntype: contact\n---\n", CONFIG)
    for live in (False, True):
        builder = Builder(ROOT, CONFIG, live=live)
        builder.build(notes)
        builder.update([nobody])
        assert (builder.resolver.claims is not None) == live
        assert builder.resolver.by_name["nobody"] == "People/Nobody.md"


def test_kept_work_is_per_config_and_day() -> None:
    notes = parsed(dict.fromkeys(PATHS, 0))
    vault = Builder(ROOT, CONFIG).build(sorted(notes.values(), key=lambda note: note.path))
    ann = vault.contacts["People/Ann.md"]
    calls: list[tuple[Config, dt.date]] = []

    def work_out(contact: object, config: Config, today: dt.date) -> int:
        calls.append((config, today))
        return len(calls)

    other = Config()
    assert ann.kept(work_out, CONFIG, TODAY) == 1
    assert ann.kept(work_out, CONFIG, TODAY) == 1
    assert ann.kept(work_out, other, TODAY) == 2
    assert ann.kept(work_out, CONFIG, TODAY + dt.timedelta(days=1)) == 3
    assert len(calls) == 3


def test_kept_work_with_more_arguments_is_their_last_answer() -> None:
    notes = parsed(dict.fromkeys(PATHS, 0))
    vault = Builder(ROOT, CONFIG).build(sorted(notes.values(), key=lambda note: note.path))
    ann = vault.contacts["People/Ann.md"]
    calls: list[object] = []

    def work_out(contact: object, config: Config, today: dt.date, *more: object) -> int:
        calls.append(more)
        return len(calls)

    def other(contact: object, config: Config, today: dt.date) -> tuple[int, ...]:
        return ()  # an answer that looks like no answer is still one

    assert ann.kept(work_out, CONFIG, TODAY, "a") == 1
    assert ann.kept(work_out, CONFIG, TODAY, "a") == 1
    assert ann.kept(other, CONFIG, TODAY) == ann.kept(other, CONFIG, TODAY) == ()
    assert ann.kept(work_out, CONFIG, TODAY, "b") == 2
    assert ann.kept(work_out, CONFIG, TODAY) == 3
    assert ann.kept(work_out, CONFIG, TODAY) == 3
    assert ann.kept(work_out, CONFIG, TODAY, "b") == 4
    assert [(name, more) for name, more, _ in ann.remembered()] == [
        (work_name(work_out), ("b",)),
        (work_name(other), ()),
    ]


def test_a_contact_the_model_replaces_is_freed_at_once() -> None:
    """Nothing kept with a contact points back at it: no cycle for a paused or frozen
    collector to leave behind (watch mode replaces contacts all day long)."""
    notes = parsed(dict.fromkeys(PATHS, 0))
    builder = Builder(ROOT, CONFIG)
    builder.build(sorted(notes.values(), key=lambda note: note.path))
    outcome(builder.vault)  # rules and the summary keep what they worked out
    old = weakref.ref(builder.vault.contacts["People/Bob.md"])
    gc.disable()
    try:
        edited = parse_note("People/Bob.md", "---\ntype: contact\n---\n- 2026-11-20 x\n", CONFIG)
        outcome(builder.update([edited]))
        assert old() is None
    finally:
        gc.enable()


# Where a note may be renamed to: another title, another folder with the same title, a
# title an alias of another note holds.
RENAMES = {
    "People/Bob.md": ["People/Robert.md", "Archive/Bob.md", "People/Annie.md"],
    "Events/Meetup.md": ["Events/Meetup 2026.md"],
    "Projects/Project X.md": ["Project X.md"],
    "Daily/2026-11-20.md": ["Daily/2026-11-21.md"],
}
steps = st.lists(
    st.one_of(
        st.sampled_from(
            [("edit", path, index) for path in PATHS for index in range(len(VERSIONS[path]))]
        ),
        st.sampled_from(
            [("rename", path, to) for path, targets in RENAMES.items() for to in targets]
        ),
    ),
    min_size=1,
    max_size=10,
)


def placed(choice: dict[str, int], where: dict[str, str]) -> dict[str, Note]:
    """The notes of ``choice``, each at the path it was renamed to (``where``)."""
    notes = {}
    for path in PATHS:
        text = VERSIONS[path][choice[path]]
        if text is not None:
            at = where[path]
            notes[at] = parse_note(at, textwrap.dedent(text).lstrip("\n"), CONFIG)
    return notes


@settings(max_examples=200, deadline=None)
@given(steps, st.booleans())
def test_creations_deletions_renames_and_kind_changes_agree_with_a_build_from_scratch(
    actions: list[tuple[str, str, object]], live: bool
) -> None:
    """Any series of edits, creations, deletions, renames, alias and kind changes, in any
    order: the model, findings and summary of ``update`` are those of a build from scratch
    (whether the links were indexed at the start, as watch and the editor do, or later)."""
    choice, where = dict.fromkeys(PATHS, 0), {path: path for path in PATHS}
    builder = Builder(ROOT, CONFIG, live=live)
    vault = builder.build(sorted(placed(choice, where).values(), key=lambda n: n.path))
    outcome(vault)
    for action, path, argument in actions:
        before = set(placed(choice, where))
        if action == "edit":
            assert isinstance(argument, int)
            choice[path] = argument
        elif argument not in {where[p] for p in PATHS if p != path}:
            where[path] = str(argument)
        now = placed(choice, where)
        changed = [note for at, note in now.items() if at in (where[path],)]
        previous, vault = vault, builder.update(changed, sorted(before - set(now)))
        assert vault.changed == differing(previous, vault)
        fresh = Builder(ROOT, CONFIG).build(sorted(now.values(), key=lambda note: note.path))
        assert vault == fresh
        assert one_object_for_each_entry(builder)
        assert list(vault.notes) == list(fresh.notes)
        assert list(vault.contacts) == list(fresh.contacts)
        for worked_out in ("shared_titles", "confidential", "ignoring", "with_problems"):
            assert getattr(vault, worked_out) == getattr(fresh, worked_out)
        assert [c.met_at_events for c in vault.contacts.values()] == [
            c.met_at_events for c in fresh.contacts.values()
        ]
        assert builder.resolver.by_name == fresh_names(now)
        assert outcome(vault) == outcome(fresh)


def fresh_names(notes: dict[str, Note]) -> dict[str, str]:
    from mdnet.model.links import Resolver

    return Resolver(sorted(notes.values(), key=lambda note: note.path)).by_name


def test_a_new_contact_reads_again_only_the_notes_that_link_its_names() -> None:
    notes = parsed(dict.fromkeys(PATHS, 0))
    builder = Builder(ROOT, CONFIG, live=True)
    builder.build(sorted(notes.values(), key=lambda note: note.path))
    read: list[str] = []
    real = builder.finder.found_in

    def counted(notes: list[Note], resolve: Resolve, contacts: Collection[str]) -> dict[str, Found]:
        read.extend(note.path for note in notes)
        return real(notes, resolve, contacts)

    builder.finder.found_in = counted  # type: ignore[method-assign]
    nobody = parse_note("People/Nobody.md", "---\ntype: contact\n---\n", CONFIG)
    builder.update([nobody])
    assert sorted(read) == ["Daily/2026-11-20.md", "People/Nobody.md"]  # [[Nobody]] is there
