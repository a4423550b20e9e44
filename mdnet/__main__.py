"""Allow ``python -m mdnet``."""

from mdnet.cli import main

main()
