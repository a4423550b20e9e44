"""Every text the calendar shows, in one place: titles and descriptions read on a phone.

Each in a small function, through the catalogs (SPEC §12), in the summary's language;
dates stay ISO, as in the notes (a birthday whose year is unknown: its day and month, as
the language writes them). Texts are plain, not Markdown: a calendar shows them as they
are. Relative words ("12 days ago") appear only in events dated today; an event on a
later day says dates, which stay true until then.
"""

from __future__ import annotations

import datetime as dt

from mdnet.language import N_, _, formats, ngettext
from mdnet.model.commitment import Circle, Event
from mdnet.model.contact import Contact, Interaction
from mdnet.model.giveback import Pending
from mdnet.model.health import LOSING_TOUCH, Standing
from mdnet.rules import renewal_due as C006
from mdnet.summary.text import cadence_said, days_ago, plain_phrase

PHRASE_LIMIT = 100
HOUR_DECIMALS = 2  # an event's hours as written: 1.5, 2.25


def plain(text: str, limit: int = PHRASE_LIMIT) -> str:
    """What a note says, on one line, without task box, leading date or link brackets."""
    return plain_phrase(str(text), limit)


def days(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=count)


# -- who -------------------------------------------------------------------------------


def who(contact: Contact) -> list[str]:
    """The person: name, role and company, then how to reach them."""
    fields = contact.note.fields
    work = ", ".join(str(fields[key]) for key in ("role", "company") if fields.get(key))
    lines = [f"{contact.name} ({work})" if work else contact.name]
    lines += [_("Email: {email}").format(email=email) for email in fields.get("email", ())]
    lines += [_("Phone: {phone}").format(phone=phone) for phone in fields.get("phone", ())]
    return lines


def open_note(url: str) -> str:
    return _("Open the note: {url}").format(url=url)


# -- reach out -------------------------------------------------------------------------


def reach_out_title(contact: Contact) -> str:
    return _("Reach out to {name}").format(name=contact.name)


def reach_out_why(where: Standing, today: dt.date, on: dt.date) -> str:
    """Why: days overdue (on ``today``), or the cadence that comes due (on a later day)."""
    assert where.cadence is not None and where.due is not None
    cadence = cadence_said(where)
    late = where.days_overdue(today)
    if on > today:
        due = _("Due since {date} ({cadence}).") if late else _("Due on {date} ({cadence}).")
        return due.format(date=where.due, cadence=cadence)
    if where.state == LOSING_TOUCH:
        return _("Losing touch (past twice the cadence): {days} overdue ({cadence}).").format(
            days=days(late), cadence=cadence
        )
    return _("{days} overdue ({cadence}).").format(days=days(late), cadence=cadence)


def snoozed_until(until: dt.date) -> str:
    return _("Snoozed until {date}.").format(date=until)


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
        return _("Last contact: {when} (from last_contact)").format(when=when)
    if any(pending.entry == entries[-1] for pending in said):
        return None
    phrase = plain(entries[-1].text)
    if phrase:
        return _("Last interaction: {when}: {what}").format(when=when, what=phrase)
    return _("Last interaction: {when}").format(when=when)


# -- follow up -------------------------------------------------------------------------


def follow_up_title(contact: Contact) -> str:
    return _("Follow up with {name}").format(name=contact.name)


def follow_up_why(met: dt.date, at: str | None, today: dt.date, horizon: int) -> str:
    ago = (today - met).days
    met_at = _("Met {date} at {place} ({ago})") if at else _("Met {date} ({ago})")
    said = met_at.format(date=met, place=at, ago=days_ago(ago))
    left = _("{met}, no interaction since; {left} left before the {horizon}-day horizon.")
    return left.format(met=said, left=days(horizon - ago), horizon=horizon)


# -- give back, promises ---------------------------------------------------------------


def give_back_title(contact: Contact) -> str:
    return _("Give back to {name}").format(name=contact.name)


def promise_title(contact: Contact) -> str:
    return _("Keep your promise to {name}").format(name=contact.name)


def received(pending: Pending, relative: bool = True) -> str:
    """Without ``relative`` (in an event on a later day), the date alone."""
    if relative:
        return _pending(_("Received on {date} ({ago}), not returned yet"), pending)
    return _pending(_("Received on {date}, not returned yet"), pending)


