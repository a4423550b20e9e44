"""What mdnet can be told (SPEC §5): the frozen Config, with every default filled in."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from mdnet.config import values as values
from mdnet.dates import Duration, parse_duration
from mdnet.errors import UserError

CONFIG_NAME = ".mdnet.toml"
TIERS = ("inner", "close", "regular", "acquaintance", "dormant")
MARKERS = ("gave", "got", "asked", "promised", "done", "noreply", "news")
# spellings a marker has besides its name: `#update` is what `mdnet import --update` writes
BUILT_IN_SPELLINGS = {"news": ("update",)}


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
    max_items: int = 15  # the cap of every other list of the summary
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
    calendar_path: str = ""  # vault-relative .ics that `watch` keeps current; "" = off
    calendar_alarm: dt.time | None = None  # a reminder at this time on each event's day
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
            if tag == marker or tag in aliases or tag in BUILT_IN_SPELLINGS.get(marker, ()):
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


def top_level_line(text: str, key: str) -> int:
    """The line of ``key`` written above every table (1 when it cannot be found)."""
    key_re = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*(?:=|\.)")
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(r"^\s*\[", line):
            break
        if key_re.match(line):
            return number
    return 1


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
