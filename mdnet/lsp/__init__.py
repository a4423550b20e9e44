"""``mdnet lsp``: the language server (SPEC §10), a front end over the live vault.

It only translates: LSP messages in (documents opened and changed, files changed on
disk, requests), ``LiveVault`` changes and questions, LSP answers out (diagnostics,
completion, hover, locations, workspace edits). ``server`` wires the protocol;
``session`` keeps the live vault current and publishes diagnostics; the other modules
each answer one kind of request.
"""
