"""The live vault: one model kept current in memory, which ``watch``, ``lsp`` and the
server that answers ``mdnet check`` share (``vault.LiveVault``)."""
