"""``mdnet new``: a note from a template, in its kind's folder, never overwriting.

The vault's ``Templates/mdnet/<kind>.md`` wins over the packaged template of that kind.
Packaged templates sit in the package (``mdnet/templates``) once installed, and in the
repository's ``templates/`` folder, their source, in a checkout.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mdnet.config import Config
from mdnet.edits.placeholders import fill
from mdnet.errors import UserError, describe
from mdnet.language import _
from mdnet.model.links import Resolver, name_key
from mdnet.model.vault import Vault
from mdnet.notes.files import OutsideVault, inside_vault, kind_folder, safe_title, write_new
from mdnet.notes.scan import TEMPLATES_FOLDER

KINDS = ("contact", "circle", "event")
TEMPLATE_NAMES = ("contact.md", "circle.md", "event.md", "daily.md")


class CannotCreate(UserError):
    """A note that cannot be created; the message says why."""


def packaged_templates() -> Path:
    """The folder of the templates shipped with mdnet."""
    here = Path(__file__).resolve().parent.parent  # the package
    installed, checkout = here / "templates", here.parent / "templates"
    return installed if installed.is_dir() else checkout


def template_text(vault: Path, kind: str) -> str:
    """The template for ``kind``: the vault's own, else the packaged one."""
    for folder in (vault / TEMPLATES_FOLDER, packaged_templates()):
        path = folder / f"{kind}.md"
        if path.is_file():
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                said = describe(error) if isinstance(error, OSError) else str(error)
                raise CannotCreate(
                    _("{path}: cannot read the template: {error}").format(path=path, error=said)
                ) from None
    raise CannotCreate(
        _("no template for {kind} in {folder} nor in mdnet").format(
            kind=repr(kind), folder=vault / TEMPLATES_FOLDER
        )
    )


def taken_by(vault: Vault, title: str) -> str | None:
    """The note a link to ``title`` resolves to (its title or an alias, any case)."""
    return Resolver(vault.notes.values()).by_name.get(name_key(title))


def new_note(
    vault: Vault, config: Config, kind: str, title: str, now: dt.datetime
) -> tuple[Path, str]:
    """Write a new ``kind`` note titled ``title``; its path and the title used.

    The title is made safe for a file name; a title (or alias) already in the vault,
    or a file already at the path, is refused: nothing is ever overwritten.
    """
    safe = safe_title(title, fallback="")
    if not safe:
        raise CannotCreate(f"{title!r} holds no character a note title can have")
    existing = taken_by(vault, safe)
    if existing is not None:
        raise CannotCreate(
            _("{note} already has the title or alias {title}").format(
                note=existing, title=repr(safe)
            )
        )
    relative = f"{kind_folder(config.kinds, kind)}/{safe}.md"
    try:
        path = inside_vault(vault.root, relative)
    except OutsideVault as error:
        raise CannotCreate(str(error)) from None
    text = fill(template_text(vault.root, kind), safe, now)
    try:
        write_new(path, text)
    except FileExistsError:
        raise CannotCreate(_("{path} already exists").format(path=relative)) from None
    return path, safe
