"""Vault discovery and which files are notes (SPEC §1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mdnet.config import Config, load_config
from mdnet.notes.reading import Unreadable, read_note
from mdnet.notes.scan import NoteFile, VaultError, find_vault, list_notes
from tests.conftest import write_files


def paths(vault: Path, config: Config | None = None) -> list[str]:
    return [note.path for note in list_notes(vault, config or load_config(vault))]


def test_vault_is_found_upward_by_config_then_obsidian(tmp_path: Path) -> None:
    write_files(tmp_path, {"a/.mdnet.toml": "", "a/b/.obsidian/app.json": "{}", "a/b/c/n.md": ""})
    assert find_vault(tmp_path / "a/b/c") == (tmp_path / "a").resolve()
    assert find_vault(tmp_path / "a/b/c/n.md") == (tmp_path / "a").resolve()
    (tmp_path / "a/.mdnet.toml").unlink()
    assert find_vault(tmp_path / "a/b/c") == (tmp_path / "a/b").resolve()


def test_without_markers_the_given_folder_is_the_vault(tmp_path: Path) -> None:
    write_files(tmp_path, {"x/n.md": ""})
    assert find_vault(tmp_path / "x") == (tmp_path / "x").resolve()


def test_missing_path_is_a_vault_error(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="no such"):
        find_vault(tmp_path / "nope")


def test_exclusions(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            ".mdnet.toml": '[vault]\nexclude = ["Archive/**", "*.draft.md"]\n',
            "People/Jane.md": "",
            "People/notes.txt": "",
            ".obsidian/x.md": "",
            ".trash/y.md": "",
            "Sub/.hidden/z.md": "",
            "Archive/old.md": "",
            "Idea.draft.md": "",
            "Templates/mdnet/contact.md": "",
            "Tpl/daily.md": "",
            ".obsidian/templates.json": '{"folder": "Tpl"}',
            "Network Summary.md": "",
            "Daily/2026-01-01.md": "",
        },
    )
    assert paths(tmp_path) == ["Daily/2026-01-01.md", "People/Jane.md"]


def test_links_out_of_the_vault_and_loops(tmp_path: Path) -> None:
    outside = write_files(tmp_path / "outside", {"secret.md": "", "dir/s.md": ""})
    vault = write_files(tmp_path / "vault", {"People/Jane.md": ""})
    os.symlink(outside / "secret.md", vault / "People/Secret.md")
    os.symlink(outside / "dir", vault / "Out")
    os.symlink(vault / "People", vault / "People/loop")
    assert paths(vault) == ["People/Jane.md"]


def test_only_files_are_notes_never_a_pipe_or_a_folder(tmp_path: Path) -> None:
    """Opening a named pipe would hang the check: it is not a note."""
    vault = write_files(tmp_path, {"People/Jane.md": "", "Linked/target.md": ""})
    os.mkfifo(vault / "pipe.md")
    (vault / "folder.md").mkdir()
    os.symlink(vault / "Linked/target.md", vault / "People/Link.md")
    os.symlink(vault / "missing.md", vault / "People/Dangling.md")
    assert paths(vault) == ["Linked/target.md", "People/Jane.md"]


def test_a_link_to_a_note_lists_it_once_and_never_brings_back_an_excluded_one(
    tmp_path: Path,
) -> None:
    vault = write_files(
        tmp_path,
        {
            ".mdnet.toml": '[vault]\nexclude = ["Arch/**"]\n',
            "People/Jane.md": "",
            "Arch/Old.md": "",
            ".hidden/Secret.md": "",
            ".stash/Kept.md": "",
        },
    )
    os.symlink(vault / "People/Jane.md", vault / "Alias.md")
    os.symlink(vault / "Arch/Old.md", vault / "Old.md")
    os.symlink(vault / ".stash/Kept.md", vault / "Kept.md")
    assert paths(vault) == ["Kept.md", "People/Jane.md"]


def test_a_vault_that_cannot_be_listed_is_a_vault_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = write_files(tmp_path, {"People/Jane.md": ""})
    real_scandir = os.scandir

    def refuse(path: str) -> object:
        if os.path.realpath(path) == os.path.realpath(vault):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    with pytest.raises(VaultError, match="cannot read the folder: permission denied"):
        paths(vault)


@pytest.mark.parametrize("text", ["", "short", "a longer note\n" * 5000])
@pytest.mark.parametrize("change", [-3, 0, 4])
def test_a_note_is_read_whole_whatever_its_size_since_the_scan(
    tmp_path: Path, text: str, change: int
) -> None:
    """The read is sized by the scan; a note that grew or shrank since is read whole."""
    (tmp_path / "n.md").write_text(text, encoding="utf-8")
    scanned = NoteFile("n.md", max(0, len(text) + change), 0)
    assert read_note(tmp_path, scanned, Config()) == text


def test_a_note_that_grew_past_the_limit_since_the_scan_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text("x" * 3000, encoding="utf-8")
    config = Config(max_file_kb=2)
    with pytest.raises(Unreadable, match=r"grew larger than vault\.max_file_kb = 2"):
        read_note(tmp_path, NoteFile("n.md", 10, 0), config)
    assert read_note(tmp_path, NoteFile("n.md", 10, 0), Config(max_file_kb=3)) == "x" * 3000
