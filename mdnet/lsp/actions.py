"""Code actions on mdnet's diagnostics (SPEC §10), as workspace edits the editor applies
(and can undo): the server never writes a note itself.

- F008: set ``last_contact`` to the latest interaction (what ``check --fix`` does);
- F005: create the missing note from the template, or add the link's text as an alias
  of a contact it looks like;
- R001, R003, G001, G002: log an interaction today in the contact's note;
- any finding on a note: add its code to the note's ``mdnet-ignore``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import unicodedata

from lsprotocol import types

from mdnet.edits.fix import CannotFix, fix_text
from mdnet.edits.new_note import CannotCreate, template_text
from mdnet.edits.placeholders import fill
from mdnet.language import _
from mdnet.live.links import Links
from mdnet.live.vault import LiveVault
from mdnet.lsp.documents import Documents, line_break, split_lines
from mdnet.lsp.front_matter import Insertion, add_to_list
from mdnet.lsp.session import Session
from mdnet.model.links import Resolver
from mdnet.model.vault import Dangling
from mdnet.notes.blocks import Link
from mdnet.notes.files import kind_folder, safe_title
from mdnet.notes.note import Note, title_of
from mdnet.rules.finding import Finding

LOG_TODAY = ("R001", "R003", "G001", "G002")
QUICKFIX = types.CodeActionKind.QuickFix


def code_actions(
    session: Session, uri: str, diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction]:
    """The actions that act on the mdnet ``diagnostics`` of the note at ``uri``."""
    live, documents = session.live, session.documents
    if live is None or documents is None or not session.ready:
        return []
    path = documents.path_of(uri)
    if path is None or not live.is_note(path):
        return []
    actions: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        if diagnostic.source != "mdnet" or not isinstance(diagnostic.code, str):
            continue
        line = diagnostic.range.start.line + 1
        with live.lock:  # one model throughout, not one being updated
            for finding in live.findings:
                if (
                    finding.path == path
                    and finding.code == diagnostic.code
                    and finding.line == line
                ):
                    offers = _offers(live, documents, finding)
                    actions += [_with(action, diagnostic) for action in offers]
    return actions


def _offers(live: LiveVault, documents: Documents, finding: Finding) -> list[types.CodeAction]:
    offers: list[types.CodeAction] = []
    if finding.code == "F008" and finding.fix is not None:
        offers += _set_last_contact(documents, finding)
    if finding.code == "F005":
        for dangling in live.vault.dangling:
            if dangling.path == finding.path and dangling.line == finding.line:
                offers += _create(live, documents, dangling)
                offers += _alias(live, documents, dangling)
    if finding.code in LOG_TODAY and finding.subject:
        offers += _log_today(live, documents, finding)
    ignore = _list_edit(documents, finding.path, "mdnet-ignore", finding.code)
    if ignore is not None:
        offers.append(
            _action(_("Add {code} to this note's mdnet-ignore").format(code=finding.code), ignore)
        )
    return offers


def _set_last_contact(documents: Documents, finding: Finding) -> list[types.CodeAction]:
    fix = finding.fix
    text = documents.text(finding.path)
    if fix is None or text is None:
        return []
    try:
        fixed = fix_text(text, [fix])
    except CannotFix:
        return []
    old, new = split_lines(text), split_lines(fixed)
    number = fix.line - 1
    if number >= len(old) or len(old) != len(new):
        return []
    span = documents.span(old, number, 0, len(old[number].rstrip("\r\n")))
    edit = _text_edit(documents, finding.path, [types.TextEdit(span, new[number].rstrip("\r\n"))])
    return [_action(_("Set last_contact to {date}").format(date=fix.value), edit, preferred=True)]


def _create(live: LiveVault, documents: Documents, dangling: Dangling) -> list[types.CodeAction]:
    """Create the note the link names, from the contact template, where the link
    resolves: at its path (a path in a wikilink, a Markdown link's), else in the
    contacts' folder; none when no file of a safe name would make the link resolve."""
    path = _made_for(live, dangling)
    if path is None or (live.root / path).exists():
        return []
    title = title_of(path)
    try:
        now = dt.datetime.combine(live.today, dt.datetime.now().time())
        text = fill(template_text(live.root, "contact"), title, now)
    except CannotCreate:
        return []
    uri = documents.uri_of(path)
    insert = types.TextEdit(types.Range(types.Position(0, 0), types.Position(0, 0)), text)
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None)
    changes: list[types.TextDocumentEdit | types.CreateFile] = [
        types.CreateFile(uri=uri, options=types.CreateFileOptions(overwrite=False)),
        types.TextDocumentEdit(text_document=document, edits=[insert]),
    ]
    edit = types.WorkspaceEdit(document_changes=changes)
    return [_action(_("Create the contact note {path}").format(path=path), edit, preferred=True)]


