"""Values that many notes repeat are one object (``mdnet.notes.sharing``): the same
notes, less memory."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mdnet.cache import rows
from mdnet.config import load_config
from mdnet.notes.parse import parse_note
from mdnet.notes.sharing import shared_date, shared_front

CONFIG = load_config(Path("/nonexistent"))


def test_notes_share_keys_kinds_repeated_values_dates_and_key_lines() -> None:
    text = "---\ntype: contact\ntier: close\ntags: [a, b]\nmet: 2026-01-02\n---\n"
    one = parse_note("People/One.md", text, CONFIG)
    other = rows.load(rows.dump(parse_note("People/Other.md", text, CONFIG)))
    assert one.fields == other.fields and one.fields == {
        "tier": "close",
        "tags": ("a", "b"),
        "met": dt.date(2026, 1, 2),
    }
    assert one.kind is other.kind
    assert one.lines is other.lines  # the same keys on the same lines: one dict
    for key in one.fields:
        shared = next(k for k in other.fields if k == key)
        assert shared is key and one.fields[key] is other.fields[key]


def test_a_note_keeps_its_own_names_and_what_differs() -> None:
    one = parse_note("A.md", "---\ntype: contact\nname: Ann\ncompany: X\n---\n", CONFIG)
    other = parse_note("B.md", "---\ntype: contact\nname: Bob\ncompany: X\n---\n", CONFIG)
    assert one.fields["company"] is other.fields["company"]
    assert one.fields["name"] == "Ann" and other.fields["name"] == "Bob"
    assert one.fields is not other.fields


def test_equal_values_of_other_types_are_not_mixed_up() -> None:
    """1, 1.0 and True are equal in Python, but a note says which it wrote."""
    made = [shared_front("circle", {"dues": value}, {"dues": 2})[1] for value in (1, 1.0, True)]
    assert [type(fields["dues"]) for fields in made] == [int, float, bool]
    when = dt.datetime(2026, 1, 2, 10, 0)
    assert type(shared_date(when)) is dt.datetime and shared_date(dt.date(2026, 1, 2)) is not when


def test_fields_that_cannot_be_hashed_stay_the_notes_own() -> None:
    fields = {"attendees": ["[[A]]"]}
    assert shared_front("event", fields, {})[1] == fields


def test_entries_share_their_dates_and_channels() -> None:
    from mdnet.model.builder import Builder

    texts = {
        "People/Ann.md": "---\ntype: contact\n---\n- 2026-10-02 call: hello\n",
        "People/Bob.md": "---\ntype: contact\n---\n- 2026-10-02 call: hi\n",
    }
    notes = [rows.load(rows.dump(parse_note(path, text, CONFIG))) for path, text in texts.items()]
    vault = Builder(Path("/nonexistent"), CONFIG).build(notes)
    ann, bob = (vault.contacts[path].entries[0] for path in texts)
    assert ann.channel == "call" and ann.channel is bob.channel and ann.date is bob.date


def test_entries_that_link_the_same_notes_share_one_tuple_of_them() -> None:
    from mdnet.model.builder import Builder

    texts = {
        "People/Ann.md": "---\ntype: contact\n---\n",
        "Daily/2026-10-02.md": "- 2026-10-02 call with [[Ann]]\n",
        "Daily/2026-10-03.md": "- 2026-10-03 lunch with [[Ann]]\n- 2026-10-03 [[Ann]] [[Bob]]\n",
    }
    notes = [parse_note(path, text, CONFIG) for path, text in texts.items()]
    vault = Builder(Path("/nonexistent"), CONFIG).build(notes)
    first, second, third = vault.contacts["People/Ann.md"].entries
    assert first.links == ("People/Ann.md",) and first.links is second.links
    assert third.links == ("People/Ann.md",) and third.links is first.links  # Bob: no note


def test_a_build_lets_go_of_the_linked_tuples_of_notes_gone() -> None:
    from mdnet.model.builder import Builder

    ann = parse_note("People/Ann.md", "---\ntype: contact\n---\n", CONFIG)
    daily = parse_note("Daily/2026-10-02.md", "- 2026-10-02 call with [[Ann]]\n", CONFIG)
    builder = Builder(Path("/nonexistent"), CONFIG)
    builder.build([ann, daily])
    assert builder.finder.linked == {("People/Ann.md",): ("People/Ann.md",)}
    builder.build([ann])  # as a live vault starts over (a config reloaded, a failed update)
    assert builder.finder.linked == {}


def test_what_a_note_brings_is_kept_in_tuples_not_lists() -> None:
    """A list and its separate array for each of 83,000 notes with entries: 4 MB at 100k."""
    from mdnet.model.builder import Builder

    note = parse_note("Daily/2026-10-02.md", "- 2026-10-02 call with [[Ann]]\n", CONFIG)
    ann = parse_note("People/Ann.md", "---\ntype: contact\n---\n", CONFIG)
    builder = Builder(Path("/nonexistent"), CONFIG)
    builder.build([ann, note])
    assert type(builder.found[note.path].entries) is tuple


def test_blocks_read_from_the_index_share_dates_channels_tags_and_targets() -> None:
    """Each note loaded from the index (or from a worker process) came with its own
    copy of every block's date, channel, tags and link targets."""
    texts = {
        "Daily/2026-10-02.md": "- 2026-10-02 call: hello [[Ann]] #gave\n",
        "Daily/2026-10-03.md": "- 2026-10-02 call: hi [[Ann]] #gave\n",
    }
    one, other = (rows.load(rows.dump(parse_note(p, t, CONFIG))) for p, t in texts.items())
    first, second = one.blocks[0], other.blocks[0]
    assert first.date == second.date == dt.date(2026, 10, 2) and first.date is second.date
    assert first.channel == "call" and first.channel is second.channel
    assert first.tags == ("gave",) and first.tags is second.tags
    assert first.links[0].target == "Ann" and first.links[0].target is second.links[0].target
    assert one == parse_note(*next(iter(texts.items())), CONFIG)  # and the same note


