"""What goes wrong that the user can put right: one line, never a traceback."""

from __future__ import annotations

import errno


class UserError(Exception):
    """A problem with what the user gave (a config, a vault, a file, a name): the command
    line prints its message as ``mdnet: error: ...`` and exits with status 2."""


_WORDS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.ENOSPC: "no space left on the disk",
    errno.EDQUOT: "over the disk quota",
    errno.ENOENT: "no such file or folder",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EEXIST: "it exists",
}


def describe(error: OSError) -> str:
    """What went wrong with a file, in words: no errno number, no temporary file's name
    (``[Errno 13] Permission denied: '.Zed.md.xf74fskg.tmp'`` is "permission denied")."""
    if error.errno in _WORDS:
        return _WORDS[error.errno]
    said = error.strerror or str(error) or type(error).__name__
    return said[:1].lower() + said[1:]
