"""The gettext catalogs: the template is what the code says, and French says all of it.

``scripts/catalogs.py`` extracts the template with Babel (and the rules' docstrings);
these tests fail when a message changed without ``extract``/``update``, when a French
entry is missing, fuzzy or names other placeholders, or when the shipped ``.mo`` is not
the ``.po`` compiled.
"""

from __future__ import annotations

import gettext
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message

from mdnet.language.catalog import LANGUAGES, LOCALE_DIR

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER_RE = re.compile(r"\{(\w*)\}")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "scripts" / "catalogs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("catalogs", module)
    spec.loader.exec_module(module)
    return module


catalogs = _script()
TRANSLATED = [code for code in LANGUAGES if code != "en"]


def _ids(catalog: Catalog) -> set[object]:
    return {message.id for message in catalog if message.id}


def _po(code: str) -> Catalog:
    # the script is loaded from its file: mypy sees a ModuleType, and Any from its functions
    po: Catalog = catalogs.read(LOCALE_DIR / code / "LC_MESSAGES" / "mdnet.po")
    return po


def _forms(message: Message) -> list[str | None]:
    string = message.string
    return list(string) if isinstance(string, tuple | list) else [string]


def _sources(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple | list) else [message.id]


def test_the_template_holds_every_message_of_the_code_and_every_rule_doc() -> None:
    template = catalogs.read(catalogs.TEMPLATE)
    assert _ids(template) == _ids(catalogs.extracted()), (
        "run: python scripts/catalogs.py extract && python scripts/catalogs.py update"
    )
    assert "Found {errors}, {warnings}, {infos} in {notes}." in _ids(template)
    assert any(str(i).startswith("R001 stale-contact — ") for i in _ids(template))


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(code: str) -> None:
    po = _po(code)
    template = catalogs.read(catalogs.TEMPLATE)
    assert _ids(po) == _ids(template)
    untranslated = [m.id for m in po if m.id and not all(_forms(m))]
    fuzzy = [m.id for m in po if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_translation_names_the_same_placeholders_as_its_message(code: str) -> None:
    mismatched = []
    for message in _po(code):
        if not message.id:
            continue
        wanted = {frozenset(PLACEHOLDER_RE.findall(source)) for source in _sources(message)}
        for form in _forms(message):
            assert form is not None, message.id
            if frozenset(PLACEHOLDER_RE.findall(form)) not in wanted:
                mismatched.append((message.id, form))
    assert mismatched == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_shipped_mo_is_the_po_compiled(code: str) -> None:
    mo = LOCALE_DIR / code / "LC_MESSAGES" / "mdnet.mo"
    with mo.open("rb") as file:
        shipped = gettext.GNUTranslations(file)
    for message in _po(code):
        if not message.id:
            continue
        if not isinstance(message.id, str):
            for count, form in ((1, 0), (2, 1)):
                got = shipped.ngettext(message.id[0], message.id[1], count)
                assert got == _forms(message)[form], "run: python scripts/catalogs.py compile"
        else:
            assert shipped.gettext(message.id) == message.string, (
                "run: python scripts/catalogs.py compile"
            )


def test_the_placeholder_check_catches_a_renamed_placeholder() -> None:
    message = Message("Met {date} ({days} days ago)", "Rencontré le {jour}")
    wanted = {frozenset(PLACEHOLDER_RE.findall(source)) for source in _sources(message)}
    form = _forms(message)[0]
    assert form is not None
    assert frozenset(PLACEHOLDER_RE.findall(form)) not in wanted
