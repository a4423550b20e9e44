"""Address books' vCard exports (2.1, 3.0, 4.0) read into people, through vobject.

Each card is first cut out of the file and cleaned of what real exports do to the
format (``vcard_text``), then vobject parses it; a card it still cannot parse is
skipped with its reason. The person's name is FN (else N), company the first part of
ORG, role TITLE (else ROLE); every EMAIL and TEL is kept, preferred ones first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import vobject

from mdnet.dates import NO_YEAR
from mdnet.importers.person import (
    Person,
    Skipped,
    UnreadableExport,
    decode,
    one_line,
)
from mdnet.importers.vcard_text import split_cards
from mdnet.language import _

SOURCE = "import"
BDAY_RE = re.compile(r"(\d{4}|--)-?(\d{2})-?(\d{2})(?:T.*)?")


def read_vcards(data: bytes) -> tuple[list[Person], list[Skipped], list[str]]:
    """People, skipped cards and warnings from the bytes of a ``.vcf`` file.

    Raises UnreadableExport when the file holds no card at all.
    """
    people: list[Person] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    cards = list(split_cards(decode(data)))
    if not cards:
        raise UnreadableExport(_("no vCard found (a card starts with BEGIN:VCARD)"))
    for number, (line, lines, problems) in enumerate(cards, start=1):
        where = _("card {number} (line {line})").format(number=number, line=line)
        warnings += [f"{where}: {problem}" for problem in problems]
        try:
            card = vobject.readOne("\r\n".join(lines) + "\r\n")
        except Exception as error:  # vobject raises many kinds on bad input
            said = _("vobject cannot read it: {error}").format(error=_first_line(error))
            skipped.append(Skipped(where, said))
            continue
        person = _person(card, where, warnings)
        if isinstance(person, Skipped):
            skipped.append(person)
        else:
            people.append(person)
    return people, skipped, warnings


def _person(card: vobject.base.Component, where: str, warnings: list[str]) -> Person | Skipped:
    contents = card.contents
    name = _name(contents)
    if not name:
        return Skipped(where, _("no name: neither FN nor N"))
    companies = [_organization(line.value) for line in contents.get("org", [])]
    titles = [_text(line.value) for line in contents.get("title", contents.get("role", []))]
    emails = _unique(_text(line.value) for line in _preferred(contents.get("email", [])))
    phones = _unique(_phone(line.value) for line in _preferred(contents.get("tel", [])))
    notes = [_raw(line.value).strip() for line in contents.get("note", [])]
    birthday = None
    for line in contents.get("bday", [])[:1]:
        birthday = _birthday(line)
        if birthday is None:
            said = _("{where}: birthday {value} is not a date; left out")
            warnings.append(said.format(where=where, value=repr(_text(line.value))))
    return Person(
        name,
        where,
        company=next(filter(None, companies), ""),
        role=next(filter(None, titles), ""),
        emails=emails,
        phones=phones,
        linkedin=_linkedin(card),
        birthday=birthday,
        source=SOURCE,
        note="\n\n".join(filter(None, notes)),
    )


def _name(contents: dict[str, list[vobject.base.ContentLine]]) -> str:
    for line in contents.get("fn", []):
        if _text(line.value):
            return _text(line.value)
    for line in contents.get("n", []):
        value = line.value
        if isinstance(value, vobject.vcard.Name):
            parts = (value.given, value.additional, value.family)
            return " ".join(filter(None, (_text(part) for part in parts)))
        return _text(value).replace(";", " ").strip()
    return ""


def _text(value: object) -> str:
    """A property value on one line (structured values joined, spaces collapsed)."""
    return one_line(_raw(value))


def _raw(value: object) -> str:
    """A property value as text: structured values joined, ``\\:`` (iOS) unescaped."""
    if isinstance(value, list | tuple):
        return " ".join(filter(None, (_raw(part).strip() for part in value)))
    return str(value or "").replace("\\:", ":")


def _organization(value: object) -> str:
    """The organization's name: ORG's first part (``Company, The;Department``)."""
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
        if isinstance(value, list | tuple):
            return ", ".join(filter(None, (_text(part) for part in value)))
    return _text(value)


def _preferred(lines: list[vobject.base.ContentLine]) -> list[vobject.base.ContentLine]:
    """Preferred values (TYPE=pref, PREF=1, 2.1's PREF) first, else in written order."""

    def is_preferred(line: vobject.base.ContentLine) -> bool:
        types = [t.lower() for t in line.params.get("TYPE", [])]
        singles = [s.lower() for s in line.singletonparams]
        return "pref" in types or "pref" in singles or line.params.get("PREF") == ["1"]

    return sorted(lines, key=lambda line: not is_preferred(line))


def _phone(value: object) -> str:
    return _text(value).removeprefix("tel:")


def _unique(values: Iterator[str] | list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for value in values:
        if value and value.lower() not in seen:
            seen[value.lower()] = value
    return tuple(seen.values())


def _linkedin(card: vobject.base.Component) -> str:
    """The LinkedIn profile among URL, X-SOCIALPROFILE and labelled ``itemN.`` values."""
    labels = {
        line.group.lower(): _text(line.value).lower()
        for line in card.contents.get("x-ablabel", [])
        if line.group
    }
    for line in card.contents.get("url", []) + card.contents.get("x-socialprofile", []):
        value = _text(line.value)
        types = " ".join(line.params.get("TYPE", [])).lower()
        label = labels.get((line.group or "").lower(), "")
        if "linkedin.com" in value.lower():
            return value if re.match(r"[a-z]+://", value, re.I) else f"https://{value}"
        if ("linkedin" in types or "linkedin" in label) and value and "/" not in value:
            return f"https://www.linkedin.com/in/{value}"
    return ""


def _birthday(line: vobject.base.ContentLine) -> dt.date | None:
    """A date from any vCard form; a birthday without a year gets the year 1604."""
    match = BDAY_RE.fullmatch(_text(line.value))
    if match is None:
        return None
    year = match.group(1)
    if year == "--" or line.params.get("X-APPLE-OMIT-YEAR") == [year]:
        year = str(NO_YEAR)
    try:
        return dt.date(int(year), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _first_line(error: Exception) -> str:
    """vobject's message, without its line number (which counts the reduced card)."""
    message = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return re.sub(r"^At line \d+: ", "", message)
