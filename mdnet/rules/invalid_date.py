"""F003 invalid-date — a date field or an entry's leading date is not a real date.

Why it matters: a wrong date silently moves an interaction, a meeting or a birthday,
and every rule that counts days goes wrong with it.

When it fires: a date field (`met`, `last_contact`, `birthday`, `snooze_until`,
`joined`, `renewal`, `date`, `end`) holds something that is not an ISO date, or a
list item starts with a date that does not exist (`- 2026-13-40 call`), or a daily
note's title does.

How to fix it: write dates as `YYYY-MM-DD` (a time may follow: `2026-10-02 14:30`).

Example:

    - 2026-10-02 call: caught up on the new role
"""

from __future__ import annotations

from mdnet.rules.problems import problems_with_code

CODE = "F003"
NAME = "invalid-date"
SEVERITY = "error"
check = problems_with_code(CODE)
