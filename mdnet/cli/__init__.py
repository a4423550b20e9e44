"""The command line: one module per command, each a short function calling the core."""

from __future__ import annotations

import click

from mdnet import __version__
from mdnet.cli.check import check
from mdnet.cli.importing import import_contacts
from mdnet.cli.init import init
from mdnet.cli.new import new
from mdnet.cli.rules import explain_rule, list_rules
from mdnet.cli.summary import summary
from mdnet.cli.watch import watch_vault


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mdnet")
def main() -> None:
    """mdnet keeps a professional network healthy from plain Markdown notes.

    Example: mdnet check ~/Notes
    """


main.add_command(check)
main.add_command(list_rules)
main.add_command(explain_rule)
main.add_command(summary)
main.add_command(new)
main.add_command(init)
main.add_command(import_contacts)
main.add_command(watch_vault)
