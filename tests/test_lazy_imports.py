"""A warm check (nothing changed) loads no parser, watcher or importer library, no
sockets and nothing to write files with; a check that prints its last report again
loads none of mdnet's parser, index, model builder, pipeline or fixes either."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("markdown_it", "yaml", "frontmatter", "watchdog", "vobject", "multiprocessing")
# what a check needs only when a server is up, when it writes a file, or when the vault
# has a config file (this one has none)
WARM_UNUSED = ("socket", "tempfile", "tomllib")
# what a check that prints its last report again does not use: mdnet's reader, the index
# (SQLite), the model's builder and snapshot, the pipeline, the fixes
REPRINT_UNUSED = (
    "sqlite3",
    "mdnet.notes.parse",
    "mdnet.notes.markdown",
    "mdnet.notes.fields",
    "mdnet.cache.parser",
    "mdnet.cache.index",
    "mdnet.cache.snapshot",
    "mdnet.model.builder",
    "mdnet.pipeline",
    "mdnet.edits.fix",
)
SCRIPT = """
import sys
from mdnet.cli import main
try:
    main(["check", sys.argv[1], "--today", "2026-11-26", "-q"])
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)))
"""


def _loaded(vault: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(vault)], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def _top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_a_warm_check_imports_neither_yaml_nor_markdown_it(tmp_path: Path) -> None:
    notes = {
        "People/Ann.md": "---\ntype: contact\ncadence: 4w\n---\n- 2026-01-02 call #gave\n",
        "Daily/2026-03-04.md": "Met\t[[Ann]]\n",  # a tab: markdown-it reads it
    }
    for path, text in notes.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
        os.utime(tmp_path / path, ns=(1_700_000_000_000_000_000,) * 2)  # not a racy mtime
    cold = _loaded(tmp_path)
    assert {"yaml", "markdown_it"} <= _top_level(cold)  # parsing needs them
    assert set(REPRINT_UNUSED) <= cold
    assert not set(HEAVY) & _top_level(_loaded(tmp_path))  # which writes the snapshot
    warm = _loaded(tmp_path)  # the last report, printed again
    assert not {*HEAVY, *WARM_UNUSED} & _top_level(warm)
    assert not set(REPRINT_UNUSED) & warm


HELP_SCRIPT = """
import sys
from mdnet.cli import main
try:
    main(["--help"])
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)))
"""


def test_help_lists_every_command_without_importing_them() -> None:
    done = subprocess.run(
        [sys.executable, "-c", HELP_SCRIPT], capture_output=True, text=True, check=True
    )
    from mdnet.cli import LAZY_COMMANDS

    assert all(f"  {name} " in done.stdout for name in LAZY_COMMANDS)
    loaded = set(done.stdout.split())
    assert not {module for module, _, _ in LAZY_COMMANDS.values()} & loaded
    assert not set(HEAVY) & {name.split(".")[0] for name in loaded}


def test_the_short_help_kept_for_help_is_each_command_s_own() -> None:
    import click

    from mdnet.cli import LAZY_COMMANDS, main

    context = click.Context(main)
    for name, (_, _, short) in LAZY_COMMANDS.items():
        command = main.get_command(context, name)
        assert command is not None
        assert command.get_short_help_str(1000) == short
