"""Completion of a link after ``[[`` (SPEC §10): titles and aliases containing what is
typed, contacts first, with company and role; in front matter (``met_at:``), written as
a YAML string."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import NamedTuple

from lsprotocol import types

from mdnet.language import N_, _
from mdnet.live.vault import LiveVault
from mdnet.model.links import name_key
from mdnet.model.vault import Vault
from mdnet.summary.text import day

MOST = 200  # links offered at once; the list is marked incomplete past it


class Writing(NamedTuple):
    """How a link completed is written: over ``span``, its target (``]]`` after it
    unless ``closed``), or in front matter, a YAML string (``quoted``: the link with
    its brackets, quoted; ``inside``: the quote it is typed in, its target escaped as
    that quote needs; ``quote``: the quote to close an open one with)."""

    span: types.Range
    closed: bool = False
    quoted: bool = False
    inside: str = ""
    quote: str = ""

    def text(self, target: str) -> str:
        if self.quoted:
            return json.dumps(f"[[{target}]]", ensure_ascii=False)  # YAML reads JSON's
        if self.inside == "'":  # YAML's single quotes: a quote is written twice
            target = target.replace("'", "''")
        elif self.inside == '"':  # double quotes: escaped as JSON escapes them
            target = json.dumps(target, ensure_ascii=False)[1:-1]
        return target + ("" if self.closed else "]]") + self.quote

    def filtered(self, label: str) -> str:
        """What the editor matches the text of ``span`` typed so far against."""
        return f"[[{label}" if self.quoted else label


def in_yaml(
    text: str, opened: re.Match[str], after: str, replacing: Callable[[int], types.Range]
) -> Writing:
    """A link in front matter is a YAML string: inside quotes, written there (the quote
    closed if it is not); else the link written quoted, over what is typed of it
    (``[[`` on, and the ``]]`` after the cursor): unquoted, ``[[...]]`` is a list in a
    list for YAML."""
    closed = after.startswith("]]")
    quote = text[: opened.start()].rstrip()[-1:]
    if quote in ("'", '"'):  # closed when it is not (and the link is not either)
        unclosed = not closed and quote not in after
        span = replacing(opened.start(1))
        return Writing(span, closed, inside=quote, quote=quote if unclosed else "")
    span = replacing(opened.start())
    if closed:  # up to the `]]` after the cursor
        span = types.Range(span.start, types.Position(span.end.line, span.end.character + 2))
    return Writing(span, closed, quoted=True)


def links(live: LiveVault, typed: str, writing: Writing) -> types.CompletionList:
    """Titles and aliases containing what is typed: contacts first, with company and
    role; a title several notes share is written as its path."""
    with live.lock:  # one model throughout, not one being updated
        return _matching_links(live.vault, typed.strip().lower(), writing)


def _matching_links(vault: Vault, wanted: str, writing: Writing) -> types.CompletionList:
    items: list[types.CompletionItem] = []
    for path, note in vault.notes.items():
        title = note.title
        shared = name_key(title) in vault.shared_titles
        target = path.removesuffix(".md") if shared else title
        names = [(title, target, None), *((a, a, title) for a in note.fields.get("aliases", ()))]
        for label, written, alias_of in names:
            if wanted and wanted not in label.lower():
                continue
            detail = _detail(note.kind, note.fields)
            if alias_of is not None:
                alias = _("alias of {title}").format(title=alias_of)
                detail = alias + (f" — {detail}" if detail else "")
            rank = "0" if note.kind == "contact" else "1"
            items.append(
                types.CompletionItem(
                    label=label,
                    kind=_KINDS.get(note.kind, types.CompletionItemKind.File),
                    detail=detail or None,
                    sort_text=f"{rank}{label.lower()}",
                    filter_text=writing.filtered(label),
                    text_edit=types.TextEdit(range=writing.span, new_text=writing.text(written)),
                )
            )
    items.sort(key=lambda item: item.sort_text or "")
    return types.CompletionList(is_incomplete=len(items) > MOST, items=items[:MOST])


_KINDS = {
    "contact": types.CompletionItemKind.Reference,
    "circle": types.CompletionItemKind.Module,
    "event": types.CompletionItemKind.Event,
}


def _detail(kind: str, fields: dict[str, object]) -> str:
    """What a link's completion says of its note: a contact's company and role, an
    event's date, else its kind."""
    if kind == "contact":
        return " · ".join(str(fields[key]) for key in ("company", "role") if fields.get(key))
    date = fields.get("date")
    if kind == "event" and isinstance(date, dt.date):
        return _("event · {date}").format(date=day(date))
    return _(KIND_WORDS[kind]) if kind in KIND_WORDS else ""


KIND_WORDS = {"circle": N_("circle"), "event": N_("event")}  # translated when shown
