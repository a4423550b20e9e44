"""click's own messages about a wrong command line, in the language in use (SPEC §12).

click marks its messages for gettext but looks them up in gettext's global domain, whose
language follows the environment only, where mdnet's may come from the config. So click's
modules are given mdnet's ``_`` and ``ngettext`` (``speak_through_mdnet``), and mdnet's
catalog holds the messages below — those a person sees when a command line is wrong;
the others (``--help``'s headings) stay English, as the commands' help does.
"""

from __future__ import annotations

import gettext
import sys

from mdnet.language import N_, _, ngettext

CLICK_MODULES = ("core", "exceptions", "parser", "types", "decorators", "formatting", "utils")

# click's msgids, exactly as click writes them (for the catalog's extraction)
MESSAGES = (
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing parameter: {param_name}"),
    N_("Missing {param_type}"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("Argument {name!r} takes {nargs} values."),
    N_("Could not open file {filename!r}: {message}"),
    N_("unknown error"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("Choose from:\n\t{choices}"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
)


def speak_through_mdnet() -> None:
    """Make click's modules translate through mdnet's catalog (once, at the start)."""
    for name in CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = ngettext  # type: ignore[attr-defined]


def _plural_messages(count: int) -> list[str]:
    """click's messages with plural forms (never called: read by the catalog's extraction)."""
    return [
        ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", count),
        ngettext(
            "Got unexpected extra argument ({args})",
            "Got unexpected extra arguments ({args})",
            count,
        ),
        ngettext(
            "Option {name!r} requires an argument.",
            "Option {name!r} requires {nargs} arguments.",
            count,
        ),
        ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", count),
        ngettext(
            "Takes {nargs} values but 1 was given.",
            "Takes {nargs} values but {len} were given.",
            count,
        ),
    ]
