"""Every text the calendar shows, in one place: titles and descriptions read on a phone.

Plain f-strings, each in a small function, so that translating them (SPEC §12) means
wrapping these and nothing else. Texts are plain, not Markdown: a calendar shows them
as they are. Relative words ("12 days ago") appear only in events dated today; an event
on a later day says dates, which stay true until then.
"""

from __future__ import annotations

import datetime as dt

from mdnet.model.commitment import Circle, Event
from mdnet.model.contact import Contact, Interaction
from mdnet.model.giveback import Pending
from mdnet.model.health import LOSING_TOUCH, Standing
from mdnet.summary.text import plain_phrase

PHRASE_LIMIT = 100


def plain(text: str, limit: int = PHRASE_LIMIT) -> str:
    """What a note says, on one line, without task box, leading date or link brackets."""
    return plain_phrase(str(text), limit)


def days_ago(days: int) -> str:
    return {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")


def days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


# -- who -------------------------------------------------------------------------------


def who(contact: Contact) -> list[str]:
    """The person: name, role and company, then how to reach them."""
    fields = contact.note.fields
    work = ", ".join(str(fields[key]) for key in ("role", "company") if fields.get(key))
    lines = [f"{contact.name} ({work})" if work else contact.name]
    lines += [f"Email: {email}" for email in fields.get("email", ())]
    lines += [f"Phone: {phone}" for phone in fields.get("phone", ())]
    return lines


def open_note(url: str) -> str:
    return f"Open the note: {url}"


# -- reach out -------------------------------------------------------------------------


def reach_out_title(contact: Contact) -> str:
    return f"Reach out to {contact.name}"


def reach_out_why(where: Standing, today: dt.date, on: dt.date) -> str:
    """Why: days overdue (on ``today``), or the cadence that comes due (on a later day)."""
    assert where.cadence is not None and where.due is not None
    cadence = f"{where.cadence.describe()} cadence, {where.cadence_source}"
    late = where.days_overdue(today)
    if on > today:
        return f"Due {'since' if late else 'on'} {where.due} ({cadence})."
    if where.state == LOSING_TOUCH:
        return f"Losing touch (past twice the cadence): {days(late)} overdue ({cadence})."
    return f"{days(late)} overdue ({cadence})."


def snoozed_until(until: dt.date) -> str:
    return f"Snoozed until {until}."


def last_interaction(
    contact: Contact,
    last: dt.date,
    today: dt.date,
    relative: bool,
    said: tuple[Pending, ...] = (),
) -> str | None:
    """``Last interaction: 2026-05-02 (208 days ago): coffee, talked about Berlin``;
    None when that entry is one of the open ones ``said`` already."""
    when = f"{last} ({days_ago((today - last).days)})" if relative else str(last)
    entries = [entry for entry in contact.past_interactions(today) if entry.date == last]
    if not entries:
        return f"Last contact: {when} (from last_contact)"
    if any(pending.entry == entries[-1] for pending in said):
        return None
    phrase = plain(entries[-1].text)
    return f"Last interaction: {when}" + (f": {phrase}" if phrase else "")


# -- follow up -------------------------------------------------------------------------


def follow_up_title(contact: Contact) -> str:
    return f"Follow up with {contact.name}"


def follow_up_why(met: dt.date, at: str | None, today: dt.date, horizon: int) -> str:
    ago = (today - met).days
    where = f" at {at}" if at else ""
    return (
        f"Met {met}{where} ({days_ago(ago)}), no interaction since; "
        f"{days(horizon - ago)} left before the {horizon}-day horizon."
    )


# -- give back, promises ---------------------------------------------------------------


def give_back_title(contact: Contact) -> str:
    return f"Give back to {contact.name}"


def promise_title(contact: Contact) -> str:
    return f"Keep your promise to {contact.name}"


def received(pending: Pending) -> str:
    return _pending("Received", pending, "not returned yet")


def promised(pending: Pending) -> str:
    return _pending("Promised", pending, "not kept yet")


def _pending(verb: str, pending: Pending, state: str) -> str:
    entry: Interaction = pending.entry
    phrase = plain(entry.text)
    said = f": {phrase}" if phrase else ""
    return f"{verb} on {entry.date} ({days_ago(pending.days)}), {state}{said}"


# -- circles and events ----------------------------------------------------------------


def renewal_title(circle: Circle) -> str:
    return f"Renewal: {circle.title}"


def renewal_why(circle: Circle, renewal: dt.date, today: dt.date) -> list[str]:
    attended, recorded = circle.attendance(today)
    lines = [f"{circle.title} renews on {renewal}: renew, or leave (status: former)."]
    if recorded:
        share = round(attended / recorded * 100)
        lines.append(f"Attended {attended} of {recorded} meetings ({share} %) in the last year.")
    else:
        lines.append("No meetings recorded in the last year.")
    return lines


def dues(amount: str) -> str:
    return f"Dues: {amount} a year."


def hours_a_month(hours: str) -> str:
    return f"Time: {hours} hours a month."


def event_title(event: Event) -> str:
    return event.title


def purpose(key: str, value: object) -> str:
    """``Why: …``, ``Meet: …``, ``Offer: …``."""
    label = {"why": "Why", "meet": "Meet", "offer": "Offer"}[key]
    return f"{label}: {plain(str(value), 300)}"


QUESTIONS = {"why": "why you go", "meet": "whom you can meet", "offer": "what you can bring"}


def missing_purpose(keys: list[str]) -> str:
    """``Not written yet: what you can bring (offer).``"""
    asked = ", ".join(f"{QUESTIONS[key]} ({key})" for key in keys)
    return f"Not written yet: {asked}."


def event_cost(hours: float, cost: object) -> str:
    spent = f"{hours:g} hours"
    return f"Time: {spent}; cost: {cost}." if cost else f"Time: {spent}."


# -- birthdays -------------------------------------------------------------------------


def birthday_title(contact: Contact) -> str:
    return f"{contact.name}'s birthday"


def born(day: dt.date) -> str:
    if (day.month, day.day) == (2, 29):
        return f"Born {day}: on 28 February in years without a 29th."
    return f"Born {day}."


# -- the calendar itself ---------------------------------------------------------------

CATEGORIES = {
    "reach-out": "Reach out",
    "follow-up": "Follow up",
    "give-back": "Give back",
    "promise": "Promise",
    "renewal": "Renewal",
    "event": "Event",
    "birthday": "Birthday",
}


def category(kind: str) -> str:
    return CATEGORIES[kind]


def calendar_name(vault: str) -> str:
    return f"mdnet: {vault}"


def calendar_description() -> str:
    return "Whom to reach out to, what to give back, renewals, events and birthdays, from mdnet."
