"""One vault kept current in memory, shared by the front ends that stay running.

``mdnet watch``, ``mdnet lsp`` and the server that answers ``mdnet check`` hold a
``LiveVault``: the parser's memory of every note, the builder's model (from the last
check's snapshot, when there is one), the findings. It applies changes — paths changed
on disk, or the text an editor holds for a note, unsaved — through the incremental
builder, and answers: the findings, the summary, a contact's standing. A front end only
translates: events or protocol messages in; lines, files or responses out.

Only the notes a change names are read (a new note: one ``stat``; a new folder: listed
alone); the vault is listed again when the config changes, for a symbolic link, or after
an update that failed. The model lets its notes' blocks go: those a change reaches past
the notes it names are read again (``read_again``).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterable
from pathlib import Path

from mdnet import language
from mdnet.cache import snapshot
from mdnet.cache.parser import CachedParser
from mdnet.config import CONFIG_NAME, Config, load_config
from mdnet.live.drift import Drift
from mdnet.live.on_disk import holds_as_read, is_note, on_disk, unchanged
from mdnet.live.update import Update
from mdnet.model.builder import Builder
from mdnet.model.health import Standing, standing
from mdnet.model.memory import give_back, paused_gc
from mdnet.model.vault import Vault
from mdnet.notes.note import Note
from mdnet.notes.parse import parse_file, parse_text
from mdnet.notes.scan import NoteFile, list_notes, templates_folders
from mdnet.rules.finding import Finding
from mdnet.rules.runner import Selection, run_rules
from mdnet.summary import render


class LiveVault:
    """The vault at ``root`` as it is now: on disk, or in an editor where a note is open.

    Every method may be called from any thread (one at a time: a lock guards the model)."""

    def __init__(
        self, root: Path, config: Config, today: dt.date, config_path: Path | None = None
    ) -> None:
        self.root, self.config, self.config_path, self.today = root, config, config_path, today
        self.selection = Selection.from_config(config)
        self.parser = CachedParser()
        self.builder = Builder(root, config, live=True, read_again=self.read_again)
        # path → the text an editor holds for it (of a note the config excludes too: it is
        # the note's text again once the config takes it back)
        self.unsaved: dict[str, str] = {}
        self.loaded = False  # whether the model was built (not since an update failed)
        self.unseen: set[str] = set()  # read again, found changed: no event came yet
        self.findings: list[Finding] = []
        self.drift = Drift()  # from the vault's snapshot
        self.lock = threading.RLock()
        self._templates = templates_folders(root)

    @property
    def vault(self) -> Vault:
        return self.builder.vault

    def load(self) -> Update:
        """The model and the first answer: the last check's (its snapshot), brought up to
        date, when there is one for this config; else built from every note (the index)."""
        with self.lock, paused_gc():
            files = list_notes(self.root, self.config)
            last = snapshot.restore(self.root, self.config, self.read_again, self.today, live=True)
            self.drift.restart(last.today if last else None, self.config)
            if last is not None and last.builder.has_blocks:
                self.builder = last.builder
                self.parser.remember(self.root, self.config, files, self.vault.notes)
                self._reparse(*last.changes(files), every=True)
            else:
                notes = self.parser(self.root, files, self.config)
                self.builder.build(self._with_unsaved(notes, every=True))
            self.loaded = True
            return self._checked(self.parser.parsed)

    def apply(self, changed: Iterable[str]) -> Update:
        """Take in the paths (vault-relative) that changed on disk: the config read again
        when ``.mdnet.toml`` is among them (ConfigError, and the previous configuration
        stays, when it is wrong); a note open in an editor keeps the editor's text."""
        with self.lock:
            changed = set(changed)
            stands = self.reload_config() if CONFIG_NAME in changed else True
            if not (stands and self.loaded and self.builder.vault.notes):
                return self.load()
            if CONFIG_NAME in changed or not self._take_in(changed):
                return self._resync()  # the vault listed again
            return self._checked(self.parser.parsed)

    def edit(self, path: str, text: str | None) -> Update:
        """An editor's text for the note at ``path``, unsaved (None: the editor closed it,
        and the file on disk is the truth again)."""
        with self.lock:
            if text is None:
                self.unsaved.pop(path, None)
                return self.apply({path})
            if not path.endswith(".md"):  # no note, whatever the config says
                return Update(tuple(self.findings), tuple(self.findings), ())
            unchanged = path not in self.unsaved and holds_as_read(
                self.root, path, text, self.parser.memory.get(path)
            )
            self.unsaved[path] = text
            if unchanged or not self.is_note(path):  # as on disk: the model has it already
                return Update(tuple(self.findings), tuple(self.findings), ())
            if not (self.loaded and self.builder.vault.notes):
                return self.load()
            with paused_gc():
                self.builder.update([parse_text(path, text, self.config)])
                return self._checked((path,))

    def is_note(self, path: str) -> bool:
        """Whether a file at vault-relative ``path`` is a note of the vault (SPEC §1)."""
        return is_note(path, self.config, self._templates)

    def set_today(self, today: dt.date) -> Update:
        """Evaluate the same notes on another day (midnight has passed)."""
        with self.lock:
            self.today = today
            return self._checked(()) if self.loaded else self.load()

    def reload_config(self) -> bool:
        """Read the config again (ConfigError, leaving everything as it was, when the new
        config is wrong). Whether the model stands: a config that reads notes alike (the
        same kinds, tiers, size limit, language: ``parsing_fingerprint``) and gives tags
        the same meaning changes only what rules and the summary make of it (which notes
        are in the vault: the vault is listed again); another makes the model anew."""
        with self.lock:
            config = load_config(self.root, self.config_path)
            selection = Selection.from_config(config)
            old = self.config
            if config == old:  # saved as it was: what was worked out under it still holds
                config = old
            if config.language != old.language:  # speak the language it now sets
                language.use(language.choose_language(config.language, os.environ).code)
            reads_alike = config.parsing_fingerprint == old.parsing_fingerprint
            stands = reads_alike and config.language == old.language and self.builder.takes(config)
            self.config, self.selection = config, selection
            if not stands:
                self.builder = Builder(self.root, config, live=True, read_again=self.read_again)
            self._templates = templates_folders(self.root)
            return stands

    def reset(self) -> None:
        """Forget the model (after an update that failed): the next change reads all."""
        with self.lock:
            self.builder = Builder(self.root, self.config, live=True, read_again=self.read_again)
            self.loaded = False

    def summary(self) -> str:
        """The summary note's text now."""
        with self.lock, paused_gc():
            text = render(self.vault, self.config, self.today, self.findings, self.selection)
        give_back()
        return text

    def calendar(self) -> list[bytes]:
        """The calendar file's bytes now, in parts (``mdnet.calendar``)."""
        from mdnet.calendar import render_calendar  # icalendar: 0.1 s that `lsp` never needs

        with self.lock, paused_gc():
            return render_calendar(
                self.vault, self.config, self.today, self.findings, self.selection
            )

    def standing(self, path: str) -> Standing | None:
        """Where the contact at ``path`` stands today, or None if it is no contact."""
        with self.lock:
            contact = self.vault.contacts.get(path)
            return None if contact is None else standing(contact, self.config, self.today)

    def as_read(self, notes: list[Note]) -> list[Note]:
        """The notes with their blocks (those the model let go: read again, not kept)."""
        again = {note.path: note for note in self.read_again([n for n in notes if n.shed])}
        return [again.get(note.path, note) for note in notes]

    def read_again(self, notes: list[Note]) -> list[Note]:
        """The notes as they read now, from an editor's text or their files: what the
        model reads again of a note whose blocks it let go (``Builder``)."""
        again = []
        with self.lock:
            for note in notes:
                text = self.unsaved.get(note.path)
                if text is not None:
                    again.append(parse_text(note.path, text, self.config))
                    continue
                known = self.parser.memory.get(note.path)
                file = NoteFile(note.path, *(known[:2] if known else (0, 0)))
                again.append(parse_file(self.root, file, self.config))
                if not unchanged(self.root / note.path, file):  # since the model read it
                    self.unseen.add(note.path)
        return again

    def _take_in(self, changed: set[str]) -> bool:
        """Parse the notes at the ``changed`` paths again and update the model; False
        when the whole vault must be listed again. The editor's text wins over the file."""
        edits = on_disk(
            self.root, self.config, changed - self.unsaved.keys(), self.vault.notes, self.is_note
        )
        if edits is None:
            return False
        self._reparse(*edits)
        return True

    def _reparse(self, files: list[NoteFile], gone: list[str], every: bool = False) -> None:
        """Parse ``files`` again, forget ``gone`` notes (not those open in an editor), and
        update the model (with ``every``, the notes open in an editor but not on disk too)."""
        open_notes = self._open()
        gone = [path for path in gone if path not in open_notes]
        self.drift.took(files, gone)
        with paused_gc():
            notes = self.parser.refresh(self.root, files, gone, self.config)
            self.builder.update(self._with_unsaved(notes, every), gone)

    def _checked(self, parsed: Iterable[str]) -> Update:
        before, parsed = tuple(self.findings), tuple(parsed)
        while self.unseen:  # read again, found changed on disk unannounced: taken in whole
            unseen, self.unseen = self.unseen, set()
            if not self._take_in(unseen):
                return self._resync()
            parsed += tuple(self.parser.parsed)
        with paused_gc():
            self.findings = run_rules(self.vault, self.config, self.today, self.selection)
        give_back()  # what the previous version of the model held
        return Update(before, tuple(self.findings), parsed)

    def _open(self) -> dict[str, str]:
        """The editor's texts of notes (not of those the config excludes)."""
        return {path: text for path, text in self.unsaved.items() if self.is_note(path)}

    def _with_unsaved(self, notes: list[Note], every: bool = False) -> list[Note]:
        """``notes`` as read from disk, with an editor's text for those open unsaved;
        with ``every``, the notes open in an editor but not on disk too."""
        if not self.unsaved:
            return notes
        read = {note.path: note for note in notes}
        for path, text in self._open().items():
            if every or path in read:
                read[path] = parse_text(path, text, self.config)
        return [read[path] for path in sorted(read)]

    def _resync(self) -> Update:
        """List the vault and take in what differs from what the parser knows, and the
        notes open in an editor (one only there, which the config left out, is in the
        vault again once the config takes it back)."""
        files = list_notes(self.root, self.config)
        known = self.parser.memory
        changed = [f for f in files if known.get(f.path, (None, None))[:2] != f[1:]]
        listed = {f.path for f in files}
        self._reparse(changed, [p for p in self.vault.notes if p not in listed], every=True)
        return self._checked(self.parser.parsed)
