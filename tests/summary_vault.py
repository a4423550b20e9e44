"""A small vault that gives every section of the summary something to say (today 2026-11-26)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mdnet.config import load_config
from mdnet.pipeline import load_vault
from mdnet.rules.runner import Selection, run_rules
from mdnet.summary import render

TODAY = dt.date(2026, 11, 26)

VAULT: dict[str, str | bytes] = {
    ".mdnet.toml": """
        [budget]
        hours_per_month = 6
        dues_per_year = 100
        max_circles = 1
    """,
    # active: in touch within the 60-day cadence; a #gave this month
    "People/Ann Active.md": """
        ---
        type: contact
        tier: close
        ---
        - 2026-11-01 coffee: talked about her new team #gave intro to [[Bob Overdue]]
    """,
    # overdue: 60-day cadence, last 2026-09-01 → due 2026-10-31, 26 days overdue
    "People/Bob Overdue.md": """
        ---
        type: contact
        tier: close
        ---
        - 2026-09-01 email: sent https://example.com/a|b <b>deck</b> *fast* #got
    """,
    # losing touch: 30-day cadence, last 2026-08-01, past twice the cadence
    "People/Cara Losing.md": """
        ---
        type: contact
        tier: inner
        ---
        - 2026-08-01 lunch at the [[Guild]] dinner
    """,
    # passive, with a birthday in 3 days (the year does not matter)
    "People/Dan Passive.md": """
        ---
        type: contact
        birthday: 1980-11-29
        ---
    """,
    # follow up: met at the fair 37 days ago, nothing since
    "People/Eve Followup.md": """
        ---
        type: contact
        ---
    """,
    # new: met 6 days ago
    "People/Fay New.md": """
        ---
        type: contact
        met: 2026-11-20
        ---
    """,
    # active, with an open promise 16 days old
    "People/Gus Promise.md": """
        ---
        type: contact
        tier: regular
        ---
        - [ ] 2026-11-10 call: #promised send the [[Guild]] deck
    """,
    # a title shared with another note: linked by its path
    "People/Sam.md": """
        ---
        type: contact
        tier: close
        last_contact: 2026-08-01
        ---
    """,
    "Projects/Sam.md": "# Sam, the project\n",
    # a data problem
    "People/Broken.md": "---\ntype: contact\nname: [unclosed\n---\n",
    "Circles/Guild.md": """
        ---
        type: association
        status: member
        dues: "120 EUR/year"
        meetings: monthly
        meeting_hours: 3
        renewal: 2026-12-10
        why: learn from senior architects
        meet: CTOs
        offer: talks
        ---
        - 2026-09-10 #attended
        - 2026-10-08 #missed
        - 2026-11-12 #missed
    """,
    "Circles/Club.md": """
        ---
        type: club
        status: prospect
        meet: founders
        ---
    """,
    "Events/Fair.md": """
        ---
        type: event
        date: 2026-10-20
        status: attended
        attendees: ["[[Eve Followup]]"]
        ---
    """,
    "Events/Salon.md": """
        ---
        type: event
        date: 2026-12-05
        status: planned
        hours: 2
        why: meet product people
        meet: PMs
        ---
    """,
    "Daily/2026-11-05.md": "Lunch with [[Ann Active]] #got advice on hiring\n",
}


def summary_of(root: Path, today: dt.date = TODAY) -> str:
    """The summary of the vault at ``root``, through the same pipeline as the command."""
    config = load_config(root)
    vault = load_vault(root, config)
    findings = run_rules(vault, config, today, Selection.from_config(config))
    return render(vault, config, today, findings)
