"""The import's plan reads the parsed notes (the scanner is the only disk reader) and
matches people by the same identities as F006."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import mdnet.importers
from mdnet.config import Config
from mdnet.importers.matching import plan_import
from mdnet.importers.person import Person
from mdnet.model.identity import linkedin_key
from mdnet.model.vault import Vault

ROBERT = (
    "---\ntype: contact\nname: Bob Martin\ncompany: Globex\nrole: VP\n"
    "linkedin: https://www.linkedin.com/in/BobM/\n---\n## Log\n\n"
    "- 2026-05-02 lunch\n"
)
LOGGED = "- 2026-09-01 #update now CTO at Initech (from the LinkedIn import)\n"
BOB = Person("Bob Martin", "row 2", "Initech", "CTO", linkedin="https://linkedin.com/in/bobm")


def test_an_update_already_logged_is_found_in_the_parsed_note(
    load: Callable[..., Vault],
) -> None:
    vault = load({"People/Robert.md": ROBERT + LOGGED})
    # what the scanner read is what counts, not what the file holds by now
    (vault.root / "People/Robert.md").write_text(ROBERT)
    [known] = plan_import(vault, Config(), [BOB]).matched
    assert (known.path, known.by, known.was, known.logged) == (
        "People/Robert.md",
        "LinkedIn URL",
        "VP at Globex",
        True,
    )
    assert plan_import(vault, Config(), [BOB]).changed == []


def test_an_update_not_yet_logged_is_a_change(load: Callable[..., Vault]) -> None:
    vault = load({"People/Robert.md": ROBERT})
    (vault.root / "People/Robert.md").write_text(ROBERT + LOGGED)  # after the scan
    [known] = plan_import(vault, Config(), [BOB]).matched
    assert known.logged is False and known.changed
    # an entry in a code block is not a log entry
    vault = load({"People/Robert.md": ROBERT + "\n```\n" + LOGGED + "```\n"})
    assert plan_import(vault, Config(), [BOB]).matched[0].changed


def test_the_importers_read_no_note_and_use_the_shared_identities() -> None:
    """Nothing in mdnet/importers reads a note from disk or imports a rule."""
    folder = Path(mdnet.importers.__file__).parent
    for module in sorted(folder.glob("*.py")):
        tree = ast.parse(module.read_text("utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not any(name and name.startswith("mdnet.rules") for name in imported), module
        if module.name == "matching.py":
            calls = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
            assert not calls & {"read_bytes", "read_text", "open"}, module
    assert linkedin_key("HTTPS://www.LinkedIn.com/in/BobM/?trk=x") == "linkedin.com/in/bobm"


def test_a_new_contact_never_takes_a_title_another_note_answers_to(
    load: Callable[..., Vault],
) -> None:
    """An alias resolves a link as a title does: `mdnet new` and the import agree."""
    from mdnet.edits.new_note import taken_by

    vault = load({"Circles/Club.md": "---\ntype: circle\naliases: [Jane Doe]\n---\n"})
    assert taken_by(vault, "jane doe") == "Circles/Club.md"
    jane = Person("Jane Doe", "row 2", "Acme", "CTO")
    [new] = plan_import(vault, Config(), [jane]).created
    assert new.path == "People/Jane Doe 2.md"


def test_a_name_in_the_other_unicode_form_is_the_same_person(
    load: Callable[..., Vault],
) -> None:
    """A vCard's ``Chloé`` decomposed (NFD) is the note ``Chloé`` composed: matched by
    name, not imported again as ``Chloé 2``."""
    vault = load({"People/Chlo\u00e9.md": "---\ntype: contact\nname: Chlo\u00e9\n---\n"})
    plan = plan_import(vault, Config(), [Person("Chloe\u0301", "card 1")])
    assert plan.created == []
    assert [(known.path, known.by) for known in plan.matched] == [("People/Chloé.md", "name")]
