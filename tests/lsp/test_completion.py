"""Completion: links after ``[[``, markers after a dated item's date, front matter keys
and values (SPEC §10)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types

from tests.conftest import WriteVault
from tests.lsp.client import applied, codes, open_note, serving, type_text, wait_until

FILES = {
    ".mdnet.toml": '[markers]\ngave = ["donné"]\n\n[cadence]\nmentor = "45d"\n',
    "People/Jane Doe.md": "---\ntype: contact\naliases: [JD]\ncompany: Acme\nrole: CTO\n---\n",
    "Circles/Janet Club.md": "---\ntype: circle\nstatus: active\n---\n",
    "Notes/Jane's ideas.md": "Ideas.\n",
    "Daily/2026-11-26.md": "",
}


async def completions(
    make_vault: WriteVault, path: str, text: str, line: int, character: int
) -> Sequence[types.CompletionItem]:
    root: Path = make_vault(FILES).resolve()
    async with serving(root) as client:
        address = open_note(client, root, path, text)
        found = await client.text_document_completion_async(
            types.CompletionParams(
                text_document=types.TextDocumentIdentifier(address),
                position=types.Position(line, character),
            )
        )
    if found is None:
        return []
    assert isinstance(found, types.CompletionList)
    return found.items


def inserted(item: types.CompletionItem) -> str:
    """The text ``item``'s edit puts in (the server gives each link item one)."""
    assert item.text_edit is not None, item
    return item.text_edit.new_text


async def test_links_offer_titles_and_aliases_contacts_first(make_vault: WriteVault) -> None:
    items = await completions(make_vault, "Daily/2026-11-26.md", "Lunch with [[Jan", 0, 16)
    ordered = sorted(items, key=lambda item: item.sort_text or "")
    assert [(i.label, i.detail) for i in ordered] == [
        ("Jane Doe", "Acme · CTO"),
        ("Jane's ideas", None),
        ("Janet Club", "circle"),
    ]
    edit = ordered[0].text_edit
    assert isinstance(edit, types.TextEdit)
    assert edit.new_text == "Jane Doe]]"
    assert (edit.range.start.character, edit.range.end.character) == (13, 16)
    in_front = await completions(
        make_vault, "People/Jane Doe.md", '---\nmet_at: "[[Janet\n---\n', 1, 16
    )
    assert [i.label for i in in_front] == ["Janet Club"]
    aliases = await completions(make_vault, "Daily/2026-11-26.md", "- [[jd]]", 0, 6)
    assert [(i.label, i.detail, inserted(i)) for i in aliases] == [
        ("JD", "alias of Jane Doe — Acme · CTO", "JD")
    ]


async def test_markers_after_the_date_of_a_list_item(make_vault: WriteVault) -> None:
    items = await completions(make_vault, "People/Jane Doe.md", "- 2026-11-20 call #g", 0, 20)
    labels = [item.label for item in items]
    assert labels[:3] == ["#gave", "#donné", "#got"]
    assert {"#promised", "#noreply", "#asked", "#done", "#news", "#update"} <= set(labels)
    assert not await completions(make_vault, "People/Jane Doe.md", "Just prose #g", 0, 13)


async def test_front_matter_keys_of_the_kind_and_allowed_values(make_vault: WriteVault) -> None:
    text = "---\ntype: contact\ncompany: Acme\nti\n---\n"
    keys = [i.label for i in await completions(make_vault, "People/Jane Doe.md", text, 3, 2)]
    assert {"tier", "cadence", "last_contact", "met_at", "aliases"} <= set(keys)
    assert "company" not in keys and "dues" not in keys  # written already; a circle's
    tiers = await completions(make_vault, "People/Jane Doe.md", "---\ntier: \n---\n", 1, 6)
    assert [i.label for i in tiers] == [
        "inner",
        "close",
        "regular",
        "acquaintance",
        "dormant",
        "mentor",
    ]
    circle = "---\ntype: circle\nstatus: a\nmeetings: \n---\n"
    statuses = await completions(make_vault, "Circles/Janet Club.md", circle, 2, 9)
    assert [i.label for i in statuses] == ["member", "active", "board", "prospect", "former"]
    meetings = await completions(make_vault, "Circles/Janet Club.md", circle, 3, 10)
    assert [i.label for i in meetings] == ["weekly", "biweekly", "monthly", "quarterly", "yearly"]
    types_ = await completions(make_vault, "Notes/Jane's ideas.md", "---\ntype: \n---\n", 1, 6)
    assert {"contact", "person", "circle", "club", "event", "conference"} <= {
        i.label for i in types_
    }
    sources = await completions(make_vault, "People/Jane Doe.md", "---\nsource: li\n---\n", 1, 10)
    assert "linkedin" in [i.label for i in sources]


