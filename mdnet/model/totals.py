"""Totals over every contact of the vault, carried from one version of the vault to the next.

The vault-wide rules (F006, R002, G003, G004, F007) and the summary's sections add up
what each contact brings (``Contact.kept``): with ten thousand contacts, each such pass
costs milliseconds, and watch mode and the language server make one on every change. A
``Total`` keeps what every contact brought, and the result. The next version of the
vault that the builder makes from this one knows which contacts it made anew, added or
removed (``Vault.changed``): the total takes back what those brought and adds what
they bring now, and no other contact is asked anything.

A total made for another config, day or arguments, or for a vault that does not follow
the one it was last made for, is made anew from every contact.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar

from mdnet.config import Config
from mdnet.model.contact import Contact
from mdnet.model.vault import Vault

P = TypeVar("P")  # what one contact brings
T = TypeVar("T", bound="Total[Any]")


class Total(Generic[P]):
    """What the contacts brought (``parts``, by path), added up as a subclass says."""

    def __init__(self) -> None:
        self.parts: dict[str, P] = {}

    def keeps(self, part: P) -> bool:
        """Whether ``part`` is kept (and added): every part, unless a subclass says."""
        return True

    def fill(self, parts: Iterable[tuple[str, P]]) -> None:
        """Add what every contact brings (path, part), from nothing."""
        for path, part in parts:
            if self.keeps(part):
                self.parts[path] = part
                self.add(part)

    def add(self, part: P) -> None:
        """Add ``part`` to the result."""

    def take_back(self, part: P) -> None:
        """Take ``part``, added before, back out of the result."""


class Some(Total[Any]):
    """The contacts that bring something (a non-empty list, a value not None): ``parts``
    holds those alone."""

    def keeps(self, part: Any) -> bool:
        return bool(part)

    def items(self) -> Iterator[Any]:
        """Every item of the contacts' lists, the contacts in no order."""
        for part in self.parts.values():
            yield from part


class Ordered(Total[Sequence[Any]]):
    """Every contact's list of items, all of them in one sorted list (``items``; a contact
    that is listed or not brings a list of one item or none).

    ``items`` is the total's own list, kept up to date when a later version of the vault
    asks: copy what must outlive the next question."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Any] = []

    def keeps(self, part: Sequence[Any]) -> bool:
        return bool(part)

    def fill(self, parts: Iterable[tuple[str, Sequence[Any]]]) -> None:
        for path, part in parts:
            if part:
                self.parts[path] = part
                self.items += part
        self.items.sort()

    def add(self, part: Sequence[Any]) -> None:
        for item in part:
            bisect.insort(self.items, item)

    def take_back(self, part: Sequence[Any]) -> None:
        for item in part:
            del self.items[bisect.bisect_left(self.items, item)]


class Counted(Total[Hashable]):
    """How many contacts bring each value (``counts``)."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: Counter[Hashable] = Counter()

    def add(self, part: Hashable) -> None:
        self.counts[part] += 1

    def take_back(self, part: Hashable) -> None:
        self.counts[part] -= 1
        if not self.counts[part]:
            del self.counts[part]


class Summed(Total[tuple[int, ...]]):
    """The sum of the contacts' numbers, place by place (``sums``; () for no contact)."""

    def __init__(self) -> None:
        super().__init__()
        self.sums: tuple[int, ...] = ()

    def keeps(self, part: tuple[int, ...]) -> bool:
        return any(part)

    def add(self, part: tuple[int, ...]) -> None:
        self.sums = tuple(map(int.__add__, self.sums, part)) if self.sums else part

    def take_back(self, part: tuple[int, ...]) -> None:
        self.sums = tuple(map(int.__sub__, self.sums, part))


def total(
    vault: Vault,
    kind: type[T],
    work_out: Callable[..., Any],
    config: Config,
    today: dt.date,
    *more: Hashable,
) -> T:
    """The ``kind`` of total of ``work_out(contact, config, today, *more)`` over every
    contact of ``vault`` (each part kept with its contact too, ``Contact.kept``)."""
    made = vault.totals.get((kind, work_out))
    if made is not None:
        mark, key, kept = made
        if key[0] is config and key[1:] == (today, more) and mark in (vault.mark, vault.follows):
            if mark != vault.mark:
                for path in vault.changed:
                    _put(kept, path, vault.contacts.get(path), work_out, config, today, more)
                vault.totals[(kind, work_out)] = (vault.mark, key, kept)
            return kept  # type: ignore[no-any-return]
    fresh = kind()
    contacts = vault.contacts.items()
    fresh.fill((path, contact.kept(work_out, config, today, *more)) for path, contact in contacts)
    vault.totals[(kind, work_out)] = (vault.mark, (config, today, more), fresh)
    return fresh


def _put(
    kept: Total[Any],
    path: str,
    contact: Contact | None,
    work_out: Callable[..., Any],
    config: Config,
    today: dt.date,
    more: tuple[Hashable, ...],
) -> None:
    """What the contact at ``path`` brings now (None: no contact there any more) in
    place of what it brought before."""
    parts = kept.parts
    if path in parts:
        kept.take_back(parts.pop(path))
    if contact is not None:
        part = contact.kept(work_out, config, today, *more)
        if kept.keeps(part):
            parts[path] = part
            kept.add(part)


def follow(old: Vault, new: Vault, changed: frozenset[str]) -> None:
    """``new`` is ``old`` but for the contacts at ``changed`` (made anew, added or
    removed): the totals made for ``old`` are brought up to date when asked."""
    new.totals, new.follows, new.changed = old.totals, old.mark, changed
