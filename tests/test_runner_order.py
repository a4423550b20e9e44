"""The runner's findings in place order: the per-contact findings and the vault-wide
ones merged, whether the vault-wide ones are few or many."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from mdnet.rules.finding import Finding
from mdnet.rules.runner import InPlaceOrder, _merged, place

findings = st.builds(
    Finding,
    code=st.sampled_from(["R001", "F007", "G001"]),
    rule=st.just("a-rule"),
    severity=st.just("warning"),
    path=st.sampled_from(["", "a.md", "b.md", "People/c.md"]),
    line=st.integers(0, 5),
    column=st.integers(0, 2),
    message=st.sampled_from(["m", "n"]),
    subject=st.sampled_from([None, "Ann", "Bob"]),
)


@given(st.lists(findings, max_size=80), st.lists(findings, max_size=80))
def test_merged_findings_are_in_place_order_as_one_sort_puts_them(
    ordered: list[Finding], others: list[Finding]
) -> None:
    ordered.sort(key=place)
    others.sort(key=place)
    # few others are placed one by one, many are merged in one pass: both as one sort
    assert _merged(ordered, others) == sorted(ordered + others, key=place)
    assert _merged(ordered, others[:1]) == sorted(ordered + others[:1], key=place)


@given(
    st.lists(st.lists(findings, max_size=6), min_size=1, max_size=6),
    st.lists(st.tuples(st.booleans(), st.integers(0, 5), st.lists(findings, max_size=6))),
)
def test_findings_brought_by_contacts_stay_in_place_order_each_once(
    first: list[list[Finding]], changes: list[tuple[bool, int, list[Finding]]]
) -> None:
    """What each contact brings is added and taken back in any order (a live vault's
    updates): the findings are those some contact still brings, each once, in place
    order; only those that several bring are counted."""
    kept = InPlaceOrder()
    parts = {f"People/{n}.md": part for n, part in enumerate(first)}
    kept.fill(parts.items())
    for replace, which, part in changes:
        path = f"People/{which}.md"
        if path in parts:
            kept.take_back(parts.pop(path))
        if replace:
            parts[path] = part
            kept.add(parts[path])
        brought = Counter(finding for part in parts.values() for finding in part)
        assert kept.items == sorted(brought, key=place)
        assert kept.shared == {finding: n for finding, n in brought.items() if n > 1}
