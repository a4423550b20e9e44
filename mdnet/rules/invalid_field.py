"""F004 invalid-field — a known field holds a value mdnet cannot use.

Why it matters: a cadence of "often" or dues of "lots" cannot be counted, so the
checks that need them quietly skip the note.

When it fires: `cadence` is not a duration (`30d`, `6w`, `3m`, `1y`, `monthly`,
`none`); `tier` is not a configured tier; `tags` or `aliases` are not text; `dues`
is not an amount (`120`, `"120 EUR/year"`, `"15/month"`, `"30/quarter"`);
`meetings` is not weekly, biweekly, monthly, quarterly or yearly; `status` is not
one the kind knows; `hours`, `hours_per_month` or `meeting_hours` is not a number
of at least 0; `confidential` is not true or false.

How to fix it: use one of the values the message lists. The rest of the note is
still checked.

Example:

    tier: close
    cadence: 6w
"""

from __future__ import annotations

from mdnet.rules.problems import problems_with_code

CODE = "F004"
NAME = "invalid-field"
SEVERITY = "error"
check = problems_with_code(CODE)
