"""Packages import only the stages below them (STYLE.md, "the folders show the stages")."""

from __future__ import annotations

from tests.house.imports import import_graph, module_names

# lowest first; a stage may import those before it, its peers on its line, and its own package
STAGES = [
    ("language",),  # the translations: below everything that writes a message
    ("errors", "dates", "background"),
    ("config",),
    ("notes",),
    ("model",),
    ("rules",),
    ("cache",),
    ("pipeline",),
    ("report",),
    ("summary",),
    ("calendar",),
    ("edits",),
    ("importers",),
    ("live",),
    ("watch",),
    ("lsp",),
    ("cli",),
    ("__main__",),  # `python -m mdnet`: the command line
]
RANK = {stage: rank for rank, stages in enumerate(STAGES) for stage in stages}


def stage_of(module: str) -> str | None:
    """``mdnet.notes.scan`` → ``notes``; ``mdnet`` itself (the version) has none."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def upward_imports(graph: dict[str, dict[str, int]]) -> list[str]:
    """Each import of a stage above the importer's own."""
    wrong = []
    for module, imported in sorted(graph.items()):
        stage = stage_of(module)
        for target, line in sorted(imported.items()):
            other = stage_of(target)
            if stage is None or other is None or other == stage:
                continue
            if RANK[other] > RANK[stage]:
                wrong.append(
                    f"{module} (line {line}) imports {target}: {other} is not below {stage}"
                )
    return wrong


def test_every_package_is_a_known_stage() -> None:
    stages = {stage for name in module_names() if (stage := stage_of(name)) is not None}
    assert stages <= set(RANK), f"not in STAGES: {sorted(stages - set(RANK))}"


def test_packages_import_only_stages_below_them() -> None:
    wrong = upward_imports(import_graph())
    assert not wrong, "\n".join(wrong)


def test_an_upward_import_is_named() -> None:
    graph = {"mdnet.notes.scan": {"mdnet.model.vault": 7, "mdnet.notes.files": 3}}
    assert upward_imports(graph) == [
        "mdnet.notes.scan (line 7) imports mdnet.model.vault: model is not below notes"
    ]
