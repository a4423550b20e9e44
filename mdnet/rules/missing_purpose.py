"""C005 missing-purpose — a circle or a planned event without why, whom, what to bring.

Why it matters: before joining anything, three questions: why am I going, whom can I
meet there, what can I bring. Without answers, a membership or a fair is time spent
by habit, and you arrive with nothing to offer.

When it fires: a circle with status `member`, `active`, `board` or `prospect`, or a
planned event, lacks any of the fields `why`, `meet` and `offer` (empty counts as
missing); the message names the missing ones. The finding is at the `type:` line
(line 1 when the kind comes from the folder).

Which events are planned: status `planned` (whatever its date), or no status and a
`date` of today or later. Events attended or skipped, past events with no status and
events with neither status nor date are not checked. Former circles and circles with
no status are not checked either.

How to fix it: answer the three questions in the front matter, or, if you have no
answer, do not join or go. Silence it for one note with `mdnet-ignore: [C005]`.

Example:

    type: meetup
    date: 2026-12-03
    status: planned
    why: find a co-maintainer for the parser
    meet: the two core devs of markdown-it-py
    offer: a talk on linting notes
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import N_, _
from mdnet.model.commitment import Event
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "C005"
NAME = "missing-purpose"
SEVERITY = "warning"
QUESTIONS = {
    "why": N_("why you go (`why:`)"),
    "meet": N_("whom you can meet there (`meet:`)"),
    "offer": N_("what you can bring (`offer:`)"),
}


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    for path, circle in sorted(vault.circles.items()):
        missing = circle.missing_purpose()
        if missing and (circle.is_active or circle.status == "prospect"):
            prospect = circle.status == "prospect"
            message = (
                _("Circle {circle} ({status}) has no {missing}: {ask}, or reconsider joining.")
                if prospect
                else _(
                    "Circle {circle} ({status}) has no {missing}: {ask}, or leave (status: former)."
                )
            )
            yield Hit(
                path,
                circle.note.line_of("type"),
                message.format(
                    circle=circle.title,
                    status=circle.status,
                    missing=", ".join(missing),
                    ask=_ask(missing),
                ),
                circle.title,
            )
    for path, event in sorted(vault.events.items()):
        missing = event.missing_purpose()
        if missing and is_planned(event, today):
            message = (
                _(
                    "Planned event {event} on {date} has no {missing}: {ask}, or skip it "
                    "(status: skipped)."
                )
                if event.date
                else _(
                    "Planned event {event} has no {missing}: {ask}, or skip it (status: skipped)."
                )
            )
            yield Hit(
                path,
                event.note.line_of("type"),
                message.format(
                    event=event.title,
                    date=event.date,
                    missing=", ".join(missing),
                    ask=_ask(missing),
                ),
                event.title,
            )


def is_planned(event: Event, today: dt.date) -> bool:
    """Status planned, or no status and a date of today or later."""
    if event.status is not None:
        return event.status == "planned"
    return event.date is not None and event.date >= today


def _ask(missing: list[str]) -> str:
    questions = [_(QUESTIONS[key]) for key in missing]
    if len(questions) == 1:
        return _("write {question}").format(question=questions[0])
    if len(questions) == 2:
        return _("write {first} and {second}").format(first=questions[0], second=questions[1])
    return _("write {first}, {second}, and {third}").format(
        first=questions[0], second=questions[1], third=questions[2]
    )
