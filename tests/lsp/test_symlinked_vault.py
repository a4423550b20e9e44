"""A vault the editor opens through a symbolic link: diagnostics go to the URIs the
editor uses, and what it sends under them is the note it names."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient

from tests.conftest import WriteVault
from tests.lsp.client import actions_for, applied, codes, only, serving, type_text, uri, wait_until

JANE = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call\n"
FILES = {"People/Jane Doe.md": JANE, "Notes/x.md": "- 2026-11-20 call [[Nobody]]\n"}


def linked(make_vault: WriteVault, tmp_path: Path) -> tuple[Path, Path]:
    """The vault's folder, and a symbolic link to it."""
    root = make_vault(FILES).resolve()
    link = tmp_path / "link to vault"
    link.symlink_to(root, target_is_directory=True)
    return root, link


def address(folder: Path, path: str) -> str:
    """The URI of ``path`` under ``folder``, its symbolic links kept."""
    found: str | None = from_fs_path(str(folder / path))  # pygls: unannotated
    assert found is not None
    return found


def open_as(client: LanguageClient, address: str, text: str) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(address, "markdown", 1, text))
    )


async def test_diagnostics_and_actions_under_the_folder_the_editor_opened(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    root, link = linked(make_vault, tmp_path)
    jane = address(link, "People/Jane Doe.md")
    async with serving(root, folder=address(link, "").rstrip("/")) as client:
        await wait_until(lambda: ("R001", 5) in codes(client, jane))
        assert codes(client, address(link, "Notes/x.md")) == [("F005", 1)]
        assert not client.diagnostics.get(uri(root, "People/Jane Doe.md"))  # not the other
        open_as(client, jane, JANE)
        unsaved = JANE.replace("tier: close\n", "tier: close\ncompany: NewCo\n")
        type_text(client, jane, unsaved)
        await wait_until(lambda: ("R001", 6) in codes(client, jane))  # the editor's text
        offered = await actions_for(client, jane)
        ignore = offered["Add R001 to this note's mdnet-ignore"].edit
        assert ignore is not None and ignore.document_changes is not None
        (change,) = only(types.TextDocumentEdit, ignore.document_changes)
        assert (change.text_document.uri, change.text_document.version) == (jane, 2)
        assert applied(unsaved, change.edits) == unsaved.replace(
            "NewCo\n", "NewCo\nmdnet-ignore: [R001]\n"
        )


async def test_a_note_opened_under_another_name_has_its_diagnostics_there(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    root, link = linked(make_vault, tmp_path)
    usual, other = address(link, "Notes/x.md"), uri(root, "Notes/x.md")  # the real path
    async with serving(root, folder=address(link, "").rstrip("/")) as client:
        await wait_until(lambda: codes(client, usual) == [("F005", 1)])
        open_as(client, other, FILES["Notes/x.md"])
        await wait_until(lambda: codes(client, other) == [("F005", 1)])
        await wait_until(lambda: codes(client, usual) == [])  # not shown twice
        type_text(client, other, "- 2026-11-20 call [[Jane Doe]]\n")  # the editor's text
        jane = address(link, "People/Jane Doe.md")
        await wait_until(lambda: not codes(client, other) and not codes(client, jane))
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(other))
        )
        await wait_until(lambda: codes(client, usual) == [("F005", 1)])  # the disk's again
        assert codes(client, other) == []
