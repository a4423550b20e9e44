"""Where links lead in the live vault, and which notes link a note: what go to
definition, references, rename and hover ask of the model (``mdnet lsp``)."""

from __future__ import annotations

from mdnet.live.vault import LiveVault
from mdnet.model.links import backlinks, names_of
from mdnet.model.vault import Vault
from mdnet.notes.blocks import Link


class Links:
    """The links of the live vault's model now, asked under its lock.

    The notes that link a note are kept while the model is the live one (each change
    makes a new one): a hover asks again, and each of them may be read again."""

    def __init__(self, live: LiveVault) -> None:
        self.live = live
        self._linking: tuple[Vault, dict[str, list[tuple[str, int]]]] | None = None

    def resolve(self, target: str, from_path: str, relative: bool = False) -> str | None:
        """The note a link written in ``from_path`` points to (a wikilink's title, alias
        or path; with ``relative``, a Markdown link's path), or None."""
        with self.live.lock:
            link = Link(target, 0, relative=relative)
            return self.live.builder.resolver.resolve(link, from_path)

    def linking(self, path: str) -> list[tuple[str, int]]:
        """The notes that link the note at ``path``, each with the line of the link:
        among those that link one of its names (``Builder.linkers``), read again when
        the model let their blocks go."""
        live = self.live
        with live.lock:
            if self._linking is None or self._linking[0] is not live.vault:
                self._linking = (live.vault, {})
            known = self._linking[1]
            if path not in known:
                known[path] = self._read_linking(path)
            return list(known[path])

    def _read_linking(self, path: str) -> list[tuple[str, int]]:
        """``linking``, worked out (under the live vault's lock)."""
        live = self.live
        builder, notes = live.builder, live.vault.notes
        note = notes.get(path)
        if note is None or builder.linkers is None:
            return []
        names = [name for _, name in names_of(note)]
        linking = sorted(builder.linkers.of(names))  # maybe some no longer there
        sources = live.as_read([notes[source] for source in linking if source in notes])
        return backlinks(sources, builder.resolver).get(path, [])
