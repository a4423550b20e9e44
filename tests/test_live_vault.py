"""The live vault that watch, lsp and the check server share: changes by path, an editor's
unsaved text, answers; every answer the one a check from scratch gives."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from mdnet.config import load_config
from mdnet.live import on_disk as on_disk_module
from mdnet.live import vault as live_module
from mdnet.live.links import Links
from mdnet.live.vault import LiveVault
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_all
from mdnet.notes.scan import list_notes
from mdnet.pipeline import check_vault
from mdnet.rules.runner import Selection
from tests.conftest import TODAY, WriteVault

JANE = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call\n"


def fresh(root: Path) -> list[tuple[str, str, int, str]]:
    """The findings of a check from scratch (no cache), as comparable tuples."""
    config = load_config(root)
    _, findings = check_vault(root, config, TODAY, Selection.from_config(config), parse_all)
    return [(f.code, f.path, f.line, f.message) for f in findings]


def now(live: LiveVault) -> list[tuple[str, str, int, str]]:
    return [(f.code, f.path, f.line, f.message) for f in live.findings]


@pytest.fixture
def live(make_vault: WriteVault) -> LiveVault:
    root = make_vault({"People/Jane.md": JANE, "Daily/2026-11-01.md": "Met [[Bob]].\n"})
    vault = LiveVault(root, load_config(root), TODAY)
    vault.load()
    return vault


def test_loading_gives_the_findings_of_a_check(live: LiveVault) -> None:
    assert now(live) == fresh(live.root)
    assert ("R001", "People/Jane.md", 5) in [f[:3] for f in now(live)]


def test_a_new_note_and_a_folder_are_read_without_listing_the_vault(
    live: LiveVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed: list[str] = []
    real = list_notes

    def counted(root: Path, config: object, under: str = "") -> object:
        listed.append(under)
        return real(root, config, under=under)  # type: ignore[arg-type]

    monkeypatch.setattr(live_module, "list_notes", counted)  # the whole vault
    monkeypatch.setattr(on_disk_module, "list_notes", counted)  # a folder
    (live.root / "People/Bob.md").write_text("---\ntype: contact\n---\n")
    update = live.apply({"People/Bob.md"})
    assert update.parsed == ("People/Bob.md",)
    (live.root / "Circles/Old").mkdir(parents=True)
    (live.root / "Circles/Old/Chess.md").write_text("---\ntype: circle\nstatus: active\n---\n")
    live.apply({"Circles"})
    assert listed == ["Circles"]  # the folder alone, never the whole vault
    assert "Circles/Old/Chess.md" in live.vault.circles
    assert now(live) == fresh(live.root)


def test_a_folder_moved_out_takes_its_notes_with_it(live: LiveVault, tmp_path: Path) -> None:
    shutil.move(live.root / "People", tmp_path / "elsewhere")
    update = live.apply({"People"})
    assert "People/Jane.md" not in live.vault.notes
    assert {f.code for f in update.disappeared} >= {"R001"}
    assert now(live) == fresh(live.root)


def test_an_editors_text_is_the_truth_until_it_is_closed(live: LiveVault) -> None:
    logged = JANE + "- 2026-11-20 call [[Bob]]\n"
    update = live.edit("People/Jane.md", logged)
    assert ("R001", "People/Jane.md") in {(f.code, f.path) for f in update.disappeared}
    (live.root / "People/Jane.md").write_text(JANE + "\n")  # saved elsewhere, meanwhile
    live.apply({"People/Jane.md"})
    assert "R001" not in {f.code for f in live.findings}  # the open buffer still counts
    update = live.edit("People/Jane.md", None)  # closed without saving
    assert ("R001", "People/Jane.md") in {(f.code, f.path) for f in update.appeared}
    assert now(live) == fresh(live.root)


def test_an_edit_updates_the_findings_of_other_notes(live: LiveVault) -> None:
    """Linking a contact in a daily note clears that contact's R001 on the contact's note."""
    update = live.edit("Daily/2026-11-01.md", "Met [[Bob]] and [[Jane]].\n")
    assert update.paths() >= {"People/Jane.md"}
    assert "R001" not in {f.code for f in live.findings if f.path == "People/Jane.md"}


def test_unsaved_text_that_is_binary_or_huge_is_an_f002(live: LiveVault) -> None:
    live.edit("People/Jane.md", "---\ntype: contact\n---\n\0\0")
    assert ("F002", "People/Jane.md") in {(f.code, f.path) for f in live.findings}
    live.edit("People/Jane.md", "x" * (live.config.max_file_kb * 1024 + 1))
    assert any("larger than vault.max_file_kb" in f.message for f in live.findings)


def test_only_notes_are_taken_from_an_editor(live: LiveVault) -> None:
    before = list(live.findings)
    for path in (".obsidian/x.md", "Network Summary.md", "People/Jane.txt", "../out.md"):
        assert not live.is_note(path)
        live.edit(path, "- 2026-11-20 call [[Nobody]]\n")
    assert live.findings == before


def test_a_new_day_and_the_standing_of_a_contact(live: LiveVault) -> None:
    standing = live.standing("People/Jane.md")
    assert standing is not None and standing.state == "losing touch"
    assert live.standing("Daily/2026-11-01.md") is None
    live.set_today(dt.date(2026, 5, 3))
    assert "R001" not in {f.code for f in live.findings}


def test_the_summary_now(live: LiveVault) -> None:
    assert "[[Jane]]" in live.summary()


def test_where_links_lead_and_which_notes_link_a_note(make_vault: WriteVault) -> None:
    root = make_vault(
        {
            "People/Jane Doe.md": "---\ntype: contact\naliases: [JD]\nmet_at: '[[Salon]]'\n---\n",
            "Events/Salon.md": "---\ntype: event\nattendees: ['[[JD]]']\n---\n",
            "Daily/2026-11-01.md": "Met [[jane doe]].\n\n- 2026-11-02 call [[People/Jane Doe|her]]\n",
            "Notes/x.md": "See [her](../People/Jane%20Doe.md) and ![[JD]].\n",
        }
    )
    live = LiveVault(root, load_config(root), TODAY)
    live.load()
    links = Links(live)
    assert links.resolve("JD", "Notes/x.md") == "People/Jane Doe.md"
    assert links.resolve("../People/Jane%20Doe.md", "Notes/x.md", relative=True) is None
    assert (
        links.resolve("../People/Jane Doe.md", "Notes/x.md", relative=True) == "People/Jane Doe.md"
    )
    assert links.resolve("Nobody", "Notes/x.md") is None
    assert links.linking("People/Jane Doe.md") == [
        ("Daily/2026-11-01.md", 1),
        ("Daily/2026-11-01.md", 3),
        ("Events/Salon.md", 3),
        ("Notes/x.md", 1),
        ("Notes/x.md", 1),
    ]
    assert links.linking("Events/Salon.md") == [("People/Jane Doe.md", 4)]
    assert live.vault.notes["Notes/x.md"].shed  # what links a note is read again for it
    live.edit("Notes/x.md", "Nothing.\n")
    assert [source for source, _ in links.linking("People/Jane Doe.md")] == [
        "Daily/2026-11-01.md",
        "Daily/2026-11-01.md",
        "Events/Salon.md",
    ]


def test_a_note_opened_as_it_is_on_disk_changes_nothing(
    live: LiveVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor opening a note sends its text: the model has it already (no update, no
    rules), unless the file changed since it was read."""
    text = (live.root / "People/Jane.md").read_text()

    def no_rules(*arguments: object) -> None:
        raise AssertionError("the rules ran for a note opened as it is")

    with monkeypatch.context() as patch:
        patch.setattr(live_module, "run_rules", no_rules)
        update = live.edit("People/Jane.md", text)
    assert update.before == update.after and "People/Jane.md" in live.unsaved
    live.edit("People/Jane.md", None)
    (live.root / "People/Jane.md").write_text(text + "- 2026-11-20 call\n")  # not yet read
    update = live.edit("People/Jane.md", text + "- 2026-11-20 call\n")
    assert ("R001", "People/Jane.md") in {(f.code, f.path) for f in update.disappeared}


