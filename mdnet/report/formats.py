"""Reporters: findings to a stream, as text, JSON or GitHub Actions commands."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Protocol

import click

from mdnet.language import _, ngettext
from mdnet.model.stats import Stats
from mdnet.report.paths import display_path
from mdnet.rules.finding import Finding

FORMATS = ("text", "json", "github")
COLORS = {"error": "red", "warning": "yellow", "info": "blue"}
LINES_AT_ONCE = 1000  # findings' lines joined and written at once


class Out(Protocol):
    """What a report is written to: a text stream, standard output as ``mdnet check``
    writes to it."""

    def write(self, text: str, /) -> int: ...


def closing_line(findings: Sequence[Finding], notes: int) -> str:
    """``Found 1 error, 7 warnings, 2 infos in 42 notes.``, in the language in use."""
    counts = Counter(finding.severity for finding in findings)
    in_notes = ngettext("{count} note", "{count} notes", notes).format(count=notes)
    if not findings:
        return _("No findings in {notes}.").format(notes=in_notes)
    errors, warnings, infos = (counts[level] for level in ("error", "warning", "info"))
    return _("Found {errors}, {warnings}, {infos} in {notes}.").format(
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        infos=ngettext("{count} info", "{count} infos", infos).format(count=infos),
        notes=in_notes,
    )


_shown_fields = attrgetter("path", "line", "column", "code", "rule", "severity", "message")


def write_text(
    out: Out,
    findings: Sequence[Finding],
    vault: Path,
    stats: Stats | None = None,
    *,
    color: bool,
    quiet: bool = False,
    cwd: Path | None = None,
) -> None:
    """One line per finding (``path:line:column:``, or ``vault:`` for vault-level ones),
    then the closing line unless ``quiet`` or without ``stats``."""
    _in_pieces(out, text_lines(findings, vault, color, cwd or Path.cwd()))
    if not quiet and stats is not None:
        out.write(closing_line(findings, stats.notes) + "\n")


def text_lines(findings: Sequence[Finding], vault: Path, color: bool, cwd: Path) -> Iterator[str]:
    """Each finding's line as ``write_text`` prints it (and ``mdnet watch`` after a change)."""
    shown: dict[str, str] = {}  # a note's findings come together: its path is shown once
    for path, line, column, code, rule, severity, message in map(_shown_fields, findings):
        where = shown.get(path)
        if where is None:
            where = shown[path] = display_path(vault, path, cwd)
        if color:
            place = click.style(f"{where}:{line}:{column}:" if line else f"{where}:", bold=True)
            named = click.style(f"{code} {rule}", fg=COLORS[severity], bold=True)
            level = click.style(f"[{severity}]", fg=COLORS[severity])
            yield f"{place} {named} {level} {message}\n"
        elif line:
            yield f"{where}:{line}:{column}: {code} {rule} [{severity}] {message}\n"
        else:
            yield f"{where}: {code} {rule} [{severity}] {message}\n"


def _in_pieces(out: Out, lines: Iterator[str]) -> None:
    """Write ``lines`` a thousand at a time: not one by one (a write each), nor all at once
    (90 MB more at 130,000 findings)."""
    while piece := list(islice(lines, LINES_AT_ONCE)):
        out.write("".join(piece))


def write_json(
    out: Out,
    checked: Sequence[tuple[Path, Sequence[Finding]]],
    stats: Stats,
    *,
    today: dt.date,
    statistics: bool = False,
    cwd: Path | None = None,
) -> None:
    """One JSON object (SPEC §6) for the findings of each vault ``checked`` (``vault``
    is the first; ``vaults`` lists them all when there are several); with
    ``statistics``, the counts per rule inside it."""
    cwd = cwd or Path.cwd()
    vaults = [display_path(vault, "", cwd) for vault, _ in checked]
    findings = [finding for _, found in checked for finding in found]
    document: dict[str, object] = {
        "version": 1,
        "vault": vaults[0] if vaults else "",
        **({"vaults": vaults} if len(vaults) > 1 else {}),
        "today": today.isoformat(),
        "findings": [
            {
                "path": display_path(vault, f.path, cwd),
                "line": f.line,
                "column": f.column,
                "code": f.code,
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "subject": f.subject,
            }
            for vault, found in checked
            for f in found
        ],
        "stats": stats.__dict__,
    }
    if statistics:
        document["statistics"] = [
            {"code": code, "rule": rule, "count": count}
            for code, rule, count in rule_counts(findings)
        ]
    # one piece: json.dump writes each token apart (a million writes at 100,000 findings)
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _escape(value: str, in_property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if in_property else value


def write_github(
    out: Out, findings: Sequence[Finding], vault: Path, cwd: Path | None = None
) -> None:
    """GitHub Actions workflow commands: annotations on the pull request's files."""
    _in_pieces(out, _github_lines(findings, vault, cwd or Path.cwd()))


def _github_lines(findings: Sequence[Finding], vault: Path, cwd: Path) -> Iterator[str]:
    command = {"error": "error", "warning": "warning", "info": "notice"}
    for f in findings:
        path = _escape(display_path(vault, f.path, cwd), True)
        title = _escape(f"{f.code} {f.rule}", True)
        location = f"file={path},line={f.line},col={f.column}" if f.line else f"file={path}"
        yield f"::{command[f.severity]} {location},title={title}::{_escape(f.message)}\n"


def rule_counts(findings: Sequence[Finding]) -> list[tuple[str, str, int]]:
    """(code, rule, count) of each rule that found something, most frequent first."""
    counts = Counter((finding.code, finding.rule) for finding in findings)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(code, rule, count) for (code, rule), count in ranked]


def write_statistics(out: Out, findings: Sequence[Finding]) -> None:
    """Counts per rule, most frequent first, as ruff's --statistics prints them."""
    for code, rule, count in rule_counts(findings):
        out.write(f"{count:>5}\t{code}\t{rule}\n")
