"""Cold and warm checks on real Markdown rather than generated notes (issue 15: "≤ 8 ×
cat on real notes rich in tables and code").

    python -m tests.benchmarks.real_notes --vault DIR [--from FOLDER ...] [--copies 2]

No public vault can be fetched here, so the vault is made of the Markdown documents
found on the machine (READMEs, changelogs and manuals under ``--from``: by default
/usr/share/doc, /usr/lib and /usr/local/lib), cut at blank lines outside code fences into
pages of about 7 KB, the size of a documentation vault's notes. The vault is written
into ``--vault`` (never the repository) and kept.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from tests.benchmarks.bench import cold_to_warm

PAGE = 7000  # characters: a documentation vault's notes are about 7 KB
FOLDERS = [Path("/usr/share/doc"), Path("/usr/lib"), Path("/usr/local/lib")]


def pages(text: str) -> list[str]:
    """The document cut at blank lines outside code fences into pages of about PAGE."""
    found, page, size, fenced = [], [], 0, False
    for block in text.split("\n\n"):
        fenced ^= block.count("```") % 2 == 1
        page.append(block)
        size += len(block) + 2
        if size > PAGE and not fenced:
            found.append("\n\n".join(page) + "\n")
            page, size = [], 0
    if page:
        found.append("\n\n".join(page))
    return found


def make(vault: Path, folders: list[Path], copies: int) -> int:
    count = 0
    for folder in folders:
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for number, page in enumerate(pages(text)):
                for copy in range(copies):
                    note = vault / f"copy{copy}" / path.parent.name / f"{path.stem}-{number}.md"
                    note.parent.mkdir(parents=True, exist_ok=True)
                    note.write_text(page, encoding="utf-8")
                    count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--from", dest="folders", type=Path, action="append")
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.vault.is_dir():
        make(args.vault, args.folders or FOLDERS, args.copies)
    files = list(args.vault.rglob("*.md"))
    size = sum(path.stat().st_size for path in files)
    print(f"vault: {len(files)} real notes, {size / 1e6:.0f} MB; {os.cpu_count()} cores")
    measured = cold_to_warm(args.vault, args.runs)
    cat, no_cache, memory = measured["cat"].seconds, *measured["no cache"][:2]
    cold, warm = measured["cold"].seconds, measured["warm"].seconds
    print(f"cat {cat:.3f} s")
    print(f"cold --no-cache {no_cache:.2f} s ({no_cache / cat:.1f} × cat), {memory // 1024} MB")
    print(f"cold writing the index {cold:.2f} s ({cold / cat:.1f} × cat); target ≤ 8 × cat")
    print(f"warm {warm:.2f} s ({warm / cat:.1f} × cat)")


if __name__ == "__main__":
    main()