def test_the_notes_let_their_blocks_go_once_built_and_take_them_back_when_read_again(
    make_vault: WriteVault,
) -> None:
    """What the blocks bring is in the model: a live model lets them go (a sixth of a
    watcher's memory at 100k notes). A name that comes to resolve elsewhere — a contact
    renamed, or an alias — reads again the notes that link it, from their files (or an
    editor's text), and they let their blocks go again once read."""
    root = make_vault(
        {
            "People/Jane.md": JANE,
            "Daily/2026-11-01.md": "- 2026-11-01 call [[JD]] #gave\n",
            "Daily/2026-11-02.md": "- 2026-11-02 call [[Jane Doe]]\n",
        }
    )
    live = LiveVault(root, load_config(root), TODAY)
    live.load()
    assert all(note.shed for note in live.vault.notes.values())
    live.edit("Daily/2026-11-02.md", "- 2026-11-02 call [[Jane Doe]] #got\n")  # unsaved
    (root / "People/Jane.md").write_text(JANE.replace("---\n-", "aliases: [JD]\n---\n-"))
    live.apply({"People/Jane.md"})
    jane = live.vault.contacts["People/Jane.md"]
    assert [entry.path for entry in jane.entries] == ["People/Jane.md", "Daily/2026-11-01.md"]
    assert live.vault.notes["Daily/2026-11-01.md"].shed
    (root / "People/Jane.md").rename(root / "People/Jane Doe.md")
    live.apply({"People/Jane.md", "People/Jane Doe.md"})
    jane = live.vault.contacts["People/Jane Doe.md"]
    assert [entry.path for entry in jane.entries] == [
        "People/Jane Doe.md",
        "Daily/2026-11-01.md",  # through its alias still
        "Daily/2026-11-02.md",
    ]
    assert jane.entries[-1].markers == {"got"}  # the editor's text
    assert now(live) == fresh_with(root, live.unsaved)
    (root / "Daily/2026-11-01.md").unlink()  # gone with its blocks let go: its links
    live.apply({"Daily/2026-11-01.md"})  # are not known, it may stay listed as linking
    assert Links(live).linking("People/Jane Doe.md") == [("Daily/2026-11-02.md", 1)]


