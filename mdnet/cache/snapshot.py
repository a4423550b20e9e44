"""The model as a check left it, in ``.mdnet/model.pickle``: where a warm check starts.

A check lists the notes (their size and time); then, rather than loading every note
from the index and building the model again, it loads this snapshot — the notes, what
each brings to the model, the contacts with what rules worked out about them
(``Contact.kept``), and the totals over every contact (``model.totals``) — and brings
it up to date with ``Builder.update`` for the notes that changed since. The rules then
work out again only what those notes touch.

Like the index it is a cache: stamped with mdnet's code and the config, and ignored
when missing, stale, unreadable or damaged, with the same results, only slower. It is
written (atomically) when it has drifted far from the vault — many notes
changed, a note added or removed, another day — but not after a cold run, which
stays as quick as it can be. Only the model's own classes are unpickled: a snapshot
cannot run code (``cache.model_pickle``, which saves the objects the model holds most
of first, as tables of their values).
"""

from __future__ import annotations

import datetime as dt
import stat
import sys
from collections.abc import Callable, Hashable
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

from mdnet.cache.folder import SNAPSHOT_NAME, STATE_FOLDER, keeps_state, make_state_folder
from mdnet.cache.model_pickle import Loaded, SnapshotPickler, SnapshotUnpickler
from mdnet.cache.model_tables import model_tables
from mdnet.cache.stamps import SNAPSHOT_FORMAT, model_stamp
from mdnet.config import Config
from mdnet.model.builder import Builder
from mdnet.model.commitment import Circle, Event
from mdnet.model.contact import MDNET, Contact, work_name
from mdnet.model.found import Found
from mdnet.model.linkers import Linkers, ReadAgain
from mdnet.model.totals import Total
from mdnet.model.vault import Vault
from mdnet.notes.files import write_atomic
from mdnet.notes.note import Note
from mdnet.notes.scan import RACY_NS, NoteFile

DRIFT = 100  # notes changed or gone since the snapshot before it is written again
LARGEST = 2**31  # bytes: anything larger is not a snapshot mdnet wrote
# the totals over every contact, up to date: [(kind, work_out's name, more, total)]
Totals = list[tuple[type[Total[Any]], str, tuple[Hashable, ...], Total[Any]]]


class Restored(NamedTuple):
    """A snapshot brought back: the model's builder, its day, and the notes it knew."""

    builder: Builder
    today: dt.date
    files: dict[str, int]  # path: ``as_known(size, mtime_ns)``, or READ_AGAIN

    def changes(self, files: list[NoteFile]) -> tuple[list[NoteFile], list[str]]:
        """The notes that are new or changed since the snapshot, and those gone."""
        listed = {f.path for f in files}
        return self.changed(files), [path for path in self.files if path not in listed]

    def changed(self, files: list[NoteFile]) -> list[NoteFile]:
        """Those of ``files`` that are new or changed since the snapshot."""
        known = self.files
        return [f for f in files if known.get(f.path) != as_known(f.size, f.mtime_ns)]


READ_AGAIN = -1  # a note written too recently to be trusted by its size and time


def as_known(size: int, mtime_ns: int) -> int:
    """A note's size and time as the snapshot knows them: one number (one object for
    each of 100,000 notes rather than a tuple of two; never READ_AGAIN)."""
    return size << 64 | (mtime_ns & MASK_64)


MASK_64 = (1 << 64) - 1


def made_by(config: Config) -> tuple[int, str]:
    """What a snapshot is good for, saved first: the snapshot's format, the config, mdnet."""
    return SNAPSHOT_FORMAT, model_stamp(config)


def restore(
    root: Path,
    config: Config,
    read_again: ReadAgain | None = None,
    today: dt.date | None = None,
    live: bool = False,
) -> Restored | None:
    """The vault's snapshot for ``config`` and this mdnet, or None (missing, stale...).
    Its notes let their blocks go: ``read_again`` reads a note again, blocks and all,
    when a change reaches past the notes changed (``Builder.restored``; ``live``: a live
    vault's). What was worked out for another day than ``today`` (the first check of a
    day) is let go at once, not held through the rules that work it out again."""
    path = root / STATE_FOLDER / SNAPSHOT_NAME
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode) or found.st_size > LARGEST:
            return None  # a pipe, a device, a link to one: never waited for nor read
        with open(path, "rb", buffering=1 << 20) as source:  # read as it is unpickled:
            loaded = SnapshotUnpickler(source).load_all(made_by(config))  # (no copy of it)
        if loaded is None:
            return None
        return _restored(root, config, loaded, read_again, today, live)
    except Exception:  # a cache: whatever is wrong with it, do without
        return None


