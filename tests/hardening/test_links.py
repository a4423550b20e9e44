"""Symbolic links (SPEC §1), beyond tests/test_scan.py: each folder's notes are listed
once, under their own path, whatever the link's name; loops end; nothing outside
the vault is read, even through a chain of links."""

from __future__ import annotations

import os
from pathlib import Path

from mdnet.config import load_config
from mdnet.notes.scan import list_notes
from tests.conftest import write_files


def paths(vault: Path) -> list[str]:
    return [note.path for note in list_notes(vault, load_config(vault))]


def test_a_link_to_a_vault_folder_does_not_rename_its_notes(tmp_path: Path) -> None:
    """`A -> People` comes first by name: People's notes keep their paths, the ones
    editors and watch mode report."""
    vault = write_files(tmp_path / "vault", {"People/Jane.md": "", "Zed/Bob.md": ""})
    os.symlink(vault / "People", vault / "A")
    os.symlink(vault / "Zed", vault / "People/Zlink")
    assert paths(vault) == ["People/Jane.md", "Zed/Bob.md"]


def test_a_link_into_a_dot_folder_is_followed_once(tmp_path: Path) -> None:
    vault = write_files(tmp_path / "vault", {".stash/Deep/n.md": "", ".stash/m.md": ""})
    os.symlink(vault / ".stash/Deep", vault / "Visible")
    os.symlink(vault / ".stash/Deep", vault / "Again")
    os.symlink(vault / ".stash", vault / "Visible/up")  # a loop inside
    assert paths(vault) in (
        ["Again/n.md", "Again/up/m.md"],
        ["Visible/n.md", "Visible/up/m.md"],
    )


def test_a_link_does_not_bring_back_excluded_notes(tmp_path: Path) -> None:
    vault = write_files(
        tmp_path / "vault",
        {
            ".mdnet.toml": '[vault]\nexclude = ["Archive", "Old/**"]\n',
            "Archive/a.md": "",
            "Old/b.md": "",
            "Templates/mdnet/contact.md": "",
        },
    )
    os.symlink(vault / "Archive", vault / "Current")
    os.symlink(vault / "Old", vault / "Recent")
    os.symlink(vault / "Templates/mdnet", vault / "Forms")
    assert paths(vault) == []


def test_loops_of_links_end(tmp_path: Path) -> None:
    vault = write_files(tmp_path / "vault", {"a/b/n.md": ""})
    os.symlink(vault / "a", vault / "a/b/up")
    os.symlink(vault, vault / "a/root")
    os.symlink(vault / "x2", vault / "x1")
    os.symlink(vault / "x1", vault / "x2")  # a cycle of dangling links
    os.symlink("self.md", vault / "self.md")
    assert paths(vault) == ["a/b/n.md"]


def test_chains_of_links_do_not_leave_the_vault(tmp_path: Path) -> None:
    outside = write_files(tmp_path / "outside", {"secret.md": "", "dir/s.md": ""})
    vault = write_files(tmp_path / "vault", {"n.md": ""})
    os.symlink(outside, vault / "hop")  # an in-vault link to a link that leaves
    os.symlink(vault / "hop/dir", vault / "In")
    os.symlink(vault / "hop/secret.md", vault / "Secret.md")
    os.symlink("../outside/secret.md", vault / "Relative.md")
    assert paths(vault) == ["n.md"]


def test_a_vault_reached_through_a_link(tmp_path: Path) -> None:
    real = write_files(tmp_path / "real", {"People/Jane.md": ""})
    os.symlink(real, tmp_path / "link")
    os.symlink(real / "People", real / "Alias")
    assert paths(tmp_path / "link") == ["People/Jane.md"]
