"""Watch mode (SPEC §8): check, write the summary, then keep both up to date.

A front end over the live vault (``mdnet.live.vault.LiveVault``), which keeps the parser's
memory of every note and the model between updates: each debounced burst of file events
names the paths that changed, the live vault reads only those (a folder that appears is
listed alone) and updates the model, and the findings that appeared (``+``) and
disappeared (``-``) are printed, then the summary is written if it changed.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TextIO

from mdnet.calendar import CalendarRefused, write_calendar
from mdnet.config import CONFIG_NAME, Config, ConfigError
from mdnet.language import _
from mdnet.live.kept import keep_snapshot
from mdnet.live.update import Update
from mdnet.live.vault import LiveVault
from mdnet.model.stats import Stats
from mdnet.notes.scan import excluded, templates_folders
from mdnet.report.formats import write_text
from mdnet.report.paths import display_path
from mdnet.summary import SummaryRefused, write_summary
from mdnet.watch.events import VaultEvents
from mdnet.watch.lines import print_update

QUIET = 0.025  # seconds without an event that end a burst (an atomic save, a checkout)
LONGEST_BURST = 2.0  # seconds after which a burst that goes on is handled anyway
CLOCK_CHECK = 60.0  # seconds between looks at the date when nothing happens
WAKE = 0.2  # seconds between looks at whether a signal asked to stop
CATCH_UP = 2.0  # seconds the events of changes made before a check may take to arrive


class Watcher:
    """Translates file events into changes of the live vault, and its answers into
    printed lines and the summary note."""

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
        self.root, self.today_of = root, today
        self.live = LiveVault(root, config, today(), config_path)
        self.summary, self.out, self.err = summary, out, err
        self.events = VaultEvents(root, config.summary_path, config_path)
        self._leave_out(config)
        self.stopping = False
        self.stopped_by: object = None  # the signal that stopped it
        self.pending: set[str] = set()  # paths changed, not yet handled
        self.handling = threading.RLock()  # one update at a time: the loop's or the server's

    @property
    def config(self) -> Config:
        return self.live.config

    def prime(self) -> None:
        """Load the model (the last check's, else every note parsed) before any thread
        starts (so that many notes can be parsed in forked processes); the first check
        then starts from it."""
        self.live.load()

    def check(self) -> None:
        """The first check: every finding, as ``mdnet check`` prints them, and the summary."""
        if not self.live.vault.notes:
            self.live.load()
        findings = self.live.findings
        write_text(self.out, findings, self.root, Stats.of(self.live.vault), color=False)
        if self.summary and write_summary(self.root, self.config, self.live.summary()):
            self.out.write(
                _("Wrote {path}.").format(path=self._shown(self.config.summary_path)) + "\n"
            )
        self._write_calendar(strict=True)
        self.out.flush()

    def update(self, changed: set[str], today: dt.date | None = None) -> None:
        """Re-read what changed (on ``today``, when the date moved) and report the
        difference, then rewrite the summary.

        The findings are printed first (they are what one waits for); an error is told,
        never fatal.
        """
        try:
            if today is not None and today != self.live.today:
                self.live.today = today  # a new day: the rules work everything out again
            update = self._apply(changed) if changed else self.live.set_today(self.live.today)
            print_update(self.out, self.root, changed, update)
            if self.summary and self._write_summary(self.live.summary()):
                self.out.write(
                    _("Wrote {path}.").format(path=self._shown(self.config.summary_path)) + "\n"
                )
                self.out.flush()
            self._write_calendar()
        except Exception as error:  # a bad note, a full disk, a bug: keep watching
            self.live.reset()  # the next update starts over
            self._warn(_("cannot update: {error}").format(error=error or type(error).__name__))

    def _apply(self, changed: set[str]) -> Update:
        try:
            return self.live.apply(changed)
        except ConfigError as error:
            self._warn(_("{error}; still using the previous configuration").format(error=error))
            return self.live.apply(changed - {CONFIG_NAME})
        finally:
            self.events.summary_path = self.config.summary_path
            self._leave_out(self.config)

    def run(self) -> None:
        """Wait for changes and handle each burst once, until ``stop``."""
        while not self.stopping:
            self._next_burst()
            if self.stopping:
                break
            with self.handling:
                changed, today = self._take_pending(), self.today_of()
                if changed or today != self.live.today:
                    self.update(changed, today)
                else:  # nothing to take in: a minute passed (or a served check took it)
                    keep_snapshot(self.live)

    def sync(self) -> str | None:
        """Take in every change made before now: what the check server does before it
        answers. Says why not, when the events of those changes have not all arrived."""
        if not self.events.caught_up(CATCH_UP):
            return "the watcher has not caught up with the vault's files"
        with self.handling:
            changed = self._take_pending()
            if changed:
                self.update(changed)
        return None

    def stop(self, signum: object = None, *_: object) -> None:
        """End the loop after the update under way (a signal handler; ``signum`` is
        the signal, which the command line's exit status tells: 130 for Ctrl-C).

        It only sets a flag: a handler that took a lock (``Queue.put``) could deadlock
        with the main thread it interrupts, which may hold that very lock.
        """
        self.stopping = True
        self.stopped_by = signum

    def _next_burst(self) -> None:
        """Gather the paths of the next burst of events into ``pending``; return when
        it ends (or nothing came before the next look at the clock)."""
        if not self._next_event(CLOCK_CHECK):
            return
        deadline = time.monotonic() + LONGEST_BURST
        while time.monotonic() < deadline and not self.stopping:
            if not self._next_event(QUIET):
                break

    def _next_event(self, timeout: float) -> bool:
        """Wait for the next event and add its paths to ``pending``; False after
        ``timeout`` or when stopping."""
        deadline = time.monotonic() + timeout
        while not self.stopping and (left := deadline - time.monotonic()) > 0:
            try:
                paths = self.events.queue.get(timeout=min(left, WAKE))
            except queue.Empty:
                continue
            with self.handling:
                self.pending |= paths
            return True
        return False

    def _take_pending(self) -> set[str]:
        """The paths changed and not yet handled (the queue's too), now handled."""
        with self.handling:
            while True:
                try:
                    self.pending |= self.events.queue.get_nowait()
                except queue.Empty:
                    break
            changed, self.pending = self.pending, set()
            return changed

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

    def _write_calendar(self, strict: bool = False) -> None:
        """Rewrite ``calendar.path`` (SPEC §11) when it is set and its bytes changed; a
        refusal stops the first check (``strict``), later ones only warn."""
        if not (self.summary and self.config.calendar_path):
            return
        try:
            changed = write_calendar(self.root, self.config, self.live.calendar())
        except CalendarRefused as error:
            if strict:
                raise
            self._warn(str(error))
            return
        if changed:
            wrote = _("Wrote {path}.").format(path=self._shown(self.config.calendar_path))
            self.out.write(wrote + "\n")
            self.out.flush()

    def _shown(self, path: str) -> str:
        return display_path(self.root, path, Path.cwd())

    def _warn(self, message: str) -> None:
        self.err.write(f"mdnet: {message}\n")
        self.err.flush()
