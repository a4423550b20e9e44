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


def test_the_readme_snippets_name_the_hook() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use it in pre-commit", 1)[1].split("\n## ", 1)[0]
    snippets = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section, re.S)]
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    remote, local = (snippet["repos"][0]["hooks"][0] for snippet in snippets)
    assert remote["id"] == local["id"] == hook["id"]
    for key in ("entry", "types", "require_serial"):
        assert local[key] == hook[key]
