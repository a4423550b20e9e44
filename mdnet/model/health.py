"""Where each relationship stands today: active, overdue, losing touch, passive...

One place decides it, so that the rules (R001, R002, R003) and the summary agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from mdnet.config import Config
from mdnet.dates import Duration
from mdnet.model.contact import Contact
from mdnet.model.vault import Vault

ACTIVE = "active"  # in touch within the cadence (or no cadence set)
OVERDUE = "overdue"  # past the cadence
LOSING_TOUCH = "losing touch"  # past twice the cadence
SNOOZED = "snoozed"  # would be overdue or need a follow-up, but snooze_until is later
FOLLOW_UP = "follow up"  # no interaction, met between followup_days and the horizon
NEW = "new"  # no interaction yet, met within followup_days
PASSIVE = "passive"  # no interaction at all: a card in a file


class Standing(NamedTuple):
    """A contact's state today, with the facts a message or the summary names."""

    contact: Contact
    state: str
    last: dt.date | None = None  # latest of last_contact and past interactions
    cadence: Duration | None = None
    cadence_source: str = ""  # 'tier "close"', "cadence 6w" or "default"
    due: dt.date | None = None  # when the cadence runs out
    met: tuple[dt.date, str] | None = None  # when and how first met

    def days_since(self, today: dt.date) -> int | None:
        return (today - self.last).days if self.last else None

    def days_overdue(self, today: dt.date) -> int:
        return (today - self.due).days if self.due and today > self.due else 0

    @property
    def needs_reaching_out(self) -> bool:
        return self.state in (OVERDUE, LOSING_TOUCH)


def is_snoozed(contact: Contact, today: dt.date) -> bool:
    """True before the contact's ``snooze_until`` date: no reach-out advice yet."""
    until = contact.note.fields.get("snooze_until")
    return until is not None and today < until


def standings(vault: Vault, config: Config, today: dt.date) -> dict[str, Standing]:
    """Every contact's standing on ``today`` by path, each worked out once for ``config``
    and ``today`` and kept with the contact (``standing``)."""
    return {path: standing(contact, config, today) for path, contact in vault.contacts.items()}


def standing(contact: Contact, config: Config, today: dt.date) -> Standing:
    """Where ``contact`` stands on ``today`` (SPEC §4: at most one of R001 and R003)."""
    # kept without the contact: nothing kept with a contact points back at it, so that
    # a Contact the model replaces is freed at once (watch mode), cycles or no collector
    return tuple.__new__(Standing, (contact, *contact.kept(_work_out, config, today)))


def _work_out(contact: Contact, config: Config, today: dt.date) -> tuple[Any, ...]:
    return _where(contact, config, today)[1:]


def _where(contact: Contact, config: Config, today: dt.date) -> Standing:
    cadence, source = contact.cadence(config)
    snoozed = is_snoozed(contact, today)
    last = contact.last_contact(today)
    met = contact.met()
    if last is not None:
        if cadence is None:
            return Standing(contact, ACTIVE, last, None, source, None, met)
        due = cadence.after(last)
        state = ACTIVE
        if today > cadence.after(last, 2):
            state = LOSING_TOUCH
        elif today > due:
            state = OVERDUE
        if state != ACTIVE and snoozed:
            state = SNOOZED
        return Standing(contact, state, last, cadence, source, due, met)
    thresholds = config.thresholds
    if met is not None:
        days = (today - met[0]).days
        if days <= thresholds.followup_days:  # met lately, or to be met (a future date)
            return Standing(contact, NEW, None, cadence, source, None, met)
        if days <= thresholds.followup_horizon_days:
            state = SNOOZED if snoozed else FOLLOW_UP
            return Standing(contact, state, None, cadence, source, None, met)
    # a connection (`connected:`, LinkedIn's) is not a meeting: passive until something is
    # logged (SPEC §4), its date only ranks it among the passive (R002)
    connected = contact.connected()
    if met is None and connected is not None:
        met = (connected, "connected")
    return Standing(contact, PASSIVE, None, cadence, source, None, met)
