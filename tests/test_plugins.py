"""Rule plugins: a package installed beside mdnet adds rules through the entry point group
``mdnet.rules``; a real ``python -m mdnet`` runs with the example plugin of
``tests/plugins/`` installed by pip, or with a broken one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.conftest import write_files

EXAMPLE = Path(__file__).parent / "plugins" / "mdnet-example-plugin"
TAG = "[mdnet-example-plugin 0.1.0]"
NOTES = {
    "People/Ann.md": "---\ntype: contact\n---\n- 2026-11-01 call\n",
    "People/Bob.md": "---\ntype: contact\nemail: bob@example.com\ncompany: Acme\n---\n",
    "People/Cy.md": "---\ntype: contact\nmdnet-ignore: [missing-email]\n---\n",
}


def _pip_install(source: Path, target: Path) -> None:
    """``pip install --target``: without build isolation (offline) when it can build."""
    base = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target)]
    for extra in (["--no-build-isolation", "--no-index"], []):
        done = subprocess.run([*base, *extra, str(source)], capture_output=True, text=True)
        if done.returncode == 0:
            return
    pytest.fail(f"pip could not install the example plugin:\n{done.stderr[-2000:]}")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the example plugin, installed by pip (for PYTHONPATH)."""
    work = tmp_path_factory.mktemp("plugin")
    source = shutil.copytree(EXAMPLE, work / "source")  # the build writes beside it
    _pip_install(source, work / "site")
    return work / "site"


