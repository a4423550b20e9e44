"""The main markdownlint rules (line length aside), for checking generated Markdown.

``markdown_problems(text)`` returns ``"LINE: MDxxx what"`` strings; none means clean.
It covers what a generator can get wrong: headings (MD001, MD022, MD024, MD025, MD026,
MD041), blank lines around lists, tables and fences (MD031, MD032, MD058), whitespace
(MD009, MD010, MD012, MD047), fences (MD040), tables (MD055, MD056), bare URLs (MD034)
and inline HTML (MD033).
"""

from __future__ import annotations

import re

HEADING_RE = re.compile(r"(#{1,6}) (\S.*)")
ITEM_RE = re.compile(r"([-*+]|\d+[.)]) ")
CODE_SPAN_RE = re.compile(r"(`+)(?:.+?)\1")
BARE_URL_RE = re.compile(r"(?<![<(\w])(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.\w+")
HTML_RE = re.compile(r"(?<!\\)<(?:[A-Za-z][\w-]*|/[A-Za-z][\w-]*|!--)")
UNESCAPED_PIPE_RE = re.compile(r"(?<!\\)\|")


def markdown_problems(text: str) -> list[str]:
    problems: list[str] = []
    if not text.endswith("\n") or text.endswith("\n\n"):
        problems.append("end: MD047 the file must end with exactly one newline")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    start = _front_matter_end(lines)
    kinds = _kinds(lines, start, problems)
    for number, line in enumerate(lines, 1):
        if line != line.rstrip():
            problems.append(f"{number}: MD009 trailing spaces")
        if "\t" in line:
            problems.append(f"{number}: MD010 hard tab")
        if number > 1 and not line.strip() and not lines[number - 2].strip():
            problems.append(f"{number}: MD012 multiple blank lines")
    problems += _headings(lines, kinds, start)
    problems += _blocks(kinds)
    problems += _tables(lines, kinds)
    problems += _inline(lines, kinds)
    return problems


def _front_matter_end(lines: list[str]) -> int:
    if lines and lines[0] == "---":
        for index in range(1, len(lines)):
            if lines[index] == "---":
                return index + 1
    return 0


def _kinds(lines: list[str], start: int, problems: list[str]) -> list[str]:
    """Each line's kind: front, blank, fence, code, heading, item, table or text."""
    kinds = ["front"] * start
    in_fence = False
    for number, line in enumerate(lines[start:], start + 1):
        if in_fence:
            in_fence = not line.startswith("```")
            kinds.append("code" if in_fence else "fence")
        elif line.startswith("```"):
            in_fence = True
            kinds.append("fence")
            if not line[3:].strip():
                problems.append(f"{number}: MD040 fenced code without a language")
        elif not line.strip():
            kinds.append("blank")
        elif HEADING_RE.fullmatch(line):
            kinds.append("heading")
        elif ITEM_RE.match(line):
            kinds.append("item")
        elif line.startswith("|"):
            kinds.append("table")
        else:
            kinds.append("text")
    if in_fence:
        problems.append("end: unclosed code fence")
    return kinds


def _headings(lines: list[str], kinds: list[str], start: int) -> list[str]:
    problems: list[str] = []
    content = [index for index in range(start, len(lines)) if kinds[index] != "blank"]
    if not content or not lines[content[0]].startswith("# "):
        problems.append("start: MD041 the first line must be a top-level heading")
    seen: set[str] = set()
    level = 0
    h1 = 0
    for index, kind in enumerate(kinds):
        if kind != "heading":
            continue
        match = HEADING_RE.fullmatch(lines[index])
        assert match
        number, depth, title = index + 1, len(match.group(1)), match.group(2)
        h1 += depth == 1
        if level and depth > level + 1:
            problems.append(f"{number}: MD001 heading jumps from h{level} to h{depth}")
        level = depth
        if title in seen:
            problems.append(f"{number}: MD024 duplicate heading {title!r}")
        seen.add(title)
        if title[-1] in ".,;:!":
            problems.append(f"{number}: MD026 trailing punctuation in heading")
        for neighbour in (index - 1, index + 1):
            if 0 <= neighbour < len(kinds) and kinds[neighbour] not in ("blank", "front"):
                problems.append(f"{number}: MD022 heading without a blank line around it")
    if h1 != 1:
        problems.append(f"start: MD025 {h1} top-level headings, expected 1")
    return problems


def _blocks(kinds: list[str]) -> list[str]:
    """Lists, tables and fences need blank lines (or the file's edge) around them."""
    problems: list[str] = []
    rules = {"item": "MD032 list", "table": "MD058 table", "fence": "MD031 fenced code"}
    index = 0
    while index < len(kinds):
        kind = kinds[index]
        if kind not in rules:
            index += 1
            continue
        end = index
        if kind == "fence":
            end = kinds.index("fence", index + 1)
        else:
            while end + 1 < len(kinds) and kinds[end + 1] == kind:
                end += 1
        before = kinds[index - 1] if index > 0 else "blank"
        after = kinds[end + 1] if end + 1 < len(kinds) else "blank"
        if before not in ("blank", "front") or after != "blank":
            problems.append(f"{index + 1}: {rules[kind]} without blank lines around it")
        index = end + 1
    return problems


def _tables(lines: list[str], kinds: list[str]) -> list[str]:
    problems: list[str] = []
    index = 0
    while index < len(kinds):
        if kinds[index] != "table":
            index += 1
            continue
        rows = []
        while index < len(kinds) and kinds[index] == "table":
            rows.append((index + 1, lines[index]))
            index += 1
        columns = _cells(rows[0][1])
        if len(rows) < 2 or not re.fullmatch(r"\|(?:\s*:?-{3,}:?\s*\|)+", rows[1][1]):
            problems.append(f"{rows[0][0]}: table without a delimiter row")
        for number, row in rows:
            if not (row.startswith("|") and row.endswith("|")):
                problems.append(f"{number}: MD055 table row without leading and trailing pipes")
            if _cells(row) != columns:
                problems.append(f"{number}: MD056 {_cells(row)} cells, expected {columns}")
    return problems


def _cells(row: str) -> int:
    return len(UNESCAPED_PIPE_RE.findall(row)) - 1


def _inline(lines: list[str], kinds: list[str]) -> list[str]:
    problems: list[str] = []
    for index, kind in enumerate(kinds):
        if kind not in ("heading", "item", "table", "text"):
            continue
        line = CODE_SPAN_RE.sub("``", lines[index])
        if BARE_URL_RE.search(line):
            problems.append(f"{index + 1}: MD034 bare URL")
        if HTML_RE.search(line):
            problems.append(f"{index + 1}: MD033 inline HTML")
    return problems
