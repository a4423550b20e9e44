"""Clean Markdown for the summary: links to notes, escaped text, lists and tables.

The summary is assembled from blocks (a heading, a paragraph, a list, a table, a fenced
chart), each a string with no blank line inside; the document joins them with one blank
line. That alone keeps markdownlint's spacing rules (blank lines around headings, lists,
tables and fences, no multiple blank lines) satisfied.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from urllib.parse import quote

from mdnet import language
from mdnet.dates import LEADING_DATE_RE
from mdnet.language import _, formats, ngettext
from mdnet.model.health import Standing
from mdnet.model.links import name_key
from mdnet.model.vault import Vault
from mdnet.notes.markdown import TASK_RE
from mdnet.rules import Rule

Blocks = list[str]

# CommonMark lets any ASCII punctuation be escaped; these are the ones that would
# change meaning here: emphasis, code, links, HTML, tables, Obsidian tags and math.
_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>#|$~])")
# Bare URLs, www. addresses and e-mails become links on GitHub (markdownlint MD034).
# A pipe ends one: inside a code span it would still split a table cell.
_AUTOLINK_RE = re.compile(r"(?:https?://|www\.)[^\s|`]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WIKILINK_RE = re.compile(  # as notes.markdown's, the label kept: `[[Bob Martin\|Bob]]` too
    r"!?\[\[([^\[\]|#^\\]*(?:\\(?!\|)[^\[\]|#^\\]*)*)"
    r"(?:[#^][^\[\]|\\]*(?:\\(?!\|)[^\[\]|\\]*)*)?(?:\\?\|([^\[\]]*))?\]\]"
)
_MDLINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_UNSAFE_TITLE_RE = re.compile(r"[\[\]|#^`]")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line: specials escaped, URLs in code spans."""
    text = " ".join(text.split())
    out: list[str] = []
    last = 0
    for match in _AUTOLINK_RE.finditer(text):
        out.append(_escape_plain(text[last : match.start()]))
        out.append(code(match.group(0)))
        last = match.end()
    out.append(_escape_plain(text[last:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    text = _SPECIAL_RE.sub(r"\\\1", text)
    return text.replace("%%", r"\%\%").replace("==", r"\=\=")


def code(text: str) -> str:
    """A code span (backticks dropped from the content, which is trimmed)."""
    content = " ".join(text.replace("`", "").split())
    return f"`{content}`" if content else ""


@lru_cache(maxsize=65536)  # watch mode writes the same ten thousand entries again
def entry_phrase(text: str, limit: int = 80) -> str:
    """What an entry says, without its task box, date or link brackets: escaped, short.

    ``"[ ] 2026-10-01 call: #promised the [[Acme]] deck"`` gives ``"call: \\#promised
    the Acme deck"`` (an escaped tag reads the same but is no tag of this note).
    """
    return escape(plain_phrase(text, limit))


def plain_phrase(text: str, limit: int = 80) -> str:
    """What an entry says, on one line, without its task box, date or link brackets, at
    most ``limit`` characters (no half word): ``entry_phrase`` unescaped (the calendar).
    Not cached: the calendar keeps each contact's reminders, and ``entry_phrase`` its
    own answers (a cache of its 28,000 phrases held 11 MB at 100,000 notes)."""
    text = " ".join(text.split())
    task = TASK_RE.match(text)
    if task:
        text = text[task.end() :]
    date = LEADING_DATE_RE.match(text)
    if date:
        text = text[date.end() :]
    text = _WIKILINK_RE.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)
    text = _MDLINK_RE.sub(lambda m: m.group(1), text)
    text = text.strip(" -–—:,;")
    if len(text) > limit:
        cut = text[: limit - 1]
        if text[limit - 1] != " " and " " in cut:
            cut = cut.rsplit(" ", 1)[0]  # no half word
        text = cut.rstrip(" ,;:-–—") + "…"
    return text


def _link(target: str, label: str, path: str) -> str:
    if _UNSAFE_TITLE_RE.search(target) or not target.strip() or target != target.strip():
        return f"[{escape(label)}]({quote(path, safe='/')})"
    return f"[[{target}]]"


class Linker:
    """``[[wikilinks]]`` to notes: the title, or the path where titles are shared.

    A title shared by two notes (any case) would link to whichever Obsidian picks, so
    those notes are linked by their vault-relative path without ``.md``. A title holding
    characters a wikilink cannot carry gets a Markdown link to the file instead.
    """

    def __init__(self, vault: Vault) -> None:
        self.shared = vault.shared_titles

    def __call__(self, path: str) -> str:
        return wikilink(path, self.shared)

    def file(self, path: str) -> str:
        """A link that shows the file itself: ``[[People/Jane Doe.md]]``."""
        return _link(path, path, path)


@lru_cache(maxsize=65536)  # ten thousand contacts linked on every render in watch mode
def wikilink(path: str, shared: frozenset[str]) -> str:
    """A link to the note at ``path`` (see Linker), given the titles several notes share."""
    title = path.rsplit("/", 1)[-1].removesuffix(".md")
    target = path.removesuffix(".md") if name_key(title) in shared else title
    return _link(target, title, path)


def bullets(items: list[str]) -> str:
    """A list block, one ``- `` item per line."""
    return "\n".join(f"- {item}" for item in items)


def more(hidden: int, select: str = "") -> str:
    """What follows a capped list: ``and 12 more — `mdnet check --select G001```."""
    said = ngettext("and {count} more", "and {count} more", hidden).format(count=hidden)
    return f"{said} — {code(f'mdnet check --select {select}')}" if select else f"{said}."


def capped(items: list[str], limit: int, select: str = "", of: int | None = None) -> Blocks:
    """A list of at most ``limit`` items (the most urgent first), then how many more and
    the ``mdnet check --select`` that shows them all; ``of``: how many there are in all,
    when ``items`` holds only the first ``limit``."""
    count = len(items) if of is None else of
    if count <= limit:
        return [bullets(items)]
    return [bullets(items[:limit]), more(count - limit, select)]


def table(header: list[str], rows: list[list[str]]) -> str:
    """A table block; cells must already be escaped (``|`` as ``\\|``)."""
    lines = [_row(header), _row(["---"] * len(header))]
    lines += [_row([cell or "—" for cell in row]) for row in rows]
    return "\n".join(lines)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def days_ago(days: int) -> str:
    """``today``, ``yesterday``, ``12 days ago`` (``il y a 12 jours``)."""
    if days == 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    return formats.days_ago(days)


def day(date: dt.date) -> str:
    """A date as the summary writes it: ``2026-12-04`` in English, as mdnet always wrote
    it (and as the notes do); as the language writes it in others: ``4 décembre 2026``."""
    return date.isoformat() if language.current() == "en" else formats.long_date(date)


def cadence_said(where: Standing) -> str:
    """``60-day cadence, tier "close"``: the cadence and where it came from."""
    assert where.cadence is not None
    length, source = where.cadence.describe(), where.cadence_source
    if source.startswith("tier"):
        tier = where.contact.note.fields.get("tier", "")
        return _('{length} cadence, tier "{tier}"').format(length=length, tier=tier)
    if source.startswith("cadence"):
        return _("{length} cadence, cadence {cadence}").format(
            length=length, cadence=where.cadence.text
        )
    return _("{length} cadence, default").format(length=length)


def not_selected(rule: Rule) -> str:
    """What a section says when the configuration's ``[rules]`` leave its rule out."""
    return _("Not shown: {code} {name} is not selected in {rules}.").format(
        code=code(rule.CODE), name=rule.NAME, rules=code("[rules]")
    )
