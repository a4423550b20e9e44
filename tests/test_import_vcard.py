"""`mdnet import vcard`: real address book exports (the shared corpus) and odd cards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdnet.dates import NO_YEAR
from mdnet.importers.person import Person, UnreadableExport
from mdnet.importers.vcard import read_vcards
from tests.conftest import WriteVault
from tests.importing import connections_csv, load, run_import, snapshot


def _corpus() -> Path | None:
    """``shared/corpus/vcards`` in the repository's parent folder (or further up)."""
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "shared" / "corpus" / "vcards"
        if candidate.is_dir():
            return candidate
    return None


CORPUS = _corpus()
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="no shared/corpus/vcards")
# people per file; John_Doe_ANDROID.vcf also holds two cards with an email and no name
PEOPLE = {
    "John_Doe_ANDROID.vcf": 4,
    "gmail-list.vcf": 3,
    "rfc2426-example.vcf": 2,
}


def _read(name: str) -> list[Person]:
    assert CORPUS is not None
    people, skipped, warnings = read_vcards((CORPUS / name).read_bytes())
    # the Android export's card 6 has a stray `=80` (not UTF-8) in a second ORG
    broken = "card 6 (line 71): ORG: bytes that are not UTF-8 text are left out"
    assert warnings == ([broken] if name == "John_Doe_ANDROID.vcf" else [])
    assert [s.reason for s in skipped] == (
        ["no name: neither FN nor N"] * 2 if name == "John_Doe_ANDROID.vcf" else []
    )
    return people


@needs_corpus
def test_every_file_of_the_corpus_imports(tmp_path: Path) -> None:
    assert CORPUS is not None
    files = sorted(CORPUS.glob("*.vcf"))
    assert len(files) >= 17
    for file in files:
        vault = tmp_path / file.stem
        vault.mkdir()
        result = run_import(vault, "vcard", file)
        assert result.exit_code == 0, result.output
        created = PEOPLE.get(file.name, 1)
        assert f"Imported {file.name}: {created} created, 0 matched" in result.output
        model = load(vault)
        assert len(model.contacts) == created
        for contact in model.contacts.values():
            assert contact.note.problems == (), (file.name, contact.note.problems)
            assert contact.note.fields["source"] == "import"
            assert "BASE64" not in (vault / contact.note.path).read_text(encoding="utf-8")
        before = snapshot(vault)
        again = run_import(vault, "vcard", file)
        assert f"0 created, {created} matched, 0 changed" in again.output
        assert snapshot(vault) == before


@needs_corpus
def test_vcard_2_1_quoted_printable_with_soft_line_breaks() -> None:
    people = _read("John_Doe_ANDROID.vcf")
    assert [p.name for p in people] == ["Ñ Ñ Ñ Ñ Ñ", "Ñ" + " Ñ" * 10, "Ñ Ñ Ñ Ñ", "ÑÑÑÑ"]
    assert people[1].phones == ("123456", "234567", "3456789", "45678901")
    assert people[1].note.startswith("Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ")
    assert people[2].emails == ("bob@company.com", "Ñ" * 14)  # PREF first, as written
    assert people[3].company == "Ñ" * 44  # broken across four lines, then a blank one


@needs_corpus
def test_outlook_quoted_printable_note_goes_to_the_body(tmp_path: Path) -> None:
    [mike] = _read("outlook-2007.vcf")
    assert mike.name == "Mr. Michael Angstadt Jr."
    assert (mike.company, mike.role) == ("TheCompany", "TheJobTitle")
    assert mike.birthday == dt.date(1922, 3, 10)
    assert "I assume it encodes this text inside a NOTE vCard type." in mike.note
    assert "\n" in mike.note


@needs_corpus
def test_iphone_export_with_photo_groups_and_doubled_carriage_returns() -> None:
    [john] = _read("John_Doe_IPHONE.vcf")
    assert (john.name, john.company, john.role) == (
        "Mr. John Richter James Doe Sr.",
        "IBM",
        "Money Counter",
    )
    assert john.emails == ("john.doe@ibm.com",)  # item1.EMAIL
    assert john.phones[:2] == ("905-555-1234", "905-666-1234")
    assert "905-222-1234" in john.phones  # item2.TEL with its X-ABLabel
    assert john.birthday == dt.date(2012, 6, 6)


