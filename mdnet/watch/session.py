"""A watch session: the vault locked, signals caught, file events observed, the check
server up, the watcher's loop run, and everything given back at the end."""

from __future__ import annotations

import os
import signal
from typing import IO

from mdnet.background import can_fork, detached
from mdnet.cache.folder import STATE_FOLDER
from mdnet.language import _
from mdnet.live.kept import snapshot_saver
from mdnet.live.server import CheckServer
from mdnet.model.memory import give_back
from mdnet.watch.events import lock_vault, start_observer
from mdnet.watch.watcher import Watcher


def watch(watcher: Watcher) -> None:
    """Lock the vault, check it, then follow its changes until SIGINT or SIGTERM; the
    model is saved as the snapshot checks start from, when it drifted from the last one,
    once loaded and when the watch ends.

    Raises AlreadyWatched when another watcher holds the vault, SummaryRefused when
    the summary's path holds a file mdnet did not write.
    """
    lock = lock_vault(watcher.root / STATE_FOLDER)
    previous = {sig: signal.signal(sig, watcher.stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    observer = None
    server = None
    try:
        watcher.prime()
        if watcher.stopping:
            return
        _keep_model(watcher, lock)
        observer = start_observer(watcher.events, watcher.err)
        watcher.check()
        server = CheckServer(watcher.live, watcher.sync)
        server.start()
        watching = _("Watching {vault} for changes; Ctrl-C to stop.").format(vault=watcher.root)
        watcher.err.write(watching + "\n")
        watcher.err.flush()
        watcher.run()
    finally:
        if server is not None:
            server.stop()
        if observer is not None:
            observer.stop()
            observer.join(timeout=5)
        watcher.live.parser.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if lock is not None:
            lock.close()
    _keep_model(watcher)


def _keep_model(watcher: Watcher, lock: IO[str] | None = None) -> None:
    """Save the model as the vault's snapshot, if it drifted, in a process nobody waits
    for: only before any thread starts or once they ended (forking beside threads is
    unsafe), and that does not hold the vault's ``lock`` (another watch may start)."""
    if not can_fork():
        return
    save = snapshot_saver(watcher.live)
    if save is None:
        return

    def released_and_saved() -> None:  # in a copy of this process
        for sig in (signal.SIGINT, signal.SIGTERM):  # the watch's handlers only ask it to stop
            signal.signal(sig, signal.SIG_DFL)
        if lock is not None:
            os.close(lock.fileno())  # this process's copy: the watch holds the lock still
        os.nice(10)  # the watch's first check, on the same cores, comes first
        watcher.live.parser.let_go()  # what the snapshot does not hold (10 MB at 100k)
        give_back()
        save()

    detached(released_and_saved)
