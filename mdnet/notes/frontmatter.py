"""Front matter: split it off with python-frontmatter's YAML handler, load it safely
with PyYAML's C loader, and remember the line of every top-level key.

python-frontmatter reports no positions and silently drops front matter that is not a
mapping, so the YAML is composed here: the node tree carries every key's line, and
constructing from it is the same safe load (no object construction, aliases shared).
Hostile YAML is bounded: nesting deeper than MAX_DEPTH and merge keys (``<<``) that
multiply a mapping past MAX_MERGED_KEYS are F001, never a crash or a blow-up.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from yaml.composer import Composer, ComposerError
from yaml.constructor import ConstructorError

from mdnet.language import _

_HANDLER = YAMLHandler()
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 100  # levels of nesting; real front matter uses two or three
MAX_MERGED_KEYS = 1000  # keys a mapping may get from merge keys
MAP_TAG = "tag:yaml.org,2002:map"
MERGE_TAG = "tag:yaml.org,2002:merge"
YAML_ONLY_BREAKS_RE = re.compile("[\r\x85\u2028\u2029]")  # line breaks to YAML, not editors
# the front matter most notes have, read without YAML (see ``_simple_mapping``): lines
# of `key: value` or `key: [value, value]`, values of letters, digits and a few signs
SIMPLE_LINE_RE = re.compile(r"([A-Za-z_][\w-]*):(?: +(.*))?")
# starting with none of YAML's indicators (`-` only before another character)
SIMPLE_VALUE_RE = re.compile(r"(?:[\w./+]|-(?=[^ ]))(?:[\w .,@/+'()-]|:(?! |$))*")
SIMPLE_ITEM_RE = re.compile(r"(?:[\w./+]|-(?=[^ ]))[\w .@/+'()-]*")
SIMPLE_INT_RE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
SIMPLE_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
STR_TAG = "tag:yaml.org,2002:str"


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe C loader, except that an impossible date stays text (for F003) and
    merge keys cannot multiply a mapping (a "billion laughs" made of ``<<``)."""

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        merges = any(key.tag == MERGE_TAG for key, _ in node.value)
        super().flatten_mapping(node)
        if merges and len(node.value) > MAX_MERGED_KEYS:
            raise ConstructorError(
                None,
                None,
                f"merge keys (<<) give a mapping over {MAX_MERGED_KEYS} keys",
                node.start_mark,
            )


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:  # 2026-13-40 looks like a date to YAML but is none
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class _BoundedLoader(Composer, _Loader):
    """``_Loader`` composing in Python from the C parser's events, at most MAX_DEPTH deep.

    The C composer recurses without a limit: some 100,000 nested ``[`` crash the
    interpreter. Used only for text that could nest that deep (see ``_loader``).
    """

    def __init__(self, stream: str) -> None:
        _BaseLoader.__init__(self, stream)
        Composer.__init__(self)
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.depth >= MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep", mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _loader(yaml_text: str) -> _Loader:
    # every level of nesting takes one of these characters: with fewer of them than
    # MAX_DEPTH, the fast C composer cannot go too deep
    if sum(map(yaml_text.count, "[{-?:")) < MAX_DEPTH:
        return _Loader(yaml_text)
    return _BoundedLoader(yaml_text)


@dataclass(frozen=True)
class FrontMatter:
    """Top-level keys (as strings) with their values and lines; where the body starts."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1
    body: str = ""
    error: tuple[int, str] | None = None  # (line, message) when it is unusable


def split_front_matter(text: str) -> FrontMatter:
    """Read the front matter of ``text`` (already free of BOM and CR)."""
    opening = _HANDLER.FM_BOUNDARY.match(text)
    if opening is None:
        return FrontMatter(body=text)
    try:
        yaml_text, body = _HANDLER.split(text)
    except ValueError:
        return FrontMatter(
            body="", error=(1, _("front matter is not closed: add a line `---` after it"))
        )
    # the YAML text starts where the opening `---` line (and any blank lines, which
    # the boundary's `\s*` takes) ends: its first line is the note's line there
    first_line = text.count("\n", 0, opening.end()) + 1
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    if body.startswith("\n"):
        body, body_line = body[1:], body_line + 1
    values, lines, error = _load_mapping(yaml_text, first_line)
    return FrontMatter(values, lines, body_line, body, error)


def _line_finder(yaml_text: str, first_line: int) -> Callable[[yaml.Mark], int]:
    """The note's line at a YAML mark, counting only ``\\n`` as editors do."""
    if not YAML_ONLY_BREAKS_RE.search(yaml_text):
        return lambda mark: first_line + mark.line
    breaks = [match.start() for match in re.finditer("\n", yaml_text)]
    return lambda mark: first_line + bisect.bisect_left(breaks, mark.index)


