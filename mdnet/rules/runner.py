"""Running the rules: which ones (``Selection``), at what severity, and what
``mdnet-ignore`` silences; the rules about one contact are asked about each contact once."""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from operator import attrgetter, itemgetter
from sys import intern

from mdnet.config import Config, ConfigError
from mdnet.language import _
from mdnet.model.contact import Contact
from mdnet.model.memory import paused_gc
from mdnet.model.totals import Total, total
from mdnet.model.vault import Vault
from mdnet.rules import Rule, about_one, all_rules, is_about_one, is_selector, matches
from mdnet.rules.finding import Finding, Hit


@dataclass(frozen=True)
class Selection:
    """Which rules run: ``select`` then ``ignore`` (codes, prefixes, names or ALL)."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()

    @classmethod
    def from_config(
        cls, config: Config, select: Iterable[str] = (), ignore: Iterable[str] = ()
    ) -> Selection:
        """The config's selection; ``--select`` replaces it and ``--ignore`` adds to it."""
        select, ignore = tuple(select), tuple(ignore)
        written = {"select": config.select, "ignore": config.ignore, "severity": config.severity}
        for key, selectors in written.items():
            _known_rules(selectors, partial(config.where, "rules", key))
        _known_rules(select, lambda: "--select")
        _known_rules(ignore, lambda: "--ignore")
        return cls(select or config.select, (*config.ignore, *ignore))

    def rules(self) -> list[Rule]:
        return [
            rule
            for rule in all_rules()
            if any(matches(rule, s) for s in self.select)
            and not any(matches(rule, s) for s in self.ignore)
        ]


def _known_rules(selectors: Iterable[str], where: Callable[[], str]) -> None:
    """A usage error for the first selector that names no rule, ``where()`` it is
    written (looked for in the config's text only then)."""
    for selector in selectors:
        if not is_selector(selector):
            raise ConfigError(
                _(
                    "{where}: unknown rule {selector}: use a code (R001), a prefix (R), "
                    "a name (stale-contact) or ALL; `mdnet rules` lists them"
                ).format(where=where(), selector=repr(selector))
            )


def run_rules(vault: Vault, config: Config, today: dt.date, selection: Selection) -> list[Finding]:
    """Every selected rule's findings, with severity overrides and ``mdnet-ignore`` applied,
    in place order (``place``), each once.

    The rules about one contact at a time (``rules.per_contact``) are asked about each
    contact together, and what they find is kept with the contact (``Contact.kept``) and,
    in place order, from one version of the vault to the next (``InPlaceOrder``).
    """
    rules = [(rule, severity_of(rule, config)) for rule in selection.rules()]
    # by code: what is kept with a contact is plain data (mdnet.cache.snapshot saves it)
    about_one = tuple((rule.CODE, severity) for rule, severity in rules if is_about_one(rule))
    wide = []
    with paused_gc():  # many small objects, kept with the contacts: nothing to collect
        about = total(vault, InPlaceOrder, _findings_about, config, today, about_one).items
        for rule, severity in rules:
            if not is_about_one(rule):
                wide += _findings(rule, severity, rule.check(vault, config, today))
    findings = _merged(about, sorted(set(wide), key=place))
    for path, note in vault.ignoring.items():  # a note silences findings with mdnet-ignore
        start = bisect.bisect_left(findings, path, key=_path)
        end = bisect.bisect_right(findings, path, key=_path, lo=start)
        findings[start:end] = [f for f in findings[start:end] if not note.silences(f.code, f.rule)]
    return findings


def place(finding: Finding) -> tuple[object, ...]:
    """Place order: by file, line, column, then code and message (and what tells two
    findings apart that say the same in the same place)."""
    path, line, column, code, message, subject = _PLACE(finding)
    return (path, line, column, code, message, subject or "", subject is None, finding.fix or ())


class InPlaceOrder(Total[list[Finding]]):
    """What the rules about one contact find about each, all in place order, each once."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Finding] = []
        # how many contacts bring each finding that several bring; most are one
        # contact's, only in ``items`` (no count kept for each: 5 MB at 100k notes)
        self.shared: dict[Finding, int] = {}

    def keeps(self, part: list[Finding]) -> bool:
        return bool(part)

    def fill(self, parts: Iterable[tuple[str, list[Finding]]]) -> None:
        counts: Counter[Finding] = Counter()
        for path, part in parts:
            if part:
                self.parts[path] = part
                counts.update(part)
        self.items = sorted(counts, key=place)
        self.shared = {finding: count for finding, count in counts.items() if count > 1}

    def add(self, part: list[Finding]) -> None:
        for finding in part:
            count = self.shared.get(finding)
            if count:
                self.shared[finding] = count + 1
            elif self._at(finding) is not None:
                self.shared[finding] = 2
            else:
                bisect.insort(self.items, finding, key=place)

    def take_back(self, part: list[Finding]) -> None:
        for finding in part:
            count = self.shared.pop(finding, 1)
            if count > 2:
                self.shared[finding] = count - 1
            elif count == 1:
                at = self._at(finding)
                assert at is not None, "a finding taken back that was never added"
                del self.items[at]

    def _at(self, finding: Finding) -> int | None:
        """Where ``finding`` is in ``items`` (among those in the same place), if there."""
        items, where = self.items, place(finding)
        at = bisect.bisect_left(items, where, key=place)
        while at < len(items) and place(items[at]) == where:
            if items[at] == finding:
                return at
            at += 1
        return None


def _merged(ordered: list[Finding], others: list[Finding]) -> list[Finding]:
    """Two lists in place order as one (``others`` after their equals in ``ordered``).

    A few others are placed by bisection, each looked for in ``ordered``; many (a vault
    with 70,000 future-dated entries) are merged in one pass over both lists."""
    if len(others) * 32 >= len(ordered):
        return list(heapq.merge(ordered, others, key=place))
    merged, start = [], 0
    for finding in others:
        end = bisect.bisect_right(ordered, place(finding), lo=start, key=place)
        merged += ordered[start:end]
        merged.append(finding)
        start = end
    merged += ordered[start:]
    return merged


def _findings_about(
    contact: Contact, config: Config, today: dt.date, rules: tuple[tuple[str, str], ...]
) -> list[Finding]:
    found = []
    by_code = about_one()
    for code, severity in rules:
        rule = by_code[code]
        hits = rule.about(contact, config, today)
        if hits:  # most contacts: nothing
            found += _findings(rule, severity, hits)
    return found


def _findings(rule: Rule, severity: str, hits: Iterable[Hit]) -> list[Finding]:
    """The rule's findings; those that say the same share their text (``intern``): each
    of the contacts an entry names says it again (70,000 findings, 8 MB at 100k notes)."""
    code, name = rule.CODE, rule.NAME
    return [
        Finding(code, name, severity, path, line, column if line else 0, intern(said), subject, fix)
        for path, line, said, subject, column, fix in hits  # vault-level: no column
    ]


def severity_of(rule: Rule, config: Config) -> str:
    """The configured severity of the most specific matching selector, else the default."""
    chosen = [
        (len(s) if s.upper() != "ALL" else 0, level)
        for s, level in config.severity.items()
        if matches(rule, s)
    ]
    return max(chosen)[1] if chosen else str(rule.SEVERITY)


_path = attrgetter("path")
_PLACE = itemgetter(3, 4, 5, 0, 6, 7)  # path, line, column, code, message, subject
