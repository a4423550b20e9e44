"""Carry out an import's plan: write the new notes, log the changes with ``--update``.

Every write goes through ``write_new`` or ``write_atomic`` at a path checked by
``inside_vault``; a new note never replaces an existing file (not even one created
while the import runs), and a logged change is appended after the last
byte of the note, leaving every existing byte as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from mdnet.errors import describe
from mdnet.importers.matching import ImportPlan, Known, update_phrase
from mdnet.importers.person import Skipped
from mdnet.language import _
from mdnet.notes.files import OutsideVault, inside_vault, write_atomic, write_new

LOG_HEADING_RE = re.compile(r"^#{1,6}[ \t]+log[ \t#]*$", re.IGNORECASE | re.MULTILINE)
LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")


@dataclass
class Outcome:
    """What was written: notes created, entries logged, and what failed with why."""

    created: list[str] = field(default_factory=list)
    logged: list[str] = field(default_factory=list)
    failed: list[Skipped] = field(default_factory=list)


def log_entry(known: Known, today: dt.date, label: str) -> str:
    """``- 2026-11-26 #update now CTO at Initech (from the LinkedIn import)``."""
    return f"- {today.isoformat()} #update {update_phrase(known.person)} (from the {label})"


def carry_out(plan: ImportPlan, root: Path, today: dt.date, label: str, update: bool) -> Outcome:
    """Write the plan's new notes, and with ``update`` log each change in its note."""
    outcome = Outcome()
    for new in plan.created:
        try:
            write_new(inside_vault(root, new.path), new.text)
        except FileExistsError:
            reason = _("cannot write the note: {path} appeared meanwhile; not replaced").format(
                path=new.path
            )
            outcome.failed.append(Skipped(new.person.where, reason))
        except OutsideVault as error:
            reason = _("cannot write the note: {path}: {error}").format(path=new.path, error=error)
            outcome.failed.append(Skipped(new.person.where, reason))
        except OSError as error:
            reason = _("cannot write the note: {path}: {error}").format(
                path=new.path, error=describe(error)
            )
            outcome.failed.append(Skipped(new.person.where, reason))
        else:
            outcome.created.append(new.path)
    if update:
        for known in plan.changed:
            try:
                append_entry(inside_vault(root, known.path), log_entry(known, today, label))
            except (OSError, OutsideVault, UnicodeDecodeError) as error:
                said = describe(error) if isinstance(error, OSError) else str(error)
                reason = _("cannot log the change: {path}: {error}").format(
                    path=known.path, error=said
                )
                outcome.failed.append(Skipped(known.person.where, reason))
            else:
                outcome.logged.append(known.path)
    return outcome


def append_entry(path: Path, entry: str) -> None:
    """Append ``entry`` as the last item of the note's log, after every existing byte.

    A ``## Log`` heading is added first when the note has none; the note's own line
    endings are kept.
    """
    text = path.read_bytes().decode("utf-8")
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf > text.count("\n") - crlf else "\n"  # the note's usual ending
    addition = ""
    if text and not text.endswith(("\n", "\r")):
        addition += newline
    lines = [line for line in text.splitlines() if line.strip()]
    if not LOG_HEADING_RE.search(text.replace("\r", "")):
        addition += f"{newline}## Log{newline}{newline}"
    elif lines and not LIST_ITEM_RE.match(lines[-1]) and not text.endswith(newline * 2):
        addition += newline
    write_atomic(path, text + addition + entry + newline)
