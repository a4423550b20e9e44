"""Diagnostics: every finding of the vault at start, kept current as notes are typed,
closed and changed on disk, across notes (SPEC §10)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from mdnet.lsp import diagnostics
from tests.conftest import WriteVault
from tests.lsp.client import (
    LOADED_RE,
    codes,
    open_note,
    registrations,
    serving,
    type_text,
    uri,
    wait_until,
)

JANE = "---\ntype: contact\ntier: close\n---\n# Jane\n- 2026-05-02 call\n"
DAILY = "Met [[Bob]] today.\n- 2026-11-20 coffee [[Nobody]]\n"


def vault(make_vault: WriteVault) -> Path:
    return make_vault({"People/Jane.md": JANE, "Daily/2026-11-01.md": DAILY}).resolve()


async def test_every_note_of_the_vault_has_its_diagnostics_at_start(
    make_vault: WriteVault,
) -> None:
    root = vault(make_vault)
    async with serving(root) as client:
        jane = client.diagnostics[uri(root, "People/Jane.md")]
        assert [(d.code, d.range.start.line, d.source) for d in jane] == [("R001", 5, "mdnet")]
        assert jane[0].severity == types.DiagnosticSeverity.Warning
        assert "2026-05-02" in jane[0].message and "cadence" in jane[0].message
        assert codes(client, uri(root, "Daily/2026-11-01.md")) == [("F005", 2)]


async def test_unsaved_text_counts_and_updates_the_notes_it_affects(
    make_vault: WriteVault,
) -> None:
    """Linking Jane in today's daily note clears Jane's R001 on her note, which is not
    open; closing the daily note unsaved brings it back."""
    root = vault(make_vault)
    jane = uri(root, "People/Jane.md")
    async with serving(root) as client:
        daily = open_note(client, root, "Daily/2026-11-01.md")
        type_text(client, daily, DAILY + "Lunch with [[Jane]].\n")
        await wait_until(lambda: codes(client, jane) == [])
        type_text(client, daily, "- 2026-11-40 call\n", version=3)
        await wait_until(lambda: codes(client, daily) == [("F003", 1)])
        assert codes(client, jane) == [("R001", 6)]  # no longer linked
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(daily))
        )
        await wait_until(lambda: codes(client, daily) == [("F005", 2)])


async def test_broken_yaml_while_typing_is_an_f001_and_the_rest_stays_right(
    make_vault: WriteVault,
) -> None:
    root = vault(make_vault)
    async with serving(root) as client:
        jane = open_note(client, root, "People/Jane.md")
        type_text(client, jane, "---\ntype: contact\ntier: [close\n---\n- 2026-05-02 call\n")
        await wait_until(lambda: [c for c, _ in codes(client, jane)] == ["F001"])
        assert codes(client, uri(root, "Daily/2026-11-01.md")) == [("F005", 2)]
        type_text(client, jane, JANE, version=3)
        await wait_until(lambda: codes(client, jane) == [("R001", 6)])


async def test_changes_on_disk_are_taken_from_the_clients_file_events(
    make_vault: WriteVault,
) -> None:
    root = vault(make_vault)
    async with serving(root) as client:
        await wait_until(lambda: registrations(client))
        registration = registrations(client)[0]
        assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        assert registration.register_options is not None
        globs = [w["globPattern"] for w in registration.register_options["watchers"]]
        assert globs == ["**/*.md", "**/.mdnet.toml"]
        (root / "People/Carl.md").write_text("---\ntype: contact\n---\n- 2026-01-02 call\n")
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(uri(root, "People/Carl.md"), types.FileChangeType.Created)]
            )
        )
        await wait_until(lambda: codes(client, uri(root, "People/Carl.md")) == [("R001", 4)])


@pytest.mark.parametrize("refused", [False, True])
async def test_changes_on_disk_are_watched_when_the_client_does_not(
    make_vault: WriteVault, refused: bool
) -> None:
    """No dynamic registration of file watching offered, or offered then refused: the
    server watches the vault itself."""
    root = vault(make_vault)
    jane = uri(root, "People/Jane.md")
    options = ("refuse",) if refused else ()
    async with serving(root, watch_files=refused, options=options) as client:
        if refused:
            await wait_until(
                lambda: any("does not watch files" in m.message for m in client.log_messages)
            )
        (root / "People/Jane.md").write_text(JANE + "- 2026-11-20 call\n")
        await wait_until(lambda: codes(client, jane) == [])
        assert not registrations(client)


async def test_the_server_watching_itself_follows_the_summary_the_config_moves(
    make_vault: WriteVault,
) -> None:
    """The note that was the summary is a note once the config puts the summary
    elsewhere: the server's own watcher (the client watches no files) passes on its
    changes, as ``mdnet watch`` does."""
    root = make_vault({".mdnet.toml": "", "Network Summary.md": JANE}).resolve()
    moved = uri(root, "Network Summary.md")
    async with serving(root, watch_files=False) as client:
        assert codes(client, moved) == []  # the summary: no note
        (root / ".mdnet.toml").write_text('[summary]\npath = "Elsewhere.md"\n')
        await wait_until(lambda: codes(client, moved) == [("R001", 6)])  # a note now
        await asyncio.sleep(1.0)  # the watcher told where the summary is (every 0.5 s)
        (root / "Network Summary.md").write_text(JANE + "- 2026-11-20 call\n")
        await wait_until(lambda: codes(client, moved) == [])


async def test_a_note_closed_while_the_config_excludes_it_is_read_from_disk_again(
    make_vault: WriteVault,
) -> None:
    """The editor's unsaved text of a note the config excludes waits for the note (SPEC
    §10); closed meanwhile, unsaved, it is gone: the note, taken back, is its file."""
    daily = "Daily/2026-11-01.md"
    root = make_vault(
        {".mdnet.toml": "", "People/Jane.md": JANE, daily: "- 2026-01-02 coffee [[Jane]]\n"}
    )
    root = root.resolve()
    jane = uri(root, "People/Jane.md")

    def config(text: str) -> None:
        (root / ".mdnet.toml").write_text(text)
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(uri(root, ".mdnet.toml"), types.FileChangeType.Changed)]
            )
        )

    async with serving(root) as client:
        open_note(client, root, "People/Jane.md")
        type_text(client, jane, JANE + "- 2026-11-20 call\n")
        await wait_until(lambda: codes(client, jane) == [])
        config('[vault]\nexclude = ["People/**"]\n')
        await wait_until(lambda: codes(client, uri(root, daily)) == [("F005", 1)])  # no Jane
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(jane))
        )
        config("")
        await wait_until(lambda: codes(client, jane) == [("R001", 6)])


async def test_the_vaults_own_findings_go_on_its_config_file(make_vault: WriteVault) -> None:
    root = make_vault(
        {
            ".mdnet.toml": "[budget]\nmax_circles = 0\n",
            "Circles/Chess.md": "---\ntype: circle\nstatus: active\nwhy: a\nmeet: b\noffer: c\n---\n",
        }
    ).resolve()
    async with serving(root) as client:
        assert codes(client, uri(root, ".mdnet.toml")) == [("C003", 1)]


async def test_without_a_config_file_the_vaults_own_findings_go_to_the_log(
    make_vault: WriteVault,
) -> None:
    taker = "---\ntype: contact\n---\n- 2026-11-01 call #got\n- 2026-11-02 call #got\n- 2026-11-03 call #got\n"
    root = make_vault({"People/Ann.md": taker}).resolve()
    async with serving(root) as client:
        logged = [m.message for m in client.log_messages if "G003" in m.message]
        assert logged and logged[0].startswith("mdnet: G003 give-take-imbalance [warning]")
        assert all(not path.endswith(".mdnet.toml") for path in client.diagnostics)


async def test_a_changed_config_is_taken_in_and_a_broken_one_told(make_vault: WriteVault) -> None:
    root = make_vault({".mdnet.toml": "", "People/Jane.md": JANE}).resolve()
    jane = uri(root, "People/Jane.md")

    def config_changed() -> None:
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(uri(root, ".mdnet.toml"), types.FileChangeType.Changed)]
            )
        )

    async with serving(root) as client:
        (root / ".mdnet.toml").write_text('[cadence]\nclose = "365d"\n')
        config_changed()
        await wait_until(lambda: codes(client, jane) == [])
        (root / ".mdnet.toml").write_text("[cadence\n")
        config_changed()
        await wait_until(
            lambda: any("previous configuration" in m.message for m in client.log_messages)
        )
        assert codes(client, jane) == []


async def test_the_last_checks_answer_is_shown_while_the_vault_loads(
    make_vault: WriteVault,
) -> None:
    """When no note changed since the last ``mdnet check`` (its answer kept in
    ``.mdnet/``), its findings are published first, then the live vault's."""
    root = vault(make_vault)
    for note in root.rglob("*.md"):
        os.utime(note, ns=(1_700_000_000_000_000_000,) * 2)  # not written just now
    command = [sys.executable, "-m", "mdnet", "check", str(root), "--today", "2026-11-26"]
    subprocess.run(command, capture_output=True, check=False)  # kept after it answered
    await wait_until(lambda: (root / ".mdnet/results.pickle").exists())
    async with serving(root) as client:
        logged = [m.message for m in client.log_messages]
        quick = [n for n, m in enumerate(logged) if "2 findings of the last check" in m]
        loaded = [n for n, m in enumerate(logged) if LOADED_RE.match(m)]
        assert quick and loaded and quick[0] < loaded[0]
        assert codes(client, uri(root, "People/Jane.md")) == [("R001", 6)]
        assert codes(client, uri(root, "Daily/2026-11-01.md")) == [("F005", 2)]


