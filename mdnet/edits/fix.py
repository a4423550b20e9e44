"""``mdnet check --fix``: apply the safe fixes rules offer, changing only their values.

A rule offers a Fix as data (set the front matter key written on line N to a value);
this module is the only code that applies one. The note is read again (it may have
changed since it was checked), only the value's text on that line is replaced —
quotes, comments, spacing, line endings, a BOM and every other byte are kept, unlike
a YAML round trip — and the result is read back: the key must now hold the new value
and everything else must read as before, or the note is left alone. Then it is
written atomically.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mdnet.config import Config
from mdnet.errors import describe
from mdnet.language import _, ngettext
from mdnet.notes.files import write_atomic
from mdnet.notes.parse import normalized
from mdnet.notes.reading import Unreadable, read_note
from mdnet.notes.scan import NoteFile
from mdnet.rules.finding import Finding, Fix

NEWLINE_RE = re.compile(r"\r\n|\r|\n")  # the line breaks the parser counts lines by
VALUE_RE = re.compile(
    r"""(?P<head>[ \t]*(?P<q>["']?)(?P<key>[^:"'\r\n]+)(?P=q)[ \t]*:[ \t]+)
    (?P<value>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'\[\]{}|>&*!%@`\#](?:[^\#]|(?<=\S)\#)*?)
    (?P<tail>(?:[ \t]+\#.*)?[ \t]*)""",
    re.VERBOSE,
)


class CannotFix(Exception):
    """A fix that cannot be applied safely; the message says why."""


@dataclass
class FixReport:
    """What ``apply_fixes`` did: the findings fixed, the notes changed, what it could not."""

    fixed: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed: list[tuple[Finding, str]] = field(default_factory=list)  # not safe to apply
    failed_writes: list[tuple[Finding, str]] = field(default_factory=list)  # an error

    @property
    def unwritten(self) -> int:
        """How many fixes could not be written (a read-only note, a full disk)."""
        return len(self.failed_writes)

    @classmethod
    def merged(cls, reports: Iterable[FixReport]) -> FixReport:
        """What several vaults' fixes did, together."""
        merged = cls()
        for report in reports:
            merged.fixed += report.fixed
            merged.notes += report.notes
            merged.failed += report.failed
            merged.failed_writes += report.failed_writes
        return merged

    def summary(self) -> str:
        """``Fixed 2 findings (F008) in 2 notes.``"""
        if not self.fixed:
            said = _("Nothing to fix.")
        else:
            codes = ", ".join(sorted({finding.code for finding in self.fixed}))
            fixed, notes = len(self.fixed), len(self.notes)
            said = _("Fixed {findings} ({codes}) in {notes}.").format(
                findings=ngettext("{count} finding", "{count} findings", fixed).format(count=fixed),
                codes=codes,
                notes=ngettext("{count} note", "{count} notes", notes).format(count=notes),
            )
        if self.failed_writes:
            failed = self.unwritten
            not_applied = ngettext(
                "{count} fix not applied", "{count} fixes not applied", failed
            ).format(count=failed)
            said = _("{said}; {not_applied}.").format(
                said=said.removesuffix("."), not_applied=not_applied
            )
        return said


def apply_fixes(vault: Path, findings: Iterable[Finding], config: Config) -> FixReport:
    """Apply the fixes of ``findings`` to the notes of the vault at ``vault``."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.fix is not None:
            by_path.setdefault(finding.fix.path, []).append(finding)
    report = FixReport()
    for path, fixable in sorted(by_path.items()):
        fixes = list(dict.fromkeys(finding.fix for finding in fixable if finding.fix))
        try:
            target = vault / path
            stat = target.stat()
            text = read_note(vault, NoteFile(path, stat.st_size, stat.st_mtime_ns), config)
            fixed = fix_text(text, fixes)
        except (OSError, Unreadable, CannotFix) as error:  # gone, or not safe: left alone
            reason = describe(error) if isinstance(error, OSError) else str(error)
            report.failed += [(finding, reason) for finding in fixable]
            continue
        if fixed != text:
            try:
                write_atomic(target, fixed)
            except OSError as error:  # a read-only note or vault, a full disk
                reason = f"cannot write it: {describe(error)}"
                report.failed_writes += [(finding, reason) for finding in fixable]
                continue
            report.notes.append(path)
        report.fixed += fixable
    return report


def fix_text(text: str, fixes: Sequence[Fix]) -> str:
    """``text`` with each fix's value replaced in place; CannotFix if any is unsafe."""
    fixed = text
    for fix in fixes:
        fixed = _set_value(fixed, fix)
    _check_reads_back(text, fixed, fixes)
    return fixed


def _set_value(text: str, fix: Fix) -> str:
    start, end = _line_span(text, fix.line)
    match = VALUE_RE.fullmatch(text, start, end)
    if match is None or match.group("key").strip() != fix.key:
        raise CannotFix(
            _(
                "line {line} does not hold `{key}: <value>` on one line; set it to {value} by hand"
            ).format(line=fix.line, key=fix.key, value=fix.value)
        )
    written = match.group("value")
    if written.startswith('"'):
        new = '"' + fix.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    elif written.startswith("'"):
        new = "'" + fix.value.replace("'", "''") + "'"
    else:
        new = fix.value
    return text[: match.start("value")] + new + text[match.end("value") :]


def _line_span(text: str, line: int) -> tuple[int, int]:
    """Where line ``line`` (1-based, counted as the parser counts) starts and ends."""
    starts = [0, *(newline.end() for newline in NEWLINE_RE.finditer(text))]
    if not 1 <= line <= len(starts):
        raise CannotFix(_("the note has no line {line}").format(line=line))
    start = starts[line - 1]
    newline = NEWLINE_RE.search(text, start)
    return start, newline.start() if newline else len(text)


def _check_reads_back(before: str, after: str, fixes: Iterable[Fix]) -> None:
    """The fixed keys read as their new values, and everything else as before."""
    from mdnet.notes.frontmatter import split_front_matter  # YAML: only when fixing

    old = split_front_matter(normalized(before))
    new = split_front_matter(normalized(after))
    changed = {fix.key: fix.value for fix in fixes}
    if new.error or new.lines != old.lines or new.body != old.body:
        raise CannotFix(_("the fixed front matter would not read as before; fix it by hand"))
    for key, value in new.values.items():
        if key in changed and (isinstance(value, list | dict) or str(value) != changed[key]):
            raise CannotFix(
                _("`{key}` would not read as {value}; fix it by hand").format(
                    key=key, value=changed[key]
                )
            )
        if key not in changed and not _same(value, old.values.get(key), set()):
            raise CannotFix(_("`{key}` would change; fix the note by hand").format(key=key))


def _same(a: object, b: object, seen: set[tuple[int, int]]) -> bool:
    """Whether two YAML values read the same (type and value; .nan is .nan).

    Shared parts (YAML aliases) are compared once, so that a "billion laughs" of
    aliases takes the time of its text, not of its expansion.
    """
    if type(a) is not type(b):
        return False
    if isinstance(a, list | tuple | dict):
        assert isinstance(b, list | tuple | dict)
        if (id(a), id(b)) in seen:
            return True
        seen.add((id(a), id(b)))
        if isinstance(a, dict):
            assert isinstance(b, dict)
            keys = [repr(key) for key in a]
            if len(a) != len(b) or keys != [repr(key) for key in b]:
                return False
            return all(_same(a[key], b[key], seen) for key in a)
        return len(a) == len(b) and all(_same(x, y, seen) for x, y in zip(a, b, strict=True))
    return bool(a == b) or (a != a and b != b)  # .nan is not equal to itself
