"""Writes (SPEC §9): every write is atomic, nothing is written outside the vault, and
a summary or a --fix killed with SIGKILL at any moment leaves the old file intact.

The kill tests run mdnet in a real process that pauses at a chosen point of its
write (half the text written; written but not yet flushed to disk; flushed but not
yet renamed over the note) and is then killed with SIGKILL.
"""

from __future__ import annotations

import ast
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import mdnet
from mdnet.cli import main
from mdnet.config import load_config
from mdnet.notes.scan import list_notes
from tests.conftest import write_files

DAY = "2026-11-26"
JANE = "---\ntype: contact\nlast_contact: 2026-01-01  # from the card\n---\n- 2026-02-01 call\n"
OLD_SUMMARY = "---\nmdnet: summary\ngenerated: 2020-01-01\n---\n# An old summary\n"

# Runs mdnet with one function slowed down for the write to TARGET, printing PAUSED
# when it gets there. The file's path comes from /proc/self/fd: other writes (the
# index's .gitignore) go through undisturbed.
PAUSING_MDNET = r"""
import os, sys, time

point, target, args = sys.argv[1], sys.argv[2], sys.argv[3:]

def ours(fd):
    try:
        return os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith("." + target)
    except OSError:
        return False

def pause():
    print("PAUSED", flush=True)
    time.sleep(120)

real_fsync, real_replace, real_fdopen = os.fsync, os.replace, os.fdopen

def fsync(fd):
    if point == "fsync" and ours(fd):
        pause()
    return real_fsync(fd)

def replace(source, destination):
    if point == "replace" and os.path.basename(str(destination)) == target:
        pause()
    return real_replace(source, destination)

class HalfWriter:
    def __init__(self, handle):
        self.handle = handle
    def write(self, text):
        self.handle.write(text[: len(text) // 2])
        self.handle.flush()
        pause()
    def __getattr__(self, name):
        return getattr(self.handle, name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.handle.__exit__(*exc)

def fdopen(fd, *a, **k):
    handle = real_fdopen(fd, *a, **k)
    return HalfWriter(handle) if point == "write" and ours(fd) else handle

os.fsync, os.replace, os.fdopen = fsync, replace, fdopen
sys.argv = ["mdnet", *args]
from mdnet.cli import main
main()
"""


def kill_while_writing(vault: Path, point: str, target: str, args: list[str]) -> None:
    """Run mdnet ARGS until it pauses in its write of ``target``, then SIGKILL it."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(Path(mdnet.__file__).parents[1])}
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSING_MDNET, point, target, *args],
        cwd=vault,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None  # stdout=PIPE
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready and process.stdout is not None, "mdnet never reached the write"
        line = process.stdout.readline()
        assert line == "PAUSED\n", line + (process.stderr.read() if process.stderr else "")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    assert process.returncode == -signal.SIGKILL


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


needs_proc = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


@needs_proc
@pytest.mark.parametrize("point", ["write", "fsync", "replace"])
@pytest.mark.parametrize(
    ("target", "args"),
    [
        ("Network Summary.md", ["summary", "--today", DAY, "."]),
        ("Jane.md", ["check", "--fix", "--select", "F008", "--today", DAY, "."]),
    ],
    ids=["summary", "fix"],
)
def test_killed_mid_write_the_old_file_is_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, point: str, target: str, args: list[str]
) -> None:
    vault = write_files(
        tmp_path / "vault", {"People/Jane.md": JANE, "Network Summary.md": OLD_SUMMARY}
    )
    notes_before = [note.path for note in list_notes(vault, load_config(vault))]
    before = snapshot(vault)
    kill_while_writing(vault, point, target, args)
    after = snapshot(vault)
    assert after["People/Jane.md"] == before["People/Jane.md"]  # byte for byte
    assert after["Network Summary.md"] == before["Network Summary.md"]
    # what the kill left behind is a hidden temporary file, never a note
    assert [note.path for note in list_notes(vault, load_config(vault))] == notes_before
    leftovers = sorted(set(after) - set(before))  # and mdnet's own state in .mdnet/
    assert all(Path(name).name.startswith(".") or name.startswith(".mdnet/") for name in leftovers)
    # and the next run does the job
    monkeypatch.chdir(vault)
    again = CliRunner().invoke(main, args, env={"NO_COLOR": "1"}, catch_exceptions=False)
    assert again.exit_code == 0, again.output
    if target == "Jane.md":
        assert "last_contact: 2026-02-01  # from the card" in (vault / "People/Jane.md").read_text()
    else:
        assert f"generated: {DAY}" in (vault / "Network Summary.md").read_text()


# Writers besides files.write_atomic: each with the reason it is not a note's write.
ALLOWED_WRITES = {
    ("mdnet/notes/files.py", "write_atomic"),  # the one way notes are written
    ("mdnet/notes/files.py", "write_new"),  # ...and the one way new notes are created
    ("mdnet/notes/files.py", "_write_temporary"),  # the temporary file of both
    ("mdnet/notes/files.py", "_create_exclusive"),  # write_new without hard links
    ("mdnet/notes/files.py", "remove_stale_temporaries"),  # what a killed write of these left
    ("mdnet/watch/events.py", "lock_vault"),  # .mdnet/watch.lock, a lock, never a note
    ("mdnet/watch/events.py", "caught_up"),  # an empty .mdnet/sync-* for a moment, then gone
    ("mdnet/cache/index.py", "_connect_or_rebuild"),  # deletes a corrupt .mdnet/index.sqlite
    ("mdnet/cli/__init__.py", "invoke"),  # opens /dev/null for stdout once a pipe is closed
    ("mdnet/background.py", "in_background"),  # /dev/null as the cache writers' output
    ("mdnet/live/server.py", "_listen"),  # .mdnet/check.sock: made 0600, a dead one removed
    ("mdnet/live/server.py", "stop"),  # removes its .mdnet/check.sock
}
MODULE_WRITES = {"replace", "rename", "renames", "remove", "unlink", "rmdir", "removedirs",
                 "symlink", "link", "truncate", "chmod", "fdopen", "mkstemp", "mkdtemp",
                 "NamedTemporaryFile", "copy", "copy2", "copyfile", "copytree", "move",
                 "rmtree"}  # fmt: skip
PATH_WRITES = {"write_text", "write_bytes", "touch", "unlink", "rename", "symlink_to",
               "hardlink_to", "chmod", "rmdir"}  # fmt: skip


def _mode(call: ast.Call) -> str:
    for argument in [*call.args[1:2], *(k.value for k in call.keywords if k.arg == "mode")]:
        if isinstance(argument, ast.Constant):
            return str(argument.value)
    return "r"


def _opens_for_writing(call: ast.Call) -> bool:
    """``os.open(path, flags)`` with a flag that writes or creates."""
    flags = {node.attr for node in ast.walk(call) if isinstance(node, ast.Attribute)}
    return bool(flags & {"O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND"})


def _writes(tree: ast.Module) -> set[tuple[str, str]]:
    """(function, call) of every call in ``tree`` that may write to the disk: os,
    shutil and tempfile functions, Path's writing methods, open() for writing."""
    found = set()
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        for call in ast.walk(function):
            if not isinstance(call, ast.Call):
                continue
            target = call.func
            if isinstance(target, ast.Attribute):
                owner = target.value.id if isinstance(target.value, ast.Name) else ""
                if owner in ("os", "shutil", "tempfile"):
                    writes = target.attr in MODULE_WRITES or (
                        target.attr == "open" and _opens_for_writing(call)
                    )
                else:
                    writes = target.attr in PATH_WRITES or (
                        target.attr == "open" and bool(set(_mode(call)) & set("wax+"))
                    )
                if writes:
                    found.add((function.name, f"{owner}.{target.attr}".lstrip(".")))
            elif (
                isinstance(target, ast.Name)
                and target.id == "open"
                and set(_mode(call)) & set("wax+")
            ):
                found.add((function.name, "open"))
    return found


