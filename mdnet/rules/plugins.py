"""Rule plugins: rules that other packages add, as flake8 and pytest take theirs.

A package declares an entry point in the group ``mdnet.rules`` naming a module or an
object with what a rule module has (``CODE``, ``NAME``, ``SEVERITY``, a docstring,
``check(vault, config, today)`` yielding Hits; ``about(contact, config, today)`` too if
it is about one contact at a time). Its codes take a prefix of its own (not F, R, G or
C, the built-in ones). The rules are loaded once, when first asked for; a plugin that
fails to load, lacks what a rule needs or reuses a code or name is a ``PluginError``
naming its package.

Looking the entry points up with ``importlib.metadata`` costs a check some 30 ms, so
the folders of ``sys.path`` are first read for an ``entry_points.txt`` naming the group:
with none (most installs), ``importlib.metadata`` is not even imported.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mdnet.errors import UserError
from mdnet.rules.finding import Fix, Hit

GROUP = "mdnet.rules"
CODE_RE = re.compile(r"[A-Z]+[0-9]+")
NAME_RE = re.compile(r"[a-z][a-z0-9-]*")
SEVERITIES = ("error", "warning", "info")


class PluginError(UserError):
    """A rule plugin that cannot be used: the message names its package."""


class PluginRule:
    """A plugin's rule as the registry holds it: the rule, and the package it came from.

    What it finds is made plain data here (strings, numbers, a ``Fix``), so that no
    finding of a plugin refers to its classes when the model is saved (``cache.snapshot``).
    """

    def __init__(self, rule: Any, package: str, version: str) -> None:
        self.rule = rule
        self.package = package
        self.version = version
        self.CODE: str = rule.CODE
        self.NAME: str = rule.NAME
        self.SEVERITY: str = rule.SEVERITY
        import inspect  # only with a plugin installed

        self.__doc__ = inspect.cleandoc(rule.__doc__)  # a class's docstring is indented

    def __repr__(self) -> str:
        return f"<rule {self.CODE} from {self.package} {self.version}>"

    @property
    def source(self) -> str:
        """The package that brings the rule, with its version."""
        return f"{self.package} {self.version}"

    def check(self, vault: Any, config: Any, today: Any) -> list[Hit]:
        return self._plain(lambda: self.rule.check(vault, config, today))

    def _plain(self, find: Any) -> list[Hit]:
        try:
            return [plain_hit(hit) for hit in find()]
        except Exception as error:
            raise PluginError(
                f"rule {self.CODE} of the plugin {self.package} failed: "
                f"{type(error).__name__}: {str(error)[:200]}"
            ) from error


class PluginRuleAboutOne(PluginRule):
    """A plugin's rule about one contact at a time (it has ``about``)."""

    def about(self, contact: Any, config: Any, today: Any) -> list[Hit]:
        return self._plain(lambda: self.rule.about(contact, config, today))


def plain_hit(hit: Any) -> Hit:
    """A Hit of plain values, from a Hit or a tuple in its order."""
    path, line, message, subject, column, fix = Hit(*hit)
    if fix is not None:
        fix = Fix(str(fix[0]), int(fix[1]), str(fix[2]), str(fix[3]))
    return Hit(
        str(path),
        int(line),
        str(message),
        None if subject is None else str(subject),
        int(column),
        fix,
    )


