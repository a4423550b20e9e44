"""Writing the summary note: atomically, only when it changed, never over a stranger.

The summary is the only note mdnet writes on its own. It goes to ``summary.path``
(folders created as needed) through ``files.write_atomic``; a file already there is
replaced only if its front matter says ``mdnet: summary``, so that a note of the same
name that the user wrote is never lost.
"""

from __future__ import annotations

from pathlib import Path

from mdnet.config import Config
from mdnet.errors import UserError
from mdnet.language import _
from mdnet.notes.files import OutsideVault, inside_vault, write_atomic
from mdnet.notes.frontmatter import split_front_matter
from mdnet.notes.parse import normalized

MARKER_KEY = "mdnet"
MARKER_VALUE = "summary"


class SummaryRefused(UserError):
    """The summary's path holds something mdnet did not write: exit status 2."""


def is_summary(text: str) -> bool:
    """True when ``text`` has ``mdnet: summary`` in its front matter."""
    front = split_front_matter(normalized(text))
    return front.error is None and front.values.get(MARKER_KEY) == MARKER_VALUE


def summary_file(vault_root: Path, config: Config) -> Path:
    """Where the summary goes: ``summary.path`` under the vault (never outside it)."""
    try:
        inside_vault(vault_root, config.summary_path)
    except OutsideVault as error:
        raise SummaryRefused(_("summary.path {error}").format(error=error)) from None
    return vault_root / config.summary_path


def write_summary(vault_root: Path, config: Config, text: str) -> bool:
    """Write ``text`` (from ``render``) to the summary note; True if the file changed.

    Nothing is written when the file already holds exactly ``text`` (its modification
    time stays). Raises SummaryRefused, leaving the file untouched, when the path holds
    a file without ``mdnet: summary`` in its front matter, a folder or a link; OSError
    when the disk refuses.
    """
    path = summary_file(vault_root, config)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise SummaryRefused(
            _(
                "{path}: not a plain file; mdnet writes the summary only to a file of its own "
                "(change summary.path in .mdnet.toml)"
            ).format(path=path)
        )
    if path.exists():
        existing = path.read_bytes()
        if existing == text.encode("utf-8"):
            return False
        try:
            ours = is_summary(existing.decode("utf-8"))
        except UnicodeDecodeError:
            ours = False
        if not ours:
            raise SummaryRefused(
                _(
                    "{path}: exists and was not written by mdnet (no `{marker}` in its front "
                    "matter); left untouched. Move it, or set another summary.path in .mdnet.toml"
                ).format(path=path, marker=f"{MARKER_KEY}: {MARKER_VALUE}")
            )
    write_atomic(path, text)
    return True
