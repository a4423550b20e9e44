"""The language server speaks the vault's language (SPEC §12) in all it says, not only in
its diagnostics: hover, code actions, completion details and its log."""

from __future__ import annotations

from lsprotocol import types

from tests.conftest import WriteVault
from tests.lsp.client import LOADED_RE, actions_for, open_note, serving, uri

JANE = """---
type: contact
company: Acme
tier: close
---
- 2026-05-02 coffee #got intro to Bob
- 2026-09-01 email #promised send the deck
"""
FILES = {
    ".mdnet.toml": 'language = "fr"\n',
    "People/Jane.md": JANE,
    "Circles/Chess.md": "---\ntype: circle\nstatus: active\n---\nMembers: [[Jane]].\n",
    "Notes/Plan.md": "Call [[Jane]].\n",
}


async def test_hover_actions_completion_and_log_in_french(make_vault: WriteVault) -> None:
    root = make_vault(FILES).resolve()
    async with serving(root) as client:
        plan = open_note(client, root, "Notes/Plan.md")
        hovered = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(plan), types.Position(0, 8))
        )
        jane = uri(root, "People/Jane.md")
        offered = await actions_for(client, jane)
        address = open_note(client, root, "Notes/New.md", "---\ntype: contact\n\n---\n")
        keys = await client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(address), types.Position(2, 0))
        )
        logged = [message.message for message in client.log_messages]
    assert hovered is not None and isinstance(hovered.contents, types.MarkupContent)
    text = hovered.contents.value
    assert text.startswith("**Jane** — Acme · *en retard*"), text
    assert "- Dernier échange : 1 septembre 2026 (il y a 86 jours), email" in text
    assert "prochain échange attendu le 31 octobre 2026 (26 jours de retard)" in text
    assert "- Donné 0, reçu 1" in text
    assert "- 1 promesse ouverte : 1 septembre 2026 (il y a 86 jours)" in text
    assert "- Cercles et événements : [[Chess]]" in text
    titles = set(offered)
    assert "Consigner un échange avec Jane aujourd'hui" in titles, titles
    assert any(title.startswith("Ajouter R001 au mdnet-ignore") for title in titles), titles
    assert keys is not None and isinstance(keys, types.CompletionList)
    details = {item.label: item.detail for item in keys.items}
    assert details["company"] == "champ des notes contact" and details["tags"] == "champ"
    assert any(LOADED_RE.match(line) and "problèmes dans" in line for line in logged), logged
