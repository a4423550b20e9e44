"""A live vault's model kept as the snapshot a check starts from (``cache.snapshot``).

``mdnet check`` writes the snapshot when its model drifted far from the last one; a
front end that stays running keeps its model up to date itself and runs no check, so it
sees to the snapshot: someone who only runs ``mdnet watch`` or an editor would otherwise
start each time (and every check) from the index, the whole model built again (at
100,000 notes, 8 s rather than 4). Nobody waits for the writing, 4 s of CPU at that
size: ``mdnet watch`` saves its own model in a process of its own (``snapshot_saver``),
forked once loaded and when it stops; ``mdnet lsp``, which runs threads and cannot fork,
after a minute with nothing to do, starts a process that makes the snapshot from the
notes on disk as a check would (``keep_snapshot``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from mdnet import language
from mdnet.cache import snapshot
from mdnet.live.vault import LiveVault
from mdnet.notes.scan import NoteFile

_keeping: dict[Path, subprocess.Popen[bytes]] = {}  # by vault: the process at work on it


def drifted(live: LiveVault) -> bool:
    """Whether ``live``'s model drifted from the vault's snapshot: ``snapshot.DRIFT``
    notes taken in since, another day, or no snapshot."""
    far = live.snapshot_day != live.today or live.drift > snapshot.DRIFT
    return live.loaded and far


def snapshot_saver(live: LiveVault) -> Callable[[], None] | None:
    """What writes ``live``'s model as the vault's snapshot, now, when it ``drifted`` and
    is the vault on disk (no note open in an editor); None otherwise. From then on, the
    model counts as the snapshot's (whatever becomes of the writing: a cache)."""
    with live.lock:
        if not drifted(live) or live.unsaved:
            return None
        known = live.parser.memory  # each note's file as the model read it
        if any(path not in known for path in live.vault.notes):
            return None  # a note the model has from elsewhere than its file
        files = [NoteFile(path, *known[path][:2]) for path in live.vault.notes]
        live.snapshot_day, live.drift = live.today, 0
        # read before now: a note written since (2 s, as a listing) is read again
        return partial(
            snapshot.save, live.root, live.config, live.builder, files, live.today, time.time_ns()
        )


def keep_snapshot(live: LiveVault) -> None:
    """When ``live``'s model ``drifted``, start a process that makes the vault's snapshot
    from the notes on disk (whatever an editor holds unsaved), at a low priority; one at
    a time for a vault. From then on, the model counts as the snapshot's."""
    running = _keeping.pop(live.root, None)
    if running is not None and running.poll() is None:
        _keeping[live.root] = running
        return
    with live.lock:
        if not drifted(live):
            return
        live.snapshot_day, live.drift = live.today, 0
        # -P: mdnet's own modules, whatever folder this runs in
        command = [sys.executable, "-P", "-m", "mdnet.live.kept", str(live.root)]
        command += [live.today.isoformat(), language.current(), str(live.config_path or "")]
    with contextlib.suppress(OSError):  # none to be had: the next check writes it
        _keeping[live.root] = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # an editor's Ctrl-C is not its
        )


def main(arguments: list[str]) -> None:
    """``python -m mdnet.live.kept VAULT DAY LANGUAGE [CONFIG]``: the vault's snapshot,
    made as a check makes it (``check_vault``: from the last one, or the index)."""
    from mdnet.config import load_config
    from mdnet.pipeline import check_vault
    from mdnet.rules.runner import Selection

    root, day, speaking, config_path = arguments
    os.nice(10)  # the editor's server, on the same cores, comes first
    language.use(speaking)
    config = load_config(Path(root), Path(config_path) if config_path else None)
    check_vault(Path(root), config, dt.date.fromisoformat(day), Selection.from_config(config))


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Exception:  # a cache: the next check writes it (nobody reads this output)
        sys.exit(1)
