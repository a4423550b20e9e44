"""Findings as LSP diagnostics: same line, code and message; source ``mdnet``."""

from __future__ import annotations

from collections.abc import Iterable

from lsprotocol import types

from mdnet.rules.finding import Finding

SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
SOURCE = "mdnet"

# A finding names a line (1-based; 0 for the vault's own) and a column; the diagnostic
# covers that line from the column on (to the start of the next line: every client
# shows that as the whole line, without mdnet reading the file to know its length).


def diagnostic(code: str, severity: str, line: int, column: int, message: str) -> types.Diagnostic:
    """One finding as a diagnostic."""
    start = types.Position(max(line - 1, 0), max(column - 1, 0))
    return types.Diagnostic(
        range=types.Range(start, types.Position(start.line + 1, 0)),
        message=message,
        severity=SEVERITIES.get(severity, types.DiagnosticSeverity.Warning),
        code=code,
        source=SOURCE,
    )


def of_findings(findings: Iterable[Finding]) -> list[types.Diagnostic]:
    """The diagnostics of one note's findings, in the order of its lines."""
    ordered = sorted(findings, key=lambda f: (f.line, f.column, f.code, f.message))
    return [diagnostic(f.code, f.severity, f.line, f.column, f.message) for f in ordered]


def by_path(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings grouped by note (``""``: the vault's own)."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.path, []).append(finding)
    return grouped
