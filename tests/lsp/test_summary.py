"""The summary note from the editor: the ``mdnet.summary`` command, and on save unless a
``mdnet watch`` holds the vault (SPEC §10)."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from mdnet.cache.folder import STATE_FOLDER
from mdnet.watch.events import lock_vault
from tests.conftest import WriteVault
from tests.lsp.client import open_note, serving, type_text, wait_until

JANE = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call\n"
FILES = {"People/Jane.md": JANE, "Daily/2026-11-01.md": "Nothing yet.\n"}


async def test_the_summary_command_writes_the_summary(make_vault: WriteVault) -> None:
    root = make_vault(FILES).resolve()
    async with serving(root) as client:
        result = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="mdnet.summary", arguments=[])
        )
        assert result == {"path": "Network Summary.md", "written": True}
        text = (root / "Network Summary.md").read_text()
        assert "mdnet: summary" in text and "[[Jane]]" in text
        again = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="mdnet.summary")
        )
        assert again == {"path": "Network Summary.md", "written": False}  # unchanged


def save(client: LanguageClient, address: str) -> None:
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(address))
    )


async def test_a_save_rewrites_the_summary_unless_a_watcher_holds_the_vault(
    make_vault: WriteVault,
) -> None:
    root = make_vault(FILES).resolve()
    summary = root / "Network Summary.md"
    async with serving(root) as client:
        daily = open_note(client, root, "Daily/2026-11-01.md")
        save(client, daily)
        await wait_until(summary.exists)
        assert "Jane" in summary.read_text().split("## Reach out", 1)[1]
        lock = lock_vault(root / STATE_FOLDER)  # as a running `mdnet watch` holds it
        try:
            before = summary.read_text()
            type_text(client, daily, "Lunch with [[Jane]].\n")
            (root / "Daily/2026-11-01.md").write_text("Lunch with [[Jane]].\n")
            save(client, daily)
            await wait_until(
                lambda: any("left to the `mdnet watch`" in m.message for m in client.log_messages)
            )
            assert summary.read_text() == before
        finally:
            assert lock is not None
            lock.close()
        save(client, daily)
        await wait_until(lambda: summary.read_text() != before)