def load_plugins(builtin: Iterable[Any]) -> list[PluginRule]:
    """Every rule the installed plugins declare, checked against ``builtin`` and each other."""
    if not _may_have_plugins():
        return []
    from importlib.metadata import entry_points  # only when a plugin is installed

    taken = {rule.CODE: "mdnet" for rule in builtin}
    names = {rule.NAME: "mdnet" for rule in builtin}
    prefixes = sorted({_prefix(code) for code in taken})
    rules: list[PluginRule] = []
    seen = set()
    for entry in sorted(entry_points(group=GROUP), key=lambda e: (e.value, e.name)):
        dist = entry.dist
        package = dist.name if dist is not None else entry.value.partition(":")[0]
        version = dist.version if dist is not None else "?"
        if (package, entry.name, entry.value) in seen:
            continue  # the same distribution found twice on sys.path
        seen.add((package, entry.name, entry.value))
        rule = _loaded(entry.value, entry.load, package)
        _check_rule(rule, package, entry.name)
        code, name = rule.CODE, rule.NAME
        if code in taken:
            whose = "a built-in code" if taken[code] == "mdnet" else f"taken by {taken[code]}"
            raise PluginError(f"the plugin {package} declares rule {code}, {whose}")
        if any(code.startswith(prefix) for prefix in prefixes):
            raise PluginError(
                f"the plugin {package} declares rule {code}, which starts with a built-in "
                f"prefix ({', '.join(prefixes)}): a plugin's codes need a prefix of their own"
            )
        if name in names:
            whose = "a built-in rule's" if names[name] == "mdnet" else f"that of {names[name]}"
            raise PluginError(f"the plugin {package} names rule {code} {name!r}, {whose} name")
        taken[code], names[name] = package, package
        kind = PluginRuleAboutOne if hasattr(rule, "about") else PluginRule
        rules.append(kind(rule, package, version))
    return rules


def _prefix(code: str) -> str:
    return code.rstrip("0123456789")


def _loaded(value: str, load: Any, package: str) -> Any:
    try:
        return load()
    except Exception as error:  # ImportError, SyntaxError, whatever its import raises
        reason = str(error).splitlines()[0] if str(error) else ""
        raise PluginError(
            f"the plugin {package} cannot be loaded ({value}): {type(error).__name__}: "
            f"{reason[:200]}"
        ) from error


def _check_rule(rule: Any, package: str, entry: str) -> None:
    """What a rule needs, with the right types; else a PluginError naming what lacks."""
    where = f"the plugin {package} (entry point {entry})"
    for attribute, pattern, example in (
        ("CODE", CODE_RE, '"X101"'),
        ("NAME", NAME_RE, '"missing-email"'),
    ):
        value = getattr(rule, attribute, None)
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise PluginError(f"{where}: {attribute} must be text such as {example}, not {value!r}")
    severity = getattr(rule, "SEVERITY", None)
    if severity not in SEVERITIES:
        raise PluginError(f"{where}: SEVERITY must be one of {', '.join(SEVERITIES)}")
    if not callable(getattr(rule, "check", None)):
        raise PluginError(f"{where}: rule {rule.CODE} has no check(vault, config, today)")
    if not (getattr(rule, "__doc__", None) or "").strip():
        raise PluginError(f"{where}: rule {rule.CODE} has no docstring (`mdnet rule` shows it)")


def _may_have_plugins() -> bool:
    """Whether an installed distribution's ``entry_points.txt`` names the group."""
    wanted = f"[{GROUP}]"
    for folder in dict.fromkeys(sys.path):
        try:
            entries = os.scandir(folder or ".")
        except OSError:  # a zip file, a folder that is not there
            continue
        with entries:
            for entry in entries:
                if entry.name.endswith((".dist-info", ".egg-info")):
                    try:
                        with open(os.path.join(entry.path, "entry_points.txt"), "rb") as file:
                            if wanted.encode() in file.read():
                                return True
                    except OSError:
                        continue
    return False


def fingerprint(rules: Iterable[PluginRule]) -> str:
    """The plugins' identity: package, version and the source of each rule's module, so
    that installing, upgrading or editing a plugin makes saved results stale."""
    digest = hashlib.sha256()
    for rule in rules:
        digest.update(f"{rule.package}|{rule.version}|{rule.CODE}|".encode())
        module = sys.modules.get(getattr(rule.rule, "__module__", None) or "")
        source = getattr(rule.rule, "__file__", None) or getattr(module, "__file__", None)
        if source:
            with contextlib.suppress(OSError):
                digest.update(Path(source).read_bytes())
    return digest.hexdigest()[:16]
