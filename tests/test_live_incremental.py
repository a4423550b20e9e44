"""The live vault (what watch and the editor hold) after any series of changes on disk —
edits, creations, deletions, renames, folders moved in and out, the config edited — or in
an editor, gives the findings and the summary of a check from scratch."""

from __future__ import annotations

import shutil
import tempfile
import textwrap
from collections.abc import Iterable
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mdnet.cache.folder import snapshot_saved
from mdnet.config import load_config
from mdnet.live.vault import LiveVault
from mdnet.notes.parse import parse_all
from mdnet.pipeline import check_vault
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection
from mdnet.summary import render
from tests.conftest import TODAY
from tests.test_incremental import PATHS, RENAMES, VERSIONS, one_object_for_each_entry
from tests.test_index import age
from tests.test_snapshot import check

CONFIG_TEXT = '[thresholds]\nmax_unanswered = 2\n[confidential]\nterms = ["Falcon"]\n'
# the config edited: what the rules and the summary read only (the model stands), which
# notes are in the vault, what a tag means and the tiers notes may name (made anew)
CONFIGS = [
    CONFIG_TEXT,
    '[thresholds]\nmax_unanswered = 1\n[confidential]\nterms = ["deck"]\n[summary]\nreach_out = 1\n',
    '[cadence]\nclose = "10d"\nregular = "20d"\n[rules]\nignore = ["F005", "R002"]\n',
    '[rules.severity]\nR001 = "error"\n[budget]\nmax_circles = 0\n',
    '[vault]\nexclude = ["Daily/**", "Projects/**"]\n',
    '[markers]\ngave = ["attended"]\n',
    '[cadence]\nclose = "365d"\nmentor = "45d"\n',
]

actions = st.lists(
    st.one_of(
        st.tuples(
            st.just("write"),
            st.sampled_from(PATHS),
            st.integers(min_value=0, max_value=5),
        ),
        st.tuples(
            st.just("rename"),
            st.sampled_from(sorted(RENAMES)),
            st.integers(min_value=0, max_value=2),
        ),
        st.tuples(st.just("folder out"), st.sampled_from(["People", "Daily"]), st.just(0)),
        st.tuples(st.just("unsaved"), st.sampled_from(PATHS), st.integers(0, 5)),
        st.tuples(st.just("close"), st.sampled_from(PATHS), st.just(0)),
        st.tuples(st.just("config"), st.just(".mdnet.toml"), st.integers(0, len(CONFIGS) - 1)),
        # an update that failed (watch and lsp reset the model), then the config edited
        st.tuples(st.just("reset"), st.just(".mdnet.toml"), st.integers(0, len(CONFIGS) - 1)),
    ),
    min_size=1,
    max_size=8,
)


def text_of(path: str, index: int) -> str | None:
    versions = VERSIONS[path]
    text = versions[index % len(versions)]
    return None if text is None else textwrap.dedent(text).lstrip("\n")


def from_scratch(root: Path, live: LiveVault) -> tuple[object, ...]:
    """What a check from scratch finds, with the editor's unsaved texts saved first."""
    copy = Path(tempfile.mkdtemp()) / "vault"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".mdnet"))
    for path, text in live.unsaved.items():
        (copy / path).parent.mkdir(parents=True, exist_ok=True)
        (copy / path).write_text(text)
    config = load_config(copy)
    vault, findings = check_vault(copy, config, TODAY, Selection.from_config(config), parse_all)
    shutil.rmtree(copy.parent)
    return _seen(findings), render(vault, config, TODAY, findings)


def _seen(findings: Iterable[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.path, f.line, f.message) for f in findings]


