"""Running the rules: which ones (``Selection``), at what severity, and what
``mdnet-ignore`` silences; the rules about one contact are asked about each contact once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from mdnet.config import Config, ConfigError
from mdnet.model.contact import Contact
from mdnet.model.memory import paused_gc
from mdnet.model.vault import Vault
from mdnet.notes.note import Note
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
            _known_rules(selectors, config.where("rules", key))
        _known_rules(select, "--select")
        _known_rules(ignore, "--ignore")
        return cls(select or config.select, (*config.ignore, *ignore))

    def rules(self) -> list[Rule]:
        return [
            rule
            for rule in all_rules()
            if any(matches(rule, s) for s in self.select)
            and not any(matches(rule, s) for s in self.ignore)
        ]


def _known_rules(selectors: Iterable[str], where: str) -> None:
    for selector in selectors:
        if not is_selector(selector):
            raise ConfigError(
                f"{where}: unknown rule {selector!r}: use a code (R001), a prefix (R), "
                "a name (stale-contact) or ALL; `mdnet rules` lists them"
            )


def run_rules(vault: Vault, config: Config, today: dt.date, selection: Selection) -> list[Finding]:
    """Every selected rule's findings, with severity overrides and ``mdnet-ignore`` applied.

    The rules about one contact at a time (``rules.per_contact``) are asked about each
    contact together, and what they find is kept with the contact (``Contact.kept``).
    """
    rules = [(rule, severity_of(rule, config)) for rule in selection.rules()]
    # by code: what is kept with a contact is plain data (mdnet.cache.snapshot saves it)
    about_one = tuple((rule.CODE, severity) for rule, severity in rules if is_about_one(rule))
    findings = []
    with paused_gc():  # many small objects, kept with the contacts: nothing to collect
        for contact in vault.contacts.values():
            findings += contact.kept(_findings_about, config, today, about_one)
        for rule, severity in rules:
            if not is_about_one(rule):
                findings += _findings(rule, severity, rule.check(vault, config, today))
    ignoring = vault.ignoring  # a note silences findings only with an mdnet-ignore
    if ignoring:
        findings = [f for f in findings if f.path not in ignoring or not _silenced(f, ignoring)]
    # in place order, without duplicates; mostly in order already (contact by contact)
    return list(dict.fromkeys(sorted(findings, key=SORT_KEY)))


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
    code, name = rule.CODE, rule.NAME
    return [
        Finding(code, name, severity, path, line, column if line else 0, message, subject, fix)
        for path, line, message, subject, column, fix in hits  # vault-level: no column
    ]


def _silenced(finding: Finding, ignoring: dict[str, Note]) -> bool:
    return ignoring[finding.path].silences(finding.code, finding.rule)


SORT_KEY = attrgetter("path", "line", "column", "code", "message")  # Finding.sort_key, quicker


def severity_of(rule: Rule, config: Config) -> str:
    """The configured severity of the most specific matching selector, else the default."""
    chosen = [
        (len(s) if s.upper() != "ALL" else 0, level)
        for s, level in config.severity.items()
        if matches(rule, s)
    ]
    return max(chosen)[1] if chosen else str(rule.SEVERITY)
