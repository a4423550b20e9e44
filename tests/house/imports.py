"""What mdnet's modules import, read with ``ast`` (imports inside functions included)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import mdnet

PACKAGE = Path(mdnet.__file__).parent


def module_names() -> dict[str, Path]:
    """Every module of mdnet by dotted name (a package by its ``__init__``)."""
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def imports_of(name: str, path: Path, known: dict[str, Path]) -> Iterator[tuple[str, int]]:
    """The mdnet modules that ``name`` imports, with the line of each import."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _known(alias.name, node.lineno, known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # `from mdnet.rules import stale_contact`: a module
                if f"{base}.{alias.name}" in known:
                    yield f"{base}.{alias.name}", node.lineno
                else:
                    yield from _known(base, node.lineno, known)


def _known(name: str, line: int, known: dict[str, Path]) -> Iterator[tuple[str, int]]:
    while name and name not in known:  # `import mdnet.notes.scan as x`: the deepest known
        name = name.rpartition(".")[0]
    if name.startswith("mdnet"):
        yield name, line


def import_graph() -> dict[str, dict[str, int]]:
    """Module → {imported module: line of the import}."""
    known = module_names()
    graph: dict[str, dict[str, int]] = {}
    for name, path in known.items():
        graph[name] = {}
        for imported, line in imports_of(name, path, known):
            if imported != name:
                graph[name].setdefault(imported, line)
    return graph