@settings(max_examples=60, deadline=None)
@given(actions)
@example(  # a folder moved out, back in as a new one, and out again
    [("folder out", "People", 0), ("write", "People/Ann.md", 0), ("folder out", "People", 0)]
)
@example(  # notes excluded, an edit to one of them, then back in; rules read another config
    [
        ("config", ".mdnet.toml", 4),
        ("write", "Daily/2026-11-20.md", 1),
        ("config", ".mdnet.toml", 1),
    ]
)
@example(  # a note only in an editor, in a folder the config leaves out, then takes back
    [
        ("folder out", "Daily", 0),
        ("unsaved", "Daily/2026-11-20.md", 0),
        ("config", ".mdnet.toml", 4),
        ("config", ".mdnet.toml", 0),
    ]
)
def test_any_changes_on_disk_or_in_an_editor_agree_with_a_check_from_scratch(
    steps: list[tuple[str, str, int]],
) -> None:
    root = first_versions()
    try:
        live = LiveVault(root, load_config(root), TODAY)
        live.load()
        take_in(root, live, steps)
    finally:
        shutil.rmtree(root.parent)


def first_versions() -> Path:
    """A vault (in a folder of its own) of the first version of every note."""
    root = Path(tempfile.mkdtemp()) / "vault"
    root.mkdir()
    (root / ".mdnet.toml").write_text(CONFIG_TEXT)
    for path in PATHS:
        text = text_of(path, 0)
        if text is not None:
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text)
    return root


def take_in(root: Path, live: LiveVault, steps: list[tuple[str, str, int]]) -> None:
    """Do each step, ``live`` told of it, each time comparing it with a check from scratch."""
    for action, path, index in steps:
        changed = _act(root, live, action, path, index)
        if changed:
            live.apply(changed)
        assert (_seen(live.findings), live.summary()) == from_scratch(root, live)
        assert one_object_for_each_entry(live.builder)


on_disk = st.lists(
    st.one_of(
        st.tuples(st.just("write"), st.sampled_from(PATHS), st.integers(min_value=0, max_value=5)),
        st.tuples(st.just("rename"), st.sampled_from(sorted(RENAMES)), st.integers(0, 2)),
    ),
    max_size=4,
)


@settings(max_examples=40, deadline=None)
@given(on_disk, actions)
@example([], [])  # nothing changed since the check: no note read, from the index or disk
def test_a_live_vault_started_from_the_last_checks_model_agrees_with_a_check_from_scratch(
    since: list[tuple[str, str, int]], steps: list[tuple[str, str, int]]
) -> None:
    """``mdnet watch`` and ``mdnet lsp`` start from the model the last check left (its
    snapshot), brought up to date with what changed on disk since; the notes that did
    not change are read neither from the index nor from disk. Then any changes agree
    with a check from scratch, as for a live vault built from every note."""
    root = first_versions()
    try:
        age(root)  # written long before the checks (else read again, never trusted)
        check(root)
        check(root)  # the second check saves the model (the first, cold, does not)
        assert snapshot_saved(root)
        live = LiveVault(root, load_config(root), TODAY)
        changed = set().union(*(_act(root, live, *step) for step in since))
        live.load()
        assert not live.parser.rows_read  # not every note from the index
        assert set(live.parser.parsed) <= changed  # (and a note written that instant)
        assert (_seen(live.findings), live.summary()) == from_scratch(root, live)
        take_in(root, live, steps)
    finally:
        shutil.rmtree(root.parent)


def _act(root: Path, live: LiveVault, action: str, path: str, index: int) -> set[str]:
    """Do ``action``; the paths a watcher would be told of (none for an editor's)."""
    file = root / path
    if action == "write":
        text = text_of(path, index)
        if text is None:
            file.unlink(missing_ok=True)
        else:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text)
        return {path}
    if action == "rename":
        target = RENAMES[path][index % len(RENAMES[path])]
        if not file.exists() or (root / target).exists() or target in live.unsaved:
            return set()
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        file.rename(root / target)
        return {path, target}
    if action == "folder out":
        if (root / path).exists() and not any(p.startswith(path) for p in live.unsaved):
            outside = root.parent / f"out-{path}"
            shutil.rmtree(outside, ignore_errors=True)  # moved out before: out again
            shutil.move(root / path, outside)
            return {path}
        return set()
    if action in ("config", "reset"):
        if action == "reset":
            live.reset()
        file.write_text(CONFIGS[index])
        return {path}
    if action == "unsaved":
        text = text_of(path, index)
        if text is not None:
            live.edit(path, text)
        return set()
    if path in live.unsaved:  # closed without saving
        live.edit(path, None)
    return set()
