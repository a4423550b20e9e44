"""Address books' vCard exports (2.1, 3.0, 4.0) read into people, through vobject.

Real exports bend the format: vCard 2.1 quoted-printable values broken with soft line
breaks (``=`` at the end of a line), base64 photos whose lines are not indented, lone
or doubled carriage returns, ``PROFILE`` lines vobject refuses. So each card is first
cut out and reduced to the properties mdnet uses (photos and the rest are skipped),
quoted-printable is decoded here, and vobject parses what remains. A card that still
cannot be parsed is skipped with its reason.
"""

from __future__ import annotations

import datetime as dt
import quopri
import re
from collections.abc import Iterator

import vobject

from mdnet.importers.linkedin import decode
from mdnet.importers.person import NO_YEAR, Person, Skipped, UnreadableExport, one_line

SOURCE = "import"
KEPT = frozenset(
    {"VERSION", "FN", "N", "ORG", "TITLE", "ROLE", "EMAIL", "TEL", "URL", "BDAY", "NOTE"}
    | {"X-ABLABEL", "X-SOCIALPROFILE"}  # Apple's labels of itemN. groups; social profiles
)
LINE_BREAK_RE = re.compile(r"\r*\n|\r")
PROPERTY_RE = re.compile(r"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")
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
        raise UnreadableExport("no vCard found (a card starts with BEGIN:VCARD)")
    for number, (line, lines) in enumerate(cards, start=1):
        where = f"card {number} (line {line})"
        try:
            card = vobject.readOne("\r\n".join(lines) + "\r\n")
        except Exception as error:  # vobject raises many kinds on bad input
            skipped.append(Skipped(where, f"vobject cannot read it: {_first_line(error)}"))
            continue
        person = _person(card, where, warnings)
        if isinstance(person, Skipped):
            skipped.append(person)
        else:
            people.append(person)
    return people, skipped, warnings


def split_cards(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, logical lines) of each card, reduced to the kept properties."""
    card: list[str] | None = None
    start = depth = 0
    physical = LINE_BREAK_RE.split(text)
    for number, line in enumerate(physical, start=1):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            depth += 1
            if depth == 1:
                card, start = [], number
            continue
        if upper == "END:VCARD" and depth:
            depth -= 1
            if depth == 0 and card is not None:
                yield start, ["BEGIN:VCARD", *_kept(card), "END:VCARD"]
                card = None
            continue
        if card is not None and depth == 1:
            card.append(line)
    if card is not None:  # a last card without END:VCARD: take what is there
        yield start, ["BEGIN:VCARD", *_kept(card), "END:VCARD"]


def _kept(lines: list[str]) -> list[str]:
    """Unfold the card's lines and keep only the properties mdnet uses, QP decoded."""
    logical: list[str] = []
    in_binary = False
    for line in lines:
        if logical and _soft_break(logical[-1]) and line.strip():
            logical[-1] = logical[-1][:-1] + line
        elif logical and line[:1] in (" ", "\t"):
            logical[-1] += line[1:]
        elif in_binary and line.strip() and not PROPERTY_RE.match(line):
            continue  # vCard 2.1 base64 data runs on unindented until a blank line
        elif line.strip():
            logical.append(line)
            in_binary = _is_binary(line)
        else:
            in_binary = False
            if logical and _soft_break(logical[-1]):
                logical[-1] = logical[-1][:-1]
    kept = []
    for line in logical:
        match = PROPERTY_RE.match(line)
        if match and match.group(1).upper() in KEPT and not _is_binary(line):
            kept.append(_decode_quoted_printable(line))
    return kept


def _parameters(line: str) -> str:
    return line.split(":", 1)[0].upper()


def _soft_break(line: str) -> bool:
    return line.endswith("=") and "QUOTED-PRINTABLE" in _parameters(line)


def _is_binary(line: str) -> bool:
    parameters = _parameters(line).split(";")[1:]
    return any(p in ("BASE64", "ENCODING=BASE64", "ENCODING=B") for p in parameters)


def _decode_quoted_printable(line: str) -> str:
    """A quoted-printable property as plain text (charset as declared, else UTF-8)."""
    head, _, value = line.partition(":")
    parameters = head.split(";")
    if not any("QUOTED-PRINTABLE" in p.upper() for p in parameters):
        return line
    charset = "utf-8"
    kept = []
    for parameter in parameters:
        name, _, setting = parameter.partition("=")
        if name.upper() == "CHARSET":
            charset = setting.strip('"') or charset
        elif "QUOTED-PRINTABLE" not in parameter.upper():
            kept.append(parameter)
    raw = quopri.decodestring(value.encode("utf-8", errors="replace"))
    try:
        text = raw.decode(charset, errors="replace")
    except (LookupError, ValueError):  # an unknown or nonsensical charset
        text = raw.decode("utf-8", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return ";".join(kept) + ":" + text


def _person(card: vobject.base.Component, where: str, warnings: list[str]) -> Person | Skipped:
    contents = card.contents
    name = _name(contents)
    if not name:
        return Skipped(where, "no name: neither FN nor N")
    companies = [_organization(line.value) for line in contents.get("org", [])]
    titles = [_text(line.value) for line in contents.get("title", contents.get("role", []))]
    emails = _unique(_text(line.value) for line in _preferred(contents.get("email", [])))
    phones = _unique(_phone(line.value) for line in _preferred(contents.get("tel", [])))
    notes = [_raw(line.value).strip() for line in contents.get("note", [])]
    birthday = None
    for line in contents.get("bday", [])[:1]:
        birthday = _birthday(line)
        if birthday is None:
            warnings.append(f"{where}: birthday {_text(line.value)!r} is not a date; left out")
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
