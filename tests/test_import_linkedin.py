"""`mdnet import linkedin`: LinkedIn's Connections.csv, as the real export is shaped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdnet.cli import main
from mdnet.importers.linkedin import parse_connected_on, read_connections
from mdnet.importers.person import UnreadableExport
from tests.conftest import WriteVault
from tests.importing import connections_csv, load, run_import, snapshot

JANE = ["Jane", "Doe", "https://www.linkedin.com/in/janedoe", "", "Acme", "Head of Sales, EMEA"]
BOB = ["Bob", "Martin", "https://www.linkedin.com/in/bobm", "bob@example.com", "Initech", "CTO"]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "Connections.csv"
    path.write_bytes(connections_csv([[*JANE, "14 Mar 2024"], [*BOB, "02 Jan 2025"]]))
    return path


def test_the_header_row_is_found_after_the_bom_and_the_notes_paragraph() -> None:
    people, skipped, warnings = read_connections(
        connections_csv([[*JANE, "14 Mar 2024"], ["", "", "", "", "", "", "1 Jan 2020"]])
    )
    assert skipped[0].reason == "no name" and not warnings
    [jane] = people
    assert (jane.name, jane.company, jane.role) == ("Jane Doe", "Acme", "Head of Sales, EMEA")
    assert (
        jane.emails == () and jane.connected == dt.date(2024, 3, 14) and jane.source == "linkedin"
    )
    assert jane.linkedin == "https://www.linkedin.com/in/janedoe"


def test_older_exports_without_url_and_columns_in_any_order() -> None:
    header = ["Email Address", "Last Name", "First Name", "Connected On", "Company", "Position"]
    data = connections_csv([["li@example.com", "Wei", "Li", "3-Feb-21", "Foo", "Dev"]], header)
    [li], _, _ = read_connections(data)
    assert (li.name, li.emails, li.linkedin) == ("Li Wei", ("li@example.com",), "")
    assert li.connected == dt.date(2021, 2, 3)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("14 Mar 2024", dt.date(2024, 3, 14)),
        ("4 September 2023", dt.date(2023, 9, 4)),
        ("14-Mar-24", dt.date(2024, 3, 14)),
        ("Mar 14, 2024", dt.date(2024, 3, 14)),
        ("2024-03-14", dt.date(2024, 3, 14)),
        ("31 Feb 2024", None),
        ("14 Foo 2024", None),
        ("yesterday", None),
    ],
)
def test_connected_on_dates(text: str, date: dt.date | None) -> None:
    assert parse_connected_on(text) == date


def test_a_bad_date_is_a_warning_and_the_person_is_still_imported() -> None:
    people, _, warnings = read_connections(connections_csv([[*JANE, "soon"]]))
    assert people[0].connected is None
    assert warnings == [
        "line 5: \"Connected On\" 'soon' is not a date; Jane Doe is imported without `connected`"
    ]


def test_a_file_without_header_is_a_usage_error(tmp_path: Path, make_vault: WriteVault) -> None:
    with pytest.raises(UnreadableExport, match="no header row"):
        read_connections(b"Name,Mail\nJane,jane@example.com\n")
    vault = make_vault({"Home.md": "hi\n"})
    export = tmp_path / "Connections.csv"
    export.write_bytes(b"\x00\x01 not a csv")
    result = run_import(vault, "linkedin", export)
    assert result.exit_code == 2 and "no header row found" in result.output
    assert "Traceback" not in result.output
    assert run_import(vault, "linkedin", tmp_path / "missing.csv").exit_code == 2


def test_excel_resaved_exports_in_windows_1252_and_utf_16() -> None:
    text = "First Name,Last Name,Company\r\nJosé,Muñoz,Café\r\n"
    for data in (text.encode("cp1252"), text.encode("utf-16")):
        [jose], _, _ = read_connections(data)
        assert (jose.name, jose.company) == ("José Muñoz", "Café")


def test_import_writes_contact_notes_in_the_contacts_folder(
    make_vault: WriteVault, export: Path
) -> None:
    vault = make_vault({".mdnet.toml": '[kinds]\ncontact = ["Contacts/**"]\n'})
    result = run_import(vault, "linkedin", export)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "created Contacts/Jane Doe.md",
        "created Contacts/Bob Martin.md",
        "Imported Connections.csv: 2 created, 0 matched, 0 changed, 0 skipped.",
    ]
    jane = (vault / "Contacts/Jane Doe.md").read_text(encoding="utf-8")
    # the packaged contact template, as `mdnet new contact` writes it, with the export's values
    assert jane.startswith(
        "---\ntype: contact\nname: Jane Doe\nconnected: 2024-03-14\naliases: []\ncompany: Acme\n"
    )
    for line in (
        "role: Head of Sales, EMEA\n",
        "linkedin: https://www.linkedin.com/in/janedoe\n",
        "tier: regular # inner, close, regular",
        "connected: 2024-03-14\n",  # LinkedIn's "Connected On": not a meeting
        "met:\n",  # not the template's {{date}}: not the day of the import
        "source: linkedin\n",
        "---\n# Jane Doe\n\n## Who\n",
        "\n## Log\n",
    ):
        assert line in jane, line
    bob = load(vault).contacts["Contacts/Bob Martin.md"]
    assert bob.note.fields["email"] == ("bob@example.com",)
    assert bob.note.problems == () and bob.interactions == []


def test_dry_run_writes_nothing_and_shows_what_would_be_created(
    make_vault: WriteVault, export: Path
) -> None:
    vault = make_vault({"Home.md": "hi\n"})
    before = snapshot(vault)
    result = run_import(vault, "linkedin", export, "--dry-run")
    assert result.exit_code == 0
    assert "would create People/Jane Doe.md" in result.output
    assert result.output.splitlines()[-1] == (
        "Dry run, nothing written: Connections.csv: 2 to create, 0 matched, 0 changed, 0 skipped."
    )
    assert snapshot(vault) == before


def test_importing_the_same_file_twice_changes_nothing(
    make_vault: WriteVault, export: Path
) -> None:
    vault = make_vault({"Home.md": "hi\n"})
    run_import(vault, "linkedin", export)
    before = snapshot(vault)
    result = run_import(vault, "linkedin", export, "--update")
    assert result.output.splitlines() == [
        "Imported Connections.csv: 0 created, 2 matched, 0 changed, 0 skipped."
    ]
    assert snapshot(vault) == before


EXISTING = """\
---
type: person
name: Robert Martin
aliases: [Bob Martin]
company: Acme
role: VP Sales
---
Met him at [[DevOps Days]].\r
- 2026-05-02 call: talked about his plans"""


@pytest.mark.parametrize(
    ("front", "by"),
    [
        ("linkedin: HTTP://LinkedIn.com/in/BobM/", "LinkedIn URL"),
        ("email: [Bob@Example.COM]", "email"),
        ("", "alias"),
    ],
)
def test_a_known_person_is_matched_and_the_note_left_byte_for_byte(
    make_vault: WriteVault, tmp_path: Path, front: str, by: str
) -> None:
    text = EXISTING.replace("aliases: [Bob Martin]", front) if by != "alias" else EXISTING
    vault = make_vault({})
    (vault / "People").mkdir(parents=True)
    (vault / "People/Robert.md").write_bytes(text.encode())
    export = tmp_path / "Connections.csv"
    export.write_bytes(connections_csv([[*BOB, "02 Jan 2025"]]))
    result = run_import(vault, "linkedin", export)
    assert result.output.splitlines() == [
        "reach out: Bob Martin (People/Robert.md) is now CTO at Initech; "
        "the note says VP Sales at Acme",
        "Imported Connections.csv: 0 created, 1 matched, 1 changed (--update logs them), "
        "0 skipped.",
    ]
    assert (vault / "People/Robert.md").read_bytes() == text.encode()
    assert sorted(p.name for p in (vault / "People").iterdir()) == ["Robert.md"]


def test_update_appends_a_dated_entry_once_and_keeps_every_byte(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    vault = make_vault({})
    (vault / "People").mkdir(parents=True)
    note = vault / "People/Robert.md"
    note.write_bytes(EXISTING.encode())
    export = tmp_path / "Connections.csv"
    export.write_bytes(connections_csv([[*BOB, "02 Jan 2025"]]))
    dry = run_import(vault, "linkedin", export, "--update", "--dry-run")
    assert "  would log in People/Robert.md: - 2026-11-26 #update now CTO" in dry.output
    assert note.read_bytes() == EXISTING.encode()
    result = run_import(vault, "linkedin", export, "--update")
    entry = "- 2026-11-26 #update now CTO at Initech (from the LinkedIn import)"
    assert f"  logged in People/Robert.md: {entry}" in result.output
    assert note.read_bytes() == (EXISTING + f"\n\n## Log\n\n{entry}\n").encode()
    again = run_import(vault, "linkedin", export, "--update")
    assert "0 changed" in again.output and "reach out" not in again.output
    assert note.read_bytes() == (EXISTING + f"\n\n## Log\n\n{entry}\n").encode()
    robert = load(vault).contacts["People/Robert.md"]
    assert [entry.date for entry in robert.interactions] == [dt.date(2026, 5, 2)]


def test_update_goes_under_an_existing_log_with_the_note_s_line_endings(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    vault = make_vault({})
    text = "---\r\ntype: contact\r\nrole: VP\r\n---\r\n## Log\r\n- 2026-01-02 lunch\r\n"
    (vault / "People").mkdir(parents=True)
    (vault / "People/Bob Martin.md").write_bytes(text.encode())
    export = tmp_path / "Connections.csv"
    export.write_bytes(connections_csv([[*BOB, "02 Jan 2025"]]))
    run_import(vault, "linkedin", export, "--update")
    assert (vault / "People/Bob Martin.md").read_bytes() == (
        text + "- 2026-11-26 #update now CTO at Initech (from the LinkedIn import)\r\n"
    ).encode()


def test_namesakes_and_taken_titles_get_a_number(make_vault: WriteVault, tmp_path: Path) -> None:
    vault = make_vault(
        {
            "People/Jane Doe.md": "---\ntype: contact\nlinkedin: linkedin.com/in/other-jane\n---\n",
            "Projects/Acme.md": "a project, not a person\n",
        }
    )
    export = tmp_path / "Connections.csv"
    rows = [[*JANE, "14 Mar 2024"], ["Acme", "", "", "", "", "", ""], [*JANE, "14 Mar 2024"]]
    export.write_bytes(connections_csv(rows))
    result = run_import(vault, "linkedin", export)
    assert result.output.splitlines()[:2] == [
        'created People/Jane Doe 2.md (another "Jane Doe" is People/Jane Doe.md, with another '
        'LinkedIn profile: named "Jane Doe 2"; rename either to tell them apart)',
        "created People/Acme 2.md",
    ]
    assert "2 created, 1 matched" in result.output  # the repeated row is Jane Doe 2 again
    model = load(vault)
    assert model.contacts["People/Jane Doe 2.md"].name == "Jane Doe 2"
    assert model.contacts["People/Acme 2.md"].name == "Acme"
    assert not [f for f in _check(vault) if f["code"] == "F006"]


HOSTILE = [
    ("../../etc/passwd", "etc passwd"),
    (".hidden", "hidden"),
    ("CON", "CON_"),
    ("a/b", "a b"),
    ('x:y*?"<>|#^[]', "x y"),
    ('O\'Brien: "Bob"', "O'Brien Bob"),
    ("Zoë 🦄 Ünïcödé", "Zoë 🦄 Ünïcödé"),
    ("..", "Untitled"),
]


def test_hostile_names_make_safe_titles_inside_the_vault(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    vault = make_vault({"Home.md": "hi\n"})
    rows = [
        [first, "", f"https://linkedin.com/in/p{i}", "", "", "", ""]
        for i, (first, _) in enumerate(HOSTILE)
    ]
    rows.append(["🦄" * 100, "Ω" * 200, "https://linkedin.com/in/long", "", "", "", ""])
    export = tmp_path / "Connections.csv"
    export.write_bytes(connections_csv(rows))
    result = run_import(vault, "linkedin", export)
    assert result.exit_code == 0, result.output
    outside = {p for p in tmp_path.rglob("*") if not p.is_relative_to(vault)}
    assert outside == {export}
    model = load(vault)
    for first, title in HOSTILE:
        [contact] = [c for c in model.contacts.values() if c.name == first]
        assert contact.note.path == f"People/{title}.md"
        assert contact.note.problems == ()
    long = next(c for c in model.contacts.values() if c.name.startswith("🦄"))
    assert len(long.title.encode()) <= 200 and long.name == "🦄" * 100 + " " + "Ω" * 200
    assert run_import(vault, "linkedin", export).output.splitlines()[-1] == (
        "Imported Connections.csv: 0 created, 9 matched, 0 changed, 0 skipped."
    )


def test_a_contacts_folder_outside_the_vault_is_refused(
    make_vault: WriteVault, export: Path
) -> None:
    vault = make_vault({".mdnet.toml": '[kinds]\ncontact = ["../elsewhere/**"]\n'})
    result = run_import(vault, "linkedin", export)
    assert result.exit_code == 2 and "outside the vault" in result.output
    assert not (vault.parent / "elsewhere").exists()


def _check(vault: Path) -> list[dict[str, object]]:
    arguments = ["check", str(vault), "--format", "json", "--today", "2026-11-26"]
    result = CliRunner().invoke(main, arguments)
    findings: list[dict[str, object]] = json.loads(result.output)["findings"]
    return findings


def test_300_connections_are_one_passive_network_not_300_findings(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    vault = make_vault({"Home.md": "hi\n"})
    start = dt.date(2026, 11, 25)
    rows = [
        [
            f"Person{i}",
            f"Name{i}",
            f"https://www.linkedin.com/in/p{i}",
            f"p{i}@example.com" if i % 7 == 0 else "",
            f"Company {i % 40}",
            "Engineer",
            (start - dt.timedelta(days=3 * i)).strftime("%d %b %Y"),  # some in the last 90 days
        ]
        for i in range(300)
    ]
    export = tmp_path / "Connections.csv"
    export.write_bytes(connections_csv(rows))
    assert "300 created" in run_import(vault, "linkedin", export).output
    findings = _check(vault)
    assert [f["code"] for f in findings] == ["R002"]
    assert not str(findings[0]["path"]).endswith(".md")


def test_a_contacts_folder_linking_outside_the_vault_is_refused(
    make_vault: WriteVault, export: Path, tmp_path: Path
) -> None:
    vault = make_vault({"Home.md": "hi\n"})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (vault / "People").symlink_to(elsewhere, target_is_directory=True)
    result = run_import(vault, "linkedin", export)
    assert result.exit_code == 2 and "outside the vault" in result.output
    assert list(elsewhere.iterdir()) == []
