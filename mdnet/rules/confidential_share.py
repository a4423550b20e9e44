"""G004 confidential-share — something you gave may leak confidential information.

Why it matters: share expertise, keep strategy. What you give to your network (advice,
a deck, news) must not carry your company's strategic information: a project's code
name, a client, a deal in progress.

When it fires: an entry tagged `#gave` (plans included: better before than after)
names one of the `[confidential] terms` of .mdnet.toml, as a whole word in any case
(`Falcon` matches "falcon" but not "Falconry"), or links a note whose front matter
says `confidential: true` (the contacts the entry is with do not count: they are
whom you gave to). It fires at the entry, wherever it is written.

How to fix it: check what was shared. If it was fine, reword the entry; if not, deal
with it (tell your manager, ask the person to forget it). To silence it:
`mdnet-ignore: [G004]` in the note holding the entry, or remove the term from the
config.

Thresholds: [confidential] terms = [] (none: only `confidential: true` notes count).

Example, with `terms = ["Falcon"]`:

    - 2026-11-02 lunch: #gave an overview of the falcon roadmap

    People/Jane Doe.md:8:1: G004 confidential-share [warning] This #gave entry names
    the confidential term "Falcon"; check that nothing strategic was shared, then
    reword it or silence it with mdnet-ignore.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import _
from mdnet.model.contact import IN_FILE_ORDER, Contact, Interaction
from mdnet.model.totals import Some, total
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "G004"
NAME = "confidential-share"
SEVERITY = "warning"


def _suspect(
    contact: Contact, config: Config, today: dt.date, confidential: frozenset[str]
) -> list[Interaction]:
    """The contact's ``#gave`` entries that name a term or link a confidential note: the
    few that may be reported (whether a link is to a recipient is known only from all
    the entries written at the same place)."""
    patterns = [_whole_word(term) for term in config.confidential_terms if term.strip()]
    return [
        entry
        for entry in contact.entries
        if "gave" in entry.markers
        and (
            any(pattern.search(entry.text) for pattern in patterns)
            or any(linked in confidential for linked in entry.links)
        )
    ]


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    patterns = [(term, _whole_word(term)) for term in config.confidential_terms if term.strip()]
    entries: dict[tuple[str, dt.date, str], list[Interaction]] = {}
    suspect = total(vault, Some, _suspect, config, today, vault.confidential)
    for entry in suspect.items():  # one entry may be with several contacts
        entries.setdefault((entry.path, entry.date, entry.text), []).append(entry)
    for same in entries.values():
        same.sort(key=IN_FILE_ORDER)  # in the order of the notes, whatever the contact
        recipients = {entry.contact for entry in same}
        terms = [term for term, pattern in patterns if pattern.search(same[0].text)]
        secret = [
            vault.notes[linked].title
            for linked in dict.fromkeys(same[0].links)
            if linked not in recipients and vault.notes[linked].fields.get("confidential")
        ]
        reasons = [_('names the confidential term "{term}"').format(term=term) for term in terms]
        reasons += [
            _('links the confidential note "{title}"').format(title=title) for title in secret
        ]
        if not reasons:
            continue
        subject = vault.contacts[same[0].contact].title
        message = _(
            "This #gave entry {reasons}; check that nothing strategic was shared, then "
            "reword it or silence it with mdnet-ignore."
        ).format(reasons=_(" and ").join(reasons))
        yield Hit(same[0].path, min(entry.line for entry in same), message, subject)


def _whole_word(term: str) -> re.Pattern[str]:
    """``term`` as a whole word, any case; spaces in it match any run of spaces."""
    body = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
