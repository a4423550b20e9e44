"""What watch mode listens to: file events that may change a note, the config or the
folder tree, and nothing else (its own summary, ``.mdnet/``, editors' temporary files).

Events come from watchdog's inotify observer on a thread; they are reduced here to
vault-relative paths and queued for the watcher's main loop, which debounces them.

A check answered by the watcher must see every change made before it asked, however late
the system delivers the events. ``VaultEvents.caught_up`` makes a file of its own in
``.mdnet/`` and waits for that file's event: inotify delivers the events of one watch in
the order they happened, so every earlier change is queued by then (watchman's
"synchronization cookies").
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import itertools
import os
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from mdnet.cache.folder import STATE_FOLDER, make_state_folder
from mdnet.config import CONFIG_NAME
from mdnet.errors import UserError
from mdnet.language import _
from mdnet.notes.hidden_links import links_into_dot_folders

EVENTS = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,  # closed after writing
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
LOCK_NAME = "watch.lock"
SYNC_PREFIX = "sync-"  # the files ``caught_up`` makes in .mdnet/, a moment each


def is_relevant(path: str, summary_path: str, is_directory: bool = False) -> bool:
    """True when a change at vault-relative ``path`` may change what mdnet reports.

    Notes (``*.md``), folders and the config count; not the summary mdnet writes, nor
    anything under a dot-folder (``.mdnet/``, ``.git/``...), nor editors' temporary
    files: ``.swp``, ``~``, Vim's ``4913``, Emacs' ``.#*``, ``.goutputstream-*``,
    which all either start with a dot or do not end with ``.md``.
    """
    if path in ("", ".") or path == summary_path:
        return False
    if path == CONFIG_NAME:
        return True
    parts = path.split("/")
    if any(part.startswith(".") for part in parts):
        return False
    return is_directory or path.endswith(".md")


class VaultEvents(FileSystemEventHandler):
    """Queues the vault-relative paths of relevant changes (a set per event)."""

    def __init__(self, root: Path, summary_path: str, config_file: Path | None = None) -> None:
        self.root = os.path.realpath(root)
        self.summary_path = summary_path
        self.config_file = os.path.realpath(config_file) if config_file else None
        # what the vault's listing leaves out (excluded notes, templates): set by watch
        self.left_out: Callable[[str], bool] = lambda path: False
        self.queue: queue.Queue[set[str]] = queue.Queue()
        self.links = links_into_dot_folders(root)  # notes listed under a link's path
        self._syncs = itertools.count()
        self._waiting: dict[str, threading.Event] = {}  # caught_up's files, by path

    def caught_up(self, timeout: float) -> bool:
        """Whether every change made to the vault before this call is queued, within
        ``timeout`` seconds (False also where the file cannot be made)."""
        name = f"{SYNC_PREFIX}{os.getpid()}-{next(self._syncs)}"
        path = os.path.join(self.root, STATE_FOLDER, name)
        arrived = self._waiting[path] = threading.Event()
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            return arrived.wait(timeout)
        except OSError:
            return False
        finally:
            del self._waiting[path]
            with contextlib.suppress(OSError):
                os.unlink(path)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if self._waiting and (arrived := self._waiting.get(os.fsdecode(event.src_path))):
            arrived.set()
            return
        paths = set()
        for path in (event.src_path, event.dest_path):
            relative = self._relative(os.fsdecode(path)) if path else None
            if path and event.event_type in ("created", "moved") and os.path.islink(path):
                self.links = links_into_dot_folders(Path(self.root))  # a new link
            for listed in self._as_listed(relative):
                if is_relevant(listed, self.summary_path, event.is_directory) and (
                    listed == CONFIG_NAME or not self.left_out(listed)
                ):
                    paths.add(listed)
        if paths:
            self.queue.put(paths)

    def _as_listed(self, relative: str | None) -> list[str]:
        """``relative`` as the vault lists it: under a link's path if a link reaches it."""
        if relative is None:
            return []
        if relative == CONFIG_NAME or not any(part[:1] == "." for part in relative.split("/")):
            return [relative]
        return [
            link + relative[len(target) :]
            for target, links in self.links.items()
            if relative == target or relative.startswith(target + "/")
            for link in links
        ]

    def _relative(self, path: str) -> str | None:
        if self.config_file and os.path.realpath(path) == self.config_file:
            return CONFIG_NAME
        if path != self.root and not path.startswith(self.root + os.sep):
            return None  # moved out of the vault: its source counts, not this
        return os.path.relpath(path, self.root).replace(os.sep, "/")


def start_observer(handler: VaultEvents, warn: IO[str]) -> BaseObserver:
    """Watch the vault with inotify; past the system's watch limit, poll instead."""
    folders = [(handler.root, True)]
    if handler.config_file and not handler.config_file.startswith(handler.root + os.sep):
        folders.append((os.path.dirname(handler.config_file), False))
    try:
        return _observe(Observer(), handler, folders)
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EMFILE):
            raise
        warn.write(
            f"mdnet: warning: {error.strerror or error}; watching by polling every "
            "second instead (raise fs.inotify.max_user_watches to avoid it)\n"
        )
        warn.flush()
        return _observe(PollingObserver(timeout=1), handler, folders)


def _observe(
    observer: BaseObserver, handler: VaultEvents, folders: list[tuple[str, bool]]
) -> BaseObserver:
    for folder, recursive in folders:
        observer.schedule(handler, folder, recursive=recursive, event_filter=EVENTS)
    try:
        observer.start()
    except BaseException:
        observer.stop()
        raise
    return observer


class AlreadyWatched(UserError):
    """Another ``mdnet watch`` holds this vault's lock."""


def lock_vault(state_folder: Path) -> IO[str] | None:
    """Hold ``.mdnet/watch.lock`` while watching; None where it cannot be made
    (a read-only vault: nothing would be written there anyway)."""
    try:
        make_state_folder(state_folder)
        handle = open(state_folder / LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        holder = handle.read().strip()
        handle.close()
        raise AlreadyWatched(
            _(
                "another `mdnet watch` is already running on this vault (process {process}); "
                "stop it first"
            ).format(process=holder)
            if holder
            else _("another `mdnet watch` is already running on this vault; stop it first")
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return handle