def promised(pending: Pending, relative: bool = True) -> str:
    """Without ``relative`` (in an event on a later day), the date alone."""
    if relative:
        return _pending(_("Promised on {date} ({ago}), not kept yet"), pending)
    return _pending(_("Promised on {date}, not kept yet"), pending)


def _pending(sentence: str, pending: Pending) -> str:
    entry: Interaction = pending.entry
    phrase = plain(entry.text)
    said = sentence.format(date=entry.date, ago=days_ago(pending.days))
    return _("{item}: {what}").format(item=said, what=phrase) if phrase else said


# -- circles and events ----------------------------------------------------------------


def renewal_title(circle: Circle) -> str:
    return _("Renewal: {circle}").format(circle=circle.title)


def renewal_why(circle: Circle, renewal: dt.date, today: dt.date) -> list[str]:
    attended, recorded = circle.attendance(today)
    lines = [
        _("{circle} renews on {date}: renew, or leave (status: former).").format(
            circle=circle.title, date=renewal
        )
    ]
    if recorded:
        share = round(attended / recorded * 100)
        lines.append(
            ngettext(  # "meeting" goes with the meetings recorded: "1 of 1 meeting"
                "Attended {attended} of {recorded} meeting ({share} %) in the last year.",
                "Attended {attended} of {recorded} meetings ({share} %) in the last year.",
                recorded,
            ).format(attended=attended, recorded=recorded, share=share)
        )
    else:
        lines.append(_("No meetings recorded in the last year."))
    return lines


def dues(amount: str) -> str:
    return _("Dues: {amount} a year.").format(amount=amount)


def hours_a_month(hours: float) -> str:
    """``Time: 6 hours a month.``, ``Time: 1 hour a month.``"""
    return _("Time: {hours}.").format(hours=C006.hours_a_month(hours))


def event_title(event: Event) -> str:
    return event.title


def purpose(key: str, value: object) -> str:
    """``Why: …``, ``Meet: …``, ``Offer: …``."""
    label = {"why": N_("Why: {text}"), "meet": N_("Meet: {text}"), "offer": N_("Offer: {text}")}
    return _(label[key]).format(text=plain(str(value), 300))


QUESTIONS = {"why": N_("why you go"), "meet": N_("whom you can meet")}
QUESTIONS["offer"] = N_("what you can bring")


def missing_purpose(keys: list[str]) -> str:
    """``Not written yet: what you can bring (offer).``"""
    asked = ", ".join(f"{_(QUESTIONS[key])} ({key})" for key in keys)
    return _("Not written yet: {questions}.").format(questions=asked)


def event_cost(hours: float, cost: object) -> str:
    """``Time: 3 hours; cost: 390 EUR.``, ``Time: 1 hour.``"""
    count = formats.plural_count(hours, HOUR_DECIMALS)
    said = ngettext("{hours} hour", "{hours} hours", count)
    spent = said.format(hours=formats.decimal(hours, HOUR_DECIMALS))
    if cost:
        return _("Time: {hours}; cost: {cost}.").format(hours=spent, cost=cost)
    return _("Time: {hours}.").format(hours=spent)


# -- birthdays -------------------------------------------------------------------------


def birthday_title(contact: Contact) -> str:
    return _("{name}'s birthday").format(name=contact.name)


def born(day: dt.date) -> str:
    if (day.month, day.day) == (2, 29):
        return _("Born {date}: on 28 February in years without a 29th.").format(date=day)
    return _("Born {date}.").format(date=day)


def born_on(day: dt.date) -> str:
    """A birthday whose year is unknown (an address book's ``--03-12``): ``Born on
    March 12.``, without the year the import had to write."""
    said = formats.day_month(day)
    if (day.month, day.day) == (2, 29):
        return _("Born on {day}: on 28 February in years without a 29th.").format(day=said)
    return _("Born on {day}.").format(day=said)


# -- the calendar itself ---------------------------------------------------------------

CATEGORIES = {
    "reach-out": N_("Reach out"),
    "follow-up": N_("Follow up"),
    "give-back": N_("Give back"),
    "promise": N_("Promise"),
    "renewal": N_("Renewal"),
    "event": N_("Event"),
    "birthday": N_("Birthday"),
}


def category(kind: str) -> str:
    return _(CATEGORIES[kind])


def calendar_name(vault: str) -> str:
    return f"mdnet: {vault}"


def calendar_description() -> str:
    return _("Whom to reach out to, what to give back, renewals, events and birthdays, from mdnet.")
