"""files.write_new: a new file never replaces one, not even one created a moment before.

``new``, ``init`` and ``import`` check that a note is not there, then write it; a file
that another program creates between the check and the write must survive.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mdnet.cli import main
from mdnet.notes.files import write_new
from tests.importing import connections_csv, run_import

THEIRS = "written by another program\n"


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def _created_meanwhile(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Another program writes ``name`` just as mdnet makes its temporary file for it:
    after any check that ``name`` is free, before the write."""
    real: Callable[..., Any] = tempfile.mkstemp

    def mkstemp(*args: Any, **options: Any) -> Any:
        folder, prefix = Path(options.get("dir", ".")), options.get("prefix", "")
        if prefix == f".{name}.mdnet-":
            (folder / name).write_text(THEIRS)
        return real(*args, **options)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def test_write_new_creates_the_file_with_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "People" / "Jane.md"
    write_new(target, "---\ntype: contact\n---\nré\n")
    assert target.read_bytes() == "---\ntype: contact\n---\nré\n".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()
    assert _leftovers(target.parent) == []


def test_write_new_never_replaces_what_is_there(tmp_path: Path) -> None:
    target = tmp_path / "Jane.md"
    target.write_text(THEIRS)
    (tmp_path / "Folder.md").mkdir()
    (tmp_path / "Dangling.md").symlink_to(tmp_path / "nowhere.md")
    for name in ("Jane.md", "Folder.md", "Dangling.md"):
        with pytest.raises(FileExistsError):
            write_new(tmp_path / name, "mine\n")
    assert target.read_text() == THEIRS
    assert not (tmp_path / "nowhere.md").exists()
    assert _leftovers(tmp_path) == []


def test_a_file_created_while_writing_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _created_meanwhile(monkeypatch, "Jane.md")
    with pytest.raises(FileExistsError):
        write_new(tmp_path / "Jane.md", "mine\n")
    assert (tmp_path / "Jane.md").read_text() == THEIRS
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("code", [errno.EPERM, errno.ENOTSUP])
def test_without_hard_links_the_file_is_created_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    def no_link(source: object, target: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", no_link)
    write_new(tmp_path / "Jane.md", "mine\n")
    assert (tmp_path / "Jane.md").read_text() == "mine\n"
    assert stat.S_IMODE((tmp_path / "Jane.md").stat().st_mode) == 0o666 & ~_umask()
    _created_meanwhile(monkeypatch, "Bob.md")
    with pytest.raises(FileExistsError):
        write_new(tmp_path / "Bob.md", "mine\n")
    assert (tmp_path / "Bob.md").read_text() == THEIRS
    assert _leftovers(tmp_path) == []


def test_new_keeps_a_note_created_while_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _created_meanwhile(monkeypatch, "Jane Doe.md")
    result = CliRunner().invoke(main, ["new", "contact", "Jane Doe", "--today", "2026-11-26"])
    assert result.exit_code == 2 and "People/Jane Doe.md already exists" in result.output
    assert (tmp_path / "People/Jane Doe.md").read_text() == THEIRS


def test_init_keeps_a_config_created_while_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _created_meanwhile(monkeypatch, ".mdnet.toml")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0
    assert f"Skipped {tmp_path.as_posix()}/.mdnet.toml (it exists)" in result.output
    assert (tmp_path / ".mdnet.toml").read_text() == THEIRS
    assert (tmp_path / "Templates/mdnet/contact.md").exists()


def test_import_keeps_a_note_created_while_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    export = tmp_path / "Connections.csv"
    jane = ["Jane", "Doe", "https://www.linkedin.com/in/janedoe", "", "Acme", "CEO", "14 Mar 2024"]
    bob = ["Bob", "Martin", "https://www.linkedin.com/in/bobm", "", "Initech", "CTO", "02 Jan 2025"]
    export.write_bytes(connections_csv([jane, bob]))
    _created_meanwhile(monkeypatch, "Jane Doe.md")
    result = run_import(vault, "linkedin", export)
    assert "People/Jane Doe.md appeared meanwhile; not replaced" in result.output
    assert "created People/Bob Martin.md" in result.output
    assert (vault / "People/Jane Doe.md").read_text() == THEIRS
