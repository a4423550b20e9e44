"""The snapshot checks start from (``cache.snapshot``), kept by the front ends that stay
running.

``mdnet check`` writes the snapshot when its model drifted far from the last one; a
front end that stays running keeps its model up to date itself and runs no check, so it
sees to the snapshot: someone who only runs ``mdnet watch`` or an editor would otherwise
start each time from the index, the whole model built again (at 100,000 notes, 8 s
rather than 3). The live vault counts how far its model drifted from the snapshot
(``live.drift``); once it is far, after a minute with nothing to do and when the front
end stops, ``keep_snapshot`` starts a process that makes the snapshot from the notes on
disk, as a check would (``python -m mdnet.live.kept``: ``pipeline.save_model``).

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
from mdnet.rules.runner import Selection

LOCK_WAIT = 0.2  # seconds the live model may keep the process waiting for it
# -P and the path of this mdnet: the same code as the front end's, wherever it runs
KEEPER = [sys.executable, "-P", "-m", "mdnet.live.kept"]
_keeping: dict[Path, subprocess.Popen[bytes]] = {}  # by vault: the process at work on it


def keep_snapshot(live: LiveVault) -> None:
    """When ``live``'s model drifted far from the vault's snapshot, start a process that
    makes the snapshot again from the notes on disk, at a low priority, that nobody waits
    for; one at a time for a vault. From then on, the model counts as the snapshot's.

    Never in the way: while the model takes in a change (the vault read at the start, 9 s
    at 100,000 notes), or if anything goes wrong, nothing is started — the next look, or
    the next check, keeps it."""
    if not live.lock.acquire(timeout=LOCK_WAIT):
        return
    try:
        with contextlib.suppress(Exception):  # a cache: never the front end's trouble
            _start_keeping(live)
    finally:
        live.lock.release()


def _start_keeping(live: LiveVault) -> None:
    running = _keeping.get(live.root)
    if running is not None and running.poll() is None:  # (a process done is reaped)
        return
    if not (live.loaded and live.drift.far(live.today, live.config)):
        return
    day, config = live.today.isoformat(), str(live.config_path or "")
    _keeping[live.root] = subprocess.Popen(
        [*KEEPER, str(live.root), day, language.current(), config],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl-C in the terminal, the editor's end: not its
        env={**os.environ, "PYTHONPATH": _importable()},
    )
    live.drift.restart(live.today, live.config)


def _importable() -> str:
    """PYTHONPATH with the folder this mdnet is imported from first."""
    here = str(Path(__file__).resolve().parents[2])
    return os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))


def main(arguments: list[str]) -> None:
    """``python -m mdnet.live.kept VAULT DAY LANGUAGE CONFIG`` (CONFIG: a path, or ""):
    the vault's snapshot on DAY, its findings in LANGUAGE."""
    from mdnet.pipeline import save_model  # (the front ends need none of the pipeline)

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
