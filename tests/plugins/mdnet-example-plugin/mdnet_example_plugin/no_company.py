"""A rule as an object rather than a module, about one contact at a time."""

from __future__ import annotations

import datetime as dt

from mdnet.config import Config
from mdnet.model.contact import Contact
from mdnet.rules.finding import Hit


class NoCompany:
    """X102 no-company — a contact you have been in touch with has no company.

    When it fires: a contact with at least one interaction up to today has no `company`.

    How to fix it: add `company:` to the note's front matter.
    """

    CODE = "X102"
    NAME = "no-company"
    SEVERITY = "info"

    def about(self, contact: Contact, config: Config, today: dt.date) -> list[Hit]:
        if contact.note.fields.get("company") or not contact.past_interactions(today):
            return []
        return [Hit(contact.note.path, 1, f"{contact.name} has no company", contact.title)]

    def check(self, vault: object, config: Config, today: dt.date) -> list[Hit]:
        contacts = getattr(vault, "contacts", {}).values()
        return [hit for contact in contacts for hit in self.about(contact, config, today)]


RULE = NoCompany()
