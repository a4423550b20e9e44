"""What one change of the live vault did: the findings that appeared and disappeared,
as set differences of the findings before and after would say."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mdnet.live.update import Update
from mdnet.rules.finding import Finding
from mdnet.rules.runner import place
from tests.test_runner_order import findings


def in_place_order(found: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(set(found), key=place))  # as run_rules gives them: each once


@given(
    st.lists(findings, max_size=40),
    st.lists(st.booleans(), max_size=40),
    st.lists(findings, max_size=10),
    st.booleans(),
)
def test_what_appeared_and_disappeared_is_the_difference_of_before_and_after(
    before_found: list[Finding], kept: list[bool], new: list[Finding], copied: bool
) -> None:
    """Most findings after a change are the very objects found before (kept with their
    contacts); some are equal copies; others are new, some in the same place with
    another severity."""
    before = in_place_order(before_found)
    stayed = [f for f, keep in zip(before, kept, strict=False) if keep]
    if copied:  # equal, but not the same objects
        stayed = [Finding(*finding) for finding in stayed]
    regraded = [finding._replace(severity="error") for finding in before[-2:]]
    after = in_place_order(stayed + new + regraded)
    update = Update(before, after, ())
    assert update.appeared == set(after) - set(before)
    assert update.disappeared == set(before) - set(after)
