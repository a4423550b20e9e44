"""Code actions on diagnostics, as workspace edits the editor applies (SPEC §10)."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path
from pytest_lsp import LanguageClient

from tests.conftest import WriteVault
from tests.lsp.client import (
    AnyTextEdit,
    actions_for,
    applied,
    codes,
    new_text,
    open_note,
    serving,
    type_text,
    uri,
    wait_until,
)

JANE = "---\ntype: contact\ntier: close\nlast_contact: 2026-01-01\n---\n- 2026-05-02 call\n"
FILES = {
    "People/Jane Doe.md": JANE,
    "Notes/x.md": "- 2026-11-20 call [[Jane]] and [[Bob Martin]]\n",
}


def edited(root: Path, action: types.CodeAction) -> dict[str, str]:
    """The texts of the notes that ``action``'s text edits change, once applied."""
    assert action.edit is not None and action.edit.document_changes is not None
    texts = {}
    for change in action.edit.document_changes:
        if isinstance(change, types.TextDocumentEdit):
            path = Path(change.text_document.uri.removeprefix("file://").replace("%20", " "))
            before = path.read_bytes().decode() if path.exists() else ""  # line breaks kept
            texts[path.relative_to(root).as_posix()] = applied(before, change.edits)
    return texts


async def test_f008_sets_last_contact_as_fix_does(make_vault: WriteVault) -> None:
    root = make_vault(FILES).resolve()
    jane = uri(root, "People/Jane Doe.md")
    async with serving(root) as client:
        offered = await actions_for(client, jane)
        action = offered["Set last_contact to 2026-05-02"]
        assert action.kind == types.CodeActionKind.QuickFix and action.is_preferred
        text = edited(root, action)["People/Jane Doe.md"]
        assert text == JANE.replace("2026-01-01", "2026-05-02")
        assert not (root / "People/Jane Doe.md").read_text().count("2026-05-02\n---")  # untouched
        open_note(client, root, "People/Jane Doe.md")
        type_text(client, jane, text)
        await wait_until(lambda: "F008" not in [c for c, _ in codes(client, jane)])


async def test_r001_logs_an_interaction_today_and_ignore_silences(make_vault: WriteVault) -> None:
    root = make_vault(FILES).resolve()
    jane = uri(root, "People/Jane Doe.md")
    async with serving(root) as client:
        offered = await actions_for(client, jane)
        logged = edited(root, offered["Log an interaction with Jane Doe today"])
        assert logged == {"People/Jane Doe.md": JANE + "- 2026-11-26 \n"}
        ignored = edited(root, offered["Add R001 to this note's mdnet-ignore"])
        assert ignored["People/Jane Doe.md"].startswith(
            "---\ntype: contact\ntier: close\nlast_contact: 2026-01-01\nmdnet-ignore: [R001]\n---\n"
        )
        open_note(client, root, "People/Jane Doe.md")
        type_text(client, jane, logged["People/Jane Doe.md"])
        await wait_until(lambda: "R001" not in [c for c, _ in codes(client, jane)])


async def test_f005_creates_the_note_or_adds_an_alias(make_vault: WriteVault) -> None:
    root = make_vault(FILES).resolve()
    notes = uri(root, "Notes/x.md")
    async with serving(root) as client:
        offered = await actions_for(client, notes)
        create = offered["Create the contact note People/Bob Martin.md"]
        assert create.edit is not None and create.edit.document_changes is not None
        made, filled = create.edit.document_changes
        assert made == types.CreateFile(
            uri=uri(root, "People/Bob Martin.md"), options=types.CreateFileOptions(overwrite=False)
        )
        assert isinstance(filled, types.TextDocumentEdit)
        assert "# Bob Martin" in new_text(filled.edits[0])
        assert "met: 2026-11-26" in new_text(filled.edits[0])
        assert not (root / "People/Bob Martin.md").exists()  # only the editor writes
        alias = edited(root, offered['Add "Jane" as an alias of Jane Doe'])
        assert alias["People/Jane Doe.md"].startswith(
            "---\ntype: contact\ntier: close\nlast_contact: 2026-01-01\naliases: [Jane]\n---\n"
        )
        (root / "People/Jane Doe.md").write_text(alias["People/Jane Doe.md"])
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(uri(root, "People/Jane Doe.md"), types.FileChangeType.Changed)]
            )
        )
        await wait_until(lambda: len(codes(client, notes)) == 1)
        assert client.diagnostics[notes][0].message.count("Bob Martin")


