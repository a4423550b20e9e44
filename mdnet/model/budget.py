"""What circles and events cost: hours a month, dues a year, against the budget.

One place counts them, so that the rules (C001–C003, C006) and the summary's
Commitments section agree.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from mdnet.language import _, formats, ngettext
from mdnet.model.commitment import Circle, Event
from mdnet.model.vault import Vault

EVENT_WINDOW_DAYS = 30  # events this many days ahead count into the month's hours
CURRENCY_SIGNS = {"€": "EUR", "£": "GBP"}  # "$" and "¥" name several currencies


@dataclass(frozen=True)
class TimeItem:
    """One circle's hours a month, or one coming event's hours (counted once)."""

    title: str
    path: str
    hours: float
    date: dt.date | None = None  # an event's date; None for a circle

    @property
    def label(self) -> str:
        if self.date:
            return _("{title} on {date} {hours} h").format(
                title=self.title, date=self.date, hours=number(self.hours)
            )
        return _("{title} {hours} h").format(title=self.title, hours=number(self.hours))


@dataclass(frozen=True)
class DuesItem:
    """One circle's yearly dues, in the currency they count in."""

    title: str
    path: str
    amount: float
    currency: str

    @property
    def label(self) -> str:
        return f"{self.title} {money(self.amount, self.currency)}"


def active_circles(vault: Vault) -> list[Circle]:
    """Circles whose status is member, active or board, by path."""
    return [circle for _, circle in sorted(vault.circles.items()) if circle.is_active]


def is_coming(event: Event, today: dt.date, days: int = EVENT_WINDOW_DAYS) -> bool:
    """Dated within ``today``..``today + days`` and not skipped."""
    date = event.date
    return (
        date is not None
        and today <= date <= today + dt.timedelta(days=days)
        and event.status != "skipped"
    )


def time_items(vault: Vault, today: dt.date) -> list[TimeItem]:
    """Active circles' hours a month and coming events' hours, the biggest first."""
    items = [
        TimeItem(circle.title, circle.note.path, circle.hours_per_month)
        for circle in active_circles(vault)
        if circle.hours_per_month > 0
    ]
    items += [
        TimeItem(event.title, path, event.hours, event.date)
        for path, event in sorted(vault.events.items())
        if is_coming(event, today) and event.hours > 0
    ]
    return sorted(items, key=lambda item: (-item.hours, item.title, item.path))


def dues_items(circles: list[Circle]) -> list[DuesItem]:
    """The circles' yearly dues, the biggest first.

    Dues written without a currency count in the one currency the others name, when
    they name exactly one; otherwise they stay apart (currency ""). € and £ are EUR
    and GBP.
    """
    paying = [circle for circle in circles if circle.dues_per_year > 0]
    named = {currency_of(circle) for circle in paying} - {""}
    default = next(iter(named)) if len(named) == 1 else ""
    items = [
        DuesItem(
            circle.title, circle.note.path, circle.dues_per_year, currency_of(circle) or default
        )
        for circle in paying
    ]
    return sorted(items, key=lambda item: (-item.amount, item.title, item.path))


def currency_of(circle: Circle) -> str:
    """The currency its dues name, € and £ as EUR and GBP; "" when none."""
    return CURRENCY_SIGNS.get(circle.currency, circle.currency)


def dues_totals(items: list[DuesItem]) -> dict[str, float]:
    """Total yearly dues per currency ("" = none written), by currency."""
    totals: dict[str, float] = {}
    for item in items:
        totals[item.currency] = totals.get(item.currency, 0.0) + item.amount
    return dict(sorted(totals.items()))


def exceeds(total: float, budget: float) -> bool:
    """``total`` is above ``budget``, float noise aside (4 × 1/3 meetings is 4/3)."""
    return total > budget and not math.isclose(total, budget, rel_tol=1e-9, abs_tol=1e-9)


def number(value: float, digits: int = 1) -> str:
    """``8.666`` → ``"8.7"``, ``12.0`` → ``"12"``."""
    return formats.decimal(value, digits)


def money(amount: float, currency: str) -> str:
    """``"120 EUR"``, or ``"180"`` with no currency."""
    return f"{number(amount, 2)} {currency}".strip()


def listing(labels: list[str], most: int = 3) -> str:
    """The first ``most`` labels, and how many more."""
    shown = ", ".join(labels[:most])
    rest = len(labels) - most
    if rest <= 0:
        return shown
    return ngettext("{shown} and {rest} more", "{shown} and {rest} more", rest).format(
        shown=shown, rest=rest
    )