async def test_a_link_completed_in_front_matter_is_a_yaml_string(make_vault: WriteVault) -> None:
    root: Path = make_vault(FILES).resolve()
    typed = {  # as typed, the cursor after `Janet`: what accepting "Janet Club" gives
        "met_at: [[Janet": 'met_at: "[[Janet Club]]"',
        "met_at: [[Janet]]": 'met_at: "[[Janet Club]]"',
        'met_at: "[[Janet"': 'met_at: "[[Janet Club]]"',
        'met_at: "[[Janet]]"': 'met_at: "[[Janet Club]]"',
        'met_at: "[[Janet': 'met_at: "[[Janet Club]]"',
        "met_at: '[[Janet": "met_at: '[[Janet Club]]'",
    }
    async with serving(root) as client:
        for line, result in typed.items():
            text = f"---\ntype: contact\n{line}\n---\n"
            address = open_note(client, root, "People/Ann Lee.md", text)
            found = await client.text_document_completion_async(
                types.CompletionParams(
                    text_document=types.TextDocumentIdentifier(address),
                    position=types.Position(2, line.index("Janet") + 5),
                )
            )
            assert isinstance(found, types.CompletionList)
            (item,) = [item for item in found.items if item.label == "Janet Club"]
            assert isinstance(item.text_edit, types.TextEdit)
            assert applied(text, [item.text_edit]) == f"---\ntype: contact\n{result}\n---\n"
            start = item.text_edit.range.start.character
            written = text.split("\n")[2][start : line.index("Janet") + 5]
            assert item.filter_text is not None and item.filter_text.startswith(written)
            client.text_document_did_close(
                types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(address))
            )
        text = "---\ntype: contact\nmet_at: [[Janet\n---\n"
        address = open_note(client, root, "People/Ann Lee.md", text)
        found = await client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(address), types.Position(2, 15))
        )
        assert isinstance(found, types.CompletionList)
        edit = found.items[0].text_edit
        assert isinstance(edit, types.TextEdit)
        await wait_until(lambda: ("F001", 3) in codes(client, address))  # not YAML yet
        type_text(client, address, applied(text, [edit]))
        # read as YAML and the link as one (unquoted, a list in a list: F004)
        await wait_until(lambda: not [c for c, _ in codes(client, address) if c.startswith("F")])


async def test_a_link_completed_inside_quotes_is_escaped_as_they_need(
    make_vault: WriteVault,
) -> None:
    """An alias with a quote, completed in single or double quotes, still reads as YAML,
    as the link to it."""
    import yaml

    files = {"People/Bob.md": '---\ntype: contact\naliases: ["O\'Brien", \'Big "B"\']\n---\n'}
    root: Path = make_vault(files).resolve()
    async with serving(root) as client:
        for opening, label in (
            ("'", "O'Brien"),
            ('"', "O'Brien"),
            ("'", 'Big "B"'),
            ('"', 'Big "B"'),
        ):
            line = f"met_at: {opening}[[{label[:2]}"
            text = f"---\ntype: contact\n{line}\n---\n"
            address = open_note(client, root, "People/Ann.md", text)
            found = await client.text_document_completion_async(
                types.CompletionParams(
                    types.TextDocumentIdentifier(address), types.Position(2, len(line))
                )
            )
            assert isinstance(found, types.CompletionList)
            (item,) = [item for item in found.items if item.label == label]
            assert isinstance(item.text_edit, types.TextEdit)
            written = applied(text, [item.text_edit]).split("\n")[2]
            assert yaml.safe_load(written) == {"met_at": f"[[{label}]]"}, written
            client.text_document_did_close(
                types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(address))
            )
