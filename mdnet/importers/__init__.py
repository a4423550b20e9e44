"""Import contacts from exports: LinkedIn's ``Connections.csv`` and vCard address books.

One way through, as for checking: a reader turns the file's bytes into people
(``linkedin``, ``vcard``), ``matching`` plans who is new and who is known against
the vault, ``writing`` carries the plan out. Nothing is written before the plan is
complete, and a dry run stops there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mdnet.config import Config
from mdnet.errors import describe
from mdnet.importers.linkedin import read_connections
from mdnet.importers.matching import ImportPlan, plan_import
from mdnet.importers.person import Person, Skipped, UnreadableExport
from mdnet.importers.vcard import read_vcards
from mdnet.language import _
from mdnet.model.vault import Vault

MAX_EXPORT_MB = 256
Reader = Callable[[bytes], tuple[list[Person], list[Skipped], list[str]]]


@dataclass(frozen=True)
class Source:
    """A kind of export: how to read it and how a log entry names it."""

    read: Reader
    label: str


SOURCES = {
    "linkedin": Source(read_connections, "LinkedIn import"),
    "vcard": Source(read_vcards, "vCard import"),
}


def plan_file(
    vault: Vault, config: Config, source: Source, path: Path, today: dt.date | None = None
) -> ImportPlan:
    """Read the export at ``path`` and plan its import into ``vault``.

    Raises UnreadableExport (a usage error) when the file cannot be read or holds
    nothing importable; a bad row or card is only skipped.
    """
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_MB * 1024 * 1024:
            raise UnreadableExport(
                _("{path}: larger than {size} MB; not an export").format(
                    path=path, size=MAX_EXPORT_MB
                )
            )
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableExport(
            _("{path}: {error}").format(path=path, error=describe(error))
        ) from None
    try:
        people, skipped, warnings = source.read(data)
    except UnreadableExport as error:
        raise UnreadableExport(_("{path}: {error}").format(path=path, error=error)) from None
    plan = plan_import(vault, config, people, today)
    plan.skipped[:0] = skipped
    plan.warnings += warnings
    return plan


__all__ = ["SOURCES", "ImportPlan", "Source", "UnreadableExport", "plan_file"]
