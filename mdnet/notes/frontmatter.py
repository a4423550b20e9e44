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
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from yaml.composer import Composer, ComposerError
from yaml.constructor import ConstructorError

from mdnet.notes.simple_yaml import simple_mapping

_HANDLER = YAMLHandler()
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 100  # levels of nesting; real front matter uses two or three
MAX_MERGED_KEYS = 1000  # keys a mapping may get from merge keys
MAP_TAG = "tag:yaml.org,2002:map"
MERGE_TAG = "tag:yaml.org,2002:merge"
YAML_ONLY_BREAKS_RE = re.compile("[\r\x85\u2028\u2029]")  # line breaks to YAML, not editors


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
            body="", error=(1, "front matter is not closed: add a line `---` after it")
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
    simple = simple_mapping(yaml_text, first_line)
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
            kind = {yaml.SequenceNode: "a list", yaml.ScalarNode: "a single value"}[type(node)]
            message = f"front matter is {kind}, not a mapping of `key: value` fields"
            return {}, {}, (line_at(node.start_mark), message)
        if node.tag != MAP_TAG:
            message = f"front matter is tagged {node.tag}; write plain `key: value` fields"
            return {}, {}, (line_at(node.start_mark), message)
        loader.flatten_mapping(node)  # merge keys (`<<: *defaults`), as PyYAML reads them
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            scalar = isinstance(key_node, yaml.ScalarNode)
            if not scalar or key_node.tag not in loader.yaml_constructors:
                loader.construct_object(key_node, deep=True)  # `? [!!python/...]`: F001
            if not scalar:  # `? [a, b]`: a list or a mapping is no key to PyYAML either
                raise ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found unhashable key",
                    key_node.start_mark,
                )
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
        return {}, {}, (line, f"invalid YAML: {problem}")
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as error:
        # a value PyYAML cannot build (an int of 5,000 digits): at its key's line
        line = line_at(key_node.start_mark) if key_node is not None else first_line
        reason = (str(error) or type(error).__name__).splitlines()[0]
        return {}, {}, (line, f"invalid YAML: {reason}")
    finally:
        loader.dispose()
    return values, lines, None
