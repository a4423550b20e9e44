"""F002 unreadable-note — the note cannot be read as Markdown text.

Why it matters: a note mdnet cannot read is a contact, circle or event it cannot
see; its interactions are missing from every other check.

When it fires: the file is not UTF-8 (a Latin-1 or UTF-16 export), is binary (it
holds NUL bytes), cannot be opened, or is larger than `vault.max_file_kb`
(default 1024 KB).

How to fix it: save the file as UTF-8; move binaries out of the vault or exclude
them with `vault.exclude`; split a huge note, or raise the limit.

Thresholds: [vault] max_file_kb = 1024. Example:

    [vault]
    max_file_kb = 4096
"""

from __future__ import annotations

from mdnet.rules.problems import problems_with_code

CODE = "F002"
NAME = "unreadable-note"
SEVERITY = "error"
check = problems_with_code(CODE)
