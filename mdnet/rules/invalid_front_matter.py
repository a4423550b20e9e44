"""F001 invalid-front-matter — the front matter is not valid YAML, or not a mapping.

Why it matters: mdnet reads a note's kind, dates and cadence from its front matter.
When the YAML is broken, none of it counts, and the note silently drops out of
your network.

When it fires: the block between the opening `---` and the closing `---` does not
parse as YAML, is not closed, or is a list or a single value instead of
`key: value` fields. The finding points at the line of the YAML error.

How to fix it: correct the YAML at that line (a missing quote or colon, a tab for
indentation, an unclosed bracket). Quote values that hold `: ` or start with `[`,
`{`, `@` or `*`.

Example:

    ---
    type: contact
    company: "Acme: the company"   # quoted, because of the colon
    ---
"""

from __future__ import annotations

from mdnet.rules.problems import problems_with_code

CODE = "F001"
NAME = "invalid-front-matter"
SEVERITY = "error"
check = problems_with_code(CODE)
