"""The front matter most notes have, read without the YAML loader (for speed).

Lines of ``key: value`` or ``key: [value, value]`` whose values are letters, digits and
a few signs; anything else is None here and left to the loader
(``frontmatter._load_with_yaml``), which this must agree with value for value.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

# a key of at most 1,024 characters: YAML's limit for a simple key (longer is an error)
SIMPLE_LINE_RE = re.compile(r"([A-Za-z_][\w-]{0,1023}):(?: +(.*))?")
# starting with none of YAML's indicators (`-` only before another character)
SIMPLE_VALUE_RE = re.compile(r"(?:[\w./+]|-(?=[^ ]))(?:[\w .,@/+'()-]|:(?! |$))*")
SIMPLE_ITEM_RE = re.compile(r"(?:[\w./+]|-(?=[^ ]))[\w .@/+'()-]*")
SIMPLE_INT_RE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
SIMPLE_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
STR_TAG = "tag:yaml.org,2002:str"


def simple_mapping(yaml_text: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]] | None:
    """What the YAML loader gives for front matter of only ``key: value`` and
    ``key: [value, value]`` lines of plain words, dates and whole numbers; None for
    anything else, which the loader reads.

    For speed: the loader took a fifth of a note's parsing, most of it calling back
    into Python for every scalar. Each value is resolved by PyYAML's own table of
    implicit types; a type other than text, null, true/false, a whole number or a
    date (all the loader would build the same way) is left to the loader.
    """
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for number, line in enumerate(yaml_text.split("\n")):
        if not line:
            continue
        match = SIMPLE_LINE_RE.fullmatch(line)
        if match is None:
            return None
        key, written = match.group(1), (match.group(2) or "").rstrip(" ")
        if written.startswith("[") and written.endswith("]"):
            inside = written[1:-1].strip(" ")
            items = [item.strip(" ") for item in inside.split(",")] if inside else []
            if not all(SIMPLE_ITEM_RE.fullmatch(item) for item in items):
                return None
            value: Any = [_plain_scalar(item) for item in items]
            if _DECLINED in value:
                return None
        elif written and not SIMPLE_VALUE_RE.fullmatch(written):
            return None
        else:
            value = _plain_scalar(written)
            if value is _DECLINED:
                return None
        values[key] = value  # a repeated key keeps its last value, as in the loader
        lines[key] = first_line + number
    return values, lines


_DECLINED = object()


def _plain_scalar(written: str) -> object:
    """A plain scalar's value as the loader builds it, or _DECLINED."""
    tag = STR_TAG
    resolvers = yaml.SafeLoader.yaml_implicit_resolvers
    for candidate, pattern in [*resolvers.get(written[:1], ()), *resolvers.get(None, ())]:
        if pattern.match(written):
            tag = candidate
            break
    if tag == STR_TAG:
        return written
    kind = tag.rpartition(":")[2]
    if kind == "null":
        return None
    if kind == "bool":
        return yaml.SafeLoader.bool_values[written.lower()]
    if kind == "int" and SIMPLE_INT_RE.fullmatch(written) and len(written) < 100:
        return int(written)  # longer: perhaps too long for Python, which the loader reports
    date = SIMPLE_DATE_RE.fullmatch(written) if kind == "timestamp" else None
    if date is None:
        return _DECLINED  # a float, an octal or sexagesimal number, a time...
    try:
        return dt.date(*map(int, date.groups()))
    except ValueError:  # 2026-13-40 looks like a date to YAML but is none (see _timestamp)
        return written
