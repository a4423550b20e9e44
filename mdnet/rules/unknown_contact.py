"""F005 unknown-contact — an interaction entry links a note that does not exist.

Why it matters: an entry such as `- 2026-10-02 lunch with [[Jane Do]]` counts for
nobody when the link is misspelt: Jane's timeline misses it, and she may be flagged
as stale although you just met.

When it fires: a list item that starts with a date links, with `[[...]]` or a
Markdown link, a title, alias or path that no note of the vault has (links to
dates, such as `[[2026-10-02]]`, are left alone: daily notes may not exist yet).

How to fix it: correct the link, add the spelling to the person's `aliases:`, or
create the note (`mdnet new contact "Jane Doe"`).

Example, in Daily/2026-10-02.md:

    - 2026-10-02 lunch with [[Jane Do]]

    Daily/2026-10-02.md:1:1: F005 unknown-contact [warning] [[Jane Do]] links no note
    (no title, alias or path matches); fix the link, ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from mdnet.config import Config
from mdnet.language import _
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit

CODE = "F005"
NAME = "unknown-contact"
SEVERITY = "warning"


def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
    for link in vault.dangling:
        yield Hit(
            link.path,
            link.line,
            _(
                "{link} links no note (no title, alias or path matches); fix the link, add it "
                'to a contact\'s aliases, or create it with mdnet new contact "{title}".'
            ).format(link=link.written, title=link.title),
            vault.subject_of(link.path),
        )
