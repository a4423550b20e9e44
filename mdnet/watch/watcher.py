"""Watch mode (SPEC §8): check, write the summary, then keep both up to date.

The same pipeline as ``mdnet check``, kept between updates: one CachedParser remembers
every note and one model.builder.Builder the model. Each debounced burst of file events
re-parses the notes the events name and updates the model (``Builder.update``: only
the contacts those notes touch are made anew, and rules and the summary work out only
those again); a new note, a folder or the config lists the whole vault again. Then the
rules run and the findings that appeared (``+``) and disappeared (``-``) are printed.
"""

from __future__ import annotations

import datetime as dt
import os
import queue
import signal
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from stat import S_ISREG
from typing import TextIO

from mdnet.cache.index import STATE_FOLDER
from mdnet.cache.parser import CachedParser
from mdnet.calendar import CalendarRefused, render_calendar, write_calendar
from mdnet.config import CONFIG_NAME, Config, ConfigError, load_config
from mdnet.model.builder import Builder
from mdnet.model.memory import paused_gc
from mdnet.model.vault import Vault
from mdnet.notes.scan import NoteFile, excluded, templates_folders
from mdnet.pipeline import load_vault
from mdnet.report.formats import plural, write_text
from mdnet.report.paths import display_path
from mdnet.report.stats import Stats
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection, run_rules
from mdnet.summary import SummaryRefused, render, write_summary
from mdnet.watch.events import VaultEvents, lock_vault, start_observer

QUIET = 0.05  # seconds without an event that end a burst (an atomic save, a checkout)
LONGEST_BURST = 2.0  # seconds after which a burst that goes on is handled anyway
CLOCK_CHECK = 60.0  # seconds between looks at the date when nothing happens
WAKE = 0.2  # seconds between looks at whether a signal asked to stop


