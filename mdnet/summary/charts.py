"""Mermaid charts, which Obsidian and GitHub draw from a fenced ``mermaid`` block.

Only long-supported diagram types are used: ``pie`` (Mermaid 8) and ``xychart-beta``
(Mermaid 10.6; GitHub and current Obsidian draw it — the ``-beta`` keyword is the one
every version since then reads). xychart draws no legend, so the text under the chart
says which series is which, and a small table repeats the numbers for editors that
draw no charts at all.
"""

from __future__ import annotations

import datetime as dt

from mdnet.dates import add_months
from mdnet.language import formats


def _fence(lines: list[str]) -> str:
    return "\n".join(["```mermaid", *lines, "```"])


def _label(text: str) -> str:
    """A quoted Mermaid label (quotes inside would end it)."""
    return '"' + text.replace('"', "'") + '"'


def pie(title: str, slices: list[tuple[str, int]]) -> str:
    """A pie chart of the non-zero ``(label, count)`` slices, counts shown."""
    lines = ["pie showData", f"    title {title}"]
    lines += [f"    {_label(label)} : {count}" for label, count in slices if count > 0]
    return _fence(lines)


def last_months(today: dt.date, count: int = 12) -> list[dt.date]:
    """The first day of each of the ``count`` months ending with today's, oldest first."""
    this_month = today.replace(day=1)
    return [add_months(this_month, offset) for offset in range(1 - count, 1)]


def month_label(month: dt.date) -> str:
    """``Dec``, ``déc.``: the month's short name in the language in use."""
    return formats.month(month)


def _categories(labels: list[str]) -> str:
    """The x-axis categories: bare when all are plain words (``Dec``), else all quoted
    (``"déc."``, ``"mars"``)."""
    if all(label.isascii() and label.isalpha() for label in labels):
        return ", ".join(labels)
    return ", ".join(map(_label, labels))


def bars_and_line(
    title: str,
    months: list[dt.date],
    bars: list[int],
    line: list[int],
    y_label: str,
) -> str:
    """An xychart: ``bars`` as bars and ``line`` as a line, one point per month."""
    top = max([*bars, *line, 1])
    return _fence(
        [
            "xychart-beta",
            f"    title {_label(title)}",
            f"    x-axis [{_categories([month_label(month) for month in months])}]",
            f"    y-axis {_label(y_label)} 0 --> {top}",
            f"    bar [{', '.join(map(str, bars))}]",
            f"    line [{', '.join(map(str, line))}]",
        ]
    )
