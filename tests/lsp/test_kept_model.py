"""A running ``mdnet lsp`` sees to the snapshot checks start from, once its model drifted
and nothing happened for a while (``live.kept``): a process of its own makes it from the
notes on disk, whatever the editor holds unsaved. A real server, whose minute is half a
second."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

from mdnet.cache import snapshot
from mdnet.config import load_config
from mdnet.notes.scan import list_notes
from tests.conftest import WriteVault
from tests.lsp.client import codes, open_note, serving, type_text, wait_until
from tests.test_index import age

JANE = "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call [[Nobody]]\n"
FILES = {
    "People/Jane.md": JANE,
    "People/Bob.md": "---\ntype: contact\n---\n- 2026-06-01 coffee #got\n",
    "Daily/2026-11-20.md": "Lunch with [[Bob]].\n",
}
SERVER = """
import sys
import mdnet.lsp.session as session
session.CLOCK_CHECK = 0.5  # a minute with nothing to do, in half a second
from mdnet.cli import run
sys.argv = ["mdnet", *sys.argv[1:]]
run()
"""
IDLE_SOON = (sys.executable, "-c", SERVER, "lsp", "--today", "2026-11-26")
TODAY = dt.date(2026, 11, 26)


def saved_on(root: Path) -> dt.date | None:
    """The day of the vault's snapshot, None when there is none (or it lacks a note)."""
    last = snapshot.restore(root, load_config(root), today=TODAY)
    if last is None or sorted(last.files) != sorted(FILES):
        return None
    return last.today


def check(root: Path, *options: str) -> str:
    """What ``mdnet check`` prints of the vault at ``root``, on the server's day."""
    command = [sys.executable, "-m", "mdnet", "check", str(root), "--today", "2026-11-26"]
    done = subprocess.run([*command, *options], capture_output=True, text=True, check=False)
    return done.stdout


def as_on_disk(root: Path) -> bool:
    """Whether a check would start from the snapshot and read no note again."""
    last = snapshot.restore(root, load_config(root), today=TODAY)
    return last is not None and last.changes(list_notes(root, load_config(root))) == ([], [])


async def test_a_server_started_from_the_notes_makes_the_snapshot(
    make_vault: WriteVault,
) -> None:
    """No check ever ran: the server reads every note; once idle, the snapshot is made,
    and a check starts from it."""
    root = make_vault(FILES)
    age(root)
    async with serving(root, command=IDLE_SOON) as client:
        open_note(client, root, "People/Jane.md")  # as on disk
        await wait_until(lambda: saved_on(root) == TODAY)
    assert as_on_disk(root)
    assert check(root) == check(root, "--no-cache")
    assert re.search(r"/People/Jane.md:5:\d+: F005", check(root))


async def test_the_snapshot_is_the_disks_not_the_editors(make_vault: WriteVault) -> None:
    """The last check's snapshot is of the day before: the server's model drifted. A note
    open in the editor, unsaved, is in the server's diagnostics, not in the snapshot."""
    root = make_vault(FILES)
    age(root)
    yesterday = ("--today", "2026-11-25")
    for _ in range(2):  # the second check saves the model of that day
        subprocess.run([sys.executable, "-m", "mdnet", "check", str(root), *yesterday], check=False)
    await wait_until(lambda: saved_on(root) is not None)  # once the check's answer is out
    assert saved_on(root) == TODAY - dt.timedelta(days=1)
    async with serving(root, command=IDLE_SOON) as client:
        address = open_note(client, root, "People/Jane.md")
        type_text(client, address, JANE.replace("[[Nobody]]", "[[Bob]]"))  # unsaved
        await wait_until(lambda: not [c for c in codes(client, address) if c[0] == "F005"])
        await wait_until(lambda: saved_on(root) == TODAY)
    assert as_on_disk(root)
    assert re.search(r"/People/Jane.md:5:\d+: F005", check(root))  # as on disk
    assert check(root) == check(root, "--no-cache")


async def test_a_server_that_ends_makes_the_snapshot(make_vault: WriteVault) -> None:
    """The editor closes before a minute passed with nothing to do: the snapshot is made
    as the server ends."""
    root = make_vault(FILES)
    age(root)
    async with serving(root) as client:  # its minute is a minute
        open_note(client, root, "People/Jane.md")
    await wait_until(lambda: saved_on(root) == TODAY)
    assert as_on_disk(root)
