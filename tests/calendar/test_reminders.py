"""What the calendar holds (SPEC §11): which events, on which day, saying why."""

from __future__ import annotations

import datetime as dt

from dateutil.rrule import rrulestr

from tests.calendar.ics_vault import Render, by_title, day, description

CLOSE = "---\ntype: contact\ntier: close\ncompany: Acme\nrole: CTO\nemail: jane@acme.example\n---\n"


def test_an_overdue_contact_is_to_reach_out_today_saying_why(render: Render) -> None:
    jane = CLOSE + "- 2026-07-01 email #got an intro to [[Bob]]\n- 2026-08-01 coffee: Berlin\n"
    found = by_title(render({"People/Jane.md": jane}))
    event = found["Reach out to Jane"]
    assert day(event) == dt.date(2026, 11, 26) and day(event, "DTEND") == dt.date(2026, 11, 27)
    text = description(event)
    assert "Jane (CTO, Acme)" in text and "Email: jane@acme.example" in text
    assert '\n57 days overdue (60-day cadence, tier "close").' in text
    assert "Last interaction: 2026-08-01 (117 days ago): coffee: Berlin" in text
    assert "Received on 2026-07-01 (148 days ago), not returned yet: email #got an intro" in text
    assert "[[" not in text and "Bob" in text  # links read as plain names


def test_a_contact_coming_due_within_90_days_is_on_its_due_date(render: Render) -> None:
    found = by_title(
        render(
            {
                "People/Soon.md": CLOSE + "- 2026-11-01 call\n",  # due 2026-12-31
                "People/Later.md": "---\ntype: contact\ntier: regular\n---\n- 2026-11-01 call\n",
            }
        )
    )
    assert day(found["Reach out to Soon"]) == dt.date(2026, 12, 31)
    assert "Due on 2026-12-31 (60-day cadence" in description(found["Reach out to Soon"])
    assert "Last interaction: 2026-11-01: call" in description(found["Reach out to Soon"])
    assert "Reach out to Later" not in found  # due 2027-03-01: past the 90 days


def test_only_the_contacts_reach_out_this_week_lists_are_today(render: Render) -> None:
    files = {
        ".mdnet.toml": "[summary]\nreach_out = 1\n",
        "People/Oldest.md": CLOSE + "- 2026-01-02 call\n",
        "People/Newer.md": CLOSE + "- 2026-06-02 call\n",
    }
    found = by_title(render(files))
    assert "Reach out to Oldest" in found and "Reach out to Newer" not in found
    assert "Losing touch (past twice the cadence): 268 days overdue" in description(
        found["Reach out to Oldest"]
    )


def test_a_snoozed_contact_is_due_when_the_snooze_ends(render: Render) -> None:
    jane = "---\ntype: contact\ntier: close\nsnooze_until: 2027-01-10\n---\n- 2026-05-02 call\n"
    event = by_title(render({"People/Jane.md": jane}))["Reach out to Jane"]
    assert day(event) == dt.date(2027, 1, 10)
    text = description(event)
    assert "Due since 2026-07-01 (60-day cadence" in text
    assert "Snoozed until 2027-01-10." in text


def test_people_met_and_not_followed_up_are_for_today(render: Render) -> None:
    files = {
        "People/Chloe.md": "---\ntype: contact\nmet: 2026-10-15\nmet_at: '[[Salon]]'\n---\n",
        "Events/Salon.md": "---\ntype: event\ndate: 2026-10-15\nstatus: attended\n---\n",
    }
    event = by_title(render(files))["Follow up with Chloe"]
    assert day(event) == dt.date(2026, 11, 26)
    assert "Met 2026-10-15 at Salon (42 days ago), no interaction since; 48 days left" in (
        description(event)
    )


def test_give_backs_and_promises_are_one_event_per_contact_today(render: Render) -> None:
    tom = (
        "---\ntype: contact\ncadence: none\n---\n"
        "- 2026-03-02 email: his pricing template #got\n"
        "- 2026-04-02 call: a referral #got\n"
        "- 2026-10-20 call: #promised the slides\n"
        "- 2026-11-20 call: #promised a coffee\n"  # 6 days: not yet G002's
    )
    found = by_title(render({"People/Tom.md": tom}))
    give = found["Give back to Tom"]
    assert day(give) == dt.date(2026, 11, 26)
    text = description(give)
    assert "Received on 2026-03-02 (269 days ago), not returned yet: email: his pricing" in text
    assert "Received on 2026-04-02" in text
    assert "Last interaction: 2026-11-20 (6 days ago): call: #promised a coffee" in text
    promise = description(found["Keep your promise to Tom"])
    assert "Promised on 2026-10-20 (37 days ago), not kept yet: call: #promised the slides" in (
        promise
    )
    assert "Promised on 2026-11-20" not in promise
    assert len(found) == 2  # no cadence: nothing to reach out for


