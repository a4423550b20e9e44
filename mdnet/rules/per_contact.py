"""What the rules about one contact at a time share (R001, R003, R004, G001, G002, F008)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from mdnet.config import Config
from mdnet.model.contact import Contact
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

About = Callable[[Contact, Config, dt.date], list[Hit]]


def each_contact(about: About) -> Callable[[Vault, Config, dt.date], Iterator[Hit]]:
    """A rule's ``check`` from ``about(contact, config, today)``, what it finds about one
    contact.

    ``about`` sees that contact and nothing else of the vault. The module defines
    ``about`` too: ``pipeline.run_rules`` asks all such rules about each contact at once
    (``rules.is_about_one``) and keeps what they find with the contact
    (``Contact.kept``), so that watch mode and a check from the snapshot ask again only
    about the contacts a change touched.
    """

    def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
        for contact in vault.contacts.values():
            yield from about(contact, config, today)

    return check
