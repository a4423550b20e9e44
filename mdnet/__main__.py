"""Allow ``python -m mdnet``."""

from mdnet.cli import run

run()
