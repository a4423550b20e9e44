"""LinkedIn's connections export (``Connections.csv``) read into people.

The real file starts with a byte-order mark and a "Notes:" paragraph about missing
e-mail addresses; the header row ``First Name,Last Name,URL,Email Address,Company,
Position,Connected On`` is found by scanning, and columns are taken by name (older
exports have no URL column). Dates look like ``14 Mar 2024``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from mdnet.importers.person import Person, Skipped, UnreadableExport, decode, one_line
from mdnet.language import _

SOURCE = "linkedin"
COLUMNS = {
    "first": ("first name",),
    "last": ("last name",),
    "url": ("url", "profile url"),
    "email": ("email address", "e-mail address", "email"),
    "company": ("company",),
    "position": ("position", "title"),
    "connected": ("connected on",),
}
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
DAY_MONTH_YEAR_RE = re.compile(r"(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s,-]+(\d{4}|\d{2})")
MONTH_DAY_YEAR_RE = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")
ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def read_connections(data: bytes) -> tuple[list[Person], list[Skipped], list[str]]:
    """People, skipped rows and warnings from the bytes of ``Connections.csv``.

    Raises UnreadableExport when no header row is found or the CSV is malformed.
    """
    reader = csv.reader(io.StringIO(decode(data), newline=""))
    people: list[Person] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    columns: dict[str, int] | None = None
    try:
        for row in reader:
            where = _("line {line}").format(line=reader.line_num)
            if columns is None:
                columns = _header(row)
                continue
            if not any(cell.strip() for cell in row):
                continue
            person = _person(row, columns, where, warnings)
            if isinstance(person, Skipped):
                skipped.append(person)
            else:
                people.append(person)
    except csv.Error as error:
        raise UnreadableExport(
            _("line {line}: {error}").format(line=reader.line_num, error=error)
        ) from None
    if columns is None:
        raise UnreadableExport(
            _(
                "no header row found: expected a line such as {header} (export it from "
                "LinkedIn: Settings › Data privacy › Get a copy of your data)"
            ).format(
                header="`First Name,Last Name,URL,Email Address,Company,Position,Connected On`"
            )
        )
    return people, skipped, warnings


def _header(row: list[str]) -> dict[str, int] | None:
    cells = [cell.strip().lstrip("\ufeff").lower() for cell in row]
    columns = {
        key: cells.index(name) for key, names in COLUMNS.items() for name in names if name in cells
    }
    return columns if "first" in columns and "last" in columns else None


def _person(
    row: list[str], columns: dict[str, int], where: str, warnings: list[str]
) -> Person | Skipped:
    def cell(key: str) -> str:
        index = columns.get(key)
        if index is None or index >= len(row):
            return ""
        return one_line(row[index])

    name = " ".join(part for part in (cell("first"), cell("last")) if part)
    if not name:
        return Skipped(where, _("no name"))
    connected = None
    if cell("connected"):
        connected = parse_connected_on(cell("connected"))
        if connected is None:
            warnings.append(
                _(
                    '{where}: "Connected On" {value} is not a date; '
                    "{name} is imported without `connected`"
                ).format(where=where, value=repr(cell("connected")), name=name)
            )
    url = cell("url")
    if url and not re.match(r"[a-z]+://", url, re.IGNORECASE):
        url = f"https://{url}"
    email = cell("email")
    return Person(
        name,
        where,
        company=cell("company"),
        role=cell("position"),
        emails=(email,) if email else (),
        linkedin=url,
        connected=connected,
        source=SOURCE,
    )


def parse_connected_on(text: str) -> dt.date | None:
    """``14 Mar 2024``, ``14-Mar-24``, ``Mar 14, 2024`` or ``2024-03-14``; None if not a date."""
    text = text.strip()
    day = month = year = None
    if match := DAY_MONTH_YEAR_RE.fullmatch(text):
        day, month, year = match.group(1), MONTHS.get(match.group(2).lower()), match.group(3)
    elif match := MONTH_DAY_YEAR_RE.fullmatch(text):
        month, day, year = MONTHS.get(match.group(1).lower()), match.group(2), match.group(3)
    elif match := ISO_RE.fullmatch(text):
        year, month, day = match.group(1), int(match.group(2)), match.group(3)
    if day is None or month is None or year is None:
        return None
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return dt.date(full_year, month, int(day))
    except ValueError:
        return None
