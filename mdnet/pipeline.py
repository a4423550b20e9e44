"""The one way through: scan → parse → model → rules → findings.

``check``, ``summary``, ``watch``, the pre-commit hook and the tests all come through
``check_vault`` (``load_vault`` then ``run_rules``); only the way notes are parsed may
differ: the index in ``.mdnet/`` by default, a watcher's memory of the notes that did
not change, or plain ``parse_all`` (no cache).
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from mdnet.config import Config, ConfigError
from mdnet.finding import Finding, Hit, Problem
from mdnet.model import Contact, Vault
from mdnet.note import Note, parse_note
from mdnet.rules import ABOUT_ONE, RULES, Rule, is_about_one, is_selector, matches
from mdnet.scan import NoteFile, Unreadable, list_notes, read_note
from mdnet.vault import Builder

if TYPE_CHECKING:
    from mdnet.parsing import CachedParser

Parser = Callable[[Path, list[NoteFile], Config], list[Note]]


def parse_file(vault: Path, file: NoteFile, config: Config) -> Note:
    """One note from disk; an unreadable one is a Note holding its F002."""
    try:
        text = read_note(vault, file, config)
    except Unreadable as error:
        return Note(file.path, problems=(Problem("F002", 1, str(error)),))
    return parse_note(file.path, text, config)


def parse_all(vault: Path, files: list[NoteFile], config: Config) -> list[Note]:
    return [parse_file(vault, file, config) for file in files]


def check_vault(
    root: Path,
    config: Config,
    today: dt.date,
    selection: Selection,
    parse: Parser | None = None,
    builder: Builder | None = None,
) -> tuple[Vault, list[Finding]]:
    """The vault at ``root`` and its findings on ``today`` from the ``selection``'s rules.

    Notes are parsed by ``parse``; by default through the index (``parsing.CachedParser``),
    which parses only the notes that changed since the last run. With the index, and
    no ``builder`` of the caller's (watch mode keeps its own), the model starts from
    the last check's snapshot (``mdnet.snapshot``).
    """
    from mdnet.parsing import CachedParser  # it builds on this module

    owned = CachedParser() if parse is None else None
    parser = owned or parse
    assert parser is not None
    try:
        if builder is None and isinstance(parser, CachedParser) and parser.use_index:
            return _check_from_snapshot(root, config, today, selection, parser)
        vault = load_vault(root, config, parser, builder)
        return vault, run_rules(vault, config, today, selection)
    finally:
        if owned is not None:
            owned.close()


def _check_from_snapshot(
    root: Path, config: Config, today: dt.date, selection: Selection, parser: CachedParser
) -> tuple[Vault, list[Finding]]:
    """``check_vault`` from the snapshot, brought up to date; written again once it drifted
    far from the vault (not after a cold run: that one stays as quick as it can be)."""
    from mdnet import snapshot

    with paused_gc():
        listed_at = time.time_ns()
        files = list_notes(root, config)
        restored = snapshot.restore(root, config)
        if restored is None:
            builder = Builder(root, config)
            vault = builder.build(parser(root, files, config))
            drifted = parser.reused > 0
        else:
            changed, gone = restored.changes(files)
            builder = restored.builder
            notes = parser.refresh(root, changed, gone, config)
            if builder.reshapes(notes, gone):  # built again from all the notes, with
                vault = builder.build(parser(root, files, config))  # their blocks
            else:
                vault = builder.update(notes, gone)
            drifted = len(changed) + len(gone) > snapshot.DRIFT or restored.today != today
            drifted = drifted or builder.rebuilt
    findings = run_rules(vault, config, today, selection)
    if drifted:
        snapshot.save(root, config, builder, files, today, listed_at)
    return vault, findings


def load_vault(
    root: Path, config: Config, parse: Parser = parse_all, builder: Builder | None = None
) -> Vault:
    """Scan and parse every note of the vault at ``root`` and build the model (with
    ``builder``, which watch mode keeps to update the model later)."""
    with paused_gc():
        files = list_notes(root, config)
        return (builder or Builder(root, config)).build(parse(root, files, config))


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while a vault's million small objects are made.

    They hold no cycles (``tests/test_incremental.py`` checks that a replaced contact is
    freed), but each pass of the collector walks all of them: loading 30,000 notes took
    twice as long with it. Once built they are frozen (left out of later passes); they
    are freed as usual when the last reference goes.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


@dataclass(frozen=True)
class Selection:
    """Which rules run: ``select`` then ``ignore`` (codes, prefixes, names or ALL)."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()

    @classmethod
    def from_config(
        cls, config: Config, select: Iterable[str] = (), ignore: Iterable[str] = ()
    ) -> Selection:
        """The config's selection; ``--select`` replaces it and ``--ignore`` adds to it."""
        select, ignore = tuple(select), tuple(ignore)
        written = {"select": config.select, "ignore": config.ignore, "severity": config.severity}
        for key, selectors in written.items():
            _known_rules(selectors, config.where("rules", key))
        _known_rules(select, "--select")
        _known_rules(ignore, "--ignore")
        return cls(select or config.select, (*config.ignore, *ignore))

    def rules(self) -> list[Rule]:
        return [
            rule
            for rule in RULES
            if any(matches(rule, s) for s in self.select)
            and not any(matches(rule, s) for s in self.ignore)
        ]


