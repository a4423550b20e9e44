"""Where links lead in the live vault, and which notes link a note: what go to
definition, references, rename and hover ask of the model (``mdnet lsp``)."""

from __future__ import annotations

from mdnet.live.vault import LiveVault
from mdnet.model.links import backlinks
from mdnet.model.vault import Vault
from mdnet.notes.blocks import Link


class Links:
    """The links of the live vault's model now, asked under its lock.

    The map of every note's incoming links is worked out when first asked of a model,
    and kept while that model is the live one (each change makes a new one).
    """

    def __init__(self, live: LiveVault) -> None:
        self.live = live
        self._incoming: tuple[Vault, dict[str, list[tuple[str, int]]]] | None = None

    def resolve(self, target: str, from_path: str, relative: bool = False) -> str | None:
        """The note a link written in ``from_path`` points to (a wikilink's title, alias
        or path; with ``relative``, a Markdown link's path), or None."""
        with self.live.lock:
            link = Link(target, 0, relative=relative)
            return self.live.builder.resolver.resolve(link, from_path)

    def linking(self, path: str) -> list[tuple[str, int]]:
        """The notes that link the note at ``path``, each with the line of the link."""
        live = self.live
        with live.lock:
            if self._incoming is None or self._incoming[0] is not live.vault:
                found = backlinks(live.vault.notes.values(), live.builder.resolver)
                self._incoming = (live.vault, found)
            return list(self._incoming[1].get(path, ()))