def test_a_note_read_again_found_changed_on_disk_is_taken_in_whole(
    make_vault: WriteVault,
) -> None:
    """An editor that does not watch files sends no event for a change made outside it.
    A note read again (it links a name that moved) whose file changed since the model
    read it is taken in as a change: not its new blocks under its old fields."""
    root = make_vault({"People/Jane.md": JANE, "Daily/2026-11-01.md": "- 2026-11-01 [[JD]]\n"})
    live = LiveVault(root, load_config(root), TODAY)
    live.load()
    daily = "---\ntype: contact\n---\n- 2026-11-01 call [[JD]] #gave\n"
    (root / "Daily/2026-11-01.md").write_text(daily)  # unannounced
    (root / "People/Jane.md").write_text(JANE.replace("---\n-", "aliases: [JD]\n---\n-"))
    update = live.apply({"People/Jane.md"})
    assert live.vault.notes["Daily/2026-11-01.md"].kind == "contact"
    assert now(live) == fresh(root)
    assert set(update.parsed) == {"People/Jane.md", "Daily/2026-11-01.md"}


def fresh_with(root: Path, unsaved: dict[str, str]) -> list[tuple[str, str, int, str]]:
    for path, text in unsaved.items():
        (root / path).write_text(text)
    return fresh(root)


