"""R001 stale-contact — a contact has gone longer than its cadence without an interaction.

Why it matters: someone you have not talked to in months will not answer when you
need them. Relationships go stale quietly; a cadence per person turns that into a
date you can act on.

When it fires: a contact with at least one interaction (or a `last_contact`) whose
latest contact is more than its cadence ago. The latest contact is the latest of
`last_contact` and the interactions up to today; plans (`- [ ]` task items) and
future-dated entries do not count. The cadence is the contact's own `cadence:`, else
its `tier:`'s cadence under [cadence] in .mdnet.toml, else `[cadence] default`.
Past the cadence the message says "overdue"; past twice the cadence, "losing touch".
Exactly at the cadence it does not fire yet. Contacts with no interaction at all are
R003 (met recently) or count toward R002 (passive network) instead.

How to fix it: get in touch and log it as a dated entry in the contact's note. To put
it off, set `snooze_until: 2027-01-15` (no advice before that date); to stop tracking
someone, set `cadence: none` or a tier whose cadence is "none" (`dormant` by default);
or add `mdnet-ignore: [R001]` to the note.

Thresholds: [cadence] default = "180d", inner = "30d", close = "60d",
regular = "120d", acquaintance = "365d", dormant = "none". Durations are `30d`, `6w`,
`3m` (calendar months), `1y`, `monthly`, `quarterly`... or `none`.

Example, in People/Jane Doe.md:

    ---
    type: contact
    tier: close
    ---
    - 2026-05-02 coffee: talked about her move to Lyon

    People/Jane Doe.md:5:1: R001 stale-contact [warning] Last interaction 2026-05-02
    (208 days ago) exceeds the 60-day cadence for tier "close" twice over: losing
    touch; reach out.
"""

from __future__ import annotations

import datetime as dt

from mdnet.config import Config
from mdnet.language import _, ngettext
from mdnet.model.contact import Contact
from mdnet.model.health import LOSING_TOUCH, OVERDUE, Standing, standing
from mdnet.rules.finding import Hit
from mdnet.rules.per_contact import each_contact

CODE = "R001"
NAME = "stale-contact"
SEVERITY = "warning"


def about(contact: Contact, config: Config, today: dt.date) -> list[Hit]:
    where = standing(contact, config, today)
    if where.state not in (OVERDUE, LOSING_TOUCH):
        return []
    line = _line(contact, where, today)
    return [Hit(contact.note.path, line, _message(where, today), contact.title)]


check = each_contact(about)


def cadence_phrase(where: Standing) -> str:
    """``the 60-day cadence for tier "close"``: the cadence and where it came from."""
    assert where.cadence is not None
    length = where.cadence.describe()
    source = where.cadence_source
    if source.startswith("tier"):
        tier = where.contact.note.fields.get("tier", "")
        return _('the {length} cadence for tier "{tier}"').format(length=length, tier=tier)
    if source.startswith("cadence"):
        return _('the {length} cadence set by "cadence: {cadence}"').format(
            length=length, cadence=where.cadence.text
        )
    return _("the {length} default cadence").format(length=length)


def _message(where: Standing, today: dt.date) -> str:
    assert where.last is not None
    from_log = any(e.date == where.last for e in where.contact.past_interactions(today))
    days = (today - where.last).days
    if from_log:
        facts = ngettext(
            "Last interaction {date} ({days} day ago) exceeds {cadence}",
            "Last interaction {date} ({days} days ago) exceeds {cadence}",
            days,
        )
    else:
        facts = ngettext(
            "last_contact {date} ({days} day ago) exceeds {cadence}",
            "last_contact {date} ({days} days ago) exceeds {cadence}",
            days,
        )
    facts = facts.format(date=where.last, days=days, cadence=cadence_phrase(where))
    if where.state == LOSING_TOUCH:
        return _("{facts} twice over: losing touch; reach out.").format(facts=facts)
    overdue = where.days_overdue(today)
    return ngettext(
        "{facts}: overdue by {days} day; reach out.",
        "{facts}: overdue by {days} days; reach out.",
        overdue,
    ).format(facts=facts, days=overdue)


def _line(contact: Contact, where: Standing, today: dt.date) -> int:
    """The latest interaction's line if it is in the contact's note, else `last_contact`."""
    own = [
        entry
        for entry in contact.past_interactions(today)
        if entry.date == where.last and entry.path == contact.note.path
    ]
    if own:
        return own[-1].line
    return contact.note.line_of("last_contact")
