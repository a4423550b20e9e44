"""What watch mode prints of an update: the findings that went (``-``) and came (``+``),
by place, each as ``mdnet check`` prints it (``report.formats.text_lines``), then a
status line with the time."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from mdnet.language import _, ngettext
from mdnet.live.update import Update
from mdnet.report.formats import text_lines
from mdnet.rules.finding import Finding


def print_update(out: TextIO, root: Path, changed: set[str], update: Update) -> None:
    """Print to ``out`` what ``update`` changed in the findings of the vault at ``root``
    once the paths ``changed``."""
    appeared, disappeared = update.appeared, update.disappeared
    changes: list[tuple[str, Finding]] = [("-", f) for f in disappeared]
    changes += [("+", f) for f in appeared]
    changes.sort(key=lambda change: (change[1].sort_key[:4], change[0] == "+", change[1].message))
    signs = [sign for sign, _finding in changes]
    lines = text_lines([finding for _sign, finding in changes], root, False, Path.cwd())
    for sign, line in zip(signs, lines, strict=True):
        out.write(f"{sign} {line}")
    status = _("{what}: {appeared} appeared, {disappeared} disappeared. {total} in all.")
    total = ngettext("{count} finding", "{count} findings", len(update.after))
    what = status.format(
        what=_what_changed(changed, update.parsed),
        appeared=len(appeared),
        disappeared=len(disappeared),
        total=total.format(count=len(update.after)),
    )
    out.write(f"[{time.strftime('%H:%M:%S')}] {what}\n")
    out.flush()


def _what_changed(changed: Iterable[str], parsed: Iterable[str]) -> str:
    names = sorted(set(changed) | set(parsed))
    if len(names) == 1:
        return _("{path} changed").format(path=names[0])
    if not names:
        return _("the date changed")
    return ngettext("{count} path changed", "{count} paths changed", len(names)).format(
        count=len(names)
    )