async def test_an_interaction_logged_today_starts_a_line_of_its_own(
    make_vault: WriteVault,
) -> None:
    ended = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call\n"
    unended = ended.rstrip("\n")  # no line break at the end
    root = make_vault({"People/Jane Doe.md": ended, "People/Bob Martin.md": unended}).resolve()
    jane, bob = uri(root, "People/Jane Doe.md"), uri(root, "People/Bob Martin.md")
    async with serving(root) as client:
        action = (await actions_for(client, jane))["Log an interaction with Jane Doe today"]
        (insert,) = edits_of(action)
        at = types.Position(5, 0)  # the start of the line after the last
        assert insert == types.TextEdit(types.Range(at, at), "- 2026-11-26 \n")
        assert edited(root, action)["People/Jane Doe.md"] == ended + "- 2026-11-26 \n"
        action = (await actions_for(client, bob))["Log an interaction with Bob Martin today"]
        (insert,) = edits_of(action)
        at = types.Position(4, 17)  # the end of the last line
        assert insert == types.TextEdit(types.Range(at, at), "\n- 2026-11-26 \n")


async def test_actions_write_the_line_breaks_of_a_crlf_note(make_vault: WriteVault) -> None:
    crlf = (
        "---\r\ntype: contact\r\ntier: close\r\nlast_contact: 2026-01-01\r\n"
        "mdnet-ignore:\r\n  - R004\r\n---\r\n- 2026-05-02 call\r\n"
    )
    files: dict[str, str | bytes] = {
        "People/Jane Doe.md": crlf.encode(),
        "Notes/x.md": "- 2026-11-20 [[Jane]]\n",
    }
    root = make_vault(files).resolve()
    jane = uri(root, "People/Jane Doe.md")
    async with serving(root) as client:
        offered = await actions_for(client, jane)
        made = {
            title: edited(root, offered[title])["People/Jane Doe.md"]
            for title in (
                "Log an interaction with Jane Doe today",
                "Add R001 to this note's mdnet-ignore",
                "Set last_contact to 2026-05-02",
            )
        }
        offered = await actions_for(client, uri(root, "Notes/x.md"))
        made["alias"] = edited(root, offered['Add "Jane" as an alias of Jane Doe'])[
            "People/Jane Doe.md"
        ]
    assert made["Log an interaction with Jane Doe today"] == crlf + "- 2026-11-26 \r\n"
    assert made["Add R001 to this note's mdnet-ignore"] == crlf.replace(
        "  - R004\r\n", "  - R004\r\n  - R001\r\n"
    )
    assert made["Set last_contact to 2026-05-02"] == crlf.replace("2026-01-01", "2026-05-02")
    assert made["alias"] == crlf.replace("---\r\n-", "aliases: [Jane]\r\n---\r\n-")
    for text in made.values():  # every line ends as the note's do
        assert text.count("\n") == text.count("\r\n")


def edits_of(action: types.CodeAction) -> list[AnyTextEdit]:
    """The text edits of ``action``, which edits one note."""
    assert action.edit is not None and action.edit.document_changes is not None
    (change,) = action.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    return list(change.edits)


async def test_f005_creates_the_note_where_the_link_leads_or_offers_none(
    make_vault: WriteVault,
) -> None:
    files = {
        "Notes/a.md": "- 2026-11-20 call [[Clients/Bob Martin]]\n",
        "Notes/b.md": "- 2026-11-20 call [[Bob: the CEO]]\n",
        "Notes/c.md": "- 2026-11-20 call with [Ann](../Clients/Ann%20Lee.md)\n",
    }
    root = make_vault(files).resolve()
    a, b, c = (uri(root, path) for path in files)
    async with serving(root) as client:
        offered = await actions_for(client, a)
        create = offered["Create the contact note Clients/Bob Martin.md"]
        made = create_and_notify(client, root, create)
        assert made == "Clients/Bob Martin.md" and "# Bob Martin" in (root / made).read_text()
        await wait_until(lambda: "F005" not in [code for code, _ in codes(client, a)])
        offered = await actions_for(client, c)
        made = create_and_notify(
            client, root, offered["Create the contact note Clients/Ann Lee.md"]
        )
        await wait_until(lambda: "F005" not in [code for code, _ in codes(client, c)])
        offered = await actions_for(client, b)  # no file named so: the link names none
        assert not [title for title in offered if title.startswith("Create")]


def create_and_notify(client: LanguageClient, root: Path, action: types.CodeAction) -> str:
    """Do what ``action`` asks (create a note and write it) as the editor would, and tell
    the server; the note's path."""
    assert action.edit is not None and action.edit.document_changes is not None
    created, filled = action.edit.document_changes
    assert isinstance(created, types.CreateFile) and isinstance(filled, types.TextDocumentEdit)
    written = to_fs_path(created.uri)
    assert written is not None
    path = Path(written).relative_to(root).as_posix()
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(applied("", filled.edits))
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(created.uri, types.FileChangeType.Created)]
        )
    )
    return path
