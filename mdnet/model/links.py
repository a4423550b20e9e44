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


# the front matter fields whose values are links to notes (SPEC §2), by kind
LINK_FIELDS = {"contact": ("met_at",), "event": ("attendees",)}


def backlinks(notes: Iterable[Note], resolver: Resolver) -> dict[str, list[tuple[str, int]]]:
    """Every note's incoming links: ``{target path: [(source path, line), ...]}``.

    Links in the body (wikilinks and Markdown links, embeds included) and in the front
    matter fields that hold links (``met_at``, ``attendees``), each where it is written,
    in path and line order.
    """
    found: dict[str, list[tuple[str, int]]] = {}
    for note in notes:
        links = [link for block in note.blocks for link in block.links]
        for key in LINK_FIELDS.get(note.kind, ()):
            written = note.fields.get(key)
            titles = (written,) if isinstance(written, str) else written or ()
            links += [Link(title, note.line_of(key)) for title in titles]
        for link in links:
            target = resolver.resolve(link, note.path)
            if target is not None:
                found.setdefault(target, []).append((note.path, link.line))
    for sources in found.values():
        sources.sort()
    return found
