"""No import circle among mdnet's modules, function-level imports included."""

from __future__ import annotations

from tests.house.imports import import_graph


def find_cycle(graph: dict[str, dict[str, int]]) -> list[str]:
    """One import circle (``a → b → a``) as a list of module names, or ``[]``."""
    done: set[str] = set()
    for start in sorted(graph):
        path: list[str] = []
        on_path: set[str] = set()
        stack = [(start, iter(sorted(graph[start])))]
        if start in done:
            continue
        path.append(start)
        on_path.add(start)
        while stack:
            module, following = stack[-1]
            imported = next(following, None)
            if imported is None:
                stack.pop()
                on_path.discard(path.pop())
                done.add(module)
            elif imported in on_path:
                return [*path[path.index(imported) :], imported]
            elif imported not in done and imported in graph:
                stack.append((imported, iter(sorted(graph[imported]))))
                path.append(imported)
                on_path.add(imported)
    return []


def test_mdnet_has_no_import_circle() -> None:
    cycle = find_cycle(import_graph())
    assert not cycle, "import circle: " + " → ".join(cycle)


def test_the_search_names_a_circle() -> None:
    graph = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b": 1}, "b": {}}) == []
