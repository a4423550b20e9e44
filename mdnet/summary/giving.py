"""The section about give and take: what was received and not returned (G001), what
was promised and not kept (G002), the oldest first, each as its rule reports it."""

from __future__ import annotations

import datetime as dt

from mdnet.config import Config
from mdnet.model.contact import Contact
from mdnet.model.giveback import Finder, open_givebacks, open_promises
from mdnet.rules import Rule
from mdnet.rules import missing_give_back as G001
from mdnet.rules import open_promise as G002
from mdnet.summary.facts import Facts
from mdnet.summary.text import Blocks, capped, code, days_ago, entry_phrase, not_selected, wikilink


def give_back(facts: Facts) -> Blocks:
    """Open ``#got`` and open ``#promised``, oldest first."""
    return [
        "## Give back",
        "### Received, not yet returned",
        *_open_section(
            facts,
            G001,
            f"Nothing to return: every {code('#got')} has a {code('#gave')} after it.",
        ),
        "### Promised, not yet kept",
        *_open_section(facts, G002, f"No open {code('#promised')}."),
    ]


# what each section lists: the open entries, the word for them, what to do
OPEN: dict[str, tuple[Finder, str, str]] = {
    G001.CODE: (open_givebacks, "got", "give back"),
    G002.CODE: (open_promises, "promised", "keep it"),
}


def _open_section(facts: Facts, rule: Rule, empty: str) -> Blocks:
    """The open entries of every contact, as ``rule`` (G001 or G002) would report them."""
    if not facts.reports(rule):
        return [not_selected(rule)]
    shared = facts.link.shared
    pending = [
        item
        for where in facts.standings
        if facts.reports(rule, where.contact.note.path)
        for item in where.contact.kept(ITEMS[rule.CODE], facts.config, facts.today, shared)
    ]
    if not pending:
        return [empty]
    items = [text for *_, text in sorted(pending)]  # the oldest first
    return capped(items, facts.config.max_items, rule.CODE)


Item = tuple[dt.date, str, str, int, str]  # entry date, contact, entry path and line; text


def _open_got(
    contact: Contact, config: Config, today: dt.date, shared: frozenset[str]
) -> list[Item]:
    return _items(contact, config, today, G001.CODE, shared)


def _open_promised(
    contact: Contact, config: Config, today: dt.date, shared: frozenset[str]
) -> list[Item]:
    return _items(contact, config, today, G002.CODE, shared)


ITEMS = {G001.CODE: _open_got, G002.CODE: _open_promised}  # one kept answer each


def _items(
    contact: Contact, config: Config, today: dt.date, rule_code: str, shared: frozenset[str]
) -> list[Item]:
    """What rule ``rule_code`` finds open with ``contact``, as list items keyed by age."""
    find, verb, todo = OPEN[rule_code]
    items = []
    for pending in find(contact, config, today):
        entry = pending.entry
        text = f"{wikilink(contact.note.path, shared)} — {verb} on {entry.date} "
        text += f"({days_ago(pending.days)})"
        phrase = entry_phrase(entry.text)
        if phrase:
            text += f": {phrase}"
        if entry.path != contact.note.path:
            text += f" (in {wikilink(entry.path, shared)})"
        if pending.overdue:
            text += f"; over {pending.limit} days: {todo}"
        items.append((entry.date, contact.note.path, entry.path, entry.line, text))
    return items
