"""An imported person's note from the contact template, as `mdnet new contact` makes one.

The template is the vault's ``Templates/mdnet/contact.md``, else mdnet's own. Its front
matter keeps its keys, comments and order; the keys the export fills (name, company,
role, email, phone, linkedin, birthday, met, source) take the person's values (those it
lacks are added after its ``type``); a key the export does not fill keeps the template's value,
unless that is a placeholder (``met: {{date}}`` is not the day you met an imported
person): then it is left empty. The body is the template's, placeholders filled, with
the address book's note above its ``## Log``.
"""

from __future__ import annotations

import datetime as dt
import re

from mdnet.edits.placeholders import fill
from mdnet.notes.frontmatter import split_front_matter

KEY_RE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")
LOG_HEADING_RE = re.compile(r"#{1,6}[ \t]+log[ \t#]*$", re.IGNORECASE)


def templated_note(
    template: str, title: str, front: dict[str, str], quoted: list[str], now: dt.datetime
) -> str | None:
    """The note from ``template`` with ``front`` (a YAML line per key) and ``quoted``
    (the address book's note); None when the template has no front matter to fill or
    the result would not read back."""
    lines = template.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    end = next((n for n in range(1, len(lines)) if lines[n].rstrip() == "---"), None)
    if lines[0].rstrip() != "---" or end is None:
        return None
    written: list[str] = []
    done: set[str] = set()
    replacing = False
    for line in lines[1:end]:
        match = KEY_RE.match(line)
        if replacing and match is None and (not line.strip() or line[:1] in " \t-"):
            continue  # the replaced value's list items or indented lines
        replacing = False
        key = match.group(1) if match else ""
        if key in front:
            written.append(front[key])
            done.add(key)
            replacing = True
        elif match and "{{" in line:
            written.append(f"{key}:")
        else:
            written.append(fill(line, title, now))
    after = next((n + 1 for n, line in enumerate(written) if line == front.get("type")), None)
    missing = [front[key] for key in front if key not in done]
    at = len(written) if after is None else after  # after `type: contact`, as `front` orders
    written[at:at] = missing
    body = fill("\n".join(lines[end + 1 :]), title, now).split("\n")
    log = next((n for n, line in enumerate(body) if LOG_HEADING_RE.match(line)), len(body))
    if quoted:
        body[log:log] = quoted
    text = "\n".join(["---", *written, "---", *body])
    text = text if text.endswith("\n") else text + "\n"
    read = split_front_matter(text)
    if read.error is not None or not all(key in read.values for key in front):
        return None
    return text
