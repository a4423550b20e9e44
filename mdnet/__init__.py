"""mdnet: keep a professional network healthy from plain Markdown notes."""

__version__ = "0.1.0"
