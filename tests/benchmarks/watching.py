"""A running ``mdnet watch``: from a save to the rewritten summary for each everyday move
(an entry added, a new contact, a rename, a delete, an alias, a type change, a burst of
300 files), a check it answers, and its peak memory.

Each move is chosen so that the summary changes (a count, a name, the reach-out list):
the time is taken when the summary file has been rewritten.
"""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

TODAY = "2026-11-26"
SUMMARY = "Network Summary.md"
BURST_RE = re.compile(r"\n- [0-9-]+ call \[\[[^\]]*\]\] burst [0-9]+\n")  # Moves.burst's


class Watch:
    """``mdnet watch`` on ``vault``, its output read line by line."""

    def __init__(self, mdnet: list[str], vault: Path) -> None:
        self.vault = vault
        self.process = subprocess.Popen(
            [*mdnet, "watch", str(vault), "--today", TODAY],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        # read on a thread, as they come: a full pipe would stop the watcher
        self.lines: queue.Queue[tuple[float, str | None]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for("Watching ")

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put((time.perf_counter(), line))
        self.lines.put((time.perf_counter(), None))

    def wait_for(self, start: str) -> float:
        """When the next line matching ``start`` was printed."""
        while True:
            at, line = self.lines.get(timeout=60)
            if line is None:
                raise SystemExit(f"watch ended before {start!r}")
            if line.startswith(start) or re.match(start, line):
                return at

    def time(self, move: Callable[[], Callable[[], object]]) -> tuple[float, float]:
        """Seconds from the move to the printed update and to the rewritten summary.

        ``move()`` prepares (picks a note, reads it, writes what the move needs first)
        off the clock and returns the change itself, which is timed.
        """
        summary = self.vault / SUMMARY
        change = move()
        self.drain()
        before = summary.stat().st_mtime_ns
        start = time.perf_counter()
        change()
        printed = self.wait_for(r"\[\d\d:\d\d:\d\d\] ") - start
        deadline = time.monotonic() + 30
        while summary.stat().st_mtime_ns == before and time.monotonic() < deadline:
            time.sleep(0.001)
        written = time.perf_counter() - start
        time.sleep(0.2)
        return printed, written

    def drain(self, seconds: float = 0.3) -> None:
        """Let the last update end, and forget what it printed."""
        time.sleep(seconds)
        while not self.lines.empty():
            self.lines.get()

    def peak_memory(self) -> int:
        """The watch process's peak resident memory, in KB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)


def reach_out(vault: Path) -> list[Path]:
    """The contact notes the summary asks to reach out to (they show in it by name)."""
    text = (vault / SUMMARY).read_text()
    section = text.split("## Reach out this week", 1)[1].split("\n## ", 1)[0]
    titles = re.findall(r"\[\[([^\]|]+)", section)
    return [vault / "People" / f"{title}.md" for title in titles]


class Moves:
    """The everyday moves, each on another note every time."""

    def __init__(self, vault: Path, drain: Callable[[float], None]) -> None:
        self.vault, self.drain = vault, drain
        # numbered after those of earlier runs on a reused vault: a new contact whose
        # note is already there would change nothing, and time out
        made = [*vault.glob("People/Benchmark Person *.md"), *vault.glob("Daily/* alias *.md")]
        numbers = [re.search(r"[0-9]+$", path.stem) for path in made]
        self.count = max((int(number[0]) for number in numbers if number), default=0)

    def _next(self) -> int:
        self.count += 1
        return self.count

    def entry(self) -> Change:
        note = sorted((self.vault / "People").glob("*.md"))[self.count * 97 % 1000]
        line = f"\n- {TODAY} coffee: benchmark entry {self._next()} #gave\n"
        return lambda: _append(note, line)

    def new_contact(self) -> Change:
        name = f"Benchmark Person {self._next()}"
        text = f"---\ntype: contact\ncompany: Acme\n---\n# {name}\n\n- {TODAY} call: met today\n"
        return lambda: (self.vault / "People" / f"{name}.md").write_text(text)

    def rename(self) -> Change:
        note = reach_out(self.vault)[0]
        return lambda: note.rename(note.with_name(f"{note.stem} R{self._next()}.md"))

    def delete(self) -> Change:
        return reach_out(self.vault)[-1].unlink

    def alias(self) -> Change:
        """An alias that makes a dated entry's dangling link resolve: the contact has an
        interaction today and leaves the reach-out list."""
        number = self._next()
        daily = self.vault / "Daily" / f"{TODAY} alias {number}.md"
        daily.write_text(f"- {TODAY} call [[Alias {number}]]\n")
        self.drain(0.5)  # its own update first, not timed
        note = reach_out(self.vault)[0]
        text = note.read_text().replace("---\n", f"---\naliases: [Alias {number}]\n", 1)
        return lambda: note.write_text(text)

    def type_change(self) -> Change:
        note = reach_out(self.vault)[0]
        text = note.read_text().replace("type: contact", "type: note", 1)
        return lambda: note.write_text(text)

    def burst(self) -> Change:
        """A `git checkout` of 300 daily notes: a dated entry with a contact in each (in
        place of the one an earlier burst wrote: more each time would touch more
        contacts each time, and the figure would grow from run to run)."""
        dailies = sorted((self.vault / "Daily").rglob("*.md"))[-300:]
        contacts = sorted((self.vault / "People").glob("*.md"))
        number = self._next()
        texts = [
            BURST_RE.sub("", note.read_text())
            + f"\n- {TODAY} call [[{contacts[(index * 31 + number) % len(contacts)].stem}]]"
            f" burst {number}\n"
            for index, note in enumerate(dailies)
        ]

        def change() -> None:
            for note, text in zip(dailies, texts, strict=True):
                note.write_text(text)

        return change


Change = Callable[[], object]  # a move's change to the vault, prepared


def _append(note: Path, line: str) -> None:
    with open(note, "a", encoding="utf-8") as out:
        out.write(line)


def structural(mdnet: list[str], vault: Path, runs: int) -> list[tuple[str, float, float]]:
    """(move, best seconds to the printed update, best to the rewritten summary)."""
    watch = Watch(mdnet, vault)
    moves = Moves(vault, watch.drain)
    rows = []
    try:
        for label, move in [
            ("an entry added", moves.entry),
            ("a new contact note", moves.new_contact),
            ("a rename", moves.rename),
            ("a delete", moves.delete),
            ("an alias change", moves.alias),
            ("a type: change", moves.type_change),
            ("a burst of 300 files", moves.burst),
        ]:
            times = [watch.time(move) for _ in range(runs)]
            rows.append((label, min(t[0] for t in times), min(t[1] for t in times)))
        rows.append(("(watch peak memory, MB)", watch.peak_memory() / 1024, 0.0))
    finally:
        watch.stop()
    return rows


def served_check(
    mdnet: list[str], vault: Path, runs: int, timed: Callable[[list[str]], Sequence[float]]
) -> float:
    """Best seconds of ``mdnet check`` answered by a running watch."""
    watch = Watch(mdnet, vault)
    try:
        command = [*mdnet, "check", str(vault), "--today", TODAY, "--exit-zero", "-q"]
        return min(timed(command)[0] for _ in range(runs))
    finally:
        watch.stop()
