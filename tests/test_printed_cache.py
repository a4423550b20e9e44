"""The last report ``mdnet check`` printed (.mdnet/printed.pickle): printed again, byte for
byte and with the same exit status, when the same check runs again on the same notes;
never when a note, an option, the folder or the language changed."""

from __future__ import annotations

import datetime as dt
import importlib
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mdnet import pipeline
from mdnet.cache import kept, printed
from mdnet.cache.folder import STATE_FOLDER
from mdnet.cli import main
from mdnet.cli.targets import targets
from mdnet.notes.files import write_atomic
from mdnet.report import formats
from mdnet.report.printing import Printing
from tests.conftest import WriteVault
from tests.test_index import age, write

checking = importlib.import_module("mdnet.cli.checking")  # the module, not the command

NOTES = {
    "People/Ann.md": "---\ntype: contact\ntier: close\n---\n- 2026-03-01 coffee #got an intro\n",
    "Daily/2026-10-05.md": "- 2026-10-05 lunch with [[Nobody]]\n",
    "Circles/Club.md": "---\ntype: circle\nstatus: active\n---\n",
}


def check(root: Path, *options: str) -> Result:
    return CliRunner().invoke(main, ["check", str(root), "--today", "2026-11-26", *options])


def not_again(*arguments: object, **keywords: object) -> None:
    raise AssertionError("the check was made again: the last report was not printed again")


@pytest.fixture
def vault(make_vault: WriteVault) -> Path:
    root = make_vault(NOTES)
    age(root)
    return root


@pytest.mark.parametrize(
    "options", [(), ("--format", "json"), ("--format", "github"), ("--statistics",), ("-q",)]
)
def test_the_same_check_prints_the_same_bytes_without_checking_again(
    vault: Path, monkeypatch: pytest.MonkeyPatch, options: tuple[str, ...]
) -> None:
    first = check(vault, *options)
    assert (vault / STATE_FOLDER / "printed.pickle").is_file()
    monkeypatch.setattr(pipeline, "check_answer", not_again)
    again = check(vault, *options)
    assert again.stdout == first.stdout and again.stdout
    assert again.exit_code == first.exit_code


def test_the_exit_status_follows_the_options_as_a_check_would(vault: Path) -> None:
    write(vault, "People/Bad.md", "---\ntype: contact\nlast_contact: soon\n---\n", days_ago=1)
    assert check(vault).exit_code == 1  # F002: an error
    assert check(vault).exit_code == 1  # printed again: the same status
    assert check(vault, "--exit-zero").exit_code == 0
    write(vault, "People/Bad.md", "---\ntype: contact\n---\n", days_ago=1)
    assert check(vault).exit_code == 0  # warnings only
    assert check(vault).exit_code == 0
    assert check(vault, "--strict").exit_code == 1


def test_a_changed_note_an_option_or_the_folder_prints_anew(
    vault: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = check(vault).stdout
    write(vault, "Daily/2026-10-05.md", "- 2026-10-05 lunch with [[Ann]]\n", days_ago=1)
    changed = check(vault).stdout
    assert "F005" in first and "F005" not in changed
    assert check(vault, "--select", "R").stdout != changed  # other rules
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # paths are shown from where mdnet runs
    assert f"../{vault.name}/People/Ann.md" in check(vault).stdout


def test_another_language_prints_anew(vault: Path) -> None:
    english = check(vault).stdout
    french = CliRunner().invoke(
        main, ["check", str(vault), "--today", "2026-11-26"], env={"LC_ALL": "fr_FR.UTF-8"}
    )
    assert french.stdout != english
    assert check(vault).stdout == english


def test_a_damaged_report_is_no_report(vault: Path) -> None:
    first = check(vault).stdout
    write_atomic(vault / STATE_FOLDER / "printed.pickle", b"\x80\x05garbage")
    assert check(vault).stdout == first


def test_a_note_written_just_now_is_not_trusted(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(vault, "People/Ann.md", NOTES["People/Ann.md"] + "- 2026-11-20 call\n")  # now
    check(vault)
    assert not (vault / STATE_FOLDER / "printed.pickle").exists()


def test_a_closed_pipe_on_a_report_printed_again_ends_quietly(vault: Path) -> None:
    for number in range(1500):  # far more output than a pipe buffers
        (vault / f"Daily {number}.md").write_text(f"- 2026-10-01 lunch [[Nobody {number}]]\n")
    age(vault)
    command = [sys.executable, "-m", "mdnet", "check", str(vault), "--today", "2026-11-26"]
    subprocess.run(command, capture_output=True, check=False)
    for _ in range(200):  # written by a process of its own once the report is out
        if (vault / STATE_FOLDER / "printed.pickle").exists():
            break
        time.sleep(0.05)
    kept = (vault / STATE_FOLDER / "printed.pickle").stat().st_mtime_ns
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert b"missing-purpose" in process.stdout.readline()
    process.stdout.close()  # as `head -1` does
    assert process.stderr.read().decode() == ""
    assert process.wait(timeout=60) == 1
    assert (vault / STATE_FOLDER / "printed.pickle").stat().st_mtime_ns == kept  # printed again


def test_a_report_printed_again_leaves_a_snapshot_for_the_next_change(vault: Path) -> None:
    check(vault)  # from scratch: no snapshot, to stay as quick as it can be
    assert not (vault / STATE_FOLDER / "model.pickle").exists()
    again = check(vault)
    assert again.stdout and (vault / STATE_FOLDER / "model.pickle").is_file()


@pytest.mark.parametrize("options", [(), ("--format", "github")])
def test_the_report_is_printed_and_kept_in_pieces(
    vault: Path, monkeypatch: pytest.MonkeyPatch, options: tuple[str, ...]
) -> None:
    """Written as it is made, a thousand findings at a time, and kept so: at 100,000
    notes the report's 27 MB of text were held whole, and twice that while made (the
    peak of a check and of what it leaves behind). Printed again, the same bytes."""
    monkeypatch.setattr(formats, "LINES_AT_ONCE", 1)
    command = importlib.import_module("mdnet.cli.check")
    written: list[str] = []
    write = command._write

    def kept_and_written(text: str) -> None:
        written.append(text)
        write(text)

    monkeypatch.setattr(command, "_write", kept_and_written)
    first = check(vault, *options)
    findings = first.stdout.count("\n") - (not options)  # not the closing line
    assert findings >= 3 and len(written) == findings + (not options)
    assert "".join(written) == first.stdout
    pieces, _, _ = kept.read(vault, printed.NAME, pickle_key(vault))
    assert pieces == written
    monkeypatch.setattr(pipeline, "check_answer", not_again)
    assert check(vault, *options).stdout == first.stdout


def pickle_key(root: Path) -> object:
    """The key the last report was kept under (the first of the file's two pickles)."""
    with open(root / STATE_FOLDER / printed.NAME, "rb") as source:
        return pickle.load(source)


def test_the_report_printed_again_is_handed_out_and_not_kept(vault: Path) -> None:
    """The last report, printed again, is not kept by the check: the process the work
    left behind runs in (the model's snapshot) held its 27 MB all along at 100,000 notes."""
    first = check(vault)
    run = checking.Run(None, dt.date(2026, 11, 26), (), (), fix=False, served=False)
    printing = Printing("text", statistics=False, quiet=False, color=False, cwd=str(Path.cwd()))
    again = run.reprint(targets((vault,), None, Path.cwd())[0], printing)
    assert again is not None and again.text == first.stdout
    assert run.last is not None and again not in vars(run.last).values()
