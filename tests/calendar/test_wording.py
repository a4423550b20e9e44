"""What the calendar's texts say where they went wrong: one hour in the singular, a
birthday whose year is unknown, and "days ago" only in an event dated today."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from dateutil.rrule import rrulestr

from mdnet.cli import main
from tests.calendar.ics_vault import Render, by_title, calendar_of, day, description, events
from tests.calendar.test_clients import khal_day, khal_setup, run
from tests.conftest import TODAY, WriteVault

SAMPLE = Path(__file__).parent.parent.parent / "sample_vault"
NO_YEAR = {  # as `mdnet import vcard` writes BDAY:--0312 and BDAY:--0229
    "People/Ann.md": "---\ntype: contact\nbirthday: 1604-03-12  # year unknown\n---\n",
    "People/Leap.md": "---\ntype: contact\nbirthday: 1604-02-29  # year unknown\n---\n",
}


def _event(hours: str) -> str:
    return f"---\ntype: event\ndate: 2026-12-05\nstatus: planned\nhours: {hours}\n---\n"


@pytest.mark.parametrize(
    ("hours", "said"),
    [
        ("1", "1 hour"),
        ("1.0", "1 hour"),
        ("0.5", "0.5 hours"),
        ("1.5", "1.5 hours"),
        ("2.25", "2.25 hours"),
        ("3", "3 hours"),
    ],
)
def test_an_event_s_time_takes_the_plural_its_number_takes(
    render: Render, hours: str, said: str
) -> None:
    text = description(by_title(render({"Events/Meetup.md": _event(hours)}))["Meetup"])
    assert f"\nTime: {said}.\n" in text


def test_a_renewal_says_one_hour_a_month_and_one_meeting(render: Render) -> None:
    club = (
        "---\ntype: circle\nstatus: member\nrenewal: 2027-01-10\nhours_per_month: 1\n---\n"
        "- 2026-10-01 #attended\n"
    )
    text = description(by_title(render({"Circles/Club.md": club}))["Renewal: Club"])
    assert "\nAttended 1 of 1 meeting (100 %) in the last year.\n" in text
    assert "\nTime: 1 hour a month.\n" in text
    half = club.replace("hours_per_month: 1", "hours_per_month: 1.5")
    half += "- 2026-11-01 #missed\n"
    text = description(by_title(render({"Circles/Club.md": half}))["Renewal: Club"])
    assert "Attended 1 of 2 meetings (50 %)" in text and "Time: 1.5 hours a month." in text


def test_a_birthday_of_unknown_year_is_said_without_it_from_a_recent_year(
    render: Render,
) -> None:
    data = render(NO_YEAR)
    assert b"1604" not in data
    found = by_title(data)
    ann, leap = found["Ann's birthday"], found["Leap's birthday"]
    assert "\nBorn on March 12.\n" in description(ann)
    assert "\nBorn on February 29: on 28 February in years without a 29th.\n" in (description(leap))
    assert day(ann) == dt.date(2026, 3, 12)  # --today's year
    assert ann["RRULE"].to_ical() == b"FREQ=YEARLY"
    assert day(leap) == dt.date(2024, 2, 29)  # the latest leap year up to it
    recurrence = leap["RRULE"].to_ical()
    assert recurrence == b"FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2" and isinstance(recurrence, bytes)
    rule = rrulestr(recurrence.decode(), dtstart=dt.datetime(2024, 2, 29))
    after = [d.date() for d in rule.between(dt.datetime(2026, 1, 1), dt.datetime(2029, 1, 1))]
    assert after == [dt.date(2026, 2, 28), dt.date(2027, 2, 28), dt.date(2028, 2, 29)]


def test_a_vcard_birthday_without_a_year_reaches_the_calendar_without_one(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    vault = make_vault({".mdnet.toml": ""})
    card = tmp_path / "card.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ida Moss\nBDAY:--0312\nEND:VCARD\n")
    imported = CliRunner().invoke(main, ["import", "vcard", str(card), "--vault", str(vault)])
    assert imported.exit_code == 0, imported.output
    made = CliRunner().invoke(
        main, ["calendar", str(vault), "-o", "-", "--today", TODAY.isoformat()]
    )
    assert made.exit_code == 0, made.output
    event = by_title(made.stdout_bytes)["Ida Moss's birthday"]
    assert "\nBorn on March 12.\n" in description(event)
    assert day(event) == dt.date(2026, 3, 12)


def test_khal_shows_a_birthday_of_unknown_year_every_year(
    make_vault: WriteVault, tmp_path: Path
) -> None:
    khal, config = khal_setup(tmp_path)
    ics = tmp_path / "no-year.ics"
    ics.write_bytes(calendar_of(make_vault(NO_YEAR)))
    assert run([khal, "-c", str(config), "import", "--batch", str(ics)], tmp_path).returncode == 0
    for start, shown in (("2027-03-11", "2027-03-12"), ("2030-03-11", "2030-03-12")):
        assert "Ann's birthday" in khal_day(khal, config, start, shown, tmp_path)[1]


OWED = (
    "---\ntype: contact\ntier: regular\n---\n"
    "- 2026-09-01 email: his pricing template #got\n"
    "- 2026-10-20 call: #promised the slides\n"  # due 2027-02-17, 120 days on
)


def test_an_event_on_a_later_day_says_the_dates_of_what_is_open(render: Render) -> None:
    found = by_title(render({"People/Tom.md": OWED}))
    later = found["Reach out to Tom"]
    assert day(later) == dt.date(2027, 2, 17)
    text = description(later)
    assert "\nReceived on 2026-09-01, not returned yet: email: his pricing template" in text
    assert "\nPromised on 2026-10-20, not kept yet: call: #promised the slides" in text
    assert "ago" not in text
    today = description(found["Keep your promise to Tom"])  # dated today: true today
    assert "Promised on 2026-10-20 (37 days ago), not kept yet" in today
    assert "Received on 2026-09-01 (86 days ago)" in description(found["Give back to Tom"])


def test_no_event_of_the_sample_calendar_after_today_says_days_ago() -> None:
    today = dt.date(2026, 12, 7)
    later = [event for event in events(calendar_of(SAMPLE, today)) if day(event) > today]
    assert later and all("ago" not in description(event) for event in later)
    assert any("Promised on 2026-10-20, not kept yet" in description(e) for e in later)
