"""A watch session: the vault locked, signals caught, file events observed, the check
server up, the watcher's loop run, and everything given back at the end."""

from __future__ import annotations

import signal

from mdnet.cache.folder import STATE_FOLDER
from mdnet.language import _
from mdnet.live.kept import keep_snapshot
from mdnet.live.server import CheckServer
from mdnet.watch.events import lock_vault, start_observer
from mdnet.watch.watcher import Watcher


def watch(watcher: Watcher) -> None:
    """Lock the vault, check it, then follow its changes until SIGINT, SIGTERM or SIGHUP
    (its terminal closed); the snapshot checks start from is made again, if the model
    drifted far from it, once a minute passed with nothing to do (``Watcher.run``) and
    when the watch ends.

    Raises AlreadyWatched when another watcher holds the vault, SummaryRefused when
    the summary's path holds a file mdnet did not write.
    """
    lock = lock_vault(watcher.root / STATE_FOLDER)
    ending = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {sig: signal.signal(sig, watcher.stop) for sig in ending}
    observer = None
    server = None
    try:
        watcher.prime()
        if watcher.stopping:
            return
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
    keep_snapshot(watcher.live)
