"""Shared fixtures: tiny vaults written to real files, checked through the real pipeline."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

import pytest

from mdnet import language
from mdnet.config import load_config
from mdnet.model.vault import Vault
from mdnet.pipeline import load_vault
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection, run_rules

TODAY = dt.date(2026, 11, 26)

Files = Mapping[str, str | bytes]  # {vault-relative path: text (dedented) or bytes}
WriteVault = Callable[[Files], Path]
LoadVault = Callable[[Files], Vault]


class Lint(Protocol):
    """The ``lint`` fixture: the findings of a vault written from ``files``."""

    def __call__(
        self, files: Files, select: str = "ALL", today: dt.date = TODAY
    ) -> list[Finding]: ...


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English, whatever the machine's locale, and leaves English
    behind: the language in use is the process's (SPEC §12)."""
    for name in language.choice.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    language.use("en")
    yield
    language.use("en")


@pytest.fixture
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path``, made the current folder, without the variables that change what a
    command prints (GitHub's format, a fixed day, no colour)."""
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "MDNET_TODAY", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def write_files(root: Path, files: Files) -> Path:
    """Write ``{vault-relative path: text}`` under ``root``; text is dedented."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def make_vault(tmp_path: Path) -> WriteVault:
    """Write a vault from ``{path: text}`` and return its folder."""

    def make(files: Files) -> Path:
        return write_files(tmp_path / "vault", files)

    return make


@pytest.fixture
def load(make_vault: WriteVault) -> LoadVault:
    """The model of a vault written from ``{path: text}``."""

    def load_files(files: Files) -> Vault:
        root = make_vault(files)
        return load_vault(root, load_config(root))

    return load_files


@pytest.fixture
def lint(make_vault: WriteVault) -> Lint:
    """Findings of a vault written from ``{path: text}``.

    ``select`` picks rules (default: all); ``today`` defaults to 2026-11-26.
    A ``.mdnet.toml`` entry in the files is the vault's config.
    """

    def run(files: Files, select: str = "ALL", today: dt.date = TODAY) -> list[Finding]:
        root = make_vault(files)
        config = load_config(root)
        vault = load_vault(root, config)
        return run_rules(vault, config, today, Selection((select,)))

    return run


def codes(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings]


def where(findings: list[Finding]) -> list[tuple[str, str, int]]:
    """(code, path, line) of each finding, for precise assertions."""
    return [(finding.code, finding.path, finding.line) for finding in findings]
