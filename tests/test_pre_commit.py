"""The pre-commit hook, run by the real pre-commit against temporary git repositories.

pre-commit builds its own virtual environment and installs mdnet into it from a copy of
this source tree (non-editable, as a user's pre-commit would), so these tests also show
that ``pip install .`` works. Skipped when pre-commit is not installed (it is in the
``test`` extra).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Files, write_files

pytestmark = pytest.mark.skipif(shutil.which("pre-commit") is None, reason="needs pre-commit")

SOURCE = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "mdnet", "templates")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
BROKEN = "---\ntype: contact\nmet: [2026-01-01\n---\n"  # F001: an error
STALE = "---\ntype: contact\nlast_contact: 2024-01-01\n---\n- 2024-02-01 call\n"  # warnings

Run = Callable[..., subprocess.CompletedProcess[str]]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=_env())


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "MDNET_"))}
    return {**env, **GIT_ENV, "NO_COLOR": "1", **extra}


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding this source tree as it is now, committed."""
    repo = tmp_path_factory.mktemp("mdnet-repo")
    for name in PROJECT_FILES:
        source = SOURCE / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "mdnet")
    return repo


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PRE_COMMIT_HOME: one hook environment for the whole module."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def pre_commit(home: Path) -> Run:
    """Run a command (pre-commit by default) in a repository, with that environment."""

    def run(cwd: Path, *args: str, program: str = "pre-commit") -> subprocess.CompletedProcess[str]:
        env = _env(PRE_COMMIT_HOME=str(home))
        return subprocess.run([program, *args], cwd=cwd, capture_output=True, text=True, env=env)

    return run


def make_repo(root: Path, files: Files) -> Path:
    write_files(root, files)
    git(root, "init", "-q")
    git(root, "add", "-A")
    return root


def try_repo(run: Run, hook_repo: Path, repo: Path, *files: str) -> tuple[int, str]:
    selection = ["--files", *files] if files else ["--all-files"]
    result = run(repo, "try-repo", str(hook_repo), "mdnet-check", *selection, "--verbose")
    return result.returncode, result.stdout + result.stderr


def test_errors_fail_and_warnings_pass_in_a_vault_at_the_root(
    pre_commit: Run, hook_repo: Path, tmp_path: Path
) -> None:
    notes = {".mdnet.toml": "", "People/Jane.md": STALE, "People/Bob.md": BROKEN}
    repo = make_repo(tmp_path / "vault", notes)
    code, out = try_repo(pre_commit, hook_repo, repo)
    assert code == 1, out
    assert "People/Bob.md:3:1: F001 invalid-front-matter [error]" in out
    code, out = try_repo(pre_commit, hook_repo, repo, "People/Jane.md")
    assert code == 0, out  # only Jane's findings: warnings, which do not fail
    assert "People/Jane.md:3:1: F008" in out and "R001 stale-contact [warning]" in out
    assert "Bob.md" not in out


def test_a_vault_in_a_subfolder_and_files_outside_it(
    pre_commit: Run, hook_repo: Path, tmp_path: Path
) -> None:
    notes = {
        "CHANGELOG.md": "---\n: not front matter of a note\n---\n",  # outside the vault
        "Notes/.mdnet.toml": "[budget]\nmax_circles = 1\n",
        "Notes/People/Jane Doe.md": STALE,
        "Notes/Daily/2026-01-05.md": "Lunch with [[Jane Doe]]\n",
    }
    repo = make_repo(tmp_path / "repo", notes)
    code, out = try_repo(pre_commit, hook_repo, repo)
    assert code == 0, out
    assert "Notes/People/Jane Doe.md:3:1: F008" in out and "CHANGELOG.md" not in out
    write_files(repo, {"Notes/Circles/Club.md": BROKEN})
    git(repo, "add", "-A")
    code, out = try_repo(pre_commit, hook_repo, repo)
    assert code == 1 and "Notes/Circles/Club.md:3:1: F001" in out, out


def test_a_commit_with_the_hook_installed(pre_commit: Run, hook_repo: Path, tmp_path: Path) -> None:
    rev = pre_commit(hook_repo, "rev-parse", "HEAD", program="git").stdout.strip()
    config = f"repos:\n- repo: {hook_repo}\n  rev: {rev}\n  hooks:\n  - id: mdnet-check\n"
    repo = make_repo(tmp_path / "vault", {".mdnet.toml": "", ".pre-commit-config.yaml": config})
    assert pre_commit(repo, "install").returncode == 0
    write_files(repo, {"People/Bob.md": BROKEN})
    git(repo, "add", "-A")
    commit = pre_commit(repo, "commit", "-m", "Bob", program="git")
    output = commit.stdout + commit.stderr
    assert commit.returncode == 1 and "People/Bob.md:3:1: F001" in output, output
    write_files(repo, {"People/Bob.md": STALE})
    git(repo, "add", "-A")
    commit = pre_commit(repo, "commit", "-m", "Bob", program="git")
    output = commit.stdout + commit.stderr
    assert commit.returncode == 0 and "mdnet check" in output and "Passed" in output, output
