"""Generate a large, realistic vault for the benchmarks (never into the repository).

10,000 contacts (logs of 0–12 entries with markers and links), 20,000 daily notes,
100 circles and 300 events: about 30,000 files and 120 MB. The content is random but
seeded, so that two runs give the same vault.

    python -m tests.benchmarks.generate_vault /tmp/big-vault
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    "Ada Alan Alice Amir Anna Ben Bruno Carla Chen Chloe Dan Diego Elena Emma Eric Fatima "
    "Felix Grace Hana Hugo Ines Ivan Jack Jane Jon Julia Karim Kate Lea Leo Lina Louis Lucy "
    "Maya Marc Maria Mark Max Mia Nadia Nina Noah Olga Omar Paul Petra Quinn Rafael Rosa Ruth "
    "Sam Sara Sofia Sven Tara Theo Tom Uma Vera Victor Wei Will Xavier Yara Yuki Zoe Adele "
    "Boris Celia Dmitri Edith Farid Gina Hector Irene Jules Kenji Laura Mateo Nora Oscar Pia "
    "Remi Selma Tariq Ulla Vince Wanda Yves Zara Aaron Bianca Cyril Dora Ezra Flora Gus "
    "Hilda Igor Jasper"
)
LAST = _words(
    "Doe Martin Smith Garcia Muller Rossi Dubois Kim Nguyen Silva Novak Berg Costa Jensen "
    "Lopez Moreau Sato Weber Fischer Laurent Petit Roux Fontaine Blanc Girard Bonnet Dupont "
    "Lambert Faure Andre Mercier Leroy Clement Gauthier Perrin Robin Masson Henry Morel "
    "Nicolas Marchand Duval Denis Lefevre Meyer Schmitt Wagner Becker Hoffmann Schulz Koch "
    "Richter Klein Wolf Braun Zimmermann Kruger Hartmann Lange Werner Krause Lehmann Kohler "
    "Walter Peters Jung Keller Frank Otto Vogel Roth Beck Lorenz Baumann Franke Albrecht "
    "Schuster Simon Ludwig Bohm Winter Kraus Martens Seidel Jahn Haas Engel Pohl Horn Sauer "
    "Arnold Thomas Bergmann Busch Pfeiffer Voigt Ernst Brandt Graf Kuhn"
)
WORDS = _words(
    "the a project meeting idea budget team plan launch review customer design market "
    "strategy coffee notes draft follow question answer product release quarter growth "
    "partner contract hiring feedback roadmap research paper talk workshop community "
    "network advice intro referral lunch call email message report deadline sprint "
    "and with about for from into after before while during because although"
)
CHANNELS = ("call", "email", "coffee", "lunch", "message", "video", "dinner")
MARKERS = ("#gave", "#got", "#asked", "#promised", "#done", "#noreply")
TIERS = ("inner", "close", "regular", "acquaintance", "dormant")
DOMAINS = ("software", "finance", "design", "health", "education", "energy")
START = dt.date(1972, 1, 1)


def contact_names(count: int = 10_000) -> list[str]:
    """``count`` unique names: the first 10,000 as first and last names, then with a
    middle initial (the 30,000-note vault is the same whatever the scale code)."""
    names = [f"{first} {last}" for first in FIRST[:100] for last in LAST[:100]]
    for initial in "ABCDEFGHJKLMNPRSTVW":
        if len(names) >= count:
            break
        names += [f"{first} {initial}. {last}" for first in FIRST[:100] for last in LAST[:100]]
    return names[:count]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    return [" ".join(_sentence(rng, rng.randint(8, 20)) for _ in range(6)) for _ in range(count)]


def _date(rng: random.Random, low: dt.date, high: dt.date) -> dt.date:
    return low + dt.timedelta(days=rng.randint(0, (high - low).days))


def contact_note(rng: random.Random, name: str, names: list[str], prose: list[str]) -> str:
    """A contact: front matter and a log of 0–12 entries with markers and links."""
    tier = rng.choice(TIERS)
    first, last = name.split()[0], "".join(name.split()[1:]).replace(".", "")
    lines = [
        "---",
        "type: contact",
        f"name: {name}",
        f"company: {rng.choice(LAST)} {rng.choice(('SA', 'GmbH', 'Ltd', 'Inc'))}",
        f"role: {rng.choice(('CTO', 'Engineer', 'Designer', 'Founder', 'Analyst'))}",
        f"domain: {rng.choice(DOMAINS)}",
        f"tier: {tier}",
        f"email: {first.lower()}.{last.lower()}@example.com",
        f"linkedin: https://www.linkedin.com/in/{first.lower()}-{last.lower()}",
        f"met: {_date(rng, dt.date(2015, 1, 1), dt.date(2026, 6, 1)).isoformat()}",
        "tags: [network, " + rng.choice(DOMAINS) + "]",
        "---",
        "",
        f"# {name}",
        "",
        rng.choice(prose),
        "",
        "## Log",
        "",
    ]
    dates = sorted(_date(rng, dt.date(2020, 1, 1), dt.date(2026, 11, 20)) for _ in range(12))
    for date in dates[: rng.randint(0, 12)]:
        marker = rng.choice(MARKERS) if rng.random() < 0.6 else ""
        other = f" with [[{rng.choice(names)}]]" if rng.random() < 0.3 else ""
        lines.append(
            f"- {date.isoformat()} {rng.choice(CHANNELS)}: {_sentence(rng, 8)[:-1]}"
            f"{other} {marker}".rstrip()
        )
    lines += ["", "## Notes", "", rng.choice(prose), "", rng.choice(prose), ""]
    return "\n".join(lines)


def daily_note(rng: random.Random, names: list[str], prose: list[str]) -> str:
    """A daily note: prose, a few links to contacts, tasks, a dated entry now and then."""
    lines = ["---", "tags: [daily]", "---", ""]
    for _ in range(rng.randint(6, 10)):
        lines += [rng.choice(prose), ""]
    for _ in range(rng.randint(0, 3)):
        lines.append(f"- Talked to [[{rng.choice(names)}]] about the {rng.choice(WORDS)}")
    lines.append(f"- [ ] {_sentence(rng, 6)}")
    lines.append(f"- [x] {_sentence(rng, 5)}")
    if rng.random() < 0.2:
        lines.append(
            f"- 2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} call [[{rng.choice(names)}]] #got"
        )
    return "\n".join(lines) + "\n"


def circle_note(rng: random.Random, index: int, names: list[str], prose: list[str]) -> str:
    lines = [
        "---",
        "type: circle",
        f"status: {rng.choice(('member', 'prospect', 'former', 'active'))}",
        f"domain: {rng.choice(DOMAINS)}",
        f"dues: {rng.choice((0, 50, 120, 300))}",
        f"meetings: {rng.choice(('weekly', 'monthly', 'quarterly'))}",
        f"renewal: {_date(rng, dt.date(2026, 1, 1), dt.date(2027, 12, 31)).isoformat()}",
        f"why: {_sentence(rng, 6)}" if rng.random() < 0.7 else "",
        "---",
        "",
        rng.choice(prose),
        "",
    ]
    for _ in range(rng.randint(0, 10)):
        date = _date(rng, dt.date(2025, 6, 1), dt.date(2026, 11, 20))
        lines.append(
            f"- {date.isoformat()} {rng.choice(('#attended', '#missed'))} met [[{rng.choice(names)}]]"
        )
    return "\n".join(lines) + "\n"


def event_note(rng: random.Random, names: list[str], prose: list[str]) -> str:
    attendees = ", ".join(f'"[[{rng.choice(names)}]]"' for _ in range(rng.randint(0, 5)))
    date = _date(rng, dt.date(2024, 1, 1), dt.date(2027, 6, 1))
    return "\n".join(
        [
            "---",
            "type: event",
            f"date: {date.isoformat()}",
            f"status: {'attended' if date < dt.date(2026, 11, 26) else 'planned'}",
            f"attendees: [{attendees}]",
            "---",
            "",
            rng.choice(prose),
            "",
            rng.choice(prose),
            "",
        ]
    )


def generate(root: Path, seed: int = 26, scale: float = 1.0) -> int:
    """Write the vault under ``root``; return the number of notes written.

    ``scale`` shrinks (or grows) every count: 0.1 gives a vault of about 3,000 notes.
    """
    rng = random.Random(seed)
    prose = _paragraphs(rng, 400)
    names = contact_names(max(1, round(10_000 * scale)))
    (root / ".obsidian").mkdir(parents=True, exist_ok=True)
    count = 0
    for name in names:
        _write(root / "People" / f"{name}.md", contact_note(rng, name, names, prose))
        count += 1
    for day in range(round(20_000 * scale)):
        date = START + dt.timedelta(days=day)
        _write(root / "Daily" / str(date.year) / f"{date}.md", daily_note(rng, names, prose))
        count += 1
    for index in range(round(100 * scale)):
        _write(root / "Circles" / f"Circle {index:03}.md", circle_note(rng, index, names, prose))
        count += 1
    for index in range(round(300 * scale)):
        _write(root / "Events" / f"Event {index:03}.md", event_note(rng, names, prose))
        count += 1
    return count


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    target = Path(sys.argv[1])
    print(f"{generate(target)} notes written to {target}")