def _load_mapping(
    yaml_text: str, first_line: int
) -> tuple[dict[str, Any], dict[str, int], tuple[int, str] | None]:
    if not yaml_text.strip():
        return {}, {}, None  # `---\n---`: empty front matter is no front matter
    simple = _simple_mapping(yaml_text, first_line)
    if simple is not None:
        return simple[0], simple[1], None
    return _load_with_yaml(yaml_text, first_line)


def _load_with_yaml(
    yaml_text: str, first_line: int
) -> tuple[dict[str, Any], dict[str, int], tuple[int, str] | None]:
    line_at = _line_finder(yaml_text, first_line)
    loader = _loader(yaml_text)
    key_node: yaml.Node | None = None
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}, None
        if not isinstance(node, yaml.MappingNode):
            message = (
                _("front matter is a list, not a mapping of `key: value` fields")
                if isinstance(node, yaml.SequenceNode)
                else _("front matter is a single value, not a mapping of `key: value` fields")
            )
            return {}, {}, (line_at(node.start_mark), message)
        if node.tag != MAP_TAG:
            message = _("front matter is tagged {tag}; write plain `key: value` fields").format(
                tag=node.tag
            )
            return {}, {}, (line_at(node.start_mark), message)
        loader.flatten_mapping(node)  # merge keys (`<<: *defaults`), as PyYAML reads them
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            scalar = isinstance(key_node, yaml.ScalarNode)
            if not scalar or key_node.tag not in loader.yaml_constructors:
                loader.construct_object(key_node, deep=True)  # `? [!!python/...]`: F001
            if scalar:
                # keys as written: `on:` and `2026-01-01:` stay strings, not True or a date;
                # a repeated key keeps its last value, as in PyYAML
                key = str(key_node.value)
                values[key] = loader.construct_object(value_node, deep=True)
                lines[key] = line_at(key_node.start_mark)
    except yaml.MarkedYAMLError as error:
        end = len(yaml_text.rstrip())
        mark = error.problem_mark
        if error.context_mark and (mark is None or mark.index >= end):
            mark = error.context_mark  # the parser ran to the end: where the construct began
        if mark is None or mark.index >= end:  # at the end: the last line written
            line = first_line + yaml_text.count("\n", 0, end)
        else:
            line = line_at(mark)
        problem = error.problem or error.context or "invalid YAML"
        return {}, {}, (line, _("invalid YAML: {problem}").format(problem=problem))
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as error:
        # a value PyYAML cannot build (an int of 5,000 digits): at its key's line
        line = line_at(key_node.start_mark) if key_node is not None else first_line
        reason = (str(error) or type(error).__name__).splitlines()[0]
        return {}, {}, (line, _("invalid YAML: {problem}").format(problem=reason))
    finally:
        loader.dispose()
    return values, lines, None


def _simple_mapping(
    yaml_text: str, first_line: int
) -> tuple[dict[str, Any], dict[str, int]] | None:
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
    resolvers = _Loader.yaml_implicit_resolvers
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
        return _Loader.bool_values[written.lower()]
    if kind == "int" and SIMPLE_INT_RE.fullmatch(written) and len(written) < 100:
        return int(written)  # longer: perhaps too long for Python, which the loader reports
    date = SIMPLE_DATE_RE.fullmatch(written) if kind == "timestamp" else None
    if date is None:
        return _DECLINED  # a float, an octal or sexagesimal number, a time...
    try:
        return dt.date(*map(int, date.groups()))
    except ValueError:  # 2026-13-40 looks like a date to YAML but is none (see _timestamp)
        return written