def test_findings_that_say_the_same_share_their_text(tmp_path: Path) -> None:
    """Two contacts named on one future entry: two findings, one text (70,000 such
    findings at 100k notes)."""
    from mdnet.model.builder import Builder
    from mdnet.rules.runner import Selection, run_rules

    texts = {
        "People/Ann.md": "---\ntype: contact\n---\n",
        "People/Bob.md": "---\ntype: contact\n---\n",
        "Daily/2027-01-05.md": "- 2027-01-05 lunch with [[Ann]]\n- 2027-01-05 call [[Bob]]\n",
    }
    notes = [parse_note(path, text, CONFIG) for path, text in texts.items()]
    vault = Builder(tmp_path, CONFIG).build(notes)
    found = run_rules(vault, CONFIG, dt.date(2026, 12, 1), Selection.from_config(CONFIG))
    future = [finding for finding in found if finding.code == "F007"]
    assert len(future) == 2 and future[0].message == future[1].message
    assert future[0].message is future[1].message


def test_what_identifies_a_contact_is_kept_in_one_tuple_of_the_notes_own_strings() -> None:
    """F006 keeps, for each contact, what identifies it: one flat tuple, whose e-mail in
    lower case is the note's own string (a list, tuples and copies: 9 MB at 100k)."""
    from mdnet.model.builder import Builder
    from mdnet.rules import duplicate_contact

    text = (
        "---\ntype: contact\nemail: ann@example.com\nlinkedin: https://linkedin.com/in/ann\n---\n"
    )
    vault = Builder(Path("/nonexistent"), CONFIG).build([parse_note("People/Ann.md", text, CONFIG)])
    ann = vault.contacts["People/Ann.md"]
    kept = duplicate_contact._identities(ann, CONFIG, dt.date(2026, 10, 1))
    assert kept == (
        *("People/Ann.md", "name", "ann", "name", "email", "ann@example.com", "email"),
        *("LinkedIn URL", "linkedin.com/in/ann", "linkedin"),
    )
    assert kept[0] is ann.note.path and kept[5] is ann.note.fields["email"][0]


