"""A contact: one person, with every dated entry about them (their timeline).

Everything in the model is derived from parsed Notes and the config by
``mdnet.model.builder``; nothing reads the disk or the clock — rules pass ``today`` in.
"""

from __future__ import annotations

import datetime as dt
import sys
from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple, TypeVar

from mdnet.config import Config
from mdnet.dates import Duration
from mdnet.notes.note import Note


class Interaction(NamedTuple):
    """A dated exchange with one contact, written at ``path:line``.

    ``task`` is " " for a plan (an unchecked task: it may hold a promise but is not
    contact made), "x" for a checked task, None for a plain entry. A named tuple: a
    large vault makes about a hundred thousand of them on every run.
    """

    contact: str  # the contact note's path
    date: dt.date
    path: str
    line: int
    text: str
    markers: frozenset[str] = frozenset()
    channel: str | None = None
    task: str | None = None
    links: tuple[str, ...] = ()  # paths of the notes the entry links (mentions included)
    # where the entry is reported (F007) when several contacts share it: the path of the
    # circle or event note it is written in, or of the first contact (by path) named on
    # its line; "" for the contact itself (its own note's entries, or named alone)
    subject: str = ""

    @property
    def is_plan(self) -> bool:
        return self.task == " "


IN_FILE_ORDER = attrgetter("path", "line", "contact")  # entries in the order of the notes


MDNET = "mdnet."  # the start of the names of mdnet's own functions (``work_name``)
_NAMES: dict[Callable[..., Any], str] = {}  # each function's name, made once


def work_name(work_out: Callable[..., Any]) -> str:
    """The name that ``Contact.kept`` keeps a function's answers under, the same in
    every run (``module:qualname``): a snapshot saves them as they are. A function made
    inside another (whose name may repeat) is told apart by its identity."""
    name = _NAMES.get(work_out)
    if name is None:
        name = f"{work_out.__module__}:{work_out.__qualname__}"
        if "<" in name:  # `<locals>`, `<lambda>`: not one function in every run
            name += f"@{id(work_out)}"
        name = _NAMES[work_out] = sys.intern(name)
    return name


class _WithMore(tuple):  # type: ignore[type-arg]
    """An answer kept with the more arguments it was worked out for: ``(more, answer)``."""

    __slots__ = ()


T = TypeVar("T")
NOTHING: list[Any] = []  # the empty answer kept for every contact (read, never changed)
_MORE: dict[str, tuple[Any, ...]] = {}  # each function's more arguments, as last kept
_FOR: list[tuple[Config, dt.date]] = []  # the config and day answers were last kept for
_DATE = itemgetter(1)  # an Interaction's date


def _kept_for(config: Config, today: dt.date) -> tuple[Config, dt.date]:
    """One tuple for every contact's ``memo_for`` (100,000 at 100k notes)."""
    if not _FOR or _FOR[0][0] is not config or _FOR[0][1] != today:
        _FOR[:] = [(config, today)]
    return _FOR[0]


