"""``mdnet init``: a commented ``.mdnet.toml`` of every default, and the templates.

Nothing that exists is overwritten: each file is either created or skipped.
"""

from __future__ import annotations

from pathlib import Path

from mdnet.config import CONFIG_NAME
from mdnet.edits.new_note import TEMPLATE_NAMES, packaged_templates
from mdnet.language import N_
from mdnet.notes.files import write_new
from mdnet.notes.scan import TEMPLATES_FOLDER

DEFAULT_CONFIG = """\
# mdnet configuration. Every key is optional; the values below are the defaults.
# `mdnet rules` lists the rules, `mdnet rule R001` explains one and its thresholds.

language = ""                   # "en" or "fr"; "" = from LC_ALL, LC_MESSAGES or LANG

[vault]
exclude = []                    # globs of notes to leave out, e.g. ["Archive/**"]
max_file_kb = 1024              # larger notes are reported (F002), not read

[summary]
path = "Network Summary.md"     # the note `mdnet summary` writes (and nothing else)
reach_out = 10                  # how many contacts "Reach out this week" lists
max_items = 15                  # the cap of every other list of the summary

[me]
domain = ""                     # your own field, e.g. "data": C007 warns when every circle is in it

[kinds]                         # folders whose notes are of a kind without `type:`,
contact = []                    # e.g. contact = ["People/**"]; `mdnet new` and
circle = []                     # `mdnet import` write into the first one
event = []                      # (default: People/, Circles/, Events/)

[cadence]                       # how often to be in touch, per `tier:` (30d, 6w, 3m, 1y, none)
default = "180d"                # contacts with neither `tier:` nor `cadence:`
inner = "30d"
close = "60d"
regular = "120d"
acquaintance = "365d"
dormant = "none"                # add tiers of your own here, e.g. mentor = "90d"

[thresholds]
followup_days = 14              # R003: follow up people met at least this long ago...
followup_horizon_days = 90      # ...and at most this long ago
max_passive_share = 0.5         # R002: share of contacts with no interaction at all
giveback_days = 60              # G001: a #got this old with no #gave since
promise_days = 14               # G002: a #promised this old still open
max_unanswered = 3              # R004: this many #noreply in a row
min_give_ratio = 1.0            # G003: #gave / #got over the last 365 days
min_attendance = 0.5            # C004: share of a circle's meetings attended
renewal_days = 30               # C006: a renewal this close

[budget]
hours_per_month = 12            # C001: meeting hours of active circles and coming events
dues_per_year = 0               # C002: yearly dues of active circles; 0 = no dues budget
max_circles = 5                 # C003: active circles

[confidential]
terms = []                      # G004: words a #gave entry must not name, e.g. ["Project Atlas"]

[rules]
select = ["ALL"]                # codes (R001), prefixes (R), names (stale-contact) or ALL
ignore = []                     # e.g. ["R002"]
severity = {}                   # e.g. { R002 = "info", C006 = "warning" }

[markers]                       # extra tag spellings per marker, e.g. gave = ["donné"]
gave = []
got = []
asked = []
promised = []
done = []
noreply = []
news = []                       # news, not contact made; #update is always news

[calendar]                      # `mdnet calendar`: what to do, as an iCalendar file
path = ""                       # e.g. "Network Calendar.ics" (in the vault): `mdnet watch`
                                # keeps it current; "" = off (`mdnet calendar -o FILE` still works)
alarm = ""                      # e.g. "08:30": a reminder at that time on each event's day
"""

NEXT_STEPS = N_("""\
Next steps:
  1. Edit .mdnet.toml: your [kinds] folders, [me] domain and [budget].
  2. Create notes: mdnet new contact "Jane Doe"   (or circle, event)
  3. Check the vault: mdnet check   and write its summary: mdnet summary
  4. In Obsidian, set Settings > Templates > Template folder location to {templates}
     to use the same templates there.""")  # translated when shown


def init_vault(folder: Path) -> list[tuple[str, bool]]:
    """Write the configuration and the templates into ``folder``.

    Returns each vault-relative path with True when it was created, False when it
    already existed and was left untouched.
    """
    files = {CONFIG_NAME: DEFAULT_CONFIG}
    source = packaged_templates()
    for name in TEMPLATE_NAMES:
        files[f"{TEMPLATES_FOLDER}/{name}"] = (source / name).read_text(encoding="utf-8")
    done = []
    for relative, text in files.items():
        try:
            write_new(folder / relative, text)
        except FileExistsError:
            done.append((relative, False))
        else:
            done.append((relative, True))
    return done
