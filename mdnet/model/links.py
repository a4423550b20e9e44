"""Where a link points: Obsidian's resolution of wikilinks and Markdown links to notes.

A note is known by its names: its vault-relative path without ``.md``, its title, its
aliases (any case, any Unicode normal form: ``Chloé`` typed composed links the note
whose file name macOS wrote decomposed, as Obsidian finds it). A name several notes
claim goes to the first by path, a title or path before an alias. The ``Resolver``
keeps, besides what each name resolves to, who claims it (made when first needed), so
that a note that appears, goes, or changes its aliases re-resolves only the names it
gains or loses (``reclaim``).
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections.abc import Iterable, Iterator

from mdnet.notes.blocks import Link
from mdnet.notes.note import Note

TITLE, ALIAS = 0, 1  # what a name is of a note: a title or path wins over an alias


def name_key(name: str) -> str:
    """``name`` as links match it: in lower case and, unless ASCII (most names: no
    normalising in the hot path), in Unicode's composed form (NFC), so that ``Chloé``
    matches whether its ``é`` is one character or ``e`` and an accent (macOS's file names)."""
    if name.isascii():
        return name.lower()
    return unicodedata.normalize("NFC", name).lower()


def names_of(note: Note) -> Iterator[tuple[int, str]]:
    """(TITLE or ALIAS, name as ``name_key`` makes it) of each name that links may use
    for ``note``."""
    stem = note.path.removesuffix(".md")
    yield TITLE, name_key(stem)
    yield TITLE, name_key(stem.rsplit("/", 1)[-1])
    for alias in note.fields.get("aliases", ()):
        yield ALIAS, name_key(alias)


def link_keys(link: Link, from_path: str) -> tuple[str, ...]:
    """The names ``link`` may resolve through (a Markdown link: its path, then its title)."""
    if not link.relative:
        return (_title_key(link.target),)
    folder = posixpath.dirname(from_path)
    joined = posixpath.normpath(posixpath.join(folder, link.target)).removesuffix(".md")
    return (name_key(joined), _title_key(link.target))


def _title_key(target: str) -> str:
    return name_key(target.strip().removesuffix(".md").lstrip("/"))


class Resolver:
    """Obsidian's link resolution: title, alias or path without ``.md``, any case, any
    normal form (``name_key``)."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.by_name: dict[str, str] = {}
        by_alias: dict[str, str] = {}
        name = self.by_name.setdefault
        for note in notes:  # sorted by path: the first note of a shared title wins
            path = note.path
            stem = path.removesuffix(".md")
            name(name_key(stem), path)
            name(name_key(stem.rsplit("/", 1)[-1]), path)  # the note's title
            if "aliases" in note.fields:
                for alias in note.fields["aliases"]:
                    by_alias.setdefault(name_key(alias), path)
        for alias, path in by_alias.items():
            self.by_name.setdefault(alias, path)
        self.wikilinks: dict[str, str | None] = {}  # target as written → path
        self.claims: dict[str, Claims] | None = None  # made by ``reclaim``

    def resolve(self, link: Link, from_path: str) -> str | None:
        """The path of the note ``link`` points to, or None."""
        target = link.target
        if not link.relative:  # a wikilink resolves the same from every note
            try:
                return self.wikilinks[target]
            except KeyError:
                found = self.wikilinks[target] = self.by_name.get(_title_key(target))
                return found
        joined, title = link_keys(link, from_path)
        return self.by_name.get(joined) or self.by_name.get(title)

    def claim_all(self, notes: Iterable[Note]) -> dict[str, Claims]:
        """Who claims each name (``notes``: every note the resolver was made from), made
        once, then kept by ``reclaim``. A name most often has one claimant: it is kept
        alone, not in a set, under the same string as in ``by_name`` (at 100,000 notes
        that is 200,000 sets and strings fewer); a note's path and title claim with one
        tuple (100,000 fewer). Made in one dict, first of ``by_name``'s names: a name
        claimed is stored under the string there (a dict keeps the key it has), not under
        an equal one made for the claim (a dict more of 200,000 names: 25 MB at the peak)."""
        if self.claims is None:
            claims: dict[str, Claims] = dict.fromkeys(self.by_name)
            for note in notes:
                as_title = (TITLE, note.path)
                for kind, name in names_of(note):
                    _claim(claims, name, as_title if kind == TITLE else (kind, note.path))
            self.claims = claims
        return self.claims

    def notes_titled(self, title: str) -> int:
        """How many notes have ``title`` (in lower case, any normal form), once the claims
        are made: those that claim it as a title (a path, which would claim it too, has a
        slash)."""
        assert self.claims is not None, "claim_all first"
        claimants = self.claims.get(name_key(title))
        if isinstance(claimants, set):
            return sum(kind == TITLE for kind, _ in claimants)
        return int(claimants is not None and claimants[0] == TITLE)

    def reclaim(
        self, notes: Iterable[Note], before: Iterable[Note], after: Iterable[Note]
    ) -> set[str]:
        """Take in that the notes ``before`` became the notes ``after`` (a note that went
        is only before, a new one only after); ``notes`` is every note before the change.
        Returns the names that now resolve elsewhere (or nowhere, or somewhere new)."""
        claims = self.claim_all(notes)
        touched: set[str] = set()
        for note in before:
            for kind, name in names_of(note):
                claimants = claims.get(name)
                if claimants == (kind, note.path):
                    del claims[name]
                elif isinstance(claimants, set):
                    claimants.discard((kind, note.path))
                touched.add(name)
        for note in after:
            for kind, name in names_of(note):
                _claim(claims, name, (kind, note.path))
                touched.add(name)
        moved = set()
        for name in touched:
            claimants = claims.get(name)
            if isinstance(claimants, set) and len(claimants) < 2:
                claimants = claims[name] = claimants.pop() if claimants else None
            if isinstance(claimants, set):
                winner: str | None = min(claimants)[1]
            else:
                winner = claimants[1] if claimants else None
            if not claimants:
                claims.pop(name, None)
            if self.by_name.get(name) != winner:
                moved.add(name)
                if winner is None:
                    del self.by_name[name]
                else:
                    self.by_name[name] = winner
        if moved:
            self.wikilinks.clear()
        return moved


Claim = tuple[int, str]  # (TITLE or ALIAS, the path of the note that claims a name)
Claims = Claim | set[Claim] | None  # one claimant alone, or several


def _claim(claims: dict[str, Claims], name: str, claim: Claim) -> None:
    """Add ``claim`` to the claimants of ``name``."""
    claimants = claims.get(name)
    if claimants is None:
        claims[name] = claim
    elif isinstance(claimants, set):
        claimants.add(claim)
    elif claimants != claim:
        claims[name] = {claimants, claim}


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