@dataclass(slots=True, weakref_slot=True)
class Contact:
    """One person, with every entry about them in date order (slotted: 100,000 of them)."""

    note: Note
    entries: list[Interaction] = field(default_factory=list)  # plans included
    met_at_events: tuple[tuple[dt.date, str], ...] = ()  # most: none (no list for each)
    # what was worked out about this contact (``kept``) for ``memo_for``'s config and day,
    # true as long as the object lives (a change makes a new Contact): name, answer, name,
    # answer... (``work_name``): a few answers; a list is a third of a dict's memory
    memo: list[Any] = field(default_factory=list, repr=False, compare=False)
    memo_for: tuple[Config, dt.date] | None = field(default=None, repr=False, compare=False)
    # ``interactions``, made when first asked: ``entries`` itself when there are no plans;
    # never changed once made (a change makes a new Contact)
    _interactions: list[Interaction] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    # the title, made once: each of a large vault's 100,000 findings names its contact
    _title: str | None = field(default=None, init=False, repr=False, compare=False)

    def kept(
        self, work_out: Callable[..., T], config: Config, today: dt.date, *more: Hashable
    ) -> T:
        """``work_out(self, config, today, *more)``, kept for this config and day.

        ``work_out`` may read the contact and its notes (and the titles of the notes its
        entries name), the arguments, nothing else: the model makes a new Contact when any
        of that changes (watch mode works out again only the contacts a change touched).
        One answer is kept per function, for the config and day last asked: the answer
        alone, or ``(more, answer)`` with more arguments (a new config or day forgets).
        """
        self.keeping_for(config, today)
        name = work_name(work_out)
        at = self._answer_at(name)
        if at:
            found = self.memo[at]
            if not more and type(found) is not _WithMore:
                return found  # type: ignore[no-any-return]
            if more and type(found) is _WithMore and found[0] == more:
                return found[1]  # type: ignore[no-any-return]
        value = work_out(self, config, today, *more)
        if type(value) is list and not value:  # most answers are lists, most of them empty:
            value = NOTHING  # type: ignore[assignment]  # one for all (160,000 at 100k)
        if more and _MORE.get(name) == more:  # as for the last answer: its tuple, one for all
            more = _MORE[name]
        elif more:
            _MORE[name] = more
        answer = _WithMore((more, value)) if more else value
        if at:  # in place of the last one
            self.memo[at] = answer
        else:
            self.memo += (name, answer)
        return value

    def keeping_for(self, config: Config, today: dt.date) -> None:
        """Forget the answers kept for another config or day."""
        stamp = self.memo_for
        if stamp is None or stamp[0] is not config or stamp[1] != today:
            self.memo.clear()
            self.memo_for = _kept_for(config, today)

    def _answer_at(self, name: str) -> int:
        """Where the answer of the function called ``name`` is in the memo; 0 when none
        is kept (the names alone are looked through: an answer may be anything)."""
        names = self.memo[::2]
        return 2 * names.index(name) + 1 if name in names else 0

    def remembered(self) -> Iterator[tuple[str, tuple[Any, ...], Any]]:
        """What was kept: the name of each function, its more arguments and its answer."""
        memo = self.memo
        for name, found in zip(memo[::2], memo[1::2], strict=True):
            if type(found) is _WithMore:
                yield name, *found
            else:
                yield name, (), found

    def __getstate__(self) -> tuple[Any, ...]:
        """As ``mdnet.cache.snapshot`` pickles a contact: its note, entries, events met at
        and the answers of mdnet's own functions (a plugin's may be of any class: then a
        copy without them; 6 MB at 100k to copy all), for the day and config of its last
        ``keeping_for``, which the snapshot restores (``restored_for``). A tuple (a dict
        for each of 30,000 contacts was 8 MB more to load)."""
        memo = self.memo
        if not all(name.startswith(MDNET) for name in memo[::2]):
            pairs = zip(memo[::2], memo[1::2], strict=True)
            memo = [item for pair in pairs if pair[0].startswith(MDNET) for item in pair]
        return self.note, self.entries, self.met_at_events, memo

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.note, self.entries, self.met_at_events, self.memo = state
        self.memo_for = None
        self._interactions = self._title = None

    def restored_for(self, config: Config, today: dt.date) -> None:
        """The answers a snapshot brought back are ``config``'s on ``today`` (those it
        saved with ``keeping_for(config, today)``)."""
        if self.memo:
            self.memo_for = _kept_for(config, today)

    @property
    def title(self) -> str:
        title = self._title
        if title is None:
            title = self._title = self.note.title
        return title

    @property
    def name(self) -> str:
        return str(self.note.fields.get("name") or self.note.title)

    @property
    def interactions(self) -> list[Interaction]:
        """Contact made: every entry but plans, in date order.

        Read once the model is built (rules and the summary ask for it tens of thousands
        of times in a large vault, so it is kept): do not modify the list.
        """
        made = self._interactions
        if made is None:
            made = [entry for entry in self.entries if entry.task != " "]
            if len(made) == len(self.entries):
                made = self.entries  # no plans (most contacts): the entries themselves
            self._interactions = made
        return made

    def past_interactions(self, today: dt.date) -> list[Interaction]:
        """Contact made up to ``today`` (a future-dated entry is F007, not contact)."""
        return self.interactions[: bisect_right(self.interactions, today, key=_DATE)]

    def last_contact(self, today: dt.date) -> dt.date | None:
        """The latest of ``last_contact`` and the past interactions."""
        made = self.interactions  # in date order: the last one up to today is the latest
        upto = bisect_right(made, today, key=_DATE)
        latest = made[upto - 1].date if upto else None
        written = self.note.fields.get("last_contact")
        if written is not None and written <= today and (latest is None or written > latest):
            return written  # type: ignore[no-any-return]
        return latest

    def met(self) -> tuple[dt.date, str] | None:
        """When and how first met: ``met``, the ``met_at`` event, or an attended event.

        ``connected`` (a LinkedIn connection accepted) is not a meeting: see ``connected``.
        """
        candidates = list(self.met_at_events)
        if "met" in self.note.fields and not self._met_is_connected:
            candidates.append((self.note.fields["met"], "met"))
        return min(candidates, default=None)

    def connected(self) -> dt.date | None:
        """When connected without meeting (``connected:``, LinkedIn's "Connected On")."""
        fields = self.note.fields
        if "connected" in fields:
            return fields["connected"]  # type: ignore[no-any-return]
        return fields.get("met") if self._met_is_connected else None

    @property
    def _met_is_connected(self) -> bool:
        """A note that an earlier ``mdnet import linkedin`` wrote, before ``connected:``:
        its ``met`` is the "Connected On" date (``source: linkedin``, no ``connected``)."""
        fields = self.note.fields
        return "connected" not in fields and str(fields.get("source", "")).lower() == "linkedin"

    def cadence(self, config: Config) -> tuple[Duration | None, str]:
        """The cadence and where it came from: the contact's own, its tier's, the default."""
        fields = self.note.fields
        if "cadence" in fields:
            written = fields["cadence"]
            return written, f"cadence {written.text}" if written else "cadence none"
        if "tier" in fields:
            return config.cadence.get(fields["tier"]), sys.intern(f'tier "{fields["tier"]}"')
        return config.cadence["default"], "default"
