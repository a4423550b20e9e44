"""The configuration file ``<vault>/.mdnet.toml``, validated once into a frozen Config.

Every key is optional. An unknown key or a bad value raises ConfigError naming the
file, the line and the key, so that a mistake fails at load time, never in a rule.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from mdnet.config import values as values
from mdnet.dates import Duration, InvalidValue, parse_duration
from mdnet.errors import UserError

CONFIG_NAME = ".mdnet.toml"
TIERS = ("inner", "close", "regular", "acquaintance", "dormant")
MARKERS = ("gave", "got", "asked", "promised", "done", "noreply")


class ConfigError(UserError):
    """A usage error in the configuration: exit status 2."""


@dataclass(frozen=True)
class Thresholds:
    followup_days: int = 14
    followup_horizon_days: int = 90
    max_passive_share: float = 0.5
    giveback_days: int = 60
    promise_days: int = 14
    max_unanswered: int = 3
    min_give_ratio: float = 1.0
    min_attendance: float = 0.5
    renewal_days: int = 30


@dataclass(frozen=True)
class Budget:
    hours_per_month: float = 12
    dues_per_year: float = 0
    max_circles: int = 5


@dataclass(frozen=True)
class Config:
    """Everything mdnet can be told, with the defaults of SPEC §5 filled in."""

    exclude: tuple[str, ...] = ()
    max_file_kb: int = 1024
    summary_path: str = "Network Summary.md"
    reach_out: int = 10
    my_domain: str = ""
    kinds: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: {"contact": (), "circle": (), "event": ()}
    )
    cadence: Mapping[str, Duration | None] = field(
        default_factory=lambda: {
            "default": parse_duration("180d"),
            "inner": parse_duration("30d"),
            "close": parse_duration("60d"),
            "regular": parse_duration("120d"),
            "acquaintance": parse_duration("365d"),
            "dormant": None,
        }
    )
    thresholds: Thresholds = Thresholds()
    budget: Budget = Budget()
    confidential_terms: tuple[str, ...] = ()
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    markers: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: {marker: () for marker in MARKERS}
    )
    source: str = ""  # the file it came from, "" for the defaults
    text: str = ""  # that file's text, for the fingerprint

    @property
    def tiers(self) -> tuple[str, ...]:
        """Tier names: the built-in ones plus any the user added under [cadence]."""
        return tuple(name for name in self.cadence if name != "default")

    def marker_for(self, tag: str) -> str | None:
        """The marker a tag stands for (`#Gave`, or a configured alias), if any."""
        tag = tag.lower()
        for marker, aliases in self.markers.items():
            if tag == marker or tag in aliases:
                return marker
        return None

    def where(self, table: str, key: str) -> str:
        """``file:line: table.key``, for a usage error about that key."""
        return f"{self.source}:{key_line(self.text, table, key)}: {table}.{key}"

    @property
    def fingerprint(self) -> str:
        """A stable digest of what this config says (the model's snapshot)."""
        return hashlib.sha256(repr((self.source, self.text)).encode()).hexdigest()[:16]

    @property
    def parsing_fingerprint(self) -> str:
        """A digest of what parsing a note depends on (the index): a threshold or a rule
        selection changed does not make every note be parsed again."""
        kinds = sorted(self.kinds.items())
        return hashlib.sha256(repr((self.max_file_kb, kinds, self.tiers)).encode()).hexdigest()[:16]


def load_config(vault: Path, explicit: Path | None = None) -> Config:
    """Read ``explicit`` or ``<vault>/.mdnet.toml``; defaults when there is none."""
    path = explicit if explicit is not None else vault / CONFIG_NAME
    if explicit is None and not path.exists():  # a folder of that name is an error below
        return Config()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error}") from None
    return parse_config(text, str(path))