def mdnet(*args: str, path: Path | None, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MDNET_TODAY": "2026-11-26", "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    if path is not None:
        env["PYTHONPATH"] = str(path)
    return subprocess.run(
        [sys.executable, "-m", "mdnet", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def forget_the_last_answer(vault: Path) -> None:
    """Remove the answer and the report the last check keeps (in a process of its own,
    once it is out)."""
    paths = [vault / ".mdnet" / "results.pickle", vault / ".mdnet" / "printed.pickle"]
    deadline = time.monotonic() + 30
    while not all(path.exists() for path in paths) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    for path in paths:
        path.unlink(missing_ok=True)


def saved_model(vault: Path) -> int:
    """The time of the model that the last check saved (in a process of its own)."""
    path = vault / ".mdnet" / "model.pickle"
    deadline = time.monotonic() + 30
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # written atomically: there, it is whole
    return path.stat().st_mtime_ns


def lines_of(done: subprocess.CompletedProcess[str], code: str) -> list[str]:
    return [line for line in done.stdout.splitlines() if f" {code} " in line]


def test_the_plugin_rules_are_listed_with_their_package(installed: Path, tmp_path: Path) -> None:
    listing = mdnet("rules", path=installed, cwd=tmp_path).stdout.splitlines()
    assert listing[0].startswith("F001  invalid-front-matter")  # the built-ins first
    assert listing[-2].startswith("X101  missing-email            warning  a contact note")
    assert listing[-2].endswith(TAG)
    assert listing[-1].startswith("X102  no-company") and listing[-1].endswith(TAG)
    explained = mdnet("rule", "no-company", path=installed, cwd=tmp_path)
    assert explained.stdout.startswith(
        "X102 no-company [info]\nfrom the plugin mdnet-example-plugin 0.1.0\n\n"
        "X102 no-company — a contact you have been in touch with has no company.\n\n"
        "When it fires:"  # the class's docstring, dedented
    )


def test_without_the_plugin_its_rules_are_unknown(tmp_path: Path) -> None:
    assert "X101" not in mdnet("rules", path=None, cwd=tmp_path).stdout
    done = mdnet("check", "--select", "X101", path=None, cwd=tmp_path)
    assert done.returncode == 2 and "unknown rule 'X101'" in done.stderr


def test_the_plugin_findings_are_reported_and_selected(installed: Path, tmp_path: Path) -> None:
    vault = write_files(tmp_path / "vault", NOTES)
    done = mdnet("check", ".", path=installed, cwd=vault)
    assert done.returncode == 0, done.stderr
    # Cy silences missing-email by name with mdnet-ignore
    assert lines_of(done, "X101") == [
        "People/Ann.md:1:1: X101 missing-email [warning] Ann has no email address"
    ]
    assert lines_of(done, "X102") == [
        "People/Ann.md:1:1: X102 no-company [info] Ann has no company"
    ]
    only = mdnet("check", ".", "--select", "X", "--ignore", "no-company", path=installed, cwd=vault)
    assert [line.split()[1] for line in only.stdout.splitlines() if ": " in line] == ["X101"]


def test_severity_and_ignore_in_the_config_apply(installed: Path, tmp_path: Path) -> None:
    config = '[rules]\nignore = ["X102"]\nseverity = { X101 = "error" }\n'
    vault = write_files(tmp_path / "vault", {**NOTES, ".mdnet.toml": config})
    done = mdnet("check", ".", "--format", "json", path=installed, cwd=vault)
    assert done.returncode == 1  # an error now
    assert '"X102"' not in done.stdout and '"severity": "error"' in done.stdout


def test_a_warm_check_from_the_snapshot_gives_the_same(installed: Path, tmp_path: Path) -> None:
    vault = write_files(tmp_path / "vault", NOTES)
    for note in NOTES:  # not written just now: the index keeps them, the snapshot is made
        os.utime(vault / note, ns=(1_700_000_000_000_000_000,) * 2)
    without = mdnet("check", ".", path=None, cwd=vault)
    assert "X10" not in without.stdout
    first = mdnet("check", ".", path=installed, cwd=vault)  # saves the model, with X102's
    saved = saved_model(vault)
    runs = [first, *(mdnet("check", ".", path=installed, cwd=vault) for _ in range(2))]
    assert saved_model(vault) == saved  # restored, not made again
    assert len({run.stdout for run in runs}) == 1 and "X102" in runs[0].stdout
    assert mdnet("check", ".", path=None, cwd=vault).stdout == without.stdout


def plugin_by_hand(folder: Path, name: str, module: str, entry: str = "") -> Path:
    """A distribution installed by hand: its metadata, entry point and module."""
    info = folder / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    target = entry or name.replace("-", "_")
    (info / "entry_points.txt").write_text(f"[mdnet.rules]\nrule = {target}\n")
    (folder / f"{name.replace('-', '_')}.py").write_text(module)
    return folder


RULE = 'CODE = "{code}"\nNAME = "{name}"\nSEVERITY = "warning"\n"""A rule."""\n'
RULE_MODULE = (
    '"""{code} {name} — a rule."""\nCODE = "{code}"\nNAME = "{name}"\nSEVERITY = "warning"\n'
)
CHECK = "def check(vault, config, today):\n    return []\n"
BROKEN = {
    "cannot be loaded": "import not_a_module_anywhere\n",
    "R001, a built-in code": RULE_MODULE.format(code="R001", name="mine") + CHECK,
    "starts with a built-in prefix": RULE_MODULE.format(code="RX1", name="mine") + CHECK,
    "a built-in rule's name": RULE_MODULE.format(code="Y1", name="stale-contact") + CHECK,
    "has no check": RULE_MODULE.format(code="Y1", name="mine"),
    "SEVERITY must be one of": RULE_MODULE.format(code="Y1", name="mine").replace(
        '"warning"', '"loud"'
    )
    + CHECK,
    "has no docstring": RULE.format(code="Y1", name="mine").replace('"""A rule."""\n', "") + CHECK,
}


@pytest.mark.parametrize("problem", list(BROKEN))
def test_a_broken_plugin_is_one_clear_error(problem: str, tmp_path: Path) -> None:
    site = plugin_by_hand(tmp_path / "site", "mdnet-broken", BROKEN[problem])
    for args in (["rules"], ["check", "."]):
        done = mdnet(*args, path=site, cwd=tmp_path)
        assert done.returncode == 2
        assert done.stderr.startswith("mdnet: error: the plugin mdnet-broken ")
        assert problem in done.stderr and len(done.stderr.splitlines()) == 1


def test_two_plugins_with_one_code_name_both(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("mdnet-first", "mdnet-second"):
        plugin_by_hand(site, name, RULE_MODULE.format(code="Y1", name=name) + CHECK)
    done = mdnet("rules", path=site, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "mdnet: error: the plugin mdnet-second declares rule Y1, taken by mdnet-first\n"
    )


def test_a_plugin_that_fails_while_checking_names_its_package(tmp_path: Path) -> None:
    failing = RULE_MODULE.format(code="Y1", name="mine") + (
        "def check(vault, config, today):\n    raise KeyError('oops')\n"
    )
    site = plugin_by_hand(tmp_path / "site", "mdnet-failing", failing)
    done = mdnet("check", ".", path=site, cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr == (
        "mdnet: error: rule Y1 of the plugin mdnet-failing failed: KeyError: 'oops'\n"
    )


ABOUT = RULE_MODULE.format(code="Y1", name="says-hello") + (
    "from mdnet.rules.finding import Hit\n"
    "def about(contact, config, today):\n"
    "    return [Hit(contact.note.path, 1, 'hello')]\n"
    "def check(vault, config, today):\n"
    "    return [h for c in vault.contacts.values() for h in about(c, config, today)]\n"
)


def test_upgrading_a_plugin_makes_the_snapshot_stale(tmp_path: Path) -> None:
    site = plugin_by_hand(tmp_path / "site", "mdnet-hello", ABOUT)
    vault = write_files(tmp_path / "vault", {"People/Ann.md": NOTES["People/Ann.md"]})
    os.utime(vault / "People/Ann.md", ns=(1_700_000_000_000_000_000,) * 2)
    for run in range(3):  # parsed, then the model saved with Y1's finding, then restored
        assert "Y1 says-hello [warning] hello" in mdnet("check", ".", path=site, cwd=vault).stdout
        forget_the_last_answer(vault)  # else the next check gives it again, with no model
        if run == 1:
            saved_model(vault)
    module = site / "mdnet_hello.py"
    module.write_text(module.read_text().replace("'hello'", "'hello again'"))
    assert "hello again" in mdnet("check", ".", path=site, cwd=vault).stdout


LOADED = """
import sys
from mdnet.cli import main
try:
    main(["check", sys.argv[1], "-q"])
except SystemExit:
    pass
print("importlib.metadata" in sys.modules, file=sys.stderr)
"""


def test_without_plugins_entry_points_are_not_looked_up(installed: Path, tmp_path: Path) -> None:
    """importlib.metadata costs a check some 30 ms: only a plugin's presence loads it."""
    vault = write_files(tmp_path / "vault", NOTES)
    env = {**os.environ}
    env.pop("PYTHONPATH", None)
    plain = [sys.executable, "-c", LOADED, str(vault)]
    assert subprocess.run(plain, capture_output=True, text=True, env=env).stderr == "False\n"
    env["PYTHONPATH"] = str(installed)
    assert subprocess.run(plain, capture_output=True, text=True, env=env).stderr == "True\n"


def test_the_plugins_are_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from mdnet.rules import all_rules, plugins

    calls: list[int] = []

    def load_plugins(builtin: Iterable[object]) -> list[plugins.PluginRule]:
        calls.append(1)
        return []

    monkeypatch.setattr(plugins, "load_plugins", load_plugins)
    all_rules.cache_clear()
    try:
        assert all_rules() is all_rules() and len(calls) == 1
    finally:
        all_rules.cache_clear()
