"""What the data rules F001–F004 share: the parser already found the problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from mdnet.config import Config
from mdnet.model.vault import Vault
from mdnet.rules.finding import Hit


def problems_with_code(code: str) -> Callable[[Vault, Config, dt.date], Iterator[Hit]]:
    """A rule's ``check`` that reports the parse problems of ``code`` of every note."""

    def check(vault: Vault, config: Config, today: dt.date) -> Iterator[Hit]:
        for note in vault.with_problems:
            for problem in note.problems:
                if problem.code == code:
                    subject = vault.subject_of(note.path)
                    yield Hit(note.path, problem.line, problem.message, subject)

    return check
