"""A progress bar on stderr while many notes are parsed (only on a terminal)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from mdnet.cache.parser import CachedParser

SHOW_FROM = 2000  # notes to parse: fewer go by too fast for a bar to help


class ParseProgress:
    """Called as ``progress(done, total)`` by the parser; draws a bar when worth it."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < SHOW_FROM or not sys.stderr.isatty():
                return
            self.bar = click.progressbar(
                length=total, label="Parsing notes", file=sys.stderr, show_pos=True
            )
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done
        if done >= total:
            self.bar.__exit__(None, None, None)
            self.bar, self.shown = None, 0


def vault_parser(use_index: bool = True) -> CachedParser:
    """The parser every command uses: the index (unless ``--no-cache``) and a bar.

    Imported only here, when a vault is to be parsed: a check that prints its last
    report again loads neither the parser nor the index (``tests/test_lazy_imports``)."""
    from mdnet.cache.parser import CachedParser

    return CachedParser(use_index=use_index, progress=ParseProgress())
