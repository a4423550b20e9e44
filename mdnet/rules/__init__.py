"""The rules, in the order they run: an explicit registry, one module per rule.

Each module's docstring is its user documentation (``mdnet rule CODE``); it defines
``CODE``, ``NAME``, ``SEVERITY`` and ``check(vault, config, today)`` yielding Hits.
``RULES`` are mdnet's own; ``all_rules()`` adds those of the installed plugins
(``rules.plugins``), and everything that selects, runs or lists rules asks it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Protocol, TypeGuard

from mdnet.config import Config
from mdnet.model.contact import Contact
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit


class Rule(Protocol):
    """What a rule module provides (each module of this package is one)."""

    CODE: str
    NAME: str
    SEVERITY: str
    __doc__: str | None

    def check(self, vault: Vault, config: Config, today: dt.date) -> Iterable[Hit]: ...


class RuleAboutOne(Rule, Protocol):
    """A rule about one contact at a time: ``check`` is ``per_contact.each_contact(about)``."""

    def about(self, contact: Contact, config: Config, today: dt.date) -> list[Hit]: ...


def is_about_one(rule: Rule) -> TypeGuard[RuleAboutOne]:
    """Whether what ``rule`` finds about a contact depends on that contact alone."""
    return hasattr(rule, "about")


def _registry() -> list[Rule]:
    """Every rule, in report order. A new rule is one import and one line here."""
    # data rules
    from mdnet.rules import (
        duplicate_contact,
        future_interaction,
        invalid_date,
        invalid_field,
        invalid_front_matter,
        outdated_last_contact,
        unknown_contact,
        unreadable_note,
    )

    data = [
        invalid_front_matter,
        unreadable_note,
        invalid_date,
        invalid_field,
        unknown_contact,
        duplicate_contact,
        future_interaction,
        outdated_last_contact,
    ]
    # relationship and give-and-take rules (R, G)
    from mdnet.rules import (
        confidential_share,
        give_take_imbalance,
        missing_give_back,
        no_follow_up,
        open_promise,
        passive_network,
        stale_contact,
        unanswered_outreach,
    )

    relationships = [
        stale_contact,
        passive_network,
        no_follow_up,
        unanswered_outreach,
        missing_give_back,
        open_promise,
        give_take_imbalance,
        confidential_share,
    ]
    # commitment rules (C)
    from mdnet.rules import (
        low_attendance,
        missing_purpose,
        over_committed_dues,
        over_committed_time,
        renewal_due,
        single_domain,
        too_many_circles,
    )

    commitments: list[Rule] = [
        over_committed_time,
        over_committed_dues,
        too_many_circles,
        low_attendance,
        missing_purpose,
        renewal_due,
        single_domain,
    ]
    return data + relationships + commitments


RULES: list[Rule] = _registry()  # mdnet's own


@functools.cache  # the plugins are looked up once, when first asked for
def all_rules() -> tuple[Rule, ...]:
    """mdnet's rules, then those of the installed plugins (``rules.plugins``)."""
    from mdnet.rules.plugins import load_plugins

    return (*RULES, *load_plugins(RULES))


@functools.cache
def about_one() -> dict[str, RuleAboutOne]:
    """The rules about one contact at a time, by code."""
    return {rule.CODE: rule for rule in all_rules() if is_about_one(rule)}


def plugins_stamp() -> str:
    """The identity of the plugins' rules (packages, versions, sources): "" for none."""
    from mdnet.rules.plugins import PluginRule, fingerprint

    plugins = [rule for rule in all_rules() if isinstance(rule, PluginRule)]
    return fingerprint(plugins) if plugins else ""


def find_rule(code_or_name: str) -> Rule | None:
    """The rule with this code or name, any case."""
    wanted = code_or_name.strip().lower()
    return next((r for r in all_rules() if wanted in (r.CODE.lower(), r.NAME)), None)


def matches(rule: Rule, selector: str) -> bool:
    """``ALL``, a code, a code prefix (``R``, ``R00``) or a rule name."""
    wanted = selector.strip()
    return (
        wanted.upper() == "ALL"
        or rule.CODE.startswith(wanted.upper())
        or wanted.lower() == rule.NAME
    )


def is_selector(selector: str) -> bool:
    return any(matches(rule, selector) for rule in all_rules())
