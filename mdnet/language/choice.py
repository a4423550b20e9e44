"""Which language to speak: the config's ``language``, else the environment, else English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from mdnet.language.catalog import LANGUAGES

ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX: the first one set wins
ENGLISH_LOCALES = ("C", "POSIX")


class Choice(NamedTuple):
    """The language to speak, and the warning to print when the one asked is unknown."""

    code: str
    warning: str = ""


def from_environment(environ: Mapping[str, str]) -> Choice:
    """The language of the locale ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` names
    (``fr_FR.UTF-8`` → ``fr``); English, with a warning, for one mdnet does not speak."""
    for name in ENVIRONMENT:
        locale = environ.get(name, "")
        if locale:
            break
    else:
        return Choice("en")
    language = locale.split(".")[0].split("@")[0]
    if language in ENGLISH_LOCALES:
        return Choice("en")
    code = language.replace("-", "_").split("_")[0].lower()
    if code in LANGUAGES:
        return Choice(code)
    known = ", ".join(LANGUAGES)
    return Choice(
        "en",
        f"mdnet: warning: {name}={locale}: mdnet does not speak that language, so it "
        f'speaks English (it speaks {known}; set language = "fr" in .mdnet.toml to choose)',
    )


def choose_language(configured: str, environ: Mapping[str, str]) -> Choice:
    """``configured`` (the config's ``language``, already validated) when set, else the
    environment's."""
    if configured:
        return Choice(configured)
    return from_environment(environ)
