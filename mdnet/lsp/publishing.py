"""What the editor is shown of the live vault's findings: each note's diagnostics, sent
only when they changed, and the vault's own findings on its config file (or in the log)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

from pygls.lsp.server import LanguageServer

from mdnet.config import CONFIG_NAME
from mdnet.live.vault import LiveVault
from mdnet.lsp.diagnostics import NONE, PATH, Published, notification, rendered
from mdnet.lsp.documents import Documents
from mdnet.lsp.first import Answer
from mdnet.rules.finding import Finding


class Publisher:
    """Publishes the findings of ``live``'s notes to the editor of ``server``; ``log``
    writes a line in the editor's log of the server."""

    def __init__(
        self,
        server: LanguageServer,
        live: LiveVault,
        documents: Documents,
        log: Callable[[str], None],
    ) -> None:
        self.server, self.live, self.documents, self.log = server, live, documents, log
        self.published = Published(self.send)
        self._vault_logged: list[Finding] = []  # the vault's own findings last logged

    def everything(self) -> None:
        """Publish every note's diagnostics, and clear those of notes with none left."""
        self.paths({f.path for f in self.live.findings} | self.published.by_path.keys())

    def paths(self, paths: Iterable[str]) -> None:
        """Publish what changed of the diagnostics of ``paths``."""
        findings, end = self.live.findings, 0  # in place order: each note's by bisection
        try:
            for path in sorted(set(paths)):
                start = bisect_left(findings, path, lo=end, key=PATH)
                end = bisect_right(findings, path, lo=start, key=PATH)
                if path == "":
                    self._vault(findings[start:end])
                    continue
                uri = self.documents.uri_of(path)
                self.published.change(path, uri, rendered(findings[start:end]))
        finally:  # what is counted as published goes out, whatever went wrong after
            self.published.flush()

    def moved(self, path: str, old: str) -> None:
        """The note at ``path`` has another URI than ``old`` (the editor opened or closed
        it under another name): its diagnostics go there, and away from ``old``."""
        if self.published.by_path.pop(path, None) is None:
            return  # none to move
        self.send(notification(old, NONE))
        if self.live.loaded:  # else all go once it is
            self.paths([path])

    def answer(self, answer: Answer) -> None:
        """Publish the diagnostics of the last check's answer (``lsp.first``)."""
        try:
            for path, uri, diagnostics in answer.diagnostics:
                self.published.change(path, uri, diagnostics)
            self._vault(answer.own)
        finally:
            self.published.flush()

    def send(self, data: bytes) -> None:
        """Write framed messages to the editor (from the event loop's thread, as pygls
        writes its own)."""
        writer = self.server.protocol.writer
        if writer is not None:
            writer.write(data)

    def _vault(self, findings: list[Finding]) -> None:
        """The vault's own findings (R002, G003, C001–C003, C007) go on its config file,
        where one can act on them, or, with no config file, to the log."""
        live = self.live
        config = live.config_path or live.root / CONFIG_NAME
        if config.is_file():
            own = live.config_path is None  # the vault's own config file, maybe open
            uri = self.documents.uri_of(CONFIG_NAME) if own else config.as_uri()
            self.published.change("", uri, rendered(findings))
            return
        if findings != self._vault_logged:
            self._vault_logged = findings
            for finding in findings:
                self.log(f"mdnet: {finding.told}")
