"""mdnet's gettext catalogs: extract the messages, update each language, compile.

    python scripts/catalogs.py extract   # mdnet/locale/mdnet.pot from the code (Babel)
    python scripts/catalogs.py update    # merge it into each mdnet/locale/<lang>/.../mdnet.po
    python scripts/catalogs.py compile   # each .po to the .mo shipped in the wheel

``extract`` reads the code as ``babel.cfg`` says (``_``, ``ngettext``, ``N_``) and adds
every rule's docstring, which ``mdnet rule CODE`` prints. Run all three after changing a
message, translate what ``update`` left empty or fuzzy in the ``.po``, then ``compile``:
``tests/test_catalogs.py`` fails until the ``.pot``, the ``.po`` and the ``.mo`` agree.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "mdnet" / "locale"
TEMPLATE = LOCALE / "mdnet.pot"
PROJECT = "mdnet"


def extracted() -> Catalog:
    """Every message of the code, and the rules' documentation, as a template catalog."""
    sys.path.insert(0, str(ROOT))
    from mdnet.rules import RULES

    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    catalog = Catalog(project=PROJECT, fuzzy=False)
    found = extract_from_dir(ROOT, method_map, options_map, strip_comment_tags=True)
    for filename, line, message, comments, context in found:
        catalog.add(message, None, [(filename, line)], auto_comments=comments, context=context)
    for rule in RULES:
        doc = (rule.__doc__ or "").strip()
        path = Path(rule.__file__ or "").relative_to(ROOT).as_posix()
        catalog.add(doc, None, [(path, 1)], auto_comments=[f"`mdnet rule {rule.CODE}`"])
    return catalog


def languages() -> list[Path]:
    """Each language's ``.po``."""
    return sorted(LOCALE.glob("*/LC_MESSAGES/mdnet.po"))


def read(path: Path) -> Catalog:
    with open(path, "rb") as file:
        return read_po(file)


def write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False)
    path.write_bytes(buffer.getvalue())


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def main(command: str) -> None:
    if command == "extract":
        write(TEMPLATE, extracted())
    elif command == "update":
        template = read(TEMPLATE)
        for path in languages():
            catalog = read(path)
            catalog.update(template, update_header_comment=False)
            write(path, catalog)
    elif command == "compile":
        for path in languages():
            path.with_suffix(".mo").write_bytes(compiled(read(path)))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")
