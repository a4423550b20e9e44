"""Adding an item to a front matter list (``aliases``, ``mdnet-ignore``) as a small
text edit, in the style the note already uses (a flow list, a block list, a single
value, no key yet, no front matter yet); the result must read back as intended."""

from __future__ import annotations

import json
import re
from typing import NamedTuple

from mdnet.lsp.documents import line_break, split_lines
from mdnet.notes.frontmatter import split_front_matter
from mdnet.notes.parse import normalized

PLAIN_RE = re.compile(r"[A-Za-z0-9][\w-]*")


class Insertion(NamedTuple):
    """Replace characters ``start:end`` of ``line`` (0-based) with ``text``."""

    line: int
    start: int
    end: int
    text: str


def add_to_list(text: str, key: str, value: str) -> Insertion | None:
    """The edit that adds ``value`` to the list at ``key``; None when the front matter
    cannot be edited safely (broken YAML, a value written over several lines...) or
    already lists it."""
    lines, newline = split_lines(text), line_break(text)
    item = value if PLAIN_RE.fullmatch(value) else json.dumps(value, ensure_ascii=False)
    if lines[0].rstrip("\r\n") != "---":
        insertion = Insertion(0, 0, 0, f"---{newline}{key}: [{item}]{newline}---{newline}")
    else:
        closing = next((n for n in range(1, len(lines)) if lines[n].rstrip() == "---"), None)
        if closing is None:
            return None
        insertion = _in_front_matter(lines, closing, key, item, newline)
    return insertion if _reads_back(text, insertion, key, value) else None


def _in_front_matter(
    lines: list[str], closing: int, key: str, item: str, newline: str
) -> Insertion:
    pattern = re.compile(rf"^{re.escape(key)}[ \t]*:[ \t]*(.*?)[ \t]*(#.*)?$")
    for number in range(1, closing):
        found = pattern.match(lines[number].rstrip("\r\n"))
        if found is None:
            continue
        written = found.group(1)
        if written.startswith("[") and written.endswith("]"):
            end = found.start(1) + len(written) - 1
            separator = ", " if written[1:-1].strip() else ""
            return Insertion(number, end, end, f"{separator}{item}")
        if written:  # one value: a list of it and the new one
            return Insertion(number, found.start(1), found.end(1), f"[{written}, {item}]")
        last, indent = number, "  "
        for following in range(number + 1, closing):
            entry = re.match(r"^([ \t]*)- ", lines[following])
            if entry is None:
                break
            last, indent = following, entry.group(1)
        if last == number:  # `key:` and nothing: the list starts now
            space = "" if lines[number][found.start(1) - 1] in " \t" else " "
            return Insertion(number, found.start(1), found.start(1), f"{space}[{item}]")
        return Insertion(last + 1, 0, 0, f"{indent}- {item}{newline}")
    return Insertion(closing, 0, 0, f"{key}: [{item}]{newline}")


def apply(text: str, insertion: Insertion) -> str:
    lines = split_lines(text)
    offset = sum(len(line) for line in lines[: insertion.line])
    return text[: offset + insertion.start] + insertion.text + text[offset + insertion.end :]


def _reads_back(text: str, insertion: Insertion, key: str, value: str) -> bool:
    """The edited front matter reads as before, plus ``value`` in the list at ``key``."""
    before = split_front_matter(normalized(text))
    after = split_front_matter(normalized(apply(text, insertion)))
    if before.error or after.error:
        return False
    if value in _listed(before.values.get(key)) or value not in _listed(after.values.get(key)):
        return False  # listed already, or the edit does not read as meant
    others = {k: v for k, v in after.values.items() if k != key}
    return others == {k: v for k, v in before.values.items() if k != key}


def _listed(value: object) -> list[str]:
    if value is None:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]
