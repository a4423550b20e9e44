"""The section about give and take: what was received and not returned (G001), what
was promised and not kept (G002), the oldest first, each as its rule reports it."""

from __future__ import annotations

import datetime as dt

from mdnet.config import Config
from mdnet.language import N_, _, ngettext
from mdnet.model.contact import Contact
from mdnet.model.giveback import Finder, Pending, open_givebacks, open_promises
from mdnet.rules import Rule
from mdnet.rules import missing_give_back as G001
from mdnet.rules import open_promise as G002
from mdnet.summary.facts import Facts
from mdnet.summary.text import (
    Blocks,
    capped,
    code,
    day,
    days_ago,
    entry_phrase,
    not_selected,
    wikilink,
)


def give_back(facts: Facts) -> Blocks:
    """Open ``#got`` and open ``#promised``, oldest first."""
    return [
        "## " + _("Give back"),
        "### " + _("Received, not yet returned"),
        *_open_section(
            facts,
            G001,
            _("Nothing to return: every {got} has a {gave} after it.").format(
                got=code("#got"), gave=code("#gave")
            ),
        ),
        "### " + _("Promised, not yet kept"),
        *_open_section(facts, G002, _("No open {tag}.").format(tag=code("#promised"))),
    ]


# what each section lists: the open entries, the word for them, what to do
OPEN: dict[str, tuple[Finder, str, str]] = {
    G001.CODE: (open_givebacks, N_("{contact} — got on {date} ({ago})"), N_("give back")),
    G002.CODE: (open_promises, N_("{contact} — promised on {date} ({ago})"), N_("keep it")),
}


def _open_section(facts: Facts, rule: Rule, empty: str) -> Blocks:
    """The open entries of every contact, as ``rule`` (G001 or G002) would report them;
    only those shown are worded (tens of thousands may be open in a large vault)."""
    if not facts.reports(rule):
        return [not_selected(rule)]
    items = facts.ordered(ITEMS[rule.CODE])  # the oldest first
    if not items:
        return [empty]
    limit = facts.config.max_items
    shown = [
        _worded(rule, contact, pending, facts.link.shared)
        for _, contact, _, _, pending in items[:limit]
    ]
    return capped(shown, limit, rule.CODE, of=len(items))


Item = tuple[dt.date, str, str, int, Pending]  # entry date, contact, entry path and line


def _open_got(contact: Contact, config: Config, today: dt.date) -> tuple[Item, ...]:
    return _items(contact, config, today, G001)


def _open_promised(contact: Contact, config: Config, today: dt.date) -> tuple[Item, ...]:
    return _items(contact, config, today, G002)


ITEMS = {G001.CODE: _open_got, G002.CODE: _open_promised}  # one kept answer each


def _items(contact: Contact, config: Config, today: dt.date, rule: Rule) -> tuple[Item, ...]:
    """What ``rule`` finds open with ``contact``, keyed by age (none if the contact
    silences it); a tuple, kept with the contact."""
    if contact.note.silences(rule.CODE, rule.NAME):
        return ()
    path = contact.note.path
    find = OPEN[rule.CODE][0]
    return tuple(
        [
            (pending.entry.date, path, pending.entry.path, pending.entry.line, pending)
            for pending in find(contact, config, today)
        ]
    )


def _worded(rule: Rule, contact: str, pending: Pending, shared: frozenset[str]) -> str:
    """An open entry of the contact at ``contact`` as the section lists it."""
    _find, what, todo = OPEN[rule.CODE]
    entry = pending.entry
    text = _(what).format(
        contact=wikilink(contact, shared), date=day(entry.date), ago=days_ago(pending.days)
    )
    phrase = entry_phrase(entry.text)
    if phrase:
        text = _("{item}: {what}").format(item=text, what=phrase)
    if entry.path != contact:
        text += _(" (in {note})").format(note=wikilink(entry.path, shared))
    if pending.overdue:
        over = ngettext("; over {days} day: {todo}", "; over {days} days: {todo}", pending.limit)
        text += over.format(days=pending.limit, todo=_(todo))
    return text
