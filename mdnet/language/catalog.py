"""The translations in use: ``use("fr")`` once, then ``_`` and ``ngettext`` everywhere.

One process speaks one language at a time, as gettext's ``install`` would have it; the
catalogs are the compiled ``.mo`` files shipped inside the package.
"""

from __future__ import annotations

import gettext
from pathlib import Path

LANGUAGES = ("en", "fr")  # English is the code's own text; the others have a catalog
DOMAIN = "mdnet"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_english = gettext.NullTranslations()
_state: dict[str, gettext.NullTranslations | str] = {"code": "en", "translations": _english}


def use(code: str) -> None:
    """Speak ``code`` (one of LANGUAGES) from now on; English for any other."""
    if code not in LANGUAGES or code == "en":
        _state.update(code="en", translations=_english)
        return
    translations = gettext.translation(DOMAIN, LOCALE_DIR, [code], fallback=True)
    _state.update(code=code, translations=translations)


def current() -> str:
    """The language in use: ``en``, ``fr``."""
    return str(_state["code"])


def _translations() -> gettext.NullTranslations:
    translations = _state["translations"]
    assert isinstance(translations, gettext.NullTranslations)
    return translations


def _(message: str) -> str:
    """``message`` in the language in use."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular`` / ``plural`` that ``count`` takes in the language in use."""
    return _translations().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks ``message`` for the catalog without translating it yet (translated when shown)."""
    return message
