"""Hover (SPEC §10): on a link to a contact, or anywhere in a contact note, where the
relationship stands — last interaction, cadence and next due date, gave and got, open
promises, the circles and events shared."""

from __future__ import annotations

import datetime as dt

from lsprotocol import types

from mdnet.language import _, ngettext
from mdnet.live.links import Links
from mdnet.live.vault import LiveVault
from mdnet.lsp.navigation import place
from mdnet.lsp.session import Session
from mdnet.model.contact import Interaction
from mdnet.model.giveback import open_promises
from mdnet.model.health import Standing
from mdnet.summary.glance import STATE_WORDS
from mdnet.summary.text import cadence_said, day, days_ago


def hover(session: Session, uri: str, position: types.Position) -> types.Hover | None:
    """The standing of the contact under the cursor (a link's, else the note's)."""
    where = place(session, uri, position)
    live = session.live
    if where is None or where.target is None or live is None:
        return None
    with live.lock:  # one model throughout, not one being updated
        standing = live.standing(where.target)
        if standing is None:
            return None
        assert session.links is not None
        text = describe(live, session.links, standing)
    span = None
    if where.link is not None:
        assert session.documents is not None
        span = session.documents.span(where.lines, where.line, where.link.start, where.link.end)
    content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)
    return types.Hover(contents=content, range=span)


def describe(live: LiveVault, links: Links, standing: Standing) -> str:
    """A contact's standing as a few lines of Markdown, in the language in use (dates
    and lengths of time as the summary writes them)."""
    today = live.today
    contact = standing.contact
    fields = contact.note.fields
    about = ", ".join(str(fields[key]) for key in ("company", "role") if fields.get(key))
    state = _(STATE_WORDS[standing.state][2])  # of one contact
    lines = [f"**{contact.name}**" + (f" — {about}" if about else "") + f" · *{state}*", ""]
    made = contact.past_interactions(today)
    lines.append("- " + _("Last interaction: {last}").format(last=_last(made, standing, today)))
    lines.append("- " + _cadence(standing, today))
    gave = sum("gave" in entry.markers for entry in made)
    got = sum("got" in entry.markers for entry in made)
    lines.append("- " + _("Gave {gave}, got {got}").format(gave=gave, got=got))
    promises = open_promises(contact, live.config, today)
    if promises:
        shown = "; ".join(_when(p.entry.date, p.days) for p in promises[:5])
        count = len(promises)
        said = ngettext("{count} open promise: {shown}", "{count} open promises: {shown}", count)
        lines.append("- " + said.format(count=count, shown=shown))
    shared = shared_with(live, links, contact.note.path)
    if shared:
        titles = ", ".join(f"[[{title}]]" for title in shared)
        lines.append("- " + _("Circles and events: {titles}").format(titles=titles))
    return "\n".join(lines)


def _cadence(standing: Standing, today: dt.date) -> str:
    """``60-day cadence, tier "close"; next due 2026-10-31 (26 days overdue)``."""
    if standing.cadence is None:
        source = standing.cadence_source
        if source.startswith("tier"):
            tier = standing.contact.note.fields.get("tier", "")
            return _('No cadence (tier "{tier}")').format(tier=tier)
        return _("No cadence (the default)") if source == "default" else _("No cadence")
    said = cadence_said(standing)
    if standing.due is None:
        return said
    late = standing.days_overdue(today)
    if not late:
        return _("{cadence}; next due {date}").format(cadence=said, date=day(standing.due))
    overdue = ngettext("{count} day overdue", "{count} days overdue", late).format(count=late)
    return _("{cadence}; next due {date} ({overdue})").format(
        cadence=said, date=day(standing.due), overdue=overdue
    )


def shared_with(live: LiveVault, links: Links, path: str) -> list[str]:
    """The titles of the circles and events the contact shares: those that link the
    contact (attendees, a circle's log) and those the contact note links (``met_at``)."""
    vault = live.vault
    commitments = vault.circles.keys() | vault.events.keys()
    found = {source for source, _how in links.linking(path) if source in commitments}
    found.update(at for at, event in vault.events.items() if path in event.attendees)
    note = vault.notes.get(path)
    if note is not None:
        note = live.as_read([note])[0]
        written = [(link.target, link.relative) for block in note.blocks for link in block.links]
        if isinstance(note.fields.get("met_at"), str):
            written.append((note.fields["met_at"], False))
        for target, relative in written:
            resolved = links.resolve(target, path, relative)
            if resolved in commitments:
                found.add(resolved)
    return sorted(vault.notes[found_path].title for found_path in found)


def _last(made: list[Interaction], standing: Standing, today: dt.date) -> str:
    if standing.last is None:
        if standing.met:
            return _("none yet (met {date})").format(date=day(standing.met[0]))
        return _("none yet")
    text = _when(standing.last, (today - standing.last).days)
    entries = [entry for entry in made if entry.date == standing.last]
    channel = entries[-1].channel if entries else None
    if channel:
        text += f", {channel}"
    elif not entries:
        text = _("{last}, from {field}").format(last=text, field="`last_contact`")
    return text


def _when(date: dt.date, days: int) -> str:
    """``2026-09-01 (86 days ago)``, ``1 septembre 2026 (il y a 86 jours)``."""
    return f"{day(date)} ({days_ago(days)})"
