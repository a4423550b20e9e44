"""`mdnet import linkedin|vcard FILE`: create contact notes from an export."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from mdnet.cli.options import common_options, open_vault, today_option, vault_option
from mdnet.cli.progress import vault_parser
from mdnet.importers import SOURCES, ImportPlan, plan_file
from mdnet.importers.writing import Outcome, carry_out, log_entry
from mdnet.language import _, ngettext
from mdnet.pipeline import load_vault

F = TypeVar("F", bound=Callable[..., Any])


@click.group("import")
def import_contacts() -> None:
    """Create contact notes from LinkedIn's connections export or a vCard file.

    Each person becomes a note in the contacts folder (the first [kinds] contact glob,
    else People/). A person who already has a note (same LinkedIn URL, email, name or
    alias) is not imported again and the note is left untouched; a new company or role
    is reported as an occasion to reach out. Importing the same file twice changes
    nothing.

    Example: mdnet import linkedin --dry-run ~/Downloads/Connections.csv
    """


def import_options(function: F) -> F:
    """FILE, --vault, --dry-run, --update, and the options every command takes."""
    function = common_options(function)
    function = today_option("The date of the entries --update logs.")(function)
    function = click.option(
        "--update",
        is_flag=True,
        help="Log each new company or role as a dated #update entry in the person's note.",
    )(function)
    function = click.option(
        "--dry-run", is_flag=True, help="Write nothing; show what would be created."
    )(function)
    function = vault_option("The vault to import into.")(function)
    return click.argument("file", type=click.Path(path_type=Path, dir_okay=False))(function)


@import_contacts.command("linkedin", short_help="Import LinkedIn's Connections.csv export.")
@import_options
def linkedin(**options: Any) -> None:
    """Import LinkedIn's Connections.csv (Settings › Data privacy › Get a copy of your data).

    Writes name, company, role, email, linkedin, connected (the "Connected On" date: not
    a meeting) and source: linkedin. Connections stay passive (R002) until you log an
    exchange.

    Example: mdnet import linkedin --today 2026-11-26 Connections.csv
    """
    run_import("linkedin", **options)


@import_contacts.command("vcard", short_help="Import an address book's vCard (.vcf) file.")
@import_options
def vcard(**options: Any) -> None:
    """Import an address book's vCard file (2.1, 3.0 or 4.0; several cards per file).

    Writes name (FN, else N), company (ORG), role (TITLE), every email and phone, the
    LinkedIn URL, birthday (BDAY) and the card's NOTE as the note's first lines. Photos
    are skipped; a card that cannot be read is skipped with its reason.

    Example: mdnet import vcard --dry-run contacts.vcf
    """
    run_import("vcard", **options)


def run_import(
    kind: str,
    file: Path,
    vault: Path | None,
    dry_run: bool,
    update: bool,
    today: dt.date,
    config_path: Path | None,
) -> None:
    """Plan the import, show it, and unless ``dry_run`` carry it out."""
    root, config = open_vault(vault or Path.cwd(), config_path)
    source = SOURCES[kind]
    network = load_vault(root, config, vault_parser(use_index=not dry_run))  # writes nothing
    plan = plan_file(network, config, source, file, today)
    outcome = Outcome() if dry_run else carry_out(plan, root, today, source.label, update)
    echo_plan(plan, outcome, dry_run, update, today, source.label)
    click.echo(closing_line(file, plan, outcome, dry_run, update))
    sys.exit(1 if outcome.failed else 0)


def echo_plan(
    plan: ImportPlan, outcome: Outcome, dry_run: bool, update: bool, today: dt.date, label: str
) -> None:
    """One line per note created, change found, entry logged, row skipped, warning."""
    created = {new.path for new in plan.created} if dry_run else set(outcome.created)
    for new in plan.created:
        if new.path not in created:
            continue
        line = (_("would create {path}") if dry_run else _("created {path}")).format(path=new.path)
        if new.namesake:
            line += " " + _(
                '(another "{name}" is {namesake}, with another LinkedIn profile: named '
                '"{named}"; rename either to tell them apart)'
            ).format(name=new.person.name, namesake=new.namesake, named=new.name)
        click.echo(line)
    for known in plan.changed:
        click.echo(
            _("reach out: {name} ({path}) is now {position}; the note says {was}").format(
                name=known.person.name,
                path=known.path,
                position=known.person.position,
                was=known.was,
            )
        )
        if update and (dry_run or known.path in outcome.logged):
            said = (
                _("  would log in {path}: {entry}") if dry_run else _("  logged in {path}: {entry}")
            )
            click.echo(said.format(path=known.path, entry=log_entry(known, today, label)))
    for skipped in plan.skipped + outcome.failed:
        click.echo(
            _("skipped {where}: {reason}").format(where=skipped.where, reason=skipped.reason)
        )
    for warning in plan.warnings:
        click.echo(_("warning: {warning}").format(warning=warning))


def closing_line(
    file: Path, plan: ImportPlan, outcome: Outcome, dry_run: bool, update: bool
) -> str:
    """``Imported Connections.csv: 3 created, 2 matched (1 changed), 1 skipped (no name).``"""
    skipped = plan.skipped + outcome.failed
    created = len(plan.created) if dry_run else len(outcome.created)
    changed = len(plan.changed)
    matched, skipped_count = len(plan.matched), len(skipped)
    to_create = (
        ngettext("{count} to create", "{count} to create", created)
        if dry_run
        else ngettext("{count} created", "{count} created", created)
    )
    parts = [
        to_create.format(count=created),
        ngettext("{count} matched", "{count} matched", matched).format(count=matched),
        ngettext("{count} changed", "{count} changed", changed).format(count=changed)
        + ("" if not changed or update else " " + _("(--update logs them)")),
        ngettext("{count} skipped", "{count} skipped", skipped_count).format(count=skipped_count),
    ]
    if skipped:
        reasons = Counter(s.reason.split(":")[0].strip() for s in skipped)
        parts[-1] += " (" + ", ".join(f"{n} {why}" for why, n in sorted(reasons.items())) + ")"
    said = _("Dry run, nothing written: {file}") if dry_run else _("Imported {file}")
    return _("{head}: {counts}.").format(head=said.format(file=file.name), counts=", ".join(parts))