class Watcher:
    """The state between updates: the config, the parser's memory, the findings."""

    def __init__(
        self,
        root: Path,
        config: Config,
        *,
        config_path: Path | None,
        today: Callable[[], dt.date],
        summary: bool,
        out: TextIO,
        err: TextIO,
    ) -> None:
        self.root, self.config, self.config_path = root, config, config_path
        self.today_of, self.today = today, today()
        self.summary, self.out, self.err = summary, out, err
        self.parser = CachedParser()
        self.builder = Builder(root, config)
        self.events = VaultEvents(root, config.summary_path, config_path)
        self._leave_out(config)
        self.findings: list[Finding] = []
        self.stopping = False

    def prime(self) -> None:
        """Parse every note and build the model before any thread starts (so that many
        notes can be parsed in forked processes); the first check then starts from it."""
        load_vault(self.root, self.config, self.parser, self.builder)

    def check(self) -> None:
        """The first check: every finding, as ``mdnet check`` prints them, and the summary."""
        selection = Selection.from_config(self.config)
        vault, _ = self._updated(set())  # the model prime made, else the vault listed now
        self.findings = run_rules(vault, self.config, self.today, selection)
        write_text(self.out, self.findings, self.root, Stats.of(vault), color=False)
        if self.summary and write_summary(
            self.root, self.config, render(vault, self.config, self.today, self.findings, selection)
        ):
            self.out.write(f"Wrote {self._shown(self.config.summary_path)}.\n")
        self._write_calendar(vault, self.findings, selection, strict=True)
        self.out.flush()

    def update(self, changed: set[str]) -> None:
        """Re-read what changed and report the difference, then rewrite the summary.

        The findings are printed first (they are what one waits for); an error is told,
        never fatal.
        """
        try:
            if CONFIG_NAME in changed:
                self._reload_config()
            selection = Selection.from_config(self.config)
            with paused_gc():
                vault, parsed = self._updated(changed)
                findings = run_rules(vault, self.config, self.today, selection)
            self._report(changed, parsed, findings)
            if self.summary:
                with paused_gc():
                    text = render(vault, self.config, self.today, findings, selection)
                if self._write_summary(text):
                    self.out.write(f"Wrote {self._shown(self.config.summary_path)}.\n")
                    self.out.flush()
            self._write_calendar(vault, findings, selection)
        except Exception as error:  # a bad note, a full disk, a bug: keep watching
            self.builder = Builder(self.root, self.config)  # the next update starts over
            self._warn(f"cannot update: {error or type(error).__name__}")

    def _updated(self, changed: set[str]) -> tuple[Vault, list[str]]:
        """The model once the ``changed`` paths are read again, and the notes parsed."""
        if not changed and self.builder.vault.notes:
            return self.builder.vault, []  # a new day: the same notes
        edits = self._edits(changed)
        if edits is None:
            self.parser.forget(changed)
            vault = load_vault(self.root, self.config, self.parser, self.builder)
        else:
            files, gone = edits
            notes = self.parser.refresh(self.root, files, gone, self.config)
            vault = self.builder.update(notes, gone)
        return vault, self.parser.parsed

    def _edits(self, changed: set[str]) -> tuple[list[NoteFile], list[str]] | None:
        """The ``changed`` notes as they are on disk now, and those gone; None when the
        whole vault must be listed again: a path the model does not know as a note (a
        new note, a folder, the config) or a model to make anew (a new config, an update
        that failed)."""
        notes = self.builder.vault.notes
        if not notes:
            return None
        files, gone = [], []
        for path in sorted(changed):
            if path not in notes:
                return None
            try:
                stat = os.lstat(self.root / path)
            except FileNotFoundError:
                gone.append(path)
                continue
            except OSError:
                return None
            if not S_ISREG(stat.st_mode):
                return None  # a note became a link or a folder: as list_notes sees it
            files.append(NoteFile(path, stat.st_size, stat.st_mtime_ns))
        return files, gone

    def _report(self, changed: set[str], parsed: list[str], findings: list[Finding]) -> None:
        """Print the findings that went (-) and came (+), by place, then a status line."""
        before, after = set(self.findings), set(findings)
        self.findings = findings
        changes: list[tuple[str, Finding]] = [("-", f) for f in before - after]
        changes += [("+", f) for f in after - before]
        for sign, finding in sorted(
            changes,
            key=lambda change: (change[1].sort_key[:4], change[0] == "+", change[1].message),
        ):
            self.out.write(f"{sign} {self._line(finding)}\n")
        what = _what_changed(changed, parsed)
        self.out.write(
            f"[{time.strftime('%H:%M:%S')}] {what}: {len(after - before)} appeared, "
            f"{len(before - after)} disappeared. {plural(len(findings), 'finding')} in all.\n"
        )
        self.out.flush()

    def run(self) -> None:
        """Wait for changes and handle each burst once, until ``stop``."""
        while not self.stopping:
            changed = self._next_burst()
            if self.stopping:
                break
            today = self.today_of()
            if changed is not None or today != self.today:
                self.today = today  # a new day: the rules work everything out again
                self.update(changed or set())

    def stop(self, *_: object) -> None:
        """End the loop after the update under way (a signal handler).

        It only sets a flag: a handler that took a lock (``Queue.put``) could deadlock
        with the main thread it interrupts, which may hold that very lock.
        """
        self.stopping = True

    def _next_burst(self) -> set[str] | None:
        """The paths changed in the next burst of events; None when the wait timed out."""
        first = self._next_event(CLOCK_CHECK)
        if first is None:
            return None
        changed = set(first)
        deadline = time.monotonic() + LONGEST_BURST
        while time.monotonic() < deadline and not self.stopping:
            more = self._next_event(QUIET)
            if more is None:
                break
            changed |= more
        return changed

    def _next_event(self, timeout: float) -> set[str] | None:
        """The next event's paths, or None after ``timeout`` or when stopping."""
        deadline = time.monotonic() + timeout
        while not self.stopping and (left := deadline - time.monotonic()) > 0:
            try:
                return self.events.queue.get(timeout=min(left, WAKE))
            except queue.Empty:
                continue
        return None

    def _reload_config(self) -> None:
        try:
            config = load_config(self.root, self.config_path)
            Selection.from_config(config)
        except ConfigError as error:
            self._warn(f"{error}; still using the previous configuration")
            return
        self.config = config
        self.builder = Builder(self.root, config)
        self.events.summary_path = config.summary_path
        self._leave_out(config)

    def _leave_out(self, config: Config) -> None:
        """Events about what the vault's listing leaves out change nothing: dropped."""
        self.events.left_out = partial(
            excluded, config=config, templates=templates_folders(self.root)
        )

    def _write_summary(self, text: str) -> bool:
        try:
            return write_summary(self.root, self.config, text)
        except SummaryRefused as error:
            self._warn(str(error))
            return False

    def _write_calendar(
        self, vault: Vault, findings: list[Finding], selection: Selection, strict: bool = False
    ) -> None:
        """Rewrite ``calendar.path`` (SPEC §11) when it is set and its bytes changed; a
        refusal stops the first check (``strict``), later ones only warn."""
        if not (self.summary and self.config.calendar_path):
            return
        data = render_calendar(vault, self.config, self.today, findings, selection)
        try:
            changed = write_calendar(self.root, self.config, data)
        except CalendarRefused as error:
            if strict:
                raise
            self._warn(str(error))
            return
        if changed:
            self.out.write(f"Wrote {self._shown(self.config.calendar_path)}.\n")
            self.out.flush()

    def _line(self, finding: Finding) -> str:
        where = f"{self._shown(finding.path)}:{finding.line}:{finding.column}:"
        return f"{where} {finding.code} {finding.rule} [{finding.severity}] {finding.message}"

    def _shown(self, path: str) -> str:
        return display_path(self.root, path, Path.cwd())

    def _warn(self, message: str) -> None:
        self.err.write(f"mdnet: {message}\n")
        self.err.flush()


def _what_changed(changed: Iterable[str], parsed: list[str]) -> str:
    names = sorted(set(changed) | set(parsed))
    if len(names) == 1:
        return f"{names[0]} changed"
    return f"{plural(len(names), 'path')} changed" if names else "the date changed"


def watch(watcher: Watcher) -> None:
    """Lock the vault, check it, then follow its changes until SIGINT or SIGTERM.

    Raises AlreadyWatched when another watcher holds the vault, SummaryRefused when
    the summary's path holds a file mdnet did not write.
    """
    lock = lock_vault(watcher.root / STATE_FOLDER)
    previous = {sig: signal.signal(sig, watcher.stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    observer = None
    try:
        watcher.prime()
        if watcher.stopping:
            return
        observer = start_observer(watcher.events, watcher.err)
        watcher.check()
        watcher.err.write(f"Watching {watcher.root} for changes; Ctrl-C to stop.\n")
        watcher.err.flush()
        watcher.run()
    finally:
        if observer is not None:
            observer.stop()
            observer.join(timeout=5)
        watcher.parser.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if lock is not None:
            lock.close()
