"""The summary note from the editor: the ``mdnet.summary`` command writes it; a save
rewrites it when it changed, unless an ``mdnet watch`` holds the vault (it writes it)."""

from __future__ import annotations

import fcntl
from pathlib import Path

from lsprotocol import types

from mdnet.cache.folder import STATE_FOLDER
from mdnet.language import _
from mdnet.lsp.session import Session
from mdnet.summary import SummaryRefused, write_summary
from mdnet.watch.events import LOCK_NAME

COMMAND = "mdnet.summary"


def is_watched(root: Path) -> bool:
    """Whether an ``mdnet watch`` holds the vault's lock (``.mdnet/watch.lock``)."""
    try:
        with open(root / STATE_FOLDER / LOCK_NAME, encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            fcntl.flock(handle, fcntl.LOCK_UN)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return False


def write(session: Session) -> dict[str, object]:
    """Write the summary note now: ``{"path": ..., "written": whether it changed}``."""
    live = session.live
    if live is None:
        return {"path": None, "written": False}
    try:
        written = write_summary(live.root, live.config, live.summary())
    except (SummaryRefused, OSError) as error:
        session.log(f"mdnet: {error}", types.MessageType.Warning)
        return {"path": live.config.summary_path, "written": False, "error": str(error)}
    if written:
        session.log(_("mdnet: wrote {path}").format(path=live.config.summary_path))
    return {"path": live.config.summary_path, "written": written}


def on_save(session: Session) -> None:
    """Rewrite the summary after a save, unless a watcher does."""
    if session.live is None:
        return
    if is_watched(session.live.root):
        session.log(_("mdnet: the summary is left to the `mdnet watch` running on this vault"))
        return
    write(session)
