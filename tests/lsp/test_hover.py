"""Hover: a contact's standing, on a link to them or anywhere in their note (SPEC §10)."""

from __future__ import annotations

from lsprotocol import types

from tests.conftest import WriteVault
from tests.lsp.client import open_note, serving

JANE = """---
type: contact
company: Acme
role: CTO
tier: close
met_at: "[[Salon]]"
---
- 2026-05-02 coffee #got intro to Bob
- 2026-06-10 call #gave
- 2026-09-01 email #promised send the deck
"""
FILES = {
    "People/Jane.md": JANE,
    "Events/Salon.md": "---\ntype: event\ndate: 2026-03-01\nstatus: attended\n---\n",
    "Events/Dinner.md": "---\ntype: event\ndate: 2026-02-01\nattendees: ['[[Jane]]']\n---\n",
    "Circles/Chess.md": "---\ntype: circle\nstatus: active\n---\nMembers: [[Jane]].\n",
    "Notes/Plan.md": "Call [[Jane]] and [[Salon]].\n",
}


async def hover_text(make_vault: WriteVault, path: str, line: int, character: int) -> str | None:
    root = make_vault(FILES).resolve()
    async with serving(root) as client:
        address = open_note(client, root, path)
        found = await client.text_document_hover_async(
            types.HoverParams(
                types.TextDocumentIdentifier(address), types.Position(line, character)
            )
        )
    if found is None:
        return None
    assert isinstance(found.contents, types.MarkupContent)
    return found.contents.value


async def test_hover_on_a_link_to_a_contact_shows_the_standing(make_vault: WriteVault) -> None:
    text = await hover_text(make_vault, "Notes/Plan.md", 0, 8)
    assert text is not None
    assert text.startswith("**Jane** — Acme, CTO · *overdue*")
    assert "- Last interaction: 2026-09-01 (86 days ago), email" in text
    assert '- 60-day cadence, tier "close"; next due 2026-10-31 (26 days overdue)' in text
    assert "- Gave 1, got 1" in text
    assert "- 1 open promise: 2026-09-01 (86 days ago)" in text
    assert "- Circles and events: [[Chess]], [[Dinner]], [[Salon]]" in text


async def test_hover_anywhere_in_a_contact_note_and_nowhere_else(make_vault: WriteVault) -> None:
    text = await hover_text(make_vault, "People/Jane.md", 8, 3)
    assert text is not None and text.startswith("**Jane**")
    assert await hover_text(make_vault, "Notes/Plan.md", 0, 22) is None  # an event
    assert await hover_text(make_vault, "Notes/Plan.md", 0, 1) is None  # prose
