"""Hover (SPEC §10): on a link to a contact, or anywhere in a contact note, where the
relationship stands — last interaction, cadence and next due date, gave and got, open
promises, the circles and events shared."""

from __future__ import annotations

import datetime as dt

from lsprotocol import types

from mdnet.live.links import Links
from mdnet.live.vault import LiveVault
from mdnet.lsp.navigation import place
from mdnet.lsp.session import Session
from mdnet.model.contact import Interaction
from mdnet.model.giveback import open_promises
from mdnet.model.health import Standing


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
    """A contact's standing as a few lines of Markdown."""
    today = live.today
    contact = standing.contact
    fields = contact.note.fields
    about = ", ".join(str(fields[key]) for key in ("company", "role") if fields.get(key))
    lines = [f"**{contact.name}**" + (f" — {about}" if about else "") + f" · *{standing.state}*"]
    lines.append("")
    lines.append(f"- Last interaction: {_last(contact.past_interactions(today), standing, today)}")
    if standing.cadence is not None:
        due = ""
        if standing.due is not None:
            late = standing.days_overdue(today)
            due = f"; next due {standing.due}" + (f" ({_days(late)} overdue)" if late else "")
        lines.append(f"- Cadence: {standing.cadence.text} ({standing.cadence_source}){due}")
    else:
        lines.append(f"- Cadence: none ({standing.cadence_source})")
    made = contact.past_interactions(today)
    gave = sum("gave" in entry.markers for entry in made)
    got = sum("got" in entry.markers for entry in made)
    lines.append(f"- Gave {gave}, got {got}")
    promises = open_promises(contact, live.config, today)
    if promises:
        shown = "; ".join(f"{p.entry.date} ({_days(p.days)} ago)" for p in promises[:5])
        lines.append(f"- Open promises: {len(promises)}: {shown}")
    shared = shared_with(live, links, contact.note.path)
    if shared:
        lines.append("- Circles and events: " + ", ".join(f"[[{title}]]" for title in shared))
    return "\n".join(lines)


def shared_with(live: LiveVault, links: Links, path: str) -> list[str]:
    """The titles of the circles and events the contact shares: those that link the
    contact (attendees, a circle's log) and those the contact note links (``met_at``)."""
    vault = live.vault
    commitments = vault.circles.keys() | vault.events.keys()
    found = {source for source, _ in links.linking(path) if source in commitments}
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
        return "none yet" + (f" (met {standing.met[0]})" if standing.met else "")
    text = f"{standing.last} ({_days((today - standing.last).days)} ago)"
    entries = [entry for entry in made if entry.date == standing.last]
    channel = entries[-1].channel if entries else None
    if channel:
        text += f", {channel}"
    elif not entries:
        text += ", from `last_contact`"
    return text


def _days(days: int) -> str:
    return f"{days} day" + ("s" if days != 1 else "")
