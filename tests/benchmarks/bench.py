"""Speed at 30,000 notes: cat, cold, warm and one-changed checks, watch, peak memory.

    python -m tests.benchmarks.bench            # generates a vault in a temporary folder
    python -m tests.benchmarks.bench --vault DIR  # reuses (or creates) DIR
    python -m tests.benchmarks.bench --scale 0.1  # a vault of about 3,000 notes

Everything runs as a user would run it: ``mdnet`` in a subprocess, its output thrown
away. Each figure is the best of a few runs (the machine may be busy with other work).
The vault is never written inside the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from tests.benchmarks.generate_vault import generate
from tests.benchmarks.watching import served_check, structural

TODAY = "2026-11-26"
NEXT_DAY = "2026-11-27"  # the first check of a day works out every answer again
MDNET = [sys.executable, "-m", "mdnet"]
TARGETS = {
    "cold": "≤ 5 × cat",
    "warm": "≤ 2 × cat (100k: ≤ 1.0 s)",
    "one changed": "≤ warm + 0.1 s",
    "watch": "≤ 0.15 s to the summary for each move, 300 files ≤ 1 s (30k)",
    "served check": "≤ 0.2 s (100k)",
    "peak memory": "≤ 400 MB (check and watch)",
}


class Run(NamedTuple):
    """One run of a command (or the best of a few): wall time, the peak resident memory
    (KB) of its process, and of the process it left its work to (0 when none)."""

    seconds: float
    memory: int
    later: int = 0


def timed(command: list[str]) -> Run:
    """One run of ``command``, and of the work it left to a process of its own."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{command} failed with {process.returncode}")
    return Run(elapsed, usage.ru_maxrss, settle(command))


def settle(command: list[str], longest: float = 120.0) -> int:
    """Wait for what ``command`` left to a process of its own (the model's snapshot and
    the last answer, written once the answer is out), so that the next run starts clean;
    that process's peak memory (KB), which only a subreaper learns (0 otherwise)."""
    line = "\0".join(command).encode()
    deadline = time.monotonic() + longest
    peak = 0
    while time.monotonic() < deadline:
        left = [pid for pid in _processes() if _command_line(pid) == line]
        if not left:
            return peak
        for pid in left:
            try:  # an orphan, ours to wait for when this process is the subreaper
                peak = max(peak, os.wait4(pid, 0)[2].ru_maxrss)
            except ChildProcessError:
                time.sleep(0.05)
    return peak


def _processes() -> list[int]:
    return [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]


