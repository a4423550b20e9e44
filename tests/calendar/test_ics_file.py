"""The file itself: valid RFC 5545, the same bytes for the same vault, stable UIDs."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import re
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from mdnet.calendar import CalendarRefused, ics, is_calendar
from mdnet.calendar.ics import END, PRODID, NoteUrls
from mdnet.calendar.reminder import GIVE_BACK, Reminder, on
from mdnet.calendar.writer import write_file
from tests.calendar.ics_vault import Render, by_title, calendar_of, description, events
from tests.conftest import WriteVault, write_files

SAMPLE = Path(__file__).parent.parent.parent / "sample_vault"

BUSY = {
    "People/Jane.md": "---\ntype: contact\ntier: close\nbirthday: 1992-02-29\n---\n"
    "- 2026-03-02 call: a long talk about Berlin, the new team, the move, the weather, "
    "the school of her children and what comes next at Acme #got an intro\n",
    "People/Bob.md": "---\ntype: contact\nmet: 2026-10-15\n---\n",
    "Circles/Guild.md": "---\ntype: circle\nstatus: board\nrenewal: 2027-03-10\n---\n",
    "Events/Conf.md": "---\ntype: event\ndate: 2026-12-05\nend: 2026-12-06\nstatus: planned\n---\n",
}


def test_the_file_parses_back_and_every_event_is_valid(render: Render) -> None:
    data = render(BUSY)
    calendar = Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and str(calendar["PRODID"]).startswith("-//mdnet//")
    found = events(data)
    assert len(found) == 6  # reach out, give back, follow up, renewal, event, birthday
    for event in found:
        for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL"):
            assert key in event, f"{event.get('SUMMARY')} lacks {key}"
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 26, tzinfo=dt.UTC)
        assert type(event.decoded("DTSTART")) is dt.date  # all-day
        assert event.decoded("DTEND") > event.decoded("DTSTART")
    assert len({str(event["UID"]) for event in found}) == len(found)
    assert data.count(b"DTSTART;VALUE=DATE:") == len(found)
    assert data.count(b"DTEND;VALUE=DATE:") == len(found)


def test_lines_end_in_crlf_and_are_folded_at_75_octets(render: Render) -> None:
    data = render(BUSY)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the long description was folded


def test_the_same_vault_gives_the_same_bytes(make_vault: WriteVault) -> None:
    root = make_vault(BUSY)
    assert calendar_of(root) == calendar_of(root)


def test_uids_stay_when_an_unrelated_note_changes(make_vault: WriteVault) -> None:
    root = make_vault(BUSY)
    before = {str(e["SUMMARY"]): str(e["UID"]) for e in events(calendar_of(root))}
    write_files(
        root, {"People/Zoe.md": "---\ntype: contact\ntier: close\n---\n- 2026-05-01 call\n"}
    )
    write_files(root, {"Circles/Guild.md": BUSY["Circles/Guild.md"] + "- 2026-11-01 #attended\n"})
    after = {str(e["SUMMARY"]): str(e["UID"]) for e in events(calendar_of(root))}
    assert after.pop("Reach out to Zoe")
    assert after == before


def test_an_event_that_no_longer_applies_is_gone(make_vault: WriteVault) -> None:
    root = make_vault(BUSY)
    assert "Reach out to Jane" in by_title(calendar_of(root))
    jane = BUSY["People/Jane.md"] + "- 2026-11-25 lunch #gave the deck\n"
    write_files(root, {"People/Jane.md": jane})
    found = by_title(calendar_of(root))
    assert "Give back to Jane" not in found
    assert found["Reach out to Jane"].decoded("DTSTART") == dt.date(2027, 1, 24)  # due again


def test_the_url_opens_the_note_in_obsidian_or_as_a_file(make_vault: WriteVault) -> None:
    root = make_vault({"People/Chloé Dubois.md": "---\ntype: contact\nmet: 2026-10-15\n---\n"})
    event = events(calendar_of(root))[0]
    assert str(event["URL"]) == (root / "People/Chloé Dubois.md").as_uri()
    (root / ".obsidian").mkdir()
    event = events(calendar_of(root))[0]
    expected = "obsidian://open?vault=vault&file=People%2FChlo%C3%A9%20Dubois.md"
    assert str(event["URL"]) == expected
    assert description(event).endswith(f"Open the note: {expected}")


def test_the_obsidian_vault_may_hold_the_mdnet_vault(make_vault: WriteVault) -> None:
    top = make_vault({".obsidian/app.json": "{}"})
    network = write_files(
        top / "Network",
        {".mdnet.toml": "", "People/Bob.md": "---\ntype: contact\nmet: 2026-10-15\n---\n"},
    )
    url = str(events(calendar_of(network))[0]["URL"])
    assert url == "obsidian://open?vault=vault&file=Network%2FPeople%2FBob.md"


def test_an_alarm_rings_at_the_configured_time_on_the_day(make_vault: WriteVault) -> None:
    root = make_vault({**BUSY, ".mdnet.toml": '[calendar]\nalarm = "08:30"\n'})
    found = events(calendar_of(root))
    for event in found:
        (alarm,) = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY" and str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
        assert alarm.decoded("TRIGGER") == dt.timedelta(hours=8, minutes=30)
    write_files(root, {".mdnet.toml": ""})
    assert b"VALARM" not in calendar_of(root)


def test_mdnet_knows_its_own_files_by_their_prodid(render: Render) -> None:
    assert is_calendar(render(BUSY))
    assert not is_calendar(b"BEGIN:VCALENDAR\r\nPRODID:-//Apple Inc.//macOS//EN\r\n")
    assert not is_calendar(b"PRODID:-//mdnet//mdnet calendar//EN is a line of my notes\n")
    assert not is_calendar(b"\x00\xff binary")


def test_the_sample_vault_calendar_shows_every_kind_of_event() -> None:
    data = calendar_of(SAMPLE)
    kinds = {re.sub(r"-[0-9a-f]+@mdnet$", "", str(e["UID"])) for e in events(data)}
    assert kinds == {
        "reach-out",
        "follow-up",
        "give-back",
        "promise",
        "renewal",
        "event",
        "birthday",
    }
    assert b"RRULE:FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2" in data  # a 29 February birthday
    assert b"BEGIN:VALARM" in data  # the sample's calendar.alarm


def test_the_committed_sample_calendar_is_what_mdnet_writes() -> None:
    path = SAMPLE / "Network Calendar.ics"
    regenerate = "mdnet calendar --today 2026-11-26 sample_vault"
    assert path.is_file(), f"{path} is missing: run `{regenerate}`"
    assert path.read_bytes() == calendar_of(SAMPLE), f"{path} is out of date: run `{regenerate}`"


def test_the_file_is_what_icalendar_makes_of_the_whole_calendar(render: Render) -> None:
    data = render(BUSY)
    whole = Calendar.from_ical(data)
    assert whole.to_ical() == data  # events kept apart and joined: the same bytes


def test_odd_text_and_dates_give_a_valid_file(render: Render) -> None:
    odd = {
        "People/Bel.md": '---\ntype: contact\nname: "Bel\\a\\x1b[31m"\n'
        "birthday: 9999-12-31\nmet: 2026-10-15\n---\n",
        "Events/Far.md": "---\ntype: event\ndate: 9999-12-30\nend: 9999-12-31\nstatus: planned\n---\n",
    }
    data = render(odd)
    assert not re.search(rb"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]", data)
    (event,) = events(data)  # the follow-up; nothing ends after 9999-12-31
    assert str(event["SUMMARY"]) == "Follow up with Bel[31m"


def test_a_file_name_that_is_not_utf8_still_has_a_url(tmp_path: Path) -> None:
    name = "People/B\udcffl.md"  # how Python reads the name b"B\xffl.md"
    assert NoteUrls(tmp_path)(name).endswith("/People/B%FFl.md")
    (tmp_path / ".obsidian").mkdir()
    assert NoteUrls(tmp_path)(name).endswith("&file=People%2FB%FFl.md")


def test_a_file_is_compared_part_by_part_and_written_only_when_it_differs(
    tmp_path: Path,
) -> None:
    """The file there is read a part at a time against what would be written: one that
    holds the same bytes (split anyhow) is left alone; one shorter, longer or different
    anywhere is replaced; one that mdnet did not write is refused, untouched."""
    head = f"BEGIN:VCALENDAR\r\nPRODID:{PRODID}\r\n".encode()
    parts = [head, b"BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\n", END]
    whole, path = b"".join(parts), tmp_path / "cal.ics"
    assert write_file(path, parts)
    assert path.read_bytes() == whole
    os.utime(path, ns=(0, 0))
    assert not write_file(path, [whole[:10], whole[10:]])
    assert path.stat().st_mtime_ns == 0  # not written again
    for there in (whole[:-1], whole + b"\r\n", head + whole[len(head) :].lower()):
        path.write_bytes(there)
        assert write_file(path, parts)
        assert path.read_bytes() == whole
    stranger = b"BEGIN:VCALENDAR\r\nPRODID:-//Apple Inc.//macOS//EN\r\nEND:VCALENDAR\r\n"
    path.write_bytes(stranger)
    with pytest.raises(CalendarRefused):
        write_file(path, parts)
    assert path.read_bytes() == stranger


def test_each_event_is_made_once_for_a_reminder_kept_from_one_render_to_the_next(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A live vault keeps each contact's reminders and writes them all again after a
    change: an event is made once for each reminder (kept with it, not in a cache of the
    last ones made, which a calendar of more events than it holds emptied at each
    render), or for reminders made again alike (a circle's), made again only for another
    day, alarm or place; a reminder pickled (the model's snapshot) leaves its event out."""
    made: list[Reminder] = []
    real_event = ics._event

    def counted(reminder: Reminder, *rest: Any) -> Any:
        made.append(reminder)
        return real_event(reminder, *rest)

    monkeypatch.setattr(ics, "_event", counted)
    kept = [on(GIVE_BACK, f"People/{n}.md", DAY, f"Give back to {n}", [str(n)]) for n in range(3)]
    urls = NoteUrls(tmp_path)

    def render(
        day: dt.date = DAY, alarm: dt.time | None = None, urls: NoteUrls = urls
    ) -> list[bytes]:
        return ics.to_ical(kept, name="v", today=day, alarm=alarm, url_of=urls)

    first = render()
    assert made == kept
    assert render() == first and made == kept  # none made again
    alike = [on(r.kind, r.path, r.first_day, r.title, list(r.lines)) for r in kept]
    assert ics.to_ical(alike, name="v", today=DAY, alarm=None, url_of=urls) == first
    assert made == kept  # reminders made again the same (a circle's, an event's): not either
    assert render(urls=NoteUrls(tmp_path)) == first and made == kept  # the same URLs
    assert render(DAY + dt.timedelta(days=1)) != first and len(made) == 6
    assert render(alarm=dt.time(9)) != first and len(made) == 9
    (tmp_path / ".obsidian").mkdir()
    assert render(urls=NoteUrls(tmp_path)) != first and len(made) == 12  # other URLs
    again = pickle.loads(pickle.dumps(kept[0], pickle.HIGHEST_PROTOCOL))
    assert again == kept[0] and again.made is None and kept[0].made is not None
    assert len(pickle.dumps(again)) == len(pickle.dumps(kept[0]))


DAY = dt.date(2026, 11, 26)
