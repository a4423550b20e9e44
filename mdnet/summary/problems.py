"""Data problems: every F finding (errors first), each with its file and line."""

from __future__ import annotations

from mdnet.summary.facts import Facts
from mdnet.summary.text import Blocks, code, escape, more, plural, table

LEVELS = ("error", "warning", "info")


def data_problems(facts: Facts) -> Blocks:
    """A table of the data rules' findings (F001–F008): errors first, then in ``check``'s
    order; at most ``summary.max_items`` rows, then how many more."""
    found = [finding for finding in facts.findings if finding.code.startswith("F")]
    found.sort(key=lambda finding: LEVELS.index(finding.severity))  # stable: check's order
    blocks = ["## Data problems"]
    if not found:
        return [*blocks, "No data problems: every note could be read and every value used."]
    shown = found[: facts.config.max_items]
    rows = [
        [
            facts.link.file(finding.path) if finding.path else "(the vault)",
            str(finding.line) if finding.line else "",
            f"{finding.code} {finding.rule}",
            escape(finding.message),
        ]
        for finding in shown
    ]
    errors = sum(finding.severity == "error" for finding in found)
    notes = len({finding.path for finding in found})
    blocks += [
        f"{plural(errors, 'error')} and {plural(len(found) - errors, 'warning')} "
        f"in {plural(notes, 'note')}; {code('mdnet check --select F')} shows them all.",
        table(["File", "Line", "Rule", "Problem"], rows),
    ]
    if len(found) > len(shown):
        blocks.append(more(len(found) - len(shown), "F"))
    return blocks
