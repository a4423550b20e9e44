"""Notes changed on disk by another program (git, Obsidian, a sync): the client's
``workspace/didChangeWatchedFiles`` where it offers to watch for the server, else
watchdog's observer, as ``mdnet watch`` uses it."""

from __future__ import annotations

import asyncio
import queue
import sys
import threading
from collections.abc import Iterable

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from mdnet.config import CONFIG_NAME
from mdnet.language import _
from mdnet.lsp.session import Session
from mdnet.watch.events import VaultEvents, is_relevant, start_observer

WATCHERS = [
    types.FileSystemWatcher(glob_pattern="**/*.md"),
    types.FileSystemWatcher(glob_pattern=f"**/{CONFIG_NAME}"),
]


def follow(server: LanguageServer, session: Session) -> None:
    """Ask the client to watch the notes and the config (its answer is not waited
    for); else, or if it refuses, watch them here."""
    if session.live is None:
        return
    capabilities = server.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is not None and watched.dynamic_registration:
        task = asyncio.ensure_future(_register(server, session))
        _ASKING.add(task)
        task.add_done_callback(_ASKING.discard)
    else:
        _observe(session)


_ASKING: set[asyncio.Future[None]] = set()  # registrations under way (kept from the GC)


async def _register(server: LanguageServer, session: Session) -> None:
    options = types.DidChangeWatchedFilesRegistrationOptions(watchers=WATCHERS)
    registration = types.Registration(
        id="mdnet-watched-files",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=options,
    )
    try:
        await server.client_register_capability_async(
            types.RegistrationParams(registrations=[registration])
        )
    except Exception as error:  # the client refused after all: watch here (watching
        _observe(session)  # before it says so: a file written once it is told is seen)
        session.log(
            _("mdnet: the editor does not watch files ({error}); watching here").format(error=error)
        )


def paths_of(session: Session, uris: Iterable[str]) -> set[str]:
    """The vault-relative paths of changed files that may change what mdnet reports."""
    if session.documents is None or session.live is None:
        return set()
    summary = session.live.config.summary_path
    paths = {session.documents.path_of(uri) for uri in uris}
    return {path for path in paths if path is not None and is_relevant(path, summary)}


def _observe(session: Session) -> None:
    """Watch the vault with watchdog; its events are handed to the session's loop."""
    live = session.live
    assert live is not None
    events = VaultEvents(live.root, live.config.summary_path, live.config_path)
    observer = start_observer(events, sys.stderr)  # stdout is the protocol's
    loop = asyncio.get_running_loop()

    def forward() -> None:
        while observer.is_alive():
            events.summary_path = live.config.summary_path  # where the config now puts it
            try:
                paths = events.queue.get(timeout=0.5)
            except queue.Empty:
                continue
            loop.call_soon_threadsafe(session.changed_on_disk, paths)

    threading.Thread(target=forward, name="mdnet-disk", daemon=True).start()
