"""Where a link points: Obsidian's resolution of wikilinks and Markdown links to notes."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from mdnet.notes.markdown import Link
from mdnet.notes.note import Note


class Resolver:
    """Obsidian's link resolution: title, alias or path without ``.md``, any case."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.by_name: dict[str, str] = {}
        by_alias: dict[str, str] = {}
        name = self.by_name.setdefault
        for note in notes:  # sorted by path: the first note of a shared title wins
            path = note.path
            stem = path.removesuffix(".md")
            name(stem.lower(), path)
            name(stem.rsplit("/", 1)[-1].lower(), path)  # the note's title
            if "aliases" in note.fields:
                for alias in note.fields["aliases"]:
                    by_alias.setdefault(alias.lower(), path)
        for alias, path in by_alias.items():
            self.by_name.setdefault(alias, path)
        self.wikilinks: dict[str, str | None] = {}  # target as written → path

    def resolve(self, link: Link, from_path: str) -> str | None:
        """The path of the note ``link`` points to, or None."""
        target = link.target
        if not link.relative:  # a wikilink resolves the same from every note
            try:
                return self.wikilinks[target]
            except KeyError:
                found = self.wikilinks[target] = self._by_title(target)
                return found
        folder = posixpath.dirname(from_path)
        joined = posixpath.normpath(posixpath.join(folder, target)).removesuffix(".md")
        return self.by_name.get(joined.lower()) or self._by_title(target)

    def _by_title(self, target: str) -> str | None:
        return self.by_name.get(target.strip().removesuffix(".md").lstrip("/").lower())