def test_answers_kept_with_the_same_more_arguments_share_them() -> None:
    """Contacts asked the same question with the same arguments keep one tuple of them
    (a tuple for each answer of each contact: 6 MB at 100k notes)."""
    from mdnet.model.builder import Builder

    def count(contact: object, config: object, today: object, *names: str) -> int:
        return len(names)

    notes = [parse_note(f"People/{name}.md", "---\ntype: contact\n---\n", CONFIG) for name in "AB"]
    vault = Builder(Path("/nonexistent"), CONFIG).build(notes)
    ann, bob = vault.contacts.values()
    today = dt.date(2026, 10, 1)
    assert ann.kept(count, CONFIG, today, "x", "y") == bob.kept(count, CONFIG, today, "x", "y")
    (_, ann_more, _), (_, bob_more, _) = (next(c.remembered()) for c in (ann, bob))
    assert ann_more == ("x", "y") and ann_more is bob_more
    assert bob.kept(count, CONFIG, today, "z") == 1 and next(bob.remembered())[1] == ("z",)


def test_what_many_contacts_keep_alike_is_one_object() -> None:
    """The config and day their answers are for, the events they met at (none), the
    counts they add to a total, where their cadence comes from: most contacts say the
    same (100,000 tuples, lists and strings each at 100k notes)."""
    from mdnet.model.builder import Builder
    from mdnet.model.giveback import _gave_and_got
    from mdnet.model.health import standing
    from mdnet.summary.glance import _made

    text = "---\ntype: contact\ntier: close\n---\n- 2026-09-01 call #gave\n"
    notes = [parse_note(f"People/{name}.md", text, CONFIG) for name in ("Ann", "Bob")]
    vault = Builder(Path("/nonexistent"), CONFIG).build(notes)
    ann, bob = vault.contacts.values()
    today = dt.date(2026, 10, 1)
    ann_standing, bob_standing = (standing(c, CONFIG, today) for c in (ann, bob))
    assert ann.memo_for is bob.memo_for and ann.memo_for == (CONFIG, today)
    assert ann.met_at_events is bob.met_at_events and ann.met_at_events == ()
    assert ann_standing.cadence_source == 'tier "close"'
    assert ann_standing.cadence_source is bob_standing.cadence_source
    assert _made(ann, CONFIG, today) == (0, 1) and _made(ann, CONFIG, today) is _made(
        bob, CONFIG, today
    )
    rule = ("G003", "give-take-imbalance")
    assert _gave_and_got(ann, CONFIG, today, rule) == (1, 0)
    assert _gave_and_got(ann, CONFIG, today, rule) is _gave_and_got(bob, CONFIG, today, rule)


def test_what_the_summary_keeps_with_each_contact_is_in_tuples() -> None:
    """A list (and its array) for each contact that is due, waiting, met lately or has
    a give-back open: 3 MB at 100k notes."""
    from mdnet.model.builder import Builder
    from mdnet.summary import giving, people

    texts = {  # overdue with a #got open; met three weeks ago, never followed up; met lately
        "People/Ann.md": "---\ntype: contact\ntier: close\n---\n- 2025-01-05 lunch #got\n",
        "People/Bob.md": "---\ntype: contact\nmet: 2026-09-10\n---\n",
        "People/Cid.md": "---\ntype: contact\nmet: 2026-09-28\n---\n",
    }
    notes = [parse_note(path, text, CONFIG) for path, text in texts.items()]
    contacts, today = (
        Builder(Path("/nonexistent"), CONFIG).build(notes).contacts,
        dt.date(2026, 10, 1),
    )
    for path, work_out in [
        ("People/Ann.md", people._due),
        ("People/Ann.md", giving._open_got),
        ("People/Bob.md", people._waiting),
        ("People/Cid.md", people._met_lately),
    ]:
        kept = work_out(contacts[path], CONFIG, today)
        assert type(kept) is tuple and len(kept) == 1, work_out