def test_every_write_goes_through_write_atomic() -> None:
    """No module but files.py writes a file (bar mdnet's own state in .mdnet/)."""
    package = Path(mdnet.__file__).parent
    unexpected = []
    for module in sorted(package.rglob("*.py")):
        relative = module.relative_to(package.parent).as_posix()
        for function, call in _writes(ast.parse(module.read_text("utf-8"))):
            if (relative, function) not in ALLOWED_WRITES:
                unexpected.append(f"{relative}: {function} calls {call}")
    assert unexpected == []


def test_nothing_is_written_outside_the_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every writing command, run from elsewhere with HOME in the test folder: outside
    the vault nothing changes; inside, only what each command is for."""
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    export = write_files(
        tmp_path / "exports",
        {
            "Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,"
            "Connected On\nAda,Lovelace,https://www.linkedin.com/in/ada,,Engines,Analyst,"
            "14 Mar 2024\n"
        },
    )
    vault = write_files(tmp_path / "vault", {"People/Jane.md": JANE})
    for folder in (home, elsewhere):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.chdir(elsewhere)
    outside = {folder: snapshot(folder) for folder in (home, elsewhere, export) if folder.exists()}
    commands = [
        ["check", str(vault)],
        ["check", "--fix", str(vault)],
        ["summary", str(vault)],
        ["new", "contact", "Bob Martin", "--vault", str(vault)],
        ["import", "linkedin", str(export / "Connections.csv"), "--vault", str(vault)],
        ["init", str(vault)],  # no --today: it writes no dates
        ["check", "--no-cache", str(vault)],
    ]
    for command in commands:
        today = [] if command[0] == "init" else ["--today", DAY]
        result = CliRunner().invoke(main, [*command, *today], catch_exceptions=False)
        assert result.exit_code in (0, 1), (command, result.output)
    assert {folder: snapshot(folder) for folder in outside} == outside
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["home", "elsewhere", "exports", "vault"]
    )
    written = set(snapshot(vault))
    assert {
        "People/Jane.md",
        "Network Summary.md",
        "People/Bob Martin.md",
        ".mdnet.toml",
    } <= written
    assert {path.split("/")[0] for path in written} <= {
        "People", "Network Summary.md", ".mdnet", ".mdnet.toml", "Templates",
    }  # fmt: skip