@needs_corpus
def test_rfc_examples_lotus_notes_and_fullcontact() -> None:
    [simon] = _read("rfc6350-example.vcf")
    assert simon.birthday == dt.date(NO_YEAR, 2, 3)  # BDAY:--0203
    assert simon.phones == ("+1-418-656-9254;ext=102", "+1-418-262-6501")  # tel: URIs
    frank, tim = _read("rfc2426-example.vcf")  # BEGIN:vCard, LF line endings, folded ADR
    assert frank.emails == ("Frank_Dawson@Lotus.com", "fdawson@earthlink.net")
    assert tim.company == "Netscape Communications Corp."
    [lotus] = _read("John_Doe_LOTUS_NOTES.vcf")  # holds a PROFILE line vobject refuses
    assert lotus.emails == ("john.doe@ibm.com", "billy_bob@gmail.com")
    [full] = _read("fullcontact.vcf")  # vCard 4.0: two ORG, two TITLE, ALTID birthdays
    assert (full.company, full.role) == ("Organization1", "Title1")
    assert full.birthday == dt.date(2016, 8, 1)
    [outlook] = _read("outlook-2003.vcf")
    assert outlook.company == "Company, The"


def card(*lines: str, end: str = "\r\n") -> bytes:
    return end.join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD", ""]).encode()


@pytest.mark.parametrize(
    "lines",
    [
        ("item1.URL:https\\://www.linkedin.com/in/janedoe/", "item1.X-ABLabel:LinkedIn"),
        ("item1.URL:janedoe", "item1.X-ABLabel:LinkedIn"),
        ("X-SOCIALPROFILE;type=linkedin:http://www.linkedin.com/in/janedoe",),
        ("URL;TYPE=work:https://acme.example", "URL:linkedin.com/in/janedoe"),
    ],
)
def test_the_linkedin_url_among_urls_labels_and_social_profiles(lines: tuple[str, ...]) -> None:
    [jane], _, _ = read_vcards(card("FN:Jane Doe", *lines))
    assert jane.linkedin.replace("http://", "https://").rstrip("/") in (
        "https://www.linkedin.com/in/janedoe",
        "https://linkedin.com/in/janedoe",
    )


@pytest.mark.parametrize(
    ("line", "birthday"),
    [
        ("BDAY:19800521", dt.date(1980, 5, 21)),
        ("BDAY;VALUE=date:1980-05-21", dt.date(1980, 5, 21)),
        ("BDAY:1980-05-21T00:00:00Z", dt.date(1980, 5, 21)),
        ("BDAY:--0521", dt.date(NO_YEAR, 5, 21)),
        ("BDAY:--05-21", dt.date(NO_YEAR, 5, 21)),
        ("BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-21", dt.date(NO_YEAR, 5, 21)),
        ("BDAY:1980-02-30", None),
        ("BDAY;VALUE=text:circa 1800", None),
    ],
)
def test_birthdays_in_every_vcard_form(line: str, birthday: dt.date | None) -> None:
    [jane], _, warnings = read_vcards(card("FN:Jane", line))
    assert jane.birthday == birthday
    assert bool(warnings) == (birthday is None)


def test_n_when_there_is_no_fn_and_folded_lines() -> None:
    data = card("N:Doe;Jane;Q.;Dr.;", "ORG:Acme\\, Inc.;Sales", "TITLE:Head of", "  Sales")
    [jane], _, _ = read_vcards(data)
    assert (jane.name, jane.company, jane.role) == ("Jane Q. Doe", "Acme, Inc.", "Head of Sales")


def test_a_card_vobject_cannot_read_is_skipped_with_its_reason() -> None:
    data = card('FN;TYPE="unclosed:Jane') + card("FN:Bob", end="\r")
    [bob], [skipped], _ = read_vcards(data)
    assert bob.name == "Bob"
    assert skipped.where == "card 1 (line 1)"
    assert skipped.reason.startswith('vobject cannot read it: Failed to parse line: FN;TYPE="')


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("FN;CHARSET=WINDOWS-1252;ENCODING=QUOTED-PRINTABLE:Jos=E9", "José"),
        ("FN;CHARSET=rot13;QUOTED-PRINTABLE:Jos=C3=A9", "José"),  # not a text encoding
        ("FN;CHARSET=x\x00;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9", "José"),
    ],
)
def test_quoted_printable_charsets(line: str, name: str) -> None:
    [person], _, warnings = read_vcards(card(line))
    assert person.name == name and warnings == []


def test_broken_quoted_printable_is_decoded_where_it_can_be_and_said() -> None:
    [person], _, warnings = read_vcards(card("FN;ENCODING=QUOTED-PRINTABLE:Jos=E9=80"))
    assert person.name == "Jos"  # not UTF-8: left out, never U+FFFD
    assert warnings == ["card 1 (line 1): FN: bytes that are not UTF-8 text are left out"]


