"""The snapshot checks start from (``cache.snapshot``), kept by the front ends that stay
running.

``mdnet check`` writes the snapshot when its model drifted far from the last one; a
front end that stays running keeps its model up to date itself and runs no check, so it
sees to the snapshot: someone who only runs ``mdnet watch`` or an editor would otherwise
start each time (and every check) from the index, the whole model built again (at
100,000 notes, 8 s rather than 3). The live vault counts how far its model drifted from
the snapshot (``live.drift``); once it is far, after a minute with nothing to do and when
the front end stops, ``keep_snapshot`` starts a process that makes the snapshot from the
notes on disk, as a check would (``python -m mdnet.live.kept``: ``pipeline.save_model``).

Why a process that reads the notes again rather than the model at hand: pickling it in
place holds the interpreter 4 s at 100,000 notes (an editor's keystrokes wait) and adds
50 MB to the server's peak; a fork of a process that runs threads (the language server,
the watcher's observer) is unsafe. And the notes on disk are what a check trusts: never
an editor's unsaved text, nor a note read a moment before it was written again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from mdnet import language
from mdnet.config import load_config
from mdnet.live.vault import LiveVault

_keeping: dict[Path, subprocess.Popen[bytes]] = {}  # by vault: the process at work on it


def keep_snapshot(live: LiveVault) -> None:
    """When ``live``'s model drifted far from the vault's snapshot, start a process that
    makes the snapshot again from the notes on disk, at a low priority, that nobody waits
    for; one at a time for a vault. From then on, the model counts as the snapshot's."""
    running = _keeping.pop(live.root, None)
    if running is not None and running.poll() is None:
        _keeping[live.root] = running
        return
    with live.lock:
        if not (live.loaded and live.drift.far(live.today, live.config)):
            return
        live.drift.restart(live.today, live.config)
        # -P: mdnet's own modules, whatever folder this runs in
        command = [sys.executable, "-P", "-m", "mdnet.live.kept", str(live.root)]
        command += [live.today.isoformat(), language.current(), str(live.config_path or "")]
    with contextlib.suppress(OSError):  # none to be had: the next check writes it
        _keeping[live.root] = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C in the terminal, the editor's end: not its
        )


def main(arguments: list[str]) -> None:
    """``python -m mdnet.live.kept VAULT DAY LANGUAGE CONFIG`` (CONFIG: a path, or ""):
    the vault's snapshot on DAY, its findings in LANGUAGE."""
    from mdnet.pipeline import save_model
    from mdnet.rules.runner import Selection

    root, day, speaking, config_path = arguments
    os.nice(10)  # the front end, on the same cores, comes first
    language.use(speaking)
    config = load_config(Path(root), Path(config_path) if config_path else None)
    save_model(Path(root), config, dt.date.fromisoformat(day), Selection.from_config(config))


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Exception:  # a cache: the next check writes it (nobody reads this output)
        sys.exit(1)
