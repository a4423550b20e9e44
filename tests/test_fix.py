"""`mdnet check --fix`: only the fixed value changes, byte for byte; the rest stays."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdnet.cli import main
from mdnet.config import Config
from mdnet.edits.fix import CannotFix, apply_fixes, fix_text
from mdnet.pipeline import load_vault
from mdnet.rules.finding import Fix
from mdnet.rules.runner import Selection, run_rules
from tests.conftest import TODAY, write_files

LOG = b"# Jane\r\n\r\n- 2026-03-01 call: about the move #gave\r\n- 2026-10-02 coffee\r\n"


def contact(last_contact: bytes, *, bom: bool = False, newline: bytes = b"\r\n") -> bytes:
    """A contact note whose front matter is full of things a YAML dump would change."""
    front = [
        b"---",
        b"type:   contact   # spacing kept",
        b"aliases: [Janie, 'J. D.']",
        b"last_contact: " + last_contact,
        b"tier: close",
        b'company: "Acme \\u00e9"  # escapes kept',
        b"zeta: 1",
        b"alpha: 2",
        b"---",
    ]
    text = newline.join(front) + newline + LOG.replace(b"\r\n", newline)
    return (b"\xef\xbb\xbf" if bom else b"") + text


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args, "--today", TODAY.isoformat()])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        (b"2026-01-05", b"2026-10-02"),
        (b'"2026-01-05"  # double quotes kept', b'"2026-10-02"  # double quotes kept'),
        (b"'2026-01-05' # single quotes kept", b"'2026-10-02' # single quotes kept"),
        (b"2026-01-05 09:30\t", b"2026-10-02\t"),
    ],
)
@pytest.mark.parametrize("newline", [b"\r\n", b"\n"])
@pytest.mark.parametrize("bom", [False, True])
def test_only_the_value_changes_byte_for_byte(
    here: Path, written: bytes, fixed: bytes, newline: bytes, bom: bool
) -> None:
    note = write_files(here / "vault", {".mdnet.toml": "", "People/Jane.md": b""})
    path = note / "People/Jane.md"
    path.write_bytes(contact(written, bom=bom, newline=newline))
    code, out, err = run("check", "vault", "--select", "F008", "--fix")
    assert path.read_bytes() == contact(fixed, bom=bom, newline=newline)
    assert code == 0 and "F008" not in out  # fixed findings are no longer shown
    assert out.endswith("No findings in 1 note.\n")
    assert err == "Fixed 1 finding (F008) in 1 note.\n"


def test_fix_reports_and_only_touches_the_files_given(here: Path) -> None:
    notes = {
        ".mdnet.toml": "",
        "People/Ann.md": "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call\n",
        "People/Bob.md": "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-03-01 call\n",
        "People/Cy.md": "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-04-01 call\n",
    }
    vault = write_files(here / "vault", notes)
    before = {name: (vault / name).read_bytes() for name in notes}
    code, out, err = run("check", "vault/People/Ann.md", "vault/People/Bob.md", "--fix")
    assert code == 0 and err == "Fixed 2 findings (F008) in 2 notes.\n"
    assert "last_contact: 2026-02-01\n" in (vault / "People/Ann.md").read_text()
    assert "last_contact: 2026-03-01\n" in (vault / "People/Bob.md").read_text()
    assert (vault / "People/Cy.md").read_bytes() == before["People/Cy.md"]
    assert "F008" not in out
    code, out, err = run("check", "vault", "--select", "F008")
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["vault/People/Cy.md"]
    assert code == 0 and err == ""  # without --fix, nothing is written nor said about fixing


def test_fix_with_json_keeps_stdout_clean(here: Path) -> None:
    notes = {"People/Ann.md": "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 x\n"}
    write_files(here / "vault", notes)
    code, out, err = run("check", "vault", "--format", "json", "--fix")
    assert code == 0 and out.startswith("{") and '"F008"' not in out
    assert err.startswith("Fixed 1 finding")


def test_a_value_not_on_one_line_is_left_alone_and_still_reported(here: Path) -> None:
    text = "---\ntype: contact\nlast_contact: >-\n  2026-01-01\n---\n- 2026-02-01 call\n"
    vault = write_files(here / "vault", {"People/Ann.md": text})
    code, out, err = run("check", "vault", "--select", "F008", "--fix")
    assert (vault / "People/Ann.md").read_text() == text
    assert code == 0 and "F008" in out
    assert "cannot fix People/Ann.md:3: line 3 does not hold `last_contact: <value>`" in err
    assert err.endswith("Nothing to fix.\n")


def test_flow_style_front_matter_is_not_rewritten() -> None:
    text = "---\n{type: contact, last_contact: 2026-01-01}\n---\n"
    with pytest.raises(CannotFix):
        fix_text(text, [Fix("a.md", 2, "last_contact", "2026-02-01")])


def test_a_fix_must_read_back_as_its_value_and_leave_the_rest() -> None:
    text = "---\nname: Ann\nsource: card\n---\n"
    assert fix_text(text, [Fix("a.md", 3, "source", "event")]) == text.replace("card", "event")
    with pytest.raises(CannotFix, match="would not read as"):
        fix_text(text, [Fix("a.md", 3, "source", "a: b")])  # would need quotes
    with pytest.raises(CannotFix, match="does not hold"):
        fix_text(text, [Fix("a.md", 2, "source", "event")])  # the line holds another key
    with pytest.raises(CannotFix, match="no line 9"):
        fix_text(text, [Fix("a.md", 9, "source", "event")])
    quoted = "---\nname: 'Ann'\nnote: \"x\"\n---\n"
    fixed = fix_text(quoted, [Fix("a.md", 2, "name", "O'Hara"), Fix("a.md", 3, "note", 'a"b')])
    assert fixed == "---\nname: 'O''Hara'\nnote: \"a\\\"b\"\n---\n"


def test_a_note_changed_since_the_check_is_left_alone(tmp_path: Path) -> None:
    text = "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call\n"
    vault = write_files(tmp_path, {"People/Ann.md": text})
    config = Config()
    findings = run_rules(load_vault(vault, config), config, TODAY, Selection(("F008",)))
    (vault / "People/Ann.md").write_text("---\ntype: contact\n---\n- 2026-02-01 call\n")
    report = apply_fixes(vault, findings, config)
    assert report.fixed == [] and report.notes == [] and len(report.failed) == 1
    assert (vault / "People/Ann.md").read_text() == "---\ntype: contact\n---\n- 2026-02-01 call\n"


def test_fix_reads_the_vault_once_and_only_the_fixed_notes_again(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mdnet.pipeline
    from mdnet.cache.parser import CachedParser
    from mdnet.notes.note import Note
    from mdnet.notes.scan import NoteFile, list_notes

    notes = {
        "People/Ann.md": "---\ntype: contact\nlast_contact: 2026-01-01\n---\n- 2026-02-01 call\n",
        "People/Bob.md": "---\ntype: contact\n---\n- 2026-03-01 call\n",
        "Daily/2026-02-01.md": "- 2026-02-01 lunch [[Ann]]\n",
    }
    write_files(here / "vault", notes)
    listed: list[int] = []
    reparsed: list[list[str]] = []
    real_list, real_refresh = list_notes, CachedParser.refresh  # what the pipeline calls

    def counted_list(vault: Path, config: Config, under: str = "") -> list[NoteFile]:
        listed.append(1)
        return real_list(vault, config, under)

    def counted_refresh(
        self: CachedParser, vault: Path, files: list[NoteFile], gone: Iterable[str], config: Config
    ) -> list[Note]:
        reparsed.append([file.path for file in files])
        return real_refresh(self, vault, files, gone, config)

    monkeypatch.setattr(mdnet.pipeline, "list_notes", counted_list)
    monkeypatch.setattr(CachedParser, "refresh", counted_refresh)
    code, out, err = run("check", "vault", "--fix")
    assert code == 0 and err == "Fixed 1 finding (F008) in 1 note.\n" and "F008" not in out
    assert len(listed) == 1 and reparsed == [["People/Ann.md"]]
    assert "last_contact: 2026-02-01\n" in (here / "vault/People/Ann.md").read_text()
    # what the model says after the fix is what a new check of the notes says
    assert run("check", "vault")[1] == out