def _known_rules(selectors: Iterable[str], where: str) -> None:
    for selector in selectors:
        if not is_selector(selector):
            raise ConfigError(
                f"{where}: unknown rule {selector!r}: use a code (R001), a prefix (R), "
                "a name (stale-contact) or ALL; `mdnet rules` lists them"
            )


def run_rules(vault: Vault, config: Config, today: dt.date, selection: Selection) -> list[Finding]:
    """Every selected rule's findings, with severity overrides and ``mdnet-ignore`` applied.

    The rules about one contact at a time (``rules.per_contact``) are asked about each
    contact together, and what they find is kept with the contact (``Contact.kept``).
    """
    rules = [(rule, severity_of(rule, config)) for rule in selection.rules()]
    # by code: what is kept with a contact is plain data (mdnet.snapshot saves it)
    about_one = tuple((rule.CODE, severity) for rule, severity in rules if is_about_one(rule))
    findings = []
    with paused_gc():  # many small objects, kept with the contacts: nothing to collect
        for contact in vault.contacts.values():
            findings += contact.kept(_findings_about, config, today, about_one)
        for rule, severity in rules:
            if not is_about_one(rule):
                findings += _findings(rule, severity, rule.check(vault, config, today))
    ignoring = vault.ignoring  # a note silences findings only with an mdnet-ignore
    if ignoring:
        findings = [f for f in findings if f.path not in ignoring or not _silenced(f, ignoring)]
    # in place order, without duplicates; mostly in order already (contact by contact)
    return list(dict.fromkeys(sorted(findings, key=SORT_KEY)))


def _findings_about(
    contact: Contact, config: Config, today: dt.date, rules: tuple[tuple[str, str], ...]
) -> list[Finding]:
    found = []
    for code, severity in rules:
        rule = ABOUT_ONE[code]
        hits = rule.about(contact, config, today)
        if hits:  # most contacts: nothing
            found += _findings(rule, severity, hits)
    return found


def _findings(rule: Rule, severity: str, hits: Iterable[Hit]) -> list[Finding]:
    code, name = rule.CODE, rule.NAME
    return [
        Finding(code, name, severity, path, line, column if line else 0, message, subject, fix)
        for path, line, message, subject, column, fix in hits  # vault-level: no column
    ]


def _silenced(finding: Finding, ignoring: dict[str, Note]) -> bool:
    return ignoring[finding.path].silences(finding.code, finding.rule)


SORT_KEY = attrgetter("path", "line", "column", "code", "message")  # Finding.sort_key, quicker


def severity_of(rule: Rule, config: Config) -> str:
    """The configured severity of the most specific matching selector, else the default."""
    chosen = [
        (len(s) if s.upper() != "ALL" else 0, level)
        for s, level in config.severity.items()
        if matches(rule, s)
    ]
    return max(chosen)[1] if chosen else str(rule.SEVERITY)
