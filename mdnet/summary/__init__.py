"""The summary note (SPEC §7): what the network needs this week, written into the vault.

Two functions, shared by ``mdnet summary`` and ``mdnet watch``:

- ``render(vault, config, today, findings, selection) -> str`` is pure: the same vault,
  config, date, findings and rule selection give the same text, byte for byte. Each
  section lists only what its rule would report (the selection, ``mdnet-ignore``).
- ``write_summary(vault_root, config, text) -> bool`` writes it to ``summary.path``
  atomically, only when it changed (True then), and raises ``SummaryRefused`` rather
  than overwrite a file that lacks ``mdnet: summary`` in its front matter.

Usage::

    selection = Selection.from_config(config)
    vault, findings = check_vault(vault_root, config, today, selection)
    text = render(vault, config, today, findings, selection)
    changed = write_summary(vault_root, config, text)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mdnet.config import Config
from mdnet.language import N_, _, ngettext
from mdnet.model.memory import paused_gc
from mdnet.model.vault import Vault
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection
from mdnet.summary.circles import commitments, without_purpose
from mdnet.summary.facts import Facts, gather
from mdnet.summary.giving import give_back
from mdnet.summary.glance import at_a_glance
from mdnet.summary.people import follow_up, reach_out
from mdnet.summary.problems import data_problems
from mdnet.summary.text import code, day
from mdnet.summary.writer import SummaryRefused, is_summary, summary_file, write_summary

__all__ = ["SummaryRefused", "is_summary", "render", "summary_file", "write_summary"]

TITLE = N_("Network summary")
SECTIONS = (
    at_a_glance,
    reach_out,
    give_back,
    follow_up,
    commitments,
    without_purpose,
    data_problems,
)


def render(
    vault: Vault,
    config: Config,
    today: dt.date,
    findings: Sequence[Finding],
    selection: Selection | None = None,
) -> str:
    """The summary note's Markdown for ``vault`` on ``today``, given its findings and
    the rules that ran (by default, the configuration's ``[rules]``)."""
    if selection is None:
        selection = Selection.from_config(config)
    selected = frozenset(rule.CODE for rule in selection.rules())
    with paused_gc():  # what sections work out is mostly kept with the contacts
        return _render(gather(vault, config, today, findings, selected))


def _render(facts: Facts) -> str:
    vault, today = facts.vault, facts.today
    blocks = [
        f"---\nmdnet: summary\ngenerated: {today.isoformat()}\n---",
        f"# {_(TITLE)}",
        ngettext(
            "Written by mdnet on {today} from {count} note. It is rewritten by {command}: "
            "edit your notes, not this page.",
            "Written by mdnet on {today} from {count} notes. It is rewritten by {command}: "
            "edit your notes, not this page.",
            len(vault.notes),
        ).format(today=day(today), count=len(vault.notes), command=code("mdnet summary")),
    ]
    for section in SECTIONS:
        blocks += section(facts)
    text = "\n\n".join(blocks) + "\n"
    # a file name that is not UTF-8 cannot be written in a UTF-8 note: shown replaced
    return text.encode("utf-8", "replace").decode("utf-8")
