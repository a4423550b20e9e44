"""``mdnet check`` answered by a running ``mdnet lsp``, as by a running ``mdnet watch``
(``live.server``): through ``.mdnet/check.sock``, by whichever of them took it first.

Before it answers, the server takes in every change: the editor's that are not taken in
yet, and the notes changed on disk since it last read them (the vault listed again: the
editor's file events may come late or never, and a check must see a note saved a moment
before). The editor's unsaved text is the truth for the server, not for a check: while a
note open in an editor differs from its file, the server declines, and the check does its
own work.
"""

from __future__ import annotations

import asyncio
import concurrent.futures

from mdnet.live.server import CheckServer
from mdnet.live.vault import LiveVault
from mdnet.lsp.session import Session
from mdnet.notes.scan import list_notes

SYNC_TIMEOUT = 2.0  # seconds: a server busier than that declines (the check's own is quick)


def serve(session: Session) -> CheckServer | None:
    """Answer checks of the session's vault, from now on; None when another server (a
    watch, another editor's) answers them already, or no socket can be had."""
    live = session.live
    if live is None:
        return None
    loop = asyncio.get_running_loop()

    def sync() -> str | None:  # on the check server's thread
        future = asyncio.run_coroutine_threadsafe(_synced(session, live), loop)
        try:
            return future.result(SYNC_TIMEOUT)
        except concurrent.futures.TimeoutError:
            future.cancel()
            return "the language server is busy"
        except Exception as error:  # a bug: the check does its own work
            return f"the language server cannot answer: {error!r}"

    server = CheckServer(live, sync)
    return server if server.start() else None


async def _synced(session: Session, live: LiveVault) -> str | None:
    """Take in the changes not taken in yet, the vault listed again, publish what they
    change, and say why the model is not the vault on disk (a note open unsaved), if
    it is not."""
    if not await session.update(on_disk=lambda: _changed_on_disk(live)):
        return "the language server cannot update"
    return await asyncio.to_thread(_unsaved, live)


def _changed_on_disk(live: LiveVault) -> set[str]:
    """The notes whose size or time differ from the model's, new or gone since."""
    with live.lock:
        files = list_notes(live.root, live.config)
        known = live.parser.memory
        changed = {f.path for f in files if known.get(f.path, (None, None))[:2] != f[1:]}
        listed = {f.path for f in files}
        changed |= {path for path in live.vault.notes if path not in listed}
        return changed - live.unsaved.keys()


def _unsaved(live: LiveVault) -> str | None:
    """Why the model is not the vault on disk: a note open in an editor, unsaved."""
    with live.lock:
        for path, text in sorted(live.unsaved.items()):
            try:
                same = (live.root / path).read_bytes() == text.encode("utf-8")
            except (OSError, UnicodeEncodeError):
                same = False
            if not same:
                return f"{path} is open in an editor, unsaved"
    return None


def stop(server: CheckServer | None) -> None:
    if server is not None:
        server.stop()
