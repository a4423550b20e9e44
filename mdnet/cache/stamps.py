"""What each cache was made by, as a stamp it is kept with: a cache made by another
mdnet, another parser, config or language is not used.

The parser's stamp is worked out from the files of its code, read rather than imported,
so that a warm check, which compares stamps, does not load the parser (the rules, whose
plugins are part of the model's stamp, are loaded to select them anyway).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import os
from pathlib import Path

from mdnet import __version__, language
from mdnet.config import Config
from mdnet.rules import plugins_stamp

PACKAGE = Path(__file__).parent.parent
INDEX_SCHEMA = 2  # the format of an index row (``cache.rows``): tuples since 2
SNAPSHOT_FORMAT = 12  # the format of the model's snapshot (``cache.snapshot``)
# the parser's code: every module of the reading stage, the dates and the config (the
# default kinds and tiers)
PARSER_CODE = ("notes", "dates.py", "config", "cache/rows.py")
PARSER_LIBRARIES = ("markdown_it", "yaml", "frontmatter")  # their __init__ has the version


def parser_stamp(config: Config) -> str:
    """The index's: mdnet's parser, the config's parts that parsing reads, and the
    language its problems are written in."""
    digest = hashlib.sha256(f"{INDEX_SCHEMA}|{__version__}|".encode())
    files = sorted(
        source
        for name in PARSER_CODE
        for source in ((PACKAGE / name).rglob("*.py") if "." not in name else [PACKAGE / name])
    )
    for library in PARSER_LIBRARIES:
        with contextlib.suppress(ImportError, ValueError):
            spec = importlib.util.find_spec(library)
            files.append(Path(str(spec.origin if spec else "")))
    for file in files:
        with contextlib.suppress(OSError):
            digest.update(file.read_bytes())
    digest.update(config.parsing_fingerprint.encode())
    digest.update(language.current().encode())  # the problems' messages are in it
    return digest.hexdigest()[:32]


def model_stamp(config: Config) -> str:
    """The model snapshot's (and the last answer's): the parser's stamp, the whole
    config, every module of mdnet and the rule plugins installed (their findings are
    kept with the contacts)."""
    made_by = (
        f"{SNAPSHOT_FORMAT}|{parser_stamp(config)}|{config.fingerprint}|{sources_digest()}"
        f"|{plugins_stamp()}"
    )
    return hashlib.sha256(made_by.encode()).hexdigest()[:32]


@functools.cache  # once per process: a warm check restores, then may save
def sources_digest(package: Path = PACKAGE) -> str:
    """A digest of every module of mdnet: of each file's path, size and modification
    and change times (reading them all took 5 ms of the 90 that a warm check of 3,000
    notes takes; a copy that keeps the modification time, `cp -p`, changes the other)."""
    sources = []
    for folder, folders, files in os.walk(package):
        folders[:] = [name for name in folders if name != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                with contextlib.suppress(OSError):
                    found = os.stat(os.path.join(folder, name))
                    times = f"{found.st_mtime_ns}\0{found.st_ctime_ns}"
                    sources.append(f"{folder}/{name}\0{found.st_size}\0{times}\n")
    return hashlib.sha256("".join(sorted(sources)).encode()).hexdigest()