async def test_the_vaults_own_findings_stay_on_its_config_after_the_last_checks_answer(
    make_vault: WriteVault,
) -> None:
    """Published first from the last check's answer, the vault's own findings are
    published again from the live vault as they are, not taken off the config file."""
    root = make_vault(
        {
            ".mdnet.toml": "[budget]\nmax_circles = 0\n",
            "Circles/Chess.md": "---\ntype: circle\nstatus: active\nwhy: a\nmeet: b\noffer: c\n---\n",
        }
    ).resolve()
    for note in [*root.rglob("*.md"), root / ".mdnet.toml"]:
        os.utime(note, ns=(1_700_000_000_000_000_000,) * 2)  # not written just now
    command = [sys.executable, "-m", "mdnet", "check", str(root), "--today", "2026-11-26"]
    subprocess.run(command, capture_output=True, check=False)  # kept after it answered
    await wait_until(lambda: (root / ".mdnet/results.pickle").exists())
    async with serving(root) as client:
        assert any("1 finding of the last check" in m.message for m in client.log_messages)
        await asyncio.sleep(0.5)  # anything published after the live vault's start
        assert codes(client, uri(root, ".mdnet.toml")) == [("C003", 1)]


async def test_vault_names_the_vault_whatever_folder_the_editor_opens(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    root = vault(make_vault)
    (tmp_path / "elsewhere").mkdir()
    async with serving(tmp_path / "elsewhere", options=("--vault", str(root / "People"))) as client:
        assert codes(client, uri(root, "People/Jane.md")) == [("R001", 6)]


async def test_a_vault_whose_diagnostics_take_many_writes_has_them_all(
    make_vault: WriteVault,
) -> None:
    """2,500 contacts out of touch: 1.4 MB of messages at start, written a megabyte at a
    time (``Published``), none lost, each note's as a note alone would have it."""
    notes = {f"People/P{n:04}.md": JANE for n in range(2500)}
    root = make_vault(notes).resolve()
    async with serving(root) as client:
        assert all(codes(client, uri(root, path)) == [("R001", 6)] for path in notes)


def test_what_was_published_is_sent_again_only_when_it_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each note's diagnostics are known by a digest; the messages wait until they make
    ``WRITE_AT`` bytes, then go in one write, in the order they were made."""
    monkeypatch.setattr(diagnostics, "WRITE_AT", 250)
    written: list[bytes] = []
    published = diagnostics.Published(written.append)
    some = b'[{"message":"x"}]'
    for name in ("a", "b", "c"):
        published.change(f"{name}.md", f"file:///v/{name}.md", some)
    published.change("d.md", "file:///v/d.md", diagnostics.NONE)  # none, as published
    assert len(written) == 1  # two messages made 250 bytes: written together
    published.flush()  # the third
    published.flush()  # nothing waits: nothing written
    assert len(written) == 2
    published.change("a.md", "file:///v/a.md", some)  # as published
    published.change("b.md", "file:///v/b.md", diagnostics.NONE)  # cleared
    published.flush()
    sent = b"".join(written)
    uris = [line.split(b'"uri":"')[1].split(b'"')[0] for line in sent.split(b"Content-Length")[1:]]
    assert uris == [b"file:///v/a.md", b"file:///v/b.md", b"file:///v/c.md", b"file:///v/b.md"]
    assert sent.endswith(b'"diagnostics":[]}}')
    assert sorted(published.by_path) == ["a.md", "c.md"]
