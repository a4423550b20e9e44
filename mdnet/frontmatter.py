"""Front matter: split it off with python-frontmatter's YAML handler, load it safely
with PyYAML's C loader, and remember the line of every top-level key.

python-frontmatter reports no positions and silently drops front matter that is not a
mapping, so the YAML is composed here: the node tree carries every key's line, and
constructing from it is the same safe load (no object construction, aliases shared).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

_HANDLER = YAMLHandler()
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe C loader, except that an impossible date stays text (for F003)."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:  # 2026-13-40 looks like a date to YAML but is none
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


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
    if not _HANDLER.detect(text):
        return FrontMatter(body=text)
    try:
        yaml_text, body = _HANDLER.split(text)
    except ValueError:
        return FrontMatter(
            body="", error=(1, "front matter is not closed: add a line `---` after it")
        )
    first_line = 1  # the YAML text starts with the newline that ends the opening ---
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    if body.startswith("\n"):
        body, body_line = body[1:], body_line + 1
    values, lines, error = _load_mapping(yaml_text, first_line)
    return FrontMatter(values, lines, body_line, body, error)


def _load_mapping(
    yaml_text: str, first_line: int
) -> tuple[dict[str, Any], dict[str, int], tuple[int, str] | None]:
    if not yaml_text.strip():
        return {}, {}, None  # `---\n---`: empty front matter is no front matter
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}, None
        if not isinstance(node, yaml.MappingNode):
            kind = {yaml.SequenceNode: "a list", yaml.ScalarNode: "a single value"}[type(node)]
            return (
                {},
                {},
                (
                    first_line + node.start_mark.line,
                    f"front matter is {kind}, not a mapping of `key: value` fields",
                ),
            )
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            # keys as written: `on:` and `2026-01-01:` stay strings, not True or a date
            if isinstance(key_node, yaml.ScalarNode) and str(key_node.value) not in values:
                key = str(key_node.value)
                values[key] = loader.construct_object(value_node, deep=True)
                lines[key] = first_line + key_node.start_mark.line
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        if error.context_mark and (mark is None or mark.index >= len(yaml_text.rstrip())):
            mark = error.context_mark  # the parser ran to the end: where the construct began
        line = first_line + (mark.line if mark else 0)
        problem = error.problem or error.context or "invalid YAML"
        return {}, {}, (line, f"invalid YAML: {problem}")
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as error:
        return (
            {},
            {},
            (
                first_line,
                f"invalid YAML: {(str(error) or type(error).__name__).splitlines()[0]}",
            ),
        )
    finally:
        loader.dispose()
    return values, lines, None
