"""`mdnet check` answered by a running `mdnet lsp` (SPEC §10): a real server and real
check processes; the same output and exit code as a check of its own, declined while a
note open in the editor differs from its file, a note saved on disk a moment before in
the answer, and one server per vault (a watch or an lsp), neither breaking the other."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import WriteVault
from tests.lsp.client import codes, open_note, serving, type_text, uri, wait_until
from tests.test_watch import Watching

FILES = {
    "People/Jane.md": "---\ntype: contact\ntier: close\n---\n- 2026-05-02 call [[Nobody]]\n",
    "People/Bob.md": "---\ntype: contact\nbirthday: 2026-13-01\n---\n",
    "Daily/2026-11-20.md": "Lunch with [[Bob]].\n",
}
# `mdnet check` as it is, but telling on stderr when a server answered it (and never
# printing its last report again from .mdnet/, which would answer before any server)
CHECK = """
import importlib, sys
check = importlib.import_module("mdnet.cli.checking")
check.Run.reprint = lambda *arguments: None
ask = check.ask_server
def noted(*args, **kwargs):
    answer = ask(*args, **kwargs)
    sys.stderr.write("served\\n" if answer is not None else "")
    return answer
check.ask_server = noted
from mdnet.cli import run
sys.argv = ["mdnet", *sys.argv[1:]]
run()
"""


def run_check(root: Path, *options: str) -> tuple[int, str, bool]:
    """A check process's exit code, output, and whether a server answered it."""
    command = [sys.executable, "-c", CHECK, "check", str(root), "--today", "2026-11-26"]
    done = subprocess.run([*command, *options], capture_output=True, text=True, check=False)
    return done.returncode, done.stdout, "served" in done.stderr


async def checked(root: Path, *options: str) -> tuple[int, str, bool]:
    return await asyncio.to_thread(run_check, root, *options)


async def served(root: Path) -> bool:
    """Whether checks are answered by a server (which starts once the vault is loaded)."""
    return (await checked(root))[2]


@pytest.fixture
def vault(make_vault: WriteVault) -> Path:
    return make_vault(FILES).resolve()


@pytest.mark.parametrize("options", [(), ("--format", "json"), ("--select", "F"), ("--strict",)])
async def test_a_running_lsp_answers_as_the_check_would(
    vault: Path, options: tuple[str, ...]
) -> None:
    own = await checked(vault, "--no-cache", *options)
    assert own[0] == 1 and not own[2]  # an F003 error: the exit code comes through too
    async with serving(vault):
        answer = await checked(vault, *options)
    assert answer == (*own[:2], True)


async def test_a_note_open_unsaved_and_different_is_the_checks_own_work(vault: Path) -> None:
    own = await checked(vault, "--no-cache")
    async with serving(vault) as client:
        jane = open_note(client, vault, "People/Jane.md")  # as it is on disk: answered
        assert await checked(vault) == (*own[:2], True)
        type_text(client, jane, FILES["People/Jane.md"] + "- 2026-11-25 call\n")
        await wait_until(lambda: ("R001", 5) not in codes(client, jane))
        assert await checked(vault) == (*own[:2], False)  # the file's truth, not the editor's
        type_text(client, jane, FILES["People/Jane.md"], version=3)  # back as on disk
        await wait_until(lambda: ("R001", 5) in codes(client, jane))
        assert await checked(vault) == (*own[:2], True)


async def test_a_note_changed_on_disk_a_moment_before_is_in_the_answer(vault: Path) -> None:
    """The editor here never reports file changes: the server finds them itself."""
    async with serving(vault) as client:
        assert await served(vault)
        (vault / "People/New.md").write_text("---\ntype: contact\n---\n- 2026-11-01 [[Ghost]]\n")
        (vault / "People/Bob.md").unlink()
        code, output, answered = await checked(vault)
        assert answered and "People/New.md:4:1: F005" in output
        assert "Bob.md" not in output  # its F003 went with it
        assert (code, output) == (await checked(vault, "--no-cache"))[:2]
        new = uri(vault, "People/New.md")
        await wait_until(lambda: ("F005", 4) in codes(client, new))  # the editor's too


async def test_an_lsp_started_after_a_watch_leaves_the_checks_to_it(vault: Path) -> None:
    watching = Watching(vault)
    try:
        watching.wait_for(r"^Watching ")
        async with serving(vault):
            assert await served(vault)
        assert await served(vault)  # the lsp gone, the watch still answers
    finally:
        watching.stop()


async def test_a_watch_started_after_an_lsp_leaves_the_checks_to_it(vault: Path) -> None:
    async with serving(vault):
        await wait_until(lambda: (vault / ".mdnet/check.sock").exists())
        watching = Watching(vault)
        try:
            watching.wait_for(r"^Watching ")
        finally:
            watching.stop()
        assert await served(vault)  # the watch gone, the lsp still answers
    assert not (vault / ".mdnet/check.sock").exists()
    assert not await served(vault)
