"""Reading ``<vault>/.mdnet.toml`` into a Config: every key validated once, at load time.

An unknown key or a bad value raises ConfigError naming the file, the line and the key,
so that a mistake fails here, never in a rule.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from mdnet.config import values
from mdnet.config.settings import (
    CONFIG_NAME,
    MARKERS,
    TIERS,
    Budget,
    Config,
    ConfigError,
    Thresholds,
    key_line,
    top_level_line,
)
from mdnet.dates import InvalidValue
from mdnet.errors import describe
from mdnet.language import _


def load_config(vault: Path, explicit: Path | None = None) -> Config:
    """Read ``explicit`` or ``<vault>/.mdnet.toml``; defaults when there is none."""
    path = explicit if explicit is not None else vault / CONFIG_NAME
    if explicit is None and not path.exists():  # a folder of that name is an error below
        return Config()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ConfigError(
            _("{path}: cannot read the configuration: {error}").format(
                path=path, error=describe(error)
            )
        ) from None
    except UnicodeDecodeError as error:
        raise ConfigError(
            _("{path}: cannot read the configuration: {error}").format(path=path, error=error)
        ) from None
    return parse_config(text, str(path))


def parse_config(text: str, source: str) -> Config:
    """Validate TOML text into a Config, or raise ConfigError with file:line and key."""
    import tomllib  # only a vault with a config file needs it (5 ms of a warm check)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            _("{source}: invalid TOML: {error}").format(source=source, error=error)
        ) from None
    return _Reader(text, source).read(data)


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
            raise self.fail(name, None, _("expected a table"))
        converted = {}
        for key, value in section.items():
            if key not in keys:
                known = ", ".join(keys)
                raise self.fail(
                    name, key, _("unknown key (known keys: {known})").format(known=known)
                )
            try:
                converted[key] = keys[key](value)
            except InvalidValue as error:
                problem = _("{error}, got {value}").format(error=error, value=repr(value))
                raise self.fail(name, key, problem) from None
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
            "calendar",
        )
        language = data.pop("language", "")
        try:
            chosen = values.language(language)
        except InvalidValue as error:
            where = top_level_line(self.text, "language")
            problem = _("{error}, got {value}").format(error=error, value=repr(language))
            raise ConfigError(f"{self.source}:{where}: language: {problem}") from None
        for name, value in data.items():
            if name in known_tables:
                continue
            known = ", ".join(known_tables)
            if isinstance(value, dict):
                raise self.fail(name, None, _("unknown table (known: {known})").format(known=known))
            line = top_level_line(self.text, name)  # a key above every table, not a table
            raise ConfigError(
                _("{where}: {name}: unknown key (known tables: {known})").format(
                    where=f"{self.source}:{line}", name=name, known=known
                )
            )
        vault = self.table(
            data, "vault", {"exclude": values.strings, "max_file_kb": lambda v: values.whole(v, 1)}
        )
        summary = self.table(
            data,
            "summary",
            {
                "path": values.summary_path,
                "reach_out": values.whole,
                "max_items": lambda v: values.whole(v, 1),
            },
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
        calendar = self.table(
            data, "calendar", {"path": values.calendar_path, "alarm": values.time_of_day}
        )
        defaults = Config()
        return Config(
            exclude=vault.get("exclude", ()),
            max_file_kb=vault.get("max_file_kb", defaults.max_file_kb),
            summary_path=summary.get("path", defaults.summary_path),
            reach_out=summary.get("reach_out", defaults.reach_out),
            max_items=summary.get("max_items", defaults.max_items),
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
                marker: tuple(
                    unicodedata.normalize("NFC", alias.lower().lstrip("#"))
                    for alias in markers.get(marker, ())
                )
                for marker in MARKERS
            },
            language=chosen,
            calendar_path=calendar.get("path", ""),
            calendar_alarm=calendar.get("alarm"),
            source=self.source,
            text=self.text,
        )
