"""R004 unanswered-outreach — your last messages to someone all went unanswered.

Why it matters: being active is not writing again and again to someone who does not
answer. Past a few unanswered messages, one more does harm: measure, don't harass.

When it fires: the last `max_unanswered` interactions with a contact (up to today,
plans not counted) are all tagged `#noreply`, and there are at least that many.
One answered exchange among them, or fewer entries than the threshold, and it does
not fire.

How to fix it: stop writing for a while. Try another way in (an introduction by a
common contact, an event you will both attend), or wait for them to come back. When
they answer, log it as an entry without `#noreply`. To put it off, set
`snooze_until:` (no advice before that date); or add `mdnet-ignore: [R004]` to the
note.

Thresholds: [thresholds] max_unanswered = 3.

Example, in People/Alex Kim.md:

    - 2026-09-01 email: congratulations on the new role #noreply
    - 2026-09-20 linkedin: shared the meetup invite #noreply
    - 2026-10-15 email: asked for 15 minutes #noreply

    People/Alex Kim.md:7:1: R004 unanswered-outreach [warning] The last 3 interactions
    (2026-09-01 to 2026-10-15) all went unanswered (#noreply, max_unanswered = 3);
    stop writing for now: try an introduction or an event, or wait for an answer.
"""

from __future__ import annotations

import datetime as dt

from mdnet.config import Config
from mdnet.language import _
from mdnet.model.contact import Contact
from mdnet.model.health import is_snoozed
from mdnet.rules.finding import Hit
from mdnet.rules.per_contact import each_contact

CODE = "R004"
NAME = "unanswered-outreach"
SEVERITY = "warning"


def about(contact: Contact, config: Config, today: dt.date) -> list[Hit]:
    count = config.thresholds.max_unanswered
    if count < 1:
        return []
    last = contact.past_interactions(today)[-count:]
    if len(last) < count or not all("noreply" in entry.markers for entry in last):
        return []
    if is_snoozed(contact, today):
        return []
    own = [entry for entry in last if entry.path == contact.note.path]
    message = (
        _(
            "The last {count} interactions ({first} to {last}) all went unanswered "
            "(#noreply, max_unanswered = {count}); stop writing for now: try an "
            "introduction or an event, or wait for an answer."
        )
        if count > 1
        else _(
            "The last interaction ({first}) went unanswered (#noreply, max_unanswered = "
            "{count}); stop writing for now: try an introduction or an event, or wait for "
            "an answer."
        )
    ).format(count=count, first=last[0].date, last=last[-1].date)
    return [Hit(contact.note.path, own[-1].line if own else 1, message, contact.title)]


check = each_contact(about)
