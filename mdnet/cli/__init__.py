"""The command line: one module per command, each a short function calling the core."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from mdnet import __version__, language
from mdnet.cli.check import check
from mdnet.cli.click_texts import speak_through_mdnet
from mdnet.cli.options import Program, UsageError
from mdnet.cli.rules import explain_rule, list_rules
from mdnet.errors import UserError, describe
from mdnet.language import _

# commands imported when used, so that `mdnet check` (and `mdnet --help`, which shows
# the short help written here: a test keeps it the command's own) does not load vCard,
# watchdog, YAML...
LAZY_COMMANDS = {
    "summary": (
        "mdnet.cli.summary",
        "summary",
        'Check the vault and write its summary note (summary.path, "Network Summary.md").',
    ),
    "new": (
        "mdnet.cli.new",
        "new",
        "Create a note from a template, in its kind's folder; print its path.",
    ),
    "init": (
        "mdnet.cli.init",
        "init",
        "Start a vault: write .mdnet.toml (every default, commented) and the templates.",
    ),
    "import": (
        "mdnet.cli.importing",
        "import_contacts",
        "Create contact notes from LinkedIn's connections export or a vCard file.",
    ),
    "calendar": (
        "mdnet.cli.calendar",
        "write_calendar_file",
        "Write what to do as an iCalendar file (calendar.path, or -o FILE).",
    ),
    "watch": (
        "mdnet.cli.watch",
        "watch_vault",
        "Check the vault and write its summary, then keep both up to date as notes change.",
    ),
    "lsp": (
        "mdnet.cli.lsp",
        "lsp",
        "Run the language server, so that any LSP editor shows mdnet's advice as you type.",
    ),
}


speak_through_mdnet()  # click's messages about a wrong command line, in mdnet's language


class _Commands(click.Group):
    """mdnet's commands. An unexpected error is one line on stderr and exit status 2,
    as a usage error is, not a traceback (``MDNET_DEBUG=1`` shows the traceback)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            module, name, _ = LAZY_COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(module), name), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """As click lists commands, each one's first line whole (wrapped, never cut with
        "..."), without importing those not used yet."""
        rows = []
        for name in self.list_commands(ctx):
            if name in LAZY_COMMANDS and name not in self.commands:
                short = LAZY_COMMANDS[name][2]
            else:
                command = self.get_command(ctx, name)
                assert command is not None
                short = one_line_help(command)
            rows.append((name, short))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, standalone_mode: bool = True, **options: Any
    ) -> Any:
        """As click runs a program, but every error is one ``mdnet: error: ...`` line
        (usage errors included), and Ctrl-C exits with status 130, saying nothing."""
        if not standalone_mode:
            return super().main(args, standalone_mode=False, **options)
        # the environment's language until a command reads the config's: a wrong command
        # line is told in it too
        language.use(language.from_environment(os.environ).code)
        try:
            returned = super().main(args, standalone_mode=False, **options)
        except click.exceptions.UsageError as error:  # click's own: a wrong option, value
            hint = ""
            if error.ctx:
                usage = _("`{command} --help` shows the usage").format(
                    command=error.ctx.command_path
                )
                hint = f" ({usage})"
            click.echo(f"mdnet: error: {error.format_message()}{hint}", err=True)
            sys.exit(2)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except (click.exceptions.Abort, KeyboardInterrupt):
            sys.exit(130)  # as a shell reports SIGINT; no "Aborted!"
        sys.exit(returned if isinstance(returned, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except UserError as error:  # a config, a vault, a file or a name to put right
            raise UsageError(str(error)) from None
        except BrokenPipeError:  # `mdnet check | head`: the reader has gone, say nothing
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes
            sys.exit(1)
        except OSError as error:  # a full disk, a file that cannot be written or read
            if os.environ.get("MDNET_DEBUG"):
                raise
            where = f"{error.filename}: " if error.filename else ""
            raise UsageError(f"{where}{describe(error)}") from error
        except Exception as error:
            if os.environ.get("MDNET_DEBUG"):
                raise
            raise UsageError(
                _(
                    "internal error: {error}; please report it with the command that caused it "
                    "(MDNET_DEBUG=1 shows the traceback)"
                ).format(error=f"{type(error).__name__}: {str(error)[:200]}")
            ) from error


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="mdnet")
def main() -> None:
    """mdnet keeps a professional network healthy from plain Markdown notes.

    Example: mdnet check ~/Notes
    """
    # the environment's language until a command reads the config (which may choose
    # another, or warn that the environment's is unknown): its errors are in it too
    language.use(language.from_environment(os.environ).code)


main.add_command(check)
main.add_command(list_rules)
main.add_command(explain_rule)


def one_line_help(command: click.Command) -> str:
    """A command's short help, or the first paragraph of its help, on one line."""
    written = command.short_help or (command.help or "").split("\n\n")[0]
    return " ".join(written.split())


def run() -> None:
    """``python -m mdnet``: ``main`` as a program, which a command may end at once."""
    Program.running = True
    main()
