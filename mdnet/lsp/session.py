"""The live vault behind the server, kept current, and what it publishes (``lsp.publishing``).

Changes come in as they arrive (an editor's text, paths changed on disk) and are taken
in by one task, in a worker thread, one batch at a time: whatever arrives while an
update runs is taken in together by the next one (a burst of keystrokes is one update).
After each update the diagnostics of every note whose findings changed are published,
open or not, and only those.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import threading
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from mdnet import language
from mdnet.config import CONFIG_NAME, Config, ConfigError, load_config
from mdnet.errors import UserError
from mdnet.language import _, ngettext
from mdnet.live.kept import keep_snapshot
from mdnet.live.links import Links
from mdnet.live.vault import LiveVault
from mdnet.lsp.documents import Documents
from mdnet.lsp.first import Answer, Early, as_given, prepare
from mdnet.lsp.publishing import Publisher
from mdnet.notes.scan import find_vault

ERROR = types.MessageType.Error
CLOCK_CHECK = 60.0  # seconds between looks at the date when nothing happens
logger = logging.getLogger(__name__)


class Session:
    """What the server knows: the vault (once ``open``), its live model, what it published."""

    def __init__(
        self,
        server: LanguageServer,
        today: dt.date | None,
        config_path: Path | None = None,
        early: Early | None = None,
    ) -> None:
        self.server, self.early = server, early
        self.fixed_today, self.config_path = today, config_path
        self.live: LiveVault | None = None
        self.links: Links | None = None  # where the live vault's links lead
        self.documents: Documents | None = None
        self.publisher: Publisher | None = None  # once ``open``
        self.edits: dict[str, str | None] = {}  # path → an editor's text (None: closed)
        self.disk: set[str] = set()  # paths changed on disk
        self.after_update: list[Callable[[], None]] = []  # run in the worker, once
        self.wake: asyncio.Event | None = None
        self._updating = asyncio.Lock()
        self.ready = False
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread = 0

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    def open(self, folder: Path) -> None:
        """Find the vault from the workspace folder (SPEC §1) and read its config; a bad
        config is told, and the defaults are used until it is put right."""
        try:
            root = find_vault(folder)
        except UserError as error:  # no such folder: nothing to serve, nothing to crash
            self.log(_("mdnet: {error}; no vault to check").format(error=error), ERROR)
            return
        try:
            config = load_config(root, self.config_path)
        except ConfigError as error:
            self.log(_("{error}; using the default configuration").format(error=error), ERROR)
            config = Config()
        # diagnostics in the config's language, else the environment's (SPEC §12)
        language.use(language.choose_language(config.language, os.environ).code)
        self.live = LiveVault(root, config, self.today(), self.config_path)
        self.links = Links(self.live)
        self.documents = Documents(root, self.server.workspace, as_given(folder, root))
        self.publisher = Publisher(self.server, self.live, self.documents, self.log)

    async def start(self, follow: Callable[[], None]) -> None:
        """Publish the last check's answer, ``follow`` the disk's changes, read the whole
        vault, publish every note's diagnostics, then take changes."""
        if self.live is None or self.publisher is None:
            return
        self.wake = asyncio.Event()
        self._loop, self._loop_thread = asyncio.get_running_loop(), threading.get_ident()
        last = await asyncio.to_thread(self._first_answer, self.live.root)
        if last is not None and not self.edits:  # shown while the vault loads
            self.publisher.answer(last)
            said = ngettext(
                "mdnet: {count} finding of the last check, while the vault loads",
                "mdnet: {count} findings of the last check, while the vault loads",
                last.count,
            )
            self.log(said.format(count=last.count))
        last = None  # its diagnostics (40 MB at 100,000 notes) are not held through the load
        follow()  # before the vault is read: a change meanwhile counts
        await asyncio.to_thread(self.live.load)
        self.ready = True
        self.publisher.everything()
        self.log(loaded(len(self.live.findings), len(self.live.vault.notes), self.live.root))
        self._task = asyncio.create_task(self._run())
        self.wake.set()  # what editors opened meanwhile

    def changed(self, path: str, text: str | None) -> None:
        """An editor's text for the note at ``path`` (None: closed, the disk counts)."""
        self.edits[path] = text
        self._poke()

    def changed_on_disk(self, paths: Iterable[str]) -> None:
        self.disk.update(paths)
        self._poke()

    def then(self, work: Callable[[], None]) -> None:
        """Run ``work`` in the worker after the next update (the summary on save)."""
        self.after_update.append(work)
        self._poke()

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        """A line in the editor's log of this server (``window/logMessage``); from the
        worker thread, it is sent by the event loop's thread, as every message is."""
        loop = self._loop
        if loop is not None and threading.get_ident() != self._loop_thread:
            loop.call_soon_threadsafe(self.log, message, kind)
            return
        try:
            self.server.window_log_message(types.LogMessageParams(kind, message))
        except Exception:  # no client to tell (shutting down): the log file only
            logger.exception("cannot log %s", message)

    def _poke(self) -> None:
        if self.wake is not None:
            self.wake.set()

    async def _run(self) -> None:
        assert self.wake is not None and self.live is not None
        while True:
            with contextlib.suppress(TimeoutError):  # a look at the date, now and then
                await asyncio.wait_for(self.wake.wait(), CLOCK_CHECK)
            idle = not self.wake.is_set()  # nothing came for a while
            self.wake.clear()
            work, self.after_update = self.after_update, []
            if await self.update():
                try:
                    for job in work:
                        await asyncio.to_thread(job)
                    if idle:  # the snapshot checks start from made again, if it drifted
                        await asyncio.to_thread(keep_snapshot, self.live)
                except Exception as error:  # a full disk: told, never fatal
                    self._failed(error)

    async def update(self, on_disk: Callable[[], set[str]] | None = None) -> bool:
        """Take in the changes not taken in yet, and the paths ``on_disk`` finds changed
        (in the worker), then publish what they change; one update at a time, in the
        order the changes came. False when it failed (told)."""
        async with self._updating:
            edits, disk = self.edits, self.disk
            self.edits, self.disk = {}, set()
            try:
                paths = await asyncio.to_thread(self._take_in, edits, disk, on_disk)
                assert self.publisher is not None  # (an update comes after ``start``)
                self.publisher.paths(paths)
            except Exception as error:  # a bug or a full disk: told, never fatal
                self._failed(error)
                return False
            return True

    def _failed(self, error: Exception) -> None:
        failure = f"mdnet: cannot update: {error!r}\n{traceback.format_exc()}"
        self.log(failure, types.MessageType.Error)
        if self.live is not None:
            self.live.reset()  # the next change reads everything again

    def _take_in(
        self, edits: dict[str, str | None], disk: set[str], on_disk: Callable[[], set[str]] | None
    ) -> set[str]:
        """Take the changes in (in the worker thread); the paths whose findings changed."""
        live = self.live
        assert live is not None
        disk = disk if on_disk is None else disk | on_disk()
        changed: set[str] = set()
        today = self.today()
        if today != live.today:
            changed |= live.set_today(today).paths()
        if disk:
            try:
                changed |= live.apply(disk).paths()
            except ConfigError as error:
                self.log(
                    _("{error}; still using the previous configuration").format(error=error), ERROR
                )
                changed |= live.apply(disk - {CONFIG_NAME}).paths()
        for path, text in edits.items():
            changed |= live.edit(path, text).paths()
        return changed

    def _first_answer(self, root: Path) -> Answer | None:
        """The last check's answer, made while the server started, or now."""
        folder = self.documents.folder if self.documents is not None else root
        if self.early is not None:
            return self.early.answer(root, folder)
        return prepare(folder, self.config_path, self.today())


def loaded(findings: int, notes: int, root: Path) -> str:
    """The log's line once the vault is read: ``mdnet: 23 findings in 33 notes of ROOT``."""
    return _("mdnet: {findings} in {notes} of {root}").format(
        findings=ngettext("{count} finding", "{count} findings", findings).format(count=findings),
        notes=ngettext("{count} note", "{count} notes", notes).format(count=notes),
        root=root,
    )