def _made_for(live: LiveVault, dangling: Dangling) -> str | None:
    """The path of the note that would make ``dangling`` resolve, its name safe as a
    title and a file name (SPEC §2: a link by path finds the note at that path, a link
    by title the note of that title, in the contacts' folder here)."""
    target = dangling.target.strip()
    if dangling.relative:  # a Markdown link: the path from the note's folder (to `.md`)
        folder = posixpath.dirname(dangling.path)
        stem = posixpath.normpath(posixpath.join(folder, target[:-3])).lstrip("/")
    elif "/" in target:  # a wikilink by path: that path in the vault
        stem = target.removesuffix(".md").lstrip("/")
    else:
        stem = f"{kind_folder(live.config.kinds, 'contact')}/{target.removesuffix('.md')}"
    parts = unicodedata.normalize("NFC", stem).split("/")
    if any(safe_title(part, fallback="") != part for part in parts):
        return None  # `..`, `Bob: the CEO`: no such file, or not the name the link has
    path = "/".join(parts) + ".md"
    if not live.is_note(path):
        return None
    link = Link(dangling.target, dangling.line, relative=dangling.relative)
    return path if Resolver([Note(path)]).resolve(link, dangling.path) == path else None


def _alias(live: LiveVault, documents: Documents, dangling: Dangling) -> list[types.CodeAction]:
    """Add the link's text as an alias of the contacts it looks like (at most three)."""
    if dangling.relative:
        return []
    wanted = dangling.target.lower()
    words = set(wanted.split())
    scored = []
    for path, contact in live.vault.contacts.items():
        names = {contact.title.lower(), contact.name.lower()}
        if any(words <= set(name.split()) for name in names):
            score = 1.0
        else:
            score = max(difflib.SequenceMatcher(None, wanted, name).ratio() for name in names)
        if score >= 0.8:
            scored.append((-score, path))
    actions = []
    for _score, path in sorted(scored)[:3]:
        edit = _list_edit(documents, path, "aliases", dangling.target)
        if edit is not None:
            title = live.vault.notes[path].title
            actions.append(
                _action(
                    _('Add "{alias}" as an alias of {title}').format(
                        alias=dangling.target, title=title
                    ),
                    edit,
                )
            )
    return actions


def _log_today(live: LiveVault, documents: Documents, finding: Finding) -> list[types.CodeAction]:
    """A dated entry for today at the end of the contact note's log."""
    assert finding.subject is not None
    path = finding.path if finding.path in live.vault.contacts else None
    path = path or Links(live).resolve(finding.subject, finding.path)
    text = documents.text(path) if path in live.vault.contacts else None
    if path is None or text is None:
        return []
    lines, newline = split_lines(text), line_break(text)
    at = documents.end(lines)  # after the last line break, else after the last line
    entry = ("" if at.character == 0 else newline) + f"- {live.today} {newline}"
    edit = _text_edit(documents, path, [types.TextEdit(types.Range(at, at), entry)])
    return [_action(_("Log an interaction with {name} today").format(name=finding.subject), edit)]


def _list_edit(documents: Documents, path: str, key: str, value: str) -> types.WorkspaceEdit | None:
    text = documents.text(path)
    insertion = add_to_list(text, key, value) if text is not None and path else None
    if insertion is None or text is None:
        return None
    return _text_edit(documents, path, [_edit_of(documents, split_lines(text), insertion)])


def _edit_of(documents: Documents, lines: list[str], insertion: Insertion) -> types.TextEdit:
    if insertion.line >= len(lines):  # at the very end
        end = documents.end(lines)
        return types.TextEdit(types.Range(end, end), insertion.text)
    span = documents.span(lines, insertion.line, insertion.start, insertion.end)
    return types.TextEdit(span, insertion.text)


def _text_edit(documents: Documents, path: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    document = types.OptionalVersionedTextDocumentIdentifier(
        uri=documents.uri_of(path), version=documents.version(path)
    )
    return types.WorkspaceEdit(
        document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)]
    )


def _action(title: str, edit: types.WorkspaceEdit, preferred: bool = False) -> types.CodeAction:
    return types.CodeAction(title=title, kind=QUICKFIX, edit=edit, is_preferred=preferred or None)


def _with(action: types.CodeAction, diagnostic: types.Diagnostic) -> types.CodeAction:
    action.diagnostics = [diagnostic]
    return action
