"""Lines and characters as an editor counts them: only CRLF, LF and CR end a line (a
form feed, U+2028 and the like are text), and a byte order mark is no character, whether
the note is open or read from disk."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from mdnet.lsp.documents import split_lines
from tests.conftest import WriteVault
from tests.lsp.client import actions_for, applied, codes, only, open_note, serving, uri, wait_until

JANE = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call\n"
# characters that str.splitlines ends a line at, and LSP does not
NOT_LINE_BREAKS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
LINKED = "- 2026-11-20 call with [[Jane Doe]]\n"  # the link at characters 23:35


def pasted(separator: str) -> str:
    return f"Pasted{separator}text here\n{LINKED}"


async def test_links_after_characters_that_end_no_line(make_vault: WriteVault) -> None:
    notes = {f"Notes/{n}.md": pasted(s) for n, s in enumerate(NOT_LINE_BREAKS)}
    root = make_vault({"People/Jane Doe.md": JANE, **notes}).resolve()
    jane = uri(root, "People/Jane Doe.md")
    async with serving(root) as client:
        opened = open_note(client, root, "Notes/0.md"), open_note(client, root, "Notes/6.md")
        for address in opened:
            found = await client.text_document_definition_async(
                types.DefinitionParams(types.TextDocumentIdentifier(address), types.Position(1, 27))
            )
            assert targets(found) == [jane]
            hover = await client.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier(address), types.Position(1, 27))
            )
            assert hover is not None and "Jane Doe" in str(hover.contents)
        references = await client.text_document_references_async(
            types.ReferenceParams(
                text_document=types.TextDocumentIdentifier(jane),
                position=types.Position(4, 3),
                context=types.ReferenceContext(include_declaration=False),
            )
        )
        link = types.Range(types.Position(1, 23), types.Position(1, 35))
        assert sorted((loc.uri, loc.range) for loc in references or []) == sorted(
            (uri(root, path), link) for path in notes
        )
        edit = await client.text_document_rename_async(
            types.RenameParams(
                types.TextDocumentIdentifier(jane), types.Position(4, 3), "Jane Smith"
            )
        )
        assert edit is not None and edit.document_changes is not None
        changes = only(types.TextDocumentEdit, edit.document_changes[:-1])
        assert len(changes) == len(notes)
        path_of = {uri(root, path): path for path in notes}
        for change in changes:
            path = path_of[change.text_document.uri]
            renamed = applied(notes[path], change.edits)
            assert renamed == notes[path].replace("[[Jane Doe]]", "[[Jane Smith]]")


async def test_a_change_to_an_open_note_lands_on_the_line_the_editor_means(
    make_vault: WriteVault,
) -> None:
    root = make_vault({"People/Jane Doe.md": JANE}).resolve()
    jane = uri(root, "People/Jane Doe.md")
    async with serving(root) as client:
        assert ("R001", 5) in codes(client, jane)  # not in touch since May
        text = "Pasted\u2028text\x0chere\n- 2026-11-20 call\n"
        address = open_note(client, root, "Notes/x.md", text)
        at = types.Position(1, 17)  # the end of the entry
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=address, version=2),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(at, at), text=" with [[Jane Doe]]"
                    )
                ],
            )
        )
        # the entry links Jane now: in touch on 2026-11-20
        await wait_until(lambda: ("R001", 5) not in codes(client, jane))
        found = await client.text_document_definition_async(
            types.DefinitionParams(types.TextDocumentIdentifier(address), types.Position(1, 27))
        )
        assert targets(found) == [jane]


async def test_a_byte_order_mark_counts_for_nothing_in_notes_read_from_disk(
    make_vault: WriteVault,
) -> None:
    shown = "- 2026-11-20 call with [[Jane Doe]] today\n"  # what an editor shows
    bob = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call\n"
    files = {
        "People/Jane Doe.md": JANE,
        "People/Bob Martin.md": "\ufeff" + bob,
        "Notes/x.md": "\ufeff" + shown,
    }
    root = make_vault(files).resolve()
    jane = types.TextDocumentIdentifier(uri(root, "People/Jane Doe.md"))
    async with serving(root) as client:
        references = await client.text_document_references_async(
            types.ReferenceParams(
                text_document=jane,
                position=types.Position(4, 3),
                context=types.ReferenceContext(include_declaration=False),
            )
        )
        link = types.Range(types.Position(0, 23), types.Position(0, 35))
        assert [(loc.uri, loc.range) for loc in references or []] == [
            (uri(root, "Notes/x.md"), link)
        ]
        edit = await client.text_document_rename_async(
            types.RenameParams(jane, types.Position(4, 3), "Jane Smith")
        )
        assert edit is not None and edit.document_changes is not None
        (change,) = only(types.TextDocumentEdit, edit.document_changes[:-1])
        assert applied(shown, change.edits) == shown.replace("Jane Doe", "Jane Smith")
        address = uri(root, "People/Bob Martin.md")
        offered = await actions_for(client, address)
        ignore = offered["Add R001 to this note's mdnet-ignore"]
        assert ignore.edit is not None and ignore.edit.document_changes is not None
        (change,) = only(types.TextDocumentEdit, ignore.edit.document_changes)
        assert applied(bob, change.edits) == bob.replace("---\n-", "mdnet-ignore: [R001]\n---\n-")


def targets(found: object) -> list[str]:
    """The URIs of the locations a definition request found."""
    assert isinstance(found, list), found
    return [location.uri for location in only(types.Location, found)]


@given(st.text(alphabet=st.sampled_from(["a", "é", " ", "\n", "\r", *NOT_LINE_BREAKS])))
def test_split_lines_ends_lines_only_at_cr_lf_and_crlf(text: str) -> None:
    """Whichever way it splits (str's own when it agrees, for speed), as LSP counts."""
    expected = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text) or [""]
    assert split_lines(text) == expected