def test_the_last_interaction_is_not_said_twice(render: Render) -> None:
    tom = "---\ntype: contact\ncadence: none\n---\n- 2026-03-02 email: a template #got\n"
    text = description(by_title(render({"People/Tom.md": tom}))["Give back to Tom"])
    assert text.count("a template") == 1 and "Last interaction" not in text


def test_renewals_of_active_circles_are_on_their_date(render: Render) -> None:
    guild = (
        "---\ntype: circle\nstatus: board\nrenewal: 2027-03-10\ndues: 120 EUR/year\n"
        "why: learn from peers\nmeet: other architects\n---\n"
        "- 2026-09-01 #attended\n- 2026-10-01 #missed\n"
    )
    files = {
        "Circles/Guild.md": guild,
        "Circles/Old.md": "---\ntype: circle\nstatus: former\nrenewal: 2027-01-01\n---\n",
        "Circles/Past.md": "---\ntype: circle\nstatus: member\nrenewal: 2026-11-01\n---\n",
    }
    found = by_title(render(files))
    event = found["Renewal: Guild"]
    assert day(event) == dt.date(2027, 3, 10)
    text = description(event)
    assert "Guild renews on 2027-03-10" in text
    assert "Attended 1 of 2 meetings (50 %)" in text and "Dues: 120 EUR a year." in text
    assert "Why: learn from peers" in text
    assert "Not written yet: what you can bring (offer)." in text
    assert set(found) == {"Renewal: Guild"}  # not a former circle's, nor a passed one


def test_planned_events_run_from_their_date_to_their_end(render: Render) -> None:
    conf = (
        "---\ntype: conference\ndate: 2026-12-05\nend: 2026-12-06\nstatus: planned\n"
        "cost: 390 EUR\nwhy: the platform track\nmeet: '[[Priya]]''s team'\noffer: a talk\n---\n"
    )
    files = {
        "Events/Conf.md": conf,
        "Events/Done.md": "---\ntype: event\ndate: 2026-10-01\nstatus: attended\n---\n",
        "Events/Forgot.md": "---\ntype: event\ndate: 2026-10-01\nstatus: planned\n---\n",
        "Events/Skip.md": "---\ntype: event\ndate: 2026-12-01\nstatus: skipped\n---\n",
    }
    found = by_title(render(files))
    event = found["Conf"]
    assert (day(event), day(event, "DTEND")) == (dt.date(2026, 12, 5), dt.date(2026, 12, 7))
    text = description(event)
    assert "Why: the platform track\nMeet: Priya's team\nOffer: a talk" in text
    assert "Time: 3 hours; cost: 390 EUR." in text
    assert set(found) == {"Conf"}


def test_birthdays_repeat_every_year_and_29_february_on_the_last_day(render: Render) -> None:
    files = {
        "People/Ann.md": "---\ntype: contact\nbirthday: 1985-11-30\n---\n",
        "People/Leap.md": "---\ntype: contact\nbirthday: 1992-02-29\n---\n",
    }
    found = by_title(render(files))
    ann, leap = found["Ann's birthday"], found["Leap's birthday"]
    assert day(ann) == dt.date(1985, 11, 30)
    assert ann["RRULE"].to_ical() == b"FREQ=YEARLY"
    recurrence = leap["RRULE"].to_ical()
    assert recurrence == b"FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2" and isinstance(recurrence, bytes)
    start = dt.datetime(1992, 2, 29)
    rule = rrulestr(recurrence.decode(), dtstart=start)
    after = [d.date() for d in rule.between(dt.datetime(2026, 1, 1), dt.datetime(2029, 1, 1))]
    assert after == [dt.date(2026, 2, 28), dt.date(2027, 2, 28), dt.date(2028, 2, 29)]
    assert "Born 1992-02-29: on 28 February in years without" in description(leap)


def test_the_rule_selection_and_mdnet_ignore_are_followed(render: Render) -> None:
    overdue = CLOSE + "- 2026-03-02 call #got a referral\n"
    files = {
        ".mdnet.toml": '[rules]\nignore = ["G001"]\n',
        "People/Jane.md": overdue,
        "People/Quiet.md": overdue.replace("type: contact", "type: contact\nmdnet-ignore: [R001]"),
        "People/Gone.md": "---\ntype: contact\nmdnet-ignore: all\nbirthday: 1980-01-01\n---\n",
        "Circles/Guild.md": "---\ntype: circle\nstatus: member\nrenewal: 2027-01-01\n"
        "mdnet-ignore: [renewal-due]\n---\n",
    }
    found = by_title(render(files))
    assert set(found) == {"Reach out to Jane"}  # no G001 anywhere; Quiet silences R001
    assert "Received" not in description(found["Reach out to Jane"])  # G001 is ignored


def test_nothing_to_do_gives_an_empty_calendar(render: Render) -> None:
    regular = "---\ntype: contact\ntier: regular\n---\n- 2026-11-20 call\n"  # due in 114 days
    assert by_title(render({"People/Jane.md": regular})) == {}
