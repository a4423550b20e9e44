"""The pre-commit hook definition, and the README's snippets that use it, agree."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_the_hook_runs_mdnet_check_on_markdown_serially() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "mdnet-check" and hook["entry"] == "mdnet check"
    assert hook["language"] == "python" and hook["types"] == ["markdown"]
    assert hook["require_serial"] is True


def test_the_readme_snippet_works_as_pasted_and_names_the_hook() -> None:
    """A `repo: local` hook: no placeholder to fill in (`OWNER`), no tag to guess."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use it in pre-commit", 1)[1].split("\n## ", 1)[0]
    (snippet,) = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.S)]
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (repo,) = snippet["repos"]
    assert repo["repo"] == "local" and "OWNER" not in readme
    (local,) = repo["hooks"]
    assert local["language"] == "system"  # mdnet as installed
    for key in ("id", "name", "entry", "types", "require_serial"):
        assert local[key] == hook[key]