def parse_config(text: str, source: str) -> Config:
    """Validate TOML text into a Config, or raise ConfigError with file:line and key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{source}: invalid TOML: {error}") from None
    return _Reader(text, source).read(data)


def key_line(text: str, table: str, key: str | None) -> int:
    """The line of ``key`` in ``[table]`` (TOML parsers give no positions)."""
    header = re.compile(rf"^\s*\[\s*{re.escape(table)}\s*\]")
    key_re = re.compile(rf"^\s*[\"']?{re.escape(key or '')}[\"']?\s*=") if key else None
    in_table = False
    for number, line in enumerate(text.splitlines(), 1):
        if header.match(line):
            if key_re is None:
                return number
            in_table = True
        elif re.match(r"^\s*\[", line):
            in_table = False
        elif in_table and key_re and key_re.match(line):
            return number
    for number, line in enumerate(text.splitlines(), 1):  # inline tables, dotted keys
        if key and re.search(rf"\b{re.escape(key)}\s*=", line):
            return number
    return 1


class _Reader:
    """Walks the TOML tables, converting each key and locating it for errors."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.text = text

    def fail(self, table: str, key: str | None, problem: str) -> ConfigError:
        where = key_line(self.text, table, key)
        name = f"{table}.{key}" if key else table
        return ConfigError(f"{self.source}:{where}: {name}: {problem}")

    def table(
        self, data: Mapping[str, Any], name: str, keys: Mapping[str, Callable[[Any], Any]]
    ) -> dict[str, Any]:
        section = data.get(name, {})
        if not isinstance(section, dict):
            raise self.fail(name, None, "expected a table")
        converted = {}
        for key, value in section.items():
            if key not in keys:
                known = ", ".join(keys)
                raise self.fail(name, key, f"unknown key (known keys: {known})")
            try:
                converted[key] = keys[key](value)
            except InvalidValue as error:
                raise self.fail(name, key, f"{error}, got {value!r}") from None
        return converted

    def read(self, data: dict[str, Any]) -> Config:
        known_tables = (
            "vault",
            "summary",
            "me",
            "kinds",
            "cadence",
            "thresholds",
            "budget",
            "confidential",
            "rules",
            "markers",
        )
        for name in data:
            if name not in known_tables:
                raise self.fail(name, None, f"unknown table (known: {', '.join(known_tables)})")
        vault = self.table(
            data, "vault", {"exclude": values.strings, "max_file_kb": lambda v: values.whole(v, 1)}
        )
        summary = self.table(
            data, "summary", {"path": values.summary_path, "reach_out": values.whole}
        )
        me = self.table(data, "me", {"domain": values.string})
        kinds = self.table(
            data, "kinds", dict.fromkeys(("contact", "circle", "event"), values.strings)
        )
        cadence_keys = dict.fromkeys(("default", *TIERS), values.cadence)
        written = data.get("cadence", {})
        extra_tiers = (
            [key for key in written if key not in cadence_keys] if isinstance(written, dict) else []
        )
        cadence_keys.update(dict.fromkeys(extra_tiers, values.cadence))  # user-defined tiers
        cadence = self.table(data, "cadence", cadence_keys)
        share_keys = {"max_passive_share", "min_attendance"}
        threshold_keys = {
            f.name: (
                values.share
                if f.name in share_keys
                else values.number
                if f.type == "float"
                else values.whole
            )
            for f in fields(Thresholds)
        }
        thresholds = self.table(data, "thresholds", threshold_keys)
        budget = self.table(
            data,
            "budget",
            {
                "hours_per_month": values.number,
                "dues_per_year": values.number,
                "max_circles": values.whole,
            },
        )
        confidential = self.table(data, "confidential", {"terms": values.strings})
        rules = self.table(
            data,
            "rules",
            {"select": values.strings, "ignore": values.strings, "severity": values.severities},
        )
        markers = self.table(data, "markers", dict.fromkeys(MARKERS, values.strings))
        defaults = Config()
        return Config(
            exclude=vault.get("exclude", ()),
            max_file_kb=vault.get("max_file_kb", defaults.max_file_kb),
            summary_path=summary.get("path", defaults.summary_path),
            reach_out=summary.get("reach_out", defaults.reach_out),
            my_domain=me.get("domain", ""),
            kinds={**defaults.kinds, **kinds},
            cadence={**defaults.cadence, **cadence},
            thresholds=replace(Thresholds(), **thresholds),
            budget=replace(Budget(), **budget),
            confidential_terms=confidential.get("terms", ()),
            select=rules.get("select", defaults.select),
            ignore=rules.get("ignore", ()),
            severity=rules.get("severity", {}),
            markers={
                marker: tuple(alias.lower().lstrip("#") for alias in markers.get(marker, ()))
                for marker in MARKERS
            },
            source=self.source,
            text=self.text,
        )
