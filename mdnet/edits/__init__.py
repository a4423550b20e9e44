"""Edits the user asks for: ``--fix``, ``mdnet new``, ``mdnet init`` (and the editor's code
actions). Each changes only what it is asked to, atomically, and never overwrites."""
