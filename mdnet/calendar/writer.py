"""Writing the calendar file: atomically, only when it changed, never over a stranger.

As for the summary note (``mdnet.summary.writer``): ``calendar.path`` is under the
vault, and a file already there is replaced only if mdnet wrote it, which its PRODID
says. ``-o FILE`` may point anywhere, with the same care for what is there.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mdnet.calendar.ics import PRODID
from mdnet.config import Config
from mdnet.errors import UserError
from mdnet.language import _
from mdnet.notes.files import OutsideVault, inside_vault, write_atomic

HEADER_BYTES = 4096  # the PRODID comes before the first event, near the top


class CalendarRefused(UserError):
    """``calendar.path`` is not set, leaves the vault, or holds a file mdnet did not
    write: exit status 2, nothing written."""


def is_calendar(data: bytes) -> bool:
    """True when ``data`` is an iCalendar file that mdnet wrote (its PRODID)."""
    head = data[:HEADER_BYTES].replace(b"\r\n ", b"").replace(b"\n ", b"")  # unfolded
    return any(line.rstrip(b"\r") == f"PRODID:{PRODID}".encode() for line in head.split(b"\n"))


def calendar_file(root: Path, config: Config) -> Path:
    """Where ``mdnet watch`` and ``mdnet calendar`` write: ``calendar.path`` in the vault."""
    where = config.where("calendar", "path") if config.source else "calendar.path"
    if not config.calendar_path:
        raise CalendarRefused(
            _(
                "no calendar.path set: give -o FILE (or -o - for stdout), or set "
                '[calendar] path = "Network Calendar.ics" in .mdnet.toml'
            )
        )
    try:
        inside_vault(root, config.calendar_path)
    except OutsideVault as error:
        raise CalendarRefused(f"{where}: {error}") from None
    return root / config.calendar_path


def write_calendar(root: Path, config: Config, parts: Sequence[bytes]) -> bool:
    """Write the file ``render_calendar`` gives, in ``parts``, to ``calendar.path``; True
    if it changed.

    Raises CalendarRefused, leaving everything untouched, when the path is not set,
    leaves the vault, or holds something mdnet did not write; OSError when the disk
    refuses.
    """
    return write_file(calendar_file(root, config), parts, set_another(config))


def set_another(config: Config) -> str:
    """What to do when ``calendar.path`` holds a file mdnet did not write."""
    where = config.where("calendar", "path") if config.source else "calendar.path"
    return _("set another {where}").format(where=where)


def write_file(path: Path, parts: Sequence[bytes], instead: str | None = None) -> bool:
    """Write ``parts`` one after the other to ``path`` atomically, only when the file
    differs; True if it changed. The file there is compared a part at a time, never
    read whole.

    Refuses (CalendarRefused) a folder, a link, or a file that mdnet did not write;
    ``instead``: what to do then (default: choose another file).
    """
    instead = instead or _("choose another file")
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise CalendarRefused(
            _(
                "{path}: not a plain file; mdnet writes the calendar only to a file of its own "
                "({instead})"
            ).format(path=path, instead=instead)
        )
    if path.exists():
        with open(path, "rb") as existing:
            if all(existing.read(len(part)) == part for part in parts) and not existing.read(1):
                return False
            existing.seek(0)
            if not is_calendar(existing.read(HEADER_BYTES)):
                raise CalendarRefused(
                    _(
                        "{path}: exists and was not written by mdnet (no {prodid}); "
                        "left untouched. Move it, or {instead}"
                    ).format(path=path, prodid=f"PRODID:{PRODID}", instead=instead)
                )
    write_atomic(path, lambda out: out.writelines(parts))
    return True
