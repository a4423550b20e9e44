"""Data problems: the error findings, each with its file and line."""

from __future__ import annotations

from mdnet.summary.facts import Facts
from mdnet.summary.text import Blocks, code, escape, plural, table

MOST = 50  # a longer list belongs to `mdnet check`, not to a weekly note


def data_problems(facts: Facts) -> Blocks:
    """A table of the findings whose severity is error, in ``check``'s order."""
    errors = [finding for finding in facts.findings if finding.severity == "error"]
    blocks = ["## Data problems"]
    if not errors:
        return [*blocks, "No errors: every note could be read."]
    rows = [
        [
            facts.link.file(finding.path) if finding.path else "(the vault)",
            str(finding.line) if finding.line else "",
            f"{finding.code} {finding.rule}",
            escape(finding.message),
        ]
        for finding in errors[:MOST]
    ]
    notes = len({finding.path for finding in errors})
    blocks += [
        f"{plural(len(errors), 'error')} in {plural(notes, 'note')}; "
        f"{code('mdnet check')} shows them with the warnings.",
        table(["File", "Line", "Rule", "Problem"], rows),
    ]
    if len(errors) > MOST:
        blocks.append(f"And {len(errors) - MOST} more.")
    return blocks
