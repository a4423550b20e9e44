"""What goes wrong that the user can put right: one line, never a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem with what the user gave (a config, a vault, a file, a name): the command
    line prints its message as ``mdnet: error: ...`` and exits with status 2."""
