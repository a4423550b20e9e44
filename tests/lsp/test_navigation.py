"""Go to definition, references and rename of a contact, circle or event (SPEC §10)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tests.conftest import WriteVault
from tests.lsp.client import applied, only, open_note, serving, uri

JANE = "---\ntype: contact\naliases: [JD]\n---\n- 2026-11-02 call\n"
FILES = {
    "People/Jane Doe.md": JANE,
    "Events/Salon.md": "---\ntype: event\nattendees: ['[[JD]]', '[[Jane Doe]]']\n---\n",
    "Daily/2026-11-01.md": "Met [[Jane Doe|Jane]] and [[JD]].\n- 2026-11-02 call [[People/Jane Doe#Log]]\n",
    "Notes/x.md": "See [her](../People/Jane%20Doe.md) or [[Nobody]].\n",
}


def vault(make_vault: WriteVault) -> Path:
    return make_vault(FILES).resolve()


class At(TypedDict):
    text_document: types.TextDocumentIdentifier
    position: types.Position


def at(address: str, line: int, character: int) -> At:
    """The document and position of a request, as keyword arguments."""
    return {
        "text_document": types.TextDocumentIdentifier(address),
        "position": types.Position(line, character),
    }


async def test_definition_of_a_link_by_title_alias_path_and_markdown_link(
    make_vault: WriteVault,
) -> None:
    root = vault(make_vault)
    async with serving(root) as client:
        daily = open_note(client, root, "Daily/2026-11-01.md")
        notes = open_note(client, root, "Notes/x.md")
        jane = uri(root, "People/Jane Doe.md")
        for address, line, character in [
            (daily, 0, 8),
            (daily, 0, 30),
            (daily, 1, 25),
            (notes, 0, 12),
        ]:
            found = await client.text_document_definition_async(
                types.DefinitionParams(**(at(address, line, character)))
            )
            assert isinstance(found, Sequence), (line, character)
            uris = [location.uri for location in only(types.Location, found)]
            assert uris == [jane], (line, character)
        for line, character in [(0, 1), (1, 2)]:  # prose, the date
            assert not await client.text_document_definition_async(
                types.DefinitionParams(**(at(daily, line, character)))
            )
        assert not await client.text_document_definition_async(  # a link to no note
            types.DefinitionParams(**(at(notes, 0, 40)))
        )


async def test_references_of_a_note_are_every_link_to_it(make_vault: WriteVault) -> None:
    root = vault(make_vault)
    async with serving(root) as client:
        jane = open_note(client, root, "People/Jane Doe.md")
        found = await client.text_document_references_async(
            types.ReferenceParams(
                **(at(jane, 4, 3)), context=types.ReferenceContext(include_declaration=False)
            )
        )
        assert found is not None
        where = [
            (Path(loc.uri).name, loc.range.start.line, loc.range.start.character) for loc in found
        ]
        assert where == [
            ("2026-11-01.md", 0, 4),
            ("2026-11-01.md", 0, 26),
            ("2026-11-01.md", 1, 18),
            ("Salon.md", 2, 13),
            ("Salon.md", 2, 23),
            ("x.md", 0, 4),
        ]


async def test_rename_a_contact_renames_its_file_and_every_link_keeping_labels(
    make_vault: WriteVault,
) -> None:
    root = vault(make_vault)
    async with serving(root) as client:
        daily = open_note(client, root, "Daily/2026-11-01.md")
        prepared = await client.text_document_prepare_rename_async(
            types.PrepareRenameParams(**(at(daily, 0, 8)))
        )
        assert isinstance(prepared, types.PrepareRenamePlaceholder)
        assert prepared.placeholder == "Jane Doe"
        assert (prepared.range.start.character, prepared.range.end.character) == (6, 14)
        edit = await client.text_document_rename_async(
            types.RenameParams(**(at(daily, 0, 8)), new_name="Jane Smith")
        )
        assert edit is not None and edit.document_changes is not None
        *changes, renamed = edit.document_changes
        text_edits = only(types.TextDocumentEdit, changes)
        assert renamed == types.RenameFile(
            old_uri=uri(root, "People/Jane Doe.md"), new_uri=uri(root, "People/Jane Smith.md")
        )
        after = {
            Path(change.text_document.uri).name: applied(
                (root / FILES_BY_NAME[Path(change.text_document.uri).name]).read_text(),
                change.edits,
            )
            for change in text_edits
        }
        assert after == {
            "2026-11-01.md": "Met [[Jane Smith|Jane]] and [[JD]].\n- 2026-11-02 call [[People/Jane Smith#Log]]\n",
            "Salon.md": "---\ntype: event\nattendees: ['[[JD]]', '[[Jane Smith]]']\n---\n",
            "x.md": "See [her](../People/Jane%20Smith.md) or [[Nobody]].\n",
        }
        assert text_edits[0].text_document.version == 1  # the open document's


FILES_BY_NAME = {Path(path).name: path for path in FILES}


async def test_rename_is_refused_for_plain_notes_and_taken_titles(make_vault: WriteVault) -> None:
    root = vault(make_vault)
    async with serving(root) as client:
        daily = open_note(client, root, "Daily/2026-11-01.md")
        with pytest.raises(JsonRpcException, match="renames contacts, circles and events"):
            await client.text_document_prepare_rename_async(
                types.PrepareRenameParams(**(at(daily, 0, 1)))
            )
        for taken in ("Salon", "a/b"):
            with pytest.raises(JsonRpcException):
                await client.text_document_rename_async(
                    types.RenameParams(**(at(daily, 0, 8)), new_name=taken)
                )
        # an exception in a handler is an error response, and a line in the editor's log
        assert any("RequestFailed" in m.message for m in client.log_messages)


async def test_rename_on_a_plain_note_is_no_rename(
    make_vault: WriteVault, capfd: pytest.CaptureFixture[str]
) -> None:
    root = vault(make_vault)
    async with serving(root) as client:
        daily = open_note(client, root, "Daily/2026-11-01.md")
        for line, character in [(0, 1), (1, 2)]:  # prose, the date: the daily note itself
            assert (
                await client.text_document_rename_async(
                    types.RenameParams(**(at(daily, line, character)), new_name="Other")
                )
                is None
            )
        assert not any("RequestFailed" in m.message for m in client.log_messages)
    assert "Traceback" not in capfd.readouterr().err


async def test_rename_retargets_a_link_written_in_the_other_unicode_form(
    make_vault: WriteVault,
) -> None:
    """``[[Chloé]]`` typed decomposed links ``People/Chloé.md`` (composed): a link by its
    title, renamed with it, not taken for one by alias."""
    composed, decomposed = "Chlo\u00e9", "Chloe\u0301"
    root = make_vault(
        {
            f"People/{composed}.md": "---\ntype: contact\n---\n",
            "Daily/2026-11-01.md": f"Met [[{decomposed}]] today.\n",
        }
    ).resolve()
    async with serving(root) as client:
        daily = open_note(client, root, "Daily/2026-11-01.md")
        edit = await client.text_document_rename_async(
            types.RenameParams(**(at(daily, 0, 7)), new_name="Chloé Durand")
        )
    assert edit is not None and edit.document_changes is not None
    *changes, _renamed = edit.document_changes
    (change,) = only(types.TextDocumentEdit, changes)
    text = (root / "Daily/2026-11-01.md").read_text(encoding="utf-8")
    assert applied(text, change.edits) == "Met [[Chloé Durand]] today.\n"
