"""How a model restored from the snapshot reads notes again, blocks and all, when a
change reaches past the notes changed (``Builder.restored``), and takes in whole those
written meanwhile."""

from __future__ import annotations

from pathlib import Path

from mdnet.cache import snapshot
from mdnet.cache.parser import CachedParser
from mdnet.config import Config
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_file
from mdnet.notes.scan import NoteFile, notes_at


class SnapshotReader:
    """How a model from the snapshot reads notes again, blocks and all (``ReadAgain``):
    from their files, expected as the snapshot knew them (or they were read already)."""

    def __init__(self, root: Path, config: Config) -> None:
        self.root, self.config = root, config
        self.read: list[str] = []

    def __call__(self, notes: list[Note]) -> list[Note]:
        self.read += [note.path for note in notes]  # (a size of 0: read to the end)
        return [parse_file(self.root, NoteFile(note.path, 0, 0), self.config) for note in notes]

    def taken_in(
        self, restored: snapshot.Restored, parser: CachedParser, files: list[NoteFile]
    ) -> list[NoteFile]:
        """Take in whole the notes read again that were written, or went, since the
        listing (their fields may differ from the model's); ``files`` as the snapshot is
        to know them: as read (their listed version put back is a change then)."""
        taken: dict[str, NoteFile | None] = {}
        while self.read:
            now, gone = notes_at(self.root, sorted(set(self.read)))  # (each once)
            now, self.read = restored.changed(now), []
            if now or gone:
                notes = parser.refresh(self.root, now, gone, self.config)
                restored.builder.update(notes, gone)  # (may read more notes again)
                taken |= {file.path: file for file in now} | dict.fromkeys(gone)
        return [n for f in files if (n := taken.get(f.path, f)) is not None] if taken else files