def test_the_notes_linking_a_note_are_read_again_once_for_each_model(
    make_vault: WriteVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hover asks for them at every move of the pointer: read again only once the
    model changed."""
    root = make_vault({"People/Jane.md": JANE, "Daily/2026-11-01.md": "Met [[Jane]].\n"})
    live = LiveVault(root, load_config(root), TODAY)
    live.load()
    links = Links(live)
    read: list[str] = []
    real = live.read_again

    def counted(notes: list[Note]) -> list[Note]:
        read.extend(note.path for note in notes)
        return real(notes)

    monkeypatch.setattr(live, "read_again", counted)
    assert links.linking("People/Jane.md") == links.linking("People/Jane.md") != []
    assert read == ["Daily/2026-11-01.md"]
    live.edit("People/Jane.md", JANE + "- 2026-11-02 call\n")
    assert links.linking("People/Jane.md") == [("Daily/2026-11-01.md", 1)]
    assert read == ["Daily/2026-11-01.md"] * 2


def test_a_config_that_reads_notes_alike_keeps_the_model(live: LiveVault) -> None:
    """Thresholds, rules, the summary, which notes are in the vault: only what is made of
    the notes changes, none is read again; a tag's meaning or a tier: the model anew."""
    builder = live.builder
    (live.root / ".mdnet.toml").write_text(
        '[cadence]\nclose = "1000d"\n[rules]\nignore = ["F005"]\n'
    )
    update = live.apply([".mdnet.toml"])
    assert live.builder is builder and update.parsed == ()
    config = live.config
    live.apply([".mdnet.toml"])  # saved again as it was: what was worked out holds
    assert live.config is config
    assert "R001" not in [code for code, *_ in now(live)] and now(live) == fresh(live.root)
    (live.root / ".mdnet.toml").write_text('[vault]\nexclude = ["Daily/**"]\n')
    live.apply([".mdnet.toml"])
    assert live.builder is builder and "Daily/2026-11-01.md" not in live.vault.notes
    assert now(live) == fresh(live.root)
    for remade in ('[markers]\ngave = ["call"]\n', '[cadence]\nmentor = "45d"\n'):
        (live.root / ".mdnet.toml").write_text(remade)
        live.apply([".mdnet.toml"])
        assert live.builder is not builder and now(live) == fresh(live.root)
        builder = live.builder


def test_after_an_update_that_failed_the_next_change_or_day_reads_every_note(
    live: LiveVault,
) -> None:
    """watch and lsp forget the model when an update fails (``reset``): whatever comes
    next, a config edit that keeps how notes read, a new day, an editor's text, builds it
    from every note again, never from the few that changed."""
    expected = now(live)
    live.reset()
    (live.root / ".mdnet.toml").write_text("[summary]\nreach_out = 3\n")
    live.apply([".mdnet.toml"])
    assert len(live.vault.notes) == 2 and now(live) == fresh(live.root) == expected
    live.reset()
    live.set_today(TODAY)
    assert len(live.vault.notes) == 2 and now(live) == expected
    live.reset()
    live.edit("People/Jane.md", JANE + "- 2026-11-20 call\n")
    assert len(live.vault.notes) == 2 and "R001" not in [code for code, *_ in now(live)]


def test_an_editors_text_waits_while_the_config_excludes_its_note(live: LiveVault) -> None:
    """SPEC §10: an open document's unsaved text is the truth; while the config excludes
    its note it is no note, and once taken back the editor's text is read, not the file."""
    live.edit("People/Jane.md", JANE + "- 2026-11-20 call\n")
    (live.root / ".mdnet.toml").write_text('[vault]\nexclude = ["People/**"]\n')
    live.apply([".mdnet.toml"])
    assert "People/Jane.md" not in live.vault.notes
    (live.root / ".mdnet.toml").write_text("")
    live.apply([".mdnet.toml"])
    assert "People/Jane.md" in live.vault.notes
    assert "R001" not in [code for code, *_ in now(live)]  # the editor's new entry