def save(
    root: Path,
    config: Config,
    builder: Builder,
    files: list[NoteFile],
    today: dt.date,
    listed_at: int,
) -> None:
    """Write the snapshot of ``builder``'s model, made from ``files`` as listed at
    ``listed_at`` (``time.time_ns()``), on ``today``."""
    vault = builder.vault
    fresh_before = listed_at - RACY_NS  # then read: a note written since is read again
    notes = vault.notes  # each path saved once: the note's own (the listing's is equal)
    paths = [_same_path(f.path, notes) for f in files]
    numbers = [
        as_known(f.size, f.mtime_ns) if f.mtime_ns < fresh_before else READ_AGAIN for f in files
    ]
    for contact in vault.contacts.values():  # each contact's answers: for config, today
        contact.keeping_for(config, today)
    tables = model_tables(notes, builder.found, vault.contacts)
    by_name = builder.resolver.by_name
    # the names links resolve through and which notes link each, saved apart (each name a
    # string no other object holds: 200,000 at 100k notes, which kept in the memo would
    # double its table, 16 MB more)
    linkers = builder.linkers
    linking, others = ([], None) if linkers is None else linkers.to_save(notes, by_name)
    state = (
        today,
        (vault.notes, vault.contacts, vault.circles, vault.events, vault.dangling),
        (vault.shared_titles, vault.confidential, vault.ignoring, vault.with_problems),
        (builder.found, list(by_name.values()), builder.markers_of, others),
        _current_totals(vault, config, today),
    )
    folder = root / STATE_FOLDER
    if not keeps_state(root, files):
        return
    try:
        make_state_folder(folder)
        listed, apart = (paths, numbers), (list(by_name), linking)
        dump = SnapshotPickler.dumper(made_by(config), tables, state, listed, apart)
        write_atomic(folder / SNAPSHOT_NAME, dump)
    except Exception:  # a read-only vault, a full disk...: a cache, the check goes on
        pass  # the next check builds the model again (tests check that one is written)


def _same_path(path: str, notes: dict[str, Note]) -> str:
    note = notes.get(path)
    return path if note is None else note.path


def _restored(
    root: Path,
    config: Config,
    loaded: Loaded,
    read_again: ReadAgain | None,
    day: dt.date | None,
    live: bool,
) -> Restored | None:
    state = loaded.state
    if not _well_formed(state, loaded.apart):
        return None
    today, model, worked_out, building, totals = state
    notes, contacts, circles, events, dangling = model
    vault = Vault(root, notes, contacts, circles, events, dangling)
    vault.shared_titles, vault.confidential, vault.ignoring, vault.with_problems = worked_out
    found, targets, markers_of, others = building
    names, linking = loaded.apart
    by_name = dict(zip(names, targets, strict=True))
    linkers = None if others is None else Linkers.saved(names, linking, others)
    builder = Builder.restored(vault, config, found, by_name, markers_of, linkers, read_again, live)
    another_day = day if day is not None and day != today else None
    for contact in contacts.values():
        contact.restored_for(config, today)
        if another_day is not None:
            contact.keeping_for(config, another_day)  # forgotten
    for kind, name, more, kept in totals if another_day is None else []:
        work_out = _function(name)
        if work_out is not None:
            vault.totals[(kind, work_out)] = (vault.mark, (config, today, more), kept)
    return Restored(builder, today, loaded.listed)


def _well_formed(state: Any, apart: list[list[Any]]) -> bool:
    """What a snapshot holds is of the types mdnet saves (a hand-made one may not be;
    the types of each dict's values gathered, as ``_well_linked`` does)."""
    today, model, worked_out, building, totals = state
    notes, contacts, circles, events, dangling = model
    found, targets, markers_of, others = building
    names, linking = apart
    kinds = [(notes, Note), (contacts, Contact), (circles, Circle), (events, Event), (found, Found)]
    return (
        isinstance(today, dt.date)
        and all(type(by_path) is dict for by_path, _ in kinds)
        and all(set(map(type, by_path.values())) <= {kind} for by_path, kind in kinds)
        and all(_well_kept(contact.memo) for contact in contacts.values())
        and isinstance(dangling, list)
        and isinstance(markers_of, dict)
        and type(targets) is list
        and len(targets) == len(names)
        and set(map(type, chain(names, targets))) <= {str}
        and (others is None or _well_linked(names, linking, others))
        and all(isinstance(value, (frozenset, dict, list)) for value in worked_out)
        and isinstance(totals, list)
        and all(_well_totalled(*entry) for entry in totals)
    )


def _well_linked(names: list[str], linking: list[Any], others: Any) -> bool:
    """Which notes link each name, as ``Linkers.to_save`` saves them (the types of all
    the names, tuples and paths gathered: half the time of asking each, 15 ms at 100k)."""
    if type(others) is not dict or len(linking) != len(names):
        return False
    paths = [*filter(None, linking), *others.values()]
    return (
        set(map(type, others)) <= {str}
        and set(map(type, linking)) <= {tuple, type(None)}
        and set(map(type, paths)) <= {tuple}
        and set(map(type, chain.from_iterable(paths))) <= {str}
    )


def _well_kept(memo: Any) -> bool:
    """A contact's answers as ``Contact.kept`` keeps them: name, answer, name, answer..."""
    return type(memo) is list and len(memo) % 2 == 0 and all(type(n) is str for n in memo[::2])


def _well_totalled(kind: Any, name: Any, more: Any, kept: Any) -> bool:
    typed = type(name) is str and type(more) is tuple
    return typed and isinstance(kept, Total) and type(kept) is kind


def _current_totals(vault: Vault, config: Config, today: dt.date) -> Totals:
    """The totals over every contact made for this version of ``vault``, ``config`` and
    ``today``, by the name of the function that worked them out (only mdnet's own)."""
    current: Totals = []
    for (kind, work_out), (mark, (made_for, day, more), kept) in vault.totals.items():
        name = work_name(work_out)
        if mark == vault.mark and made_for is config and day == today and name.startswith(MDNET):
            current.append((kind, name, more, kept))
    return current


def _function(name: str) -> Callable[..., Any] | None:
    """The function of mdnet called ``name`` (``module:qualname``), if it is loaded."""
    module_name, _, qualname = name.partition(":")
    module = sys.modules.get(module_name)  # what this run does not use is left out
    found = getattr(module, qualname, None) if name.startswith(MDNET) else None
    return found if callable(found) and not isinstance(found, type) else None
