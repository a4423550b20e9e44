"""mdnet in the user's language (SPEC §12): the current translations and their helpers.

English is written in the code; other languages come from gettext catalogs in
``mdnet/locale/<language>/LC_MESSAGES/mdnet.mo`` (sources: the ``.po`` beside them, and
``mdnet/locale/mdnet.pot`` extracted with Babel: ``python scripts/update_catalogs.py``).

A command chooses the language once (``choose_language``: the config's ``language``,
else ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``, else English) and ``use``s it; every
message is then built through ``_`` and ``ngettext``, and dates and numbers for people
to read through ``mdnet.language.formats`` (Babel). Like ``dates`` and ``errors``, this
package sits below every stage and imports none of them.
"""

from mdnet.language.catalog import LANGUAGES, N_, _, current, ngettext, use
from mdnet.language.choice import Choice, choose_language, from_environment

__all__ = [
    "LANGUAGES",
    "N_",
    "Choice",
    "_",
    "choose_language",
    "current",
    "from_environment",
    "ngettext",
    "use",
]
