"""The one way through: scan → parse → model → rules → findings.

``check``, ``summary``, ``watch``, the pre-commit hook and the tests all come through
``check_vault`` (``load_vault`` then ``run_rules``); only the way notes are parsed may
differ: the index in ``.mdnet/`` by default, a watcher's memory of the notes that did
not change, or plain ``parse_all`` (no cache).

The stages, in order, each a package: ``notes`` (scan, parse) → ``model`` (the vault,
its links and timelines) → ``rules`` (findings) → ``cache`` (the index and the model's
snapshot, so that a run does only what changed) → ``report`` / ``summary``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path

from mdnet.cache import results, snapshot
from mdnet.cache.folder import snapshot_saved
from mdnet.cache.parser import CachedParser
from mdnet.cache.read_again import SnapshotReader
from mdnet.config import Config
from mdnet.model.builder import Builder
from mdnet.model.memory import paused_gc
from mdnet.model.stats import Stats
from mdnet.model.vault import Vault
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_all, parse_text
from mdnet.notes.scan import NoteFile, list_notes, listing, notes_at
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection, run_rules

Parser = Callable[[Path, list[NoteFile], Config], list[Note]]


def check_vault(
    root: Path,
    config: Config,
    today: dt.date,
    selection: Selection,
    parse: Parser | None = None,
    builder: Builder | None = None,
    later: list[Callable[[], None]] | None = None,
) -> tuple[Vault, list[Finding]]:
    """The vault at ``root`` and its findings on ``today`` from the ``selection``'s rules.

    Notes are parsed by ``parse``; by default through the index (``cache.parser.CachedParser``),
    which parses only the notes that changed since the last run. With the index, and
    no ``builder`` of the caller's (watch mode keeps its own), the model starts from
    the last check's snapshot (``mdnet.cache.snapshot``), written again when it drifted:
    before returning, or added to ``later`` (a command does it once its work is done).
    """
    owned = CachedParser() if parse is None else None
    parser = owned or parse
    assert parser is not None
    try:
        if builder is None and isinstance(parser, CachedParser) and parser.use_index:
            return _check_from_snapshot(root, config, today, selection, parser, later)
        built = builder or Builder(root, config)
        vault = load_vault(root, config, parser, built)
        if builder is None:  # nobody updates this model: what the blocks bring is in it,
            built.shed_blocks()  # and their memory is the rules' (a third of the peak)
        return vault, run_rules(vault, config, today, selection)
    finally:
        if owned is not None:
            owned.close()


def check_answer(
    root: Path,
    config: Config,
    today: dt.date,
    selection: Selection,
    parse: CachedParser,
    later: list[Callable[[], None]],
    listed: tuple[list[NoteFile], int] | None = None,
) -> tuple[Stats, list[Finding]]:
    """What ``mdnet check`` reports: the counts and findings of ``check_vault`` — or, when
    no note changed since the last check with the same config, day and rules, its answer
    again (``cache.results``), without the model. What the caches keep of this run is
    added to ``later``; ``listed``: the notes as the caller listed them, and when."""
    if not parse.use_index:
        vault, findings = check_vault(root, config, today, selection, parse)
        return Stats.of(vault), findings
    files, listed_at = listed or listing(root, config)
    answer_key = results.key(config, today, selection)
    kept = results.restore(root, answer_key, files)
    if kept is not None:
        keep_model(root, config, today, selection, (files, listed_at), later, parse)
        return kept
    vault, findings = _check_from_snapshot(
        root, config, today, selection, parse, later, (files, listed_at)
    )
    stats = Stats.of(vault)
    later.append(partial(results.save, root, answer_key, files, listed_at, stats, findings))
    return stats, findings


def keep_model(
    root: Path,
    config: Config,
    today: dt.date,
    selection: Selection,
    listed: tuple[list[NoteFile], int],
    later: list[Callable[[], None]],
    parse: CachedParser | None = None,
) -> None:
    """A check that gave its last answer again had no model to save: when the vault has
    no snapshot yet, one is made once the answer is out, for the next check after a
    change (which then updates it rather than building the model from every note)."""
    if not snapshot_saved(root):
        later.append(partial(save_model, root, config, today, selection, parse, listed))


def save_model(
    root: Path,
    config: Config,
    today: dt.date,
    selection: Selection,
    parser: CachedParser | None = None,
    listed: tuple[list[NoteFile], int] | None = None,
) -> None:
    """Make the model — from the snapshot brought up to date, else the index — and save
    its snapshot, however little it drifted: for a check whose answer was the last one
    again (it has no model to save), and for a front end that stays running
    (``live.kept``; nobody waits for either). ``parser`` is closed once done: one that has
    not read the index yet (a process of its own opens it)."""
    parser = parser or CachedParser()
    try:
        _check_from_snapshot(root, config, today, selection, parser, None, listed, keep=True)
    finally:
        parser.close()


def _check_from_snapshot(
    root: Path,
    config: Config,
    today: dt.date,
    selection: Selection,
    parser: CachedParser,
    later: list[Callable[[], None]] | None,
    listed: tuple[list[NoteFile], int] | None = None,
    keep: bool = False,
) -> tuple[Vault, list[Finding]]:
    """``check_vault`` from the snapshot, brought up to date; written again once it drifted
    far from the vault (not after a cold run: that one stays as quick as it can be), or
    whatever it drifted with ``keep``."""
    with paused_gc():
        files, listed_at = listed or listing(root, config)
        reader = SnapshotReader(root, config)
        restored = snapshot.restore(root, config, reader, today)
        if restored is None:
            builder = Builder(root, config)
            vault = builder.build(parser(root, files, config))
            drifted = parser.reused > 0 or keep
            parser.let_go()
        else:
            changed, gone = restored.changes(files)
            builder = restored.builder
            notes = parser.refresh(root, changed, gone, config)
            reshaped = builder.reshapes(notes, gone)  # notes came or went, links moved
            _updated(builder, notes, gone, lambda: parser(root, files, config))
            drifted = len(changed) + len(gone) > snapshot.DRIFT or restored.today != today
            drifted = drifted or reshaped or keep
            files = reader.taken_in(restored, parser, files)  # read again, written since
            vault = builder.vault
        if builder.rebuilt:  # what the notes' blocks bring is in the model now: their
            builder.shed_blocks(keep_links=drifted)  # memory is the rules' (a third of
            # a check's peak); the snapshot keeps which notes link each name
    findings = run_rules(vault, config, today, selection)
    if drifted:
        save = partial(snapshot.save, root, config, builder, files, today, listed_at)
        if later is None:
            save()
        else:
            later.append(save)
    return vault, findings


def recheck(
    root: Path,
    config: Config,
    today: dt.date,
    selection: Selection,
    parser: CachedParser,
    builder: Builder,
    paths: list[str],
) -> tuple[Vault, list[Finding]]:
    """The findings once the notes at ``paths`` changed (``--fix`` wrote them): only
    those are read again, into the model that ``builder`` made (``check_vault``'s)."""
    files, gone = notes_at(root, paths)
    notes = parser.refresh(root, files, gone, config)
    vault = _updated(builder, notes, gone, lambda: parser(root, list_notes(root, config), config))
    return vault, run_rules(vault, config, today, selection)


def _updated(
    builder: Builder, notes: list[Note], gone: list[str], every: Callable[[], list[Note]]
) -> Vault:
    """The model once ``notes`` changed and ``gone`` went: updated in place (the notes
    that link a name that moved read again), or built again from ``every`` note where
    their blocks are gone for good (a snapshot without the notes that link each name)."""
    if builder.reshapes(notes, gone) and not builder.has_blocks:
        return builder.build(every())
    return builder.update(notes, gone)


def load_vault(
    root: Path, config: Config, parse: Parser = parse_all, builder: Builder | None = None
) -> Vault:
    """Scan and parse every note of the vault at ``root`` and build the model (with
    ``builder``, which watch mode keeps to update the model later)."""
    with paused_gc():
        files = list_notes(root, config)
        return (builder or Builder(root, config)).build(parse(root, files, config))


class WithText:
    """A parser that reads one note's text from the caller (an editor's buffer on
    stdin, ``check --stdin-filename PATH -``) and every other note as ``parse`` does;
    the note is in the vault even when no file is at its path yet."""

    def __init__(self, parse: Parser, path: str, text: str) -> None:
        self.parse, self.path, self.text = parse, path, text

    def __call__(self, root: Path, files: list[NoteFile], config: Config) -> list[Note]:
        others = [file for file in files if file.path != self.path]
        notes = self.parse(root, others, config)
        given = parse_text(self.path, self.text, config)
        at = next((n for n, file in enumerate(files) if file.path == self.path), len(notes))
        return [*notes[:at], given, *notes[at:]]  # in the order the files are listed
