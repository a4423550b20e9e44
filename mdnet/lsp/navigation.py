"""Go to definition, find references, rename (SPEC §10): links resolved by the live
vault as ``check`` resolves them (title, alias or path; wikilinks and Markdown links)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from mdnet.language import _
from mdnet.lsp.documents import split_lines
from mdnet.lsp.links import WrittenLink, link_at, links_on
from mdnet.lsp.session import Session
from mdnet.model.links import name_key
from mdnet.notes.files import safe_title

RENAMED_KINDS = ("contact", "circle", "event")
TOP = types.Range(types.Position(0, 0), types.Position(0, 0))


class RequestFailed(JsonRpcException):
    """A request that cannot be done as asked (LSP's RequestFailed): the message says why."""

    CODE = -32803


@dataclass(frozen=True)
class Place:
    """Where a request points: the note it is made in, its lines, the cursor, the link
    under it and the note that link (or, off a link, the note itself) stands for."""

    path: str
    lines: list[str]
    line: int
    character: int
    link: WrittenLink | None
    target: str | None


def place(session: Session, uri: str, position: types.Position) -> Place | None:
    """What the cursor at ``position`` in the document at ``uri`` points at."""
    documents, live = session.documents, session.live
    if documents is None or live is None or not session.ready:
        return None
    path = documents.path_of(uri)
    if path is None or not live.is_note(path):
        return None
    text = documents.text(path)
    if text is None:
        return None
    lines = split_lines(text)
    line, character = documents.cursor(lines, position)
    link = link_at(lines, line, character)
    if link is None:
        return Place(path, lines, line, character, None, path)
    return Place(path, lines, line, character, link, resolve(session, link, path))


def resolve(session: Session, link: WrittenLink, path: str) -> str | None:
    assert session.links is not None
    return session.links.resolve(link.target, path, link.relative)


def definition(session: Session, uri: str, position: types.Position) -> list[types.Location]:
    """The note the link under the cursor points to."""
    where = place(session, uri, position)
    if where is None or where.link is None or where.target is None:
        return []
    assert session.documents is not None
    return [types.Location(session.documents.uri_of(where.target), TOP)]


def references(
    session: Session, uri: str, position: types.Position, declaration: bool
) -> list[types.Location]:
    """Every link to the note under the cursor (the link's note, else this note)."""
    where = place(session, uri, position)
    if where is None or where.target is None:
        return []
    documents = session.documents
    assert documents is not None
    found = [types.Location(documents.uri_of(where.target), TOP)] if declaration else []
    for source, links in links_to(session, where.target).items():
        lines = split_lines(documents.text(source) or "")
        for link in links:
            span = documents.span(lines, link.line, link.start, link.end)
            found.append(types.Location(documents.uri_of(source), span))
    return found


def links_to(session: Session, target: str) -> dict[str, list[WrittenLink]]:
    """The links written to ``target``, by the note they are in."""
    live, documents = session.live, session.documents
    assert live is not None and documents is not None
    found: dict[str, list[WrittenLink]] = {}
    assert session.links is not None
    for source, line in session.links.linking(target):
        lines = split_lines(documents.text(source) or "")
        if line - 1 >= len(lines) or any(link.line == line - 1 for link in found.get(source, [])):
            continue
        for link in links_on(lines[line - 1], line - 1):
            if resolve(session, link, source) == target:
                found.setdefault(source, []).append(link)
    return found


def prepare_rename(
    session: Session, uri: str, position: types.Position
) -> types.PrepareRenamePlaceholder | None:
    """The title to rename: of the contact, circle or event under the cursor."""
    where = place(session, uri, position)
    if where is None or where.target is None:
        return None
    title = _renamed_title(session, where.target)
    if where.link is not None:
        start, end = where.link.written
        line = where.link.line
    else:
        start = end = where.character
        line = where.line
    assert session.documents is not None
    span = session.documents.span(where.lines, line, start, end)
    return types.PrepareRenamePlaceholder(range=span, placeholder=title)


def rename_note(
    session: Session, uri: str, position: types.Position, new_name: str
) -> types.WorkspaceEdit | None:
    """Rename the contact, circle or event under the cursor: its file and every link to
    it by title or path (links by alias still resolve), labels kept; one edit."""
    where = place(session, uri, position)
    if where is None or where.target is None or not _renamed(session, where.target):
        return None  # nothing to rename here (prepareRename says why)
    live, documents = session.live, session.documents
    assert live is not None and documents is not None
    old_title = _renamed_title(session, where.target)
    title = safe_title(new_name.strip().removesuffix(".md"), fallback="")
    if not title or title != new_name.strip().removesuffix(".md"):
        said = _("{name} cannot be a note's title (no / \\ : and the like)")
        raise RequestFailed(said.format(name=repr(new_name)))
    folder = posixpath.dirname(where.target)
    new_path = posixpath.join(folder, f"{title}.md") if folder else f"{title}.md"
    assert session.links is not None
    taken = session.links.resolve(title, where.target)
    if ((live.root / new_path).exists() and name_key(new_path) != name_key(where.target)) or (
        taken is not None and taken != where.target
    ):
        said = _("{path} exists, or {title} is the title of another note")
        raise RequestFailed(said.format(path=new_path, title=repr(title)))
    changes: list[types.TextDocumentEdit | types.RenameFile] = []
    for source, links in sorted(links_to(session, where.target).items()):
        lines = split_lines(documents.text(source) or "")
        edits = []
        for link in links:
            written = lines[link.line][link.target_start : link.target_end]
            new = _retarget(written, link, old_title, title)
            if new is not None:
                span = documents.span(lines, link.line, link.target_start, link.target_end)
                edits.append(types.TextEdit(range=span, new_text=new))
        if edits:
            document = types.OptionalVersionedTextDocumentIdentifier(
                uri=documents.uri_of(source), version=documents.version(source)
            )
            changes.append(types.TextDocumentEdit(text_document=document, edits=edits))
    changes.append(
        types.RenameFile(old_uri=documents.uri_of(where.target), new_uri=documents.uri_of(new_path))
    )
    return types.WorkspaceEdit(document_changes=changes)


def _renamed(session: Session, path: str) -> bool:
    """Whether the note at ``path`` is one that mdnet renames."""
    assert session.live is not None
    note = session.live.vault.notes.get(path)
    return note is not None and note.kind in RENAMED_KINDS


def _renamed_title(session: Session, path: str) -> str:
    assert session.live is not None
    if not _renamed(session, path):
        raise RequestFailed(_("mdnet renames contacts, circles and events; this is another note"))
    return session.live.vault.notes[path].title


def _retarget(written: str, link: WrittenLink, old: str, new: str) -> str | None:
    """The link's target written for the new title; None for a link by alias."""
    if link.relative:  # a Markdown link's path: its file name changes
        folder, _slash, name = written.rpartition("/")
        encoded = "%" in name or (" " not in name and " " in new)
        file = quote(new) if encoded else new
        return f"{folder}/{file}.md" if folder else f"{file}.md"
    folder, _slash, name = written.rpartition("/")
    if name_key(name.removesuffix(".md")) != name_key(old):
        return None  # by alias: it still resolves
    suffix = ".md" if name.lower().endswith(".md") else ""
    return f"{folder}/{new}{suffix}" if folder else f"{new}{suffix}"