def _command_line(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().rstrip(b"\0")
    except OSError:
        return b""


def adopt_orphans() -> None:
    """Make this process the subreaper of the processes its commands leave behind, so
    that ``settle`` can wait for them and learn their peak memory (Linux only)."""
    import ctypes

    set_child_subreaper = 36  # prctl's PR_SET_CHILD_SUBREAPER
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(set_child_subreaper, 1, 0, 0, 0)


def best(command: list[str], runs: int, before: object = None) -> Run:
    results = []
    for _ in range(runs):
        if callable(before):
            before()
        results.append(timed(command))
    return Run(
        min(each.seconds for each in results),
        max(each.memory for each in results),
        max(each.later for each in results),
    )


def cat_time(vault: Path, runs: int) -> float:
    script = f"find {shlex_quote(vault)} -type f -name '*.md' -print0 | xargs -0 cat > /dev/null"
    return best(["sh", "-c", script], runs)[0]


def shlex_quote(path: Path) -> str:
    return "'" + str(path).replace("'", "'\\''") + "'"


def check(vault: Path, *options: str, today: str = TODAY) -> list[str]:
    return [*MDNET, "check", str(vault), "--today", today, "--exit-zero", "-q", *options]


class Edits:
    """Appends an entry to a different contact note each time (size and time change)."""

    def __init__(self, vault: Path) -> None:
        self.notes = sorted((vault / "People").glob("*.md"))
        self.count = 0

    def __call__(self) -> Path:
        note = self.notes[self.count * 97 % len(self.notes)]
        self.count += 1
        with open(note, "a", encoding="utf-8") as out:
            out.write(f"\n- {TODAY} coffee: benchmark edit {self.count} #gave\n")
        return note


class Arrival:
    """A contact note that comes, or goes when it is there: a change of the vault's shape,
    which a check from the snapshot meets by building the model again over it."""

    def __init__(self, vault: Path) -> None:
        self.note = vault / "People" / "Benchmark Arrival.md"

    def __call__(self) -> None:
        if self.note.exists():
            self.note.unlink()
        else:
            self.note.write_text(f"---\ntype: contact\n---\n- {TODAY} coffee #gave\n")


def arguments(description: str) -> argparse.Namespace:
    """``--vault``, ``--runs`` and ``--scale``, which every benchmark takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--vault", type=Path, help="a folder to generate the vault in (kept)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="0.1: about 3,000 notes")
    return parser.parse_args()


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    runnable()
    folder = args.vault or Path(tempfile.mkdtemp(prefix="mdnet-bench-"))
    adopt_orphans()
    try:
        if not (folder / "People").is_dir():
            print(
                f"generating {generate(folder, scale=args.scale)} notes in {folder}...",
                file=sys.stderr,
            )
        run(folder, args.runs)
    finally:
        if args.vault is None:
            shutil.rmtree(folder, ignore_errors=True)


def runnable() -> None:
    """Stop at once, saying why, when this Python cannot check a note (mdnet or one of
    its dependencies missing): each check of the benchmark would fail with the exit
    status of a check with findings."""
    with tempfile.TemporaryDirectory(prefix="mdnet-bench-") as folder:
        (Path(folder) / "Ann.md").write_text("---\ntype: contact\n---\n", encoding="utf-8")
        command = [*MDNET, "check", folder, "--no-cache", "--exit-zero", "-q"]
        found = subprocess.run(command, capture_output=True, text=True, check=False)
    if found.returncode != 0:
        raise SystemExit(
            f"{sys.executable} cannot run mdnet ({found.stderr.strip()}): run the"
            " benchmark with the Python of its virtual environment (pip install -e .)"
        )


TIMES_CAT = {  # the rows measured against cat
    "no cache": "cold check, --no-cache",
    "cold": "cold check, writing the index",
    "first": "next check, writing the snapshot",
    "warm": "warm check, nothing changed",
}
AFTER_WARM = {  # the rows measured against a warm check
    "changed": "check after one note changed",
    "came": "check after a note came or went",
    "then": "then one note changed",
}


def cold_to_warm(vault: Path, runs: int) -> dict[str, Run]:
    """``cat``, then checks from cold to warm: with no cache, writing the index, the next
    one (from the index, writing the model's snapshot), and warm."""
    state = vault / ".mdnet"
    found = {"cat": Run(cat_time(vault, runs), 0)}
    found["no cache"] = best(check(vault, "--no-cache"), runs)
    found["cold"] = best(check(vault), runs, lambda: shutil.rmtree(state, True))
    time.sleep(2.1)  # notes parsed within 2 s of their last write are not trusted yet
    found["first"] = timed(check(vault))
    found["warm"] = best(check(vault), runs)
    return found


def run(vault: Path, runs: int) -> None:
    files = list(vault.rglob("*.md"))
    size = sum(path.stat().st_size for path in files)
    print(f"vault: {len(files)} notes, {size / 1e6:.0f} MB; {os.cpu_count()} cores")
    measured = cold_to_warm(vault, runs)
    cat = measured["cat"].seconds
    warm = measured["warm"].seconds
    edits = Edits(vault)
    measured["changed"] = best(check(vault), runs, edits)
    measured["came"] = best(check(vault), 1, Arrival(vault))  # the model reshaped
    measured["then"] = best(check(vault), runs, edits)
    measured["day"] = day = timed(check(vault, today=NEXT_DAY))  # every answer anew
    peak = max(each.memory for each in measured.values()) / 1024
    later = max(each.later for each in measured.values()) / 1024
    rows = [("cat of every note", cat, "")]
    for key, label in TIMES_CAT.items():
        rows.append((label, measured[key].seconds, f"{measured[key].seconds / cat:.1f} × cat"))
    for key, label in AFTER_WARM.items():
        rows.append((label, measured[key].seconds, f"warm + {measured[key].seconds - warm:.2f} s"))
    rows.append(("the first check of the next day", day.seconds, f"{day.memory / 1024:.0f} MB"))
    served = served_check(MDNET, vault, runs, timed)
    rows.append(("check answered by a running watch", served, ""))
    for label, seconds, ratio in rows:
        print(f"{label:<34} {seconds:7.2f} s   {ratio}")
    print(f"{'peak memory (one process)':<34} {peak:7.0f} MB")
    print(f"{'peak of the work left behind':<34} {later:7.0f} MB   (the snapshot, once out)")
    print("\nwatch, from a save (best of runs): printed update / summary rewritten")
    for label, printed_at, written_at in structural(MDNET, vault, runs):
        if label.startswith("("):
            print(f"  {label:<32} {printed_at:7.0f}")
        else:
            print(f"  {label:<32} {printed_at * 1000:5.0f} ms / {written_at * 1000:5.0f} ms")
    print("targets: " + "; ".join(f"{key} {value}" for key, value in TARGETS.items()))
    print("\nwhere the time goes (in one process):")
    for label, seconds in stages(vault, edits):
        print(f"  {label:<40} {seconds:7.3f} s")


def stages(vault: Path, edits: Edits) -> list[tuple[str, float]]:
    """A warm check, a watch update and a check from scratch, stage by stage; the
    slowest rules from scratch."""
    import datetime as dt

    from mdnet.cache import snapshot
    from mdnet.cache.parser import CachedParser
    from mdnet.config import load_config
    from mdnet.model.builder import Builder
    from mdnet.model.memory import paused_gc
    from mdnet.notes.parse import parse_note
    from mdnet.notes.scan import list_notes
    from mdnet.rules import RULES
    from mdnet.rules.runner import Selection, run_rules
    from mdnet.summary import render

    config, today = load_config(vault), dt.date.fromisoformat(TODAY)
    selection = Selection.from_config(config)
    clock = time.perf_counter
    timings = []
    with paused_gc():
        start = clock()
        files = list_notes(vault, config)
        timings.append(("warm: scan (a stat per note)", clock() - start))
        start = clock()
        restored = snapshot.restore(vault, config)
        assert restored is not None, "no snapshot: run a warm check first"
        timings.append(("warm: restore the model's snapshot", clock() - start))
        start = clock()
        changed, gone = restored.changes(files)
        parser = CachedParser()
        refreshed = parser.refresh(vault, changed, gone, config)
        if restored.builder.reshapes(refreshed, gone):  # as check does: all the notes again
            model = restored.builder.build(CachedParser()(vault, files, config))
        else:
            model = restored.builder.update(refreshed, gone)
        timings.append((f"warm: bring it up to date ({len(changed)} notes)", clock() - start))
        start = clock()
        findings = run_rules(model, config, today, selection)
        timings.append(("warm: rules (kept per contact)", clock() - start))
        render(model, config, today, findings, selection)
        note = edits()
        path = note.relative_to(vault).as_posix()
        start = clock()
        model = restored.builder.update([parse_note(path, note.read_text(), config)])
        findings = run_rules(model, config, today, selection)
        timings.append(("watch: update the model, rules", clock() - start))
        start = clock()
        render(model, config, today, findings, selection)
        timings.append(("watch: render the summary", clock() - start))
        start = clock()
        notes = CachedParser()(vault, files, config)
        timings.append(("scratch: read the index (30k notes)", clock() - start))
        start = clock()
        model = Builder(vault, config).build(notes)
        timings.append(("scratch: build the model", clock() - start))
        start = clock()
        findings = run_rules(model, config, today, selection)
        timings.append((f"scratch: rules (all {len(RULES)})", clock() - start))
        start = clock()
        render(model, config, today, findings, selection)
        timings.append(("scratch: render the summary", clock() - start))
    slowest = []
    for rule in RULES:
        with paused_gc():
            model = Builder(vault, config).build(notes)  # nothing kept from another rule
            start = clock()
            list(rule.check(model, config, today))
            slowest.append((f"  rule {rule.CODE} {rule.NAME}", clock() - start))
    return timings + sorted(slowest, key=lambda item: -item[1])[:5]


if __name__ == "__main__":
    main()