def test_a_broken_card_imports_with_a_warning_and_a_clean_title(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    root = make_vault({".mdnet.toml": ""})
    export = tmp_path / "broken.vcf"
    export.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9 =ZZ=C3\r\nEND:VCARD\r\n"
    )
    result = run_import(root, "vcard", export)
    assert result.exit_code == 0, result.output
    assert "created People/René =ZZ.md" in result.output
    assert "warning: card 2 (line 5): FN: a broken quoted-printable escape" in result.output
    assert "warning: card 2 (line 5): FN: bytes that are not UTF-8 text" in result.output
    assert not [path for path in root.rglob("*") if "\ufffd" in path.name]


def test_the_closing_line_counts_skipped_cards_by_reason(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    vault = make_vault({"Home.md": "hi\n"})
    export = tmp_path / "contacts.vcf"
    export.write_bytes(card("EMAIL:a@b.c") + card('FN;X="1:A') + card("FN:Ann") + card("N:;;;;"))
    result = run_import(vault, "vcard", export)
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == (
        "Imported contacts.vcf: 1 created, 0 matched, 0 changed, 3 skipped "
        "(2 no name, 1 vobject cannot read it)."
    )


def test_a_file_without_cards_is_a_usage_error(tmp_path: Path, make_vault: WriteVault) -> None:
    with pytest.raises(UnreadableExport, match="no vCard found"):
        read_vcards(b"Name,Email\nJane,jane@example.com\n")
    vault = make_vault({"Home.md": "hi\n"})
    export = tmp_path / "empty.vcf"
    export.write_bytes(b"")
    result = run_import(vault, "vcard", export)
    assert result.exit_code == 2 and "no vCard found" in result.output


def test_the_card_s_note_is_quoted_in_the_body(make_vault: WriteVault, tmp_path: Path) -> None:
    vault = make_vault({"Home.md": "hi\n"})
    export = tmp_path / "contacts.vcf"
    export.write_bytes(card("FN:Jane", "NOTE:Met at PyCon\\n- 2024-05-17 lunch"))
    run_import(vault, "vcard", export)
    text = (vault / "People/Jane.md").read_text(encoding="utf-8")
    assert "-->\n\n> Met at PyCon\n> \\- 2024-05-17 lunch\n\n## Log\n" in text  # above the log
    assert load(vault).contacts["People/Jane.md"].interactions == []


def test_an_address_book_matches_linkedin_connections(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    vault = make_vault({"Home.md": "hi\n"})
    csv_export = tmp_path / "Connections.csv"
    row = ["Jane", "Doe", "https://www.linkedin.com/in/janedoe", "jane@acme.example"]
    csv_export.write_bytes(connections_csv([[*row, "Acme", "CTO", "14 Mar 2024"]]))
    run_import(vault, "linkedin", csv_export)
    before = snapshot(vault)
    vcf = tmp_path / "contacts.vcf"
    vcf.write_bytes(card("FN:J. Doe", "EMAIL:JANE@acme.example", "ORG:Acme", "TITLE:CEO"))
    result = run_import(vault, "vcard", vcf)
    assert result.output.splitlines()[0] == (
        "reach out: J. Doe (People/Jane Doe.md) is now CEO at Acme; the note says CTO at Acme"
    )
    assert snapshot(vault) == before
    run_import(vault, "vcard", vcf, "--update")
    assert (
        (vault / "People/Jane Doe.md")
        .read_text(encoding="utf-8")
        .endswith("\n\n- 2026-11-26 #update now CEO at Acme (from the vCard import)\n")
    )


PROPERTY_LINES = st.sampled_from(
    [
        "VERSION:2.1",
        "FN:Jane",
        "N:Doe;Jane",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=",
        "ORG;ENCODING=QUOTED-PRINTABLE:A=",
        "PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ",
        "EMAIL;PREF;INTERNET:a@b.c",
        "TEL;TYPE=cell:+1",
        "BDAY:--0230",
        "NOTE:x\\ny",
        "item1.URL:http\\://x",
        "item1.X-ABLabel:LinkedIn",
        "FN;CHARSET=x\x00;QUOTED-PRINTABLE:=41",
        "BEGIN:VCARD",
        "END:VCARD",
        " folded",
        "=20",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PROPERTY_LINES, st.text(max_size=30)), max_size=30), st.booleans())
def test_any_card_gives_people_or_skips_never_a_crash(lines: list[str], crlf: bool) -> None:
    data = ("\r\n" if crlf else "\n").join(["BEGIN:VCARD", *lines]).encode("utf-8", "replace")
    people, skipped, _ = read_vcards(data)
    assert all(person.name for person in people)
    assert all(skip.reason for skip in skipped)
