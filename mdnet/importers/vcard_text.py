"""What real vCard exports do to the format, undone before vobject parses a card.

vCard 2.1 quoted-printable values broken with soft line breaks (``=`` at the end of a
line, sometimes followed by a blank line), base64 photos whose lines are not indented,
lone or doubled carriage returns, nested cards, ``PROFILE`` lines vobject refuses: each
card is cut out, unfolded and reduced to the properties mdnet uses (photos and the rest
are dropped), and quoted-printable is decoded here with the declared charset.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterator
from typing import NamedTuple

from mdnet.language import _

KEPT = frozenset(
    {"VERSION", "FN", "N", "ORG", "TITLE", "ROLE", "EMAIL", "TEL", "URL", "BDAY", "NOTE"}
    | {"X-ABLABEL", "X-SOCIALPROFILE"}  # Apple's labels of itemN. groups; social profiles
)
LINE_BREAK_RE = re.compile(r"\r*\n|\r")
BROKEN_ESCAPE_RE = re.compile(r"=(?![0-9A-Fa-f]{2})")  # `=ZZ`: no hex after `=`
PROPERTY_RE = re.compile(r"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")


class Card(NamedTuple):
    """A card cut out of the file: its first line, its logical lines (the kept
    properties, QP decoded) and what could not be decoded in them."""

    line: int
    lines: list[str]
    problems: list[str]


def split_cards(text: str) -> Iterator[Card]:
    """Each card of the file, reduced to the kept properties."""
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
                yield _card(start, card)
                card = None
            continue
        if card is not None and depth == 1:
            card.append(line)
    if card is not None:  # a last card without END:VCARD: take what is there
        yield _card(start, card)


def _card(start: int, lines: list[str]) -> Card:
    problems: list[str] = []
    return Card(start, ["BEGIN:VCARD", *_kept(lines, problems), "END:VCARD"], problems)


def _kept(lines: list[str], problems: list[str]) -> list[str]:
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
            kept.append(_decode_quoted_printable(line, problems))
    return kept


def _parameters(line: str) -> str:
    return line.split(":", 1)[0].upper()


def _soft_break(line: str) -> bool:
    return line.endswith("=") and "QUOTED-PRINTABLE" in _parameters(line)


def _is_binary(line: str) -> bool:
    parameters = _parameters(line).split(";")[1:]
    return any(p in ("BASE64", "ENCODING=BASE64", "ENCODING=B") for p in parameters)


def _decode_quoted_printable(line: str, problems: list[str]) -> str:
    """A quoted-printable property as plain text (charset as declared, else UTF-8).

    What cannot be decoded is said in ``problems``, never written as U+FFFD: a broken
    escape (``=ZZ``) stays as written, bytes that are not text in the charset are left
    out."""
    head, _colon, value = line.partition(":")
    parameters = head.split(";")
    if not any("QUOTED-PRINTABLE" in p.upper() for p in parameters):
        return line
    charset = "utf-8"
    kept = []
    for parameter in parameters:
        name, _equals, setting = parameter.partition("=")
        if name.upper() == "CHARSET":
            charset = setting.strip('"') or charset
        elif "QUOTED-PRINTABLE" not in parameter.upper():
            kept.append(parameter)
    field = head.split(";")[0].split(".")[-1].upper()
    if BROKEN_ESCAPE_RE.search(value):
        said = _("{field}: a broken quoted-printable escape is kept as written")
        problems.append(said.format(field=field))
    raw = quopri.decodestring(value.encode("utf-8", errors="replace"))
    text = ""
    for encoding in (charset, "utf-8"):  # UTF-8 when the charset is none Python knows
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            text = raw.decode(encoding, errors="ignore")
            said = _("{field}: bytes that are not {encoding} text are left out")
            problems.append(said.format(field=field, encoding=encoding.upper()))
        except (LookupError, ValueError):
            continue
        break
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return ";".join(kept) + ":" + text
