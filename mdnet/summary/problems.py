"""Data problems: the error findings, each with its file and line."""

from __future__ import annotations

from mdnet.language import _, ngettext
from mdnet.summary.facts import Facts
from mdnet.summary.text import Blocks, code, escape, table

MOST = 50  # a longer list belongs to `mdnet check`, not to a weekly note


def data_problems(facts: Facts) -> Blocks:
    """A table of the findings whose severity is error, in ``check``'s order."""
    errors = [finding for finding in facts.findings if finding.severity == "error"]
    blocks = ["## " + _("Data problems")]
    if not errors:
        return [*blocks, _("No errors: every note could be read.")]
    rows = [
        [
            facts.link.file(finding.path) if finding.path else _("(the vault)"),
            str(finding.line) if finding.line else "",
            f"{finding.code} {finding.rule}",
            escape(finding.message),
        ]
        for finding in errors[:MOST]
    ]
    notes = len({finding.path for finding in errors})
    in_notes = ngettext("{count} note", "{count} notes", notes).format(count=notes)
    blocks += [
        ngettext(
            "{count} error in {notes}; {command} shows them with the warnings.",
            "{count} errors in {notes}; {command} shows them with the warnings.",
            len(errors),
        ).format(count=len(errors), notes=in_notes, command=code("mdnet check")),
        table([_("File"), _("Line"), _("Rule"), _("Problem")], rows),
    ]
    if len(errors) > MOST:
        blocks.append(_("And {count} more.").format(count=len(errors) - MOST))
    return blocks
