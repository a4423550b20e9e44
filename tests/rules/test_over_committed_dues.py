"""C002 over-committed-dues."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mdnet.model.vault import Vault
from tests.conftest import Lint, where
from tests.rules.commitment_notes import budget, circle

Load = Callable[..., Vault]


def test_off_by_default(lint: Lint) -> None:
    files = {"Circles/Golf.md": circle(status="member", dues=100000)}
    assert lint(files, select="C002") == []


def test_exactly_at_the_budget_is_fine_one_above_fires(lint: Lint) -> None:
    files = {
        ".mdnet.toml": budget(dues_per_year=300),
        "Circles/A.md": circle(status="member", dues=200),
        "Circles/B.md": circle(status="board", dues=100),
    }
    assert lint(files, select="C002") == []
    files["Circles/B.md"] = circle(status="board", dues=101)
    findings = lint(files, select="C002")
    assert where(findings) == [("C002", "", 0)]
    assert "301 a year" in findings[0].message and "budget of 300" in findings[0].message
    assert "the biggest: A 200, B 101." in findings[0].message


@pytest.mark.parametrize(
    ("dues", "per_year", "currency"),
    [
        ("120", 120, ""),
        ("120.5", 120.5, ""),
        ('"120"', 120, ""),
        ('"120 EUR/year"', 120, "EUR"),
        ('"120 eur"', 120, "EUR"),
        ('"EUR 120"', 120, "EUR"),
        ('"€120/year"', 120, "EUR"),
        ('"120 per year"', 120, ""),
        ('"15/month"', 180, ""),
        ('"15 USD per month"', 180, "USD"),
        ('"12,50/month"', 150, ""),
        ('"30/quarter"', 120, ""),
        ('"45 GBP/quarter"', 180, "GBP"),
        ('"10/week"', 520, ""),
        ('"1,200 EUR/year"', 1200, "EUR"),  # a thousands separator, as English writes it
        ("1,200", 1200, ""),  # unquoted: YAML reads text
        ('"EUR 12,345.5 per year"', 12345.5, "EUR"),
        ('"1,250/month"', 15000, ""),
        ('"12,5 EUR"', 12.5, "EUR"),  # a decimal comma: one or two digits after it
    ],
)
def test_every_dues_form(lint: Lint, load: Load, dues: str, per_year: float, currency: str) -> None:
    note = circle(status="member", dues=dues)
    vault = load({"Circles/Club.md": note})
    assert vault.circles["Circles/Club.md"].dues_per_year == per_year
    at_budget = {"Circles/Club.md": note, ".mdnet.toml": budget(dues_per_year=per_year)}
    assert lint(at_budget, select="C002") == []
    below = {"Circles/Club.md": note, ".mdnet.toml": budget(dues_per_year=per_year - 0.5)}
    findings = lint(below, select="C002")
    assert where(findings) == [("C002", "", 0)]
    total = f"{per_year:g} {currency}".strip()
    assert f"cost {total} a year" in findings[0].message


@pytest.mark.parametrize("status", ["prospect", "former", None])
def test_inactive_circles_are_ignored(lint: Lint, status: str | None) -> None:
    fields = {"status": status} if status else {}
    files = {
        ".mdnet.toml": budget(dues_per_year=100),
        "Circles/Dear.md": circle(dues=5000, **fields),
        "Circles/Cheap.md": circle(status="member", dues=100),
    }
    assert lint(files, select="C002") == []


def test_dues_without_a_currency_join_the_only_one_named(lint: Lint) -> None:
    files = {
        ".mdnet.toml": budget(dues_per_year=200),
        "Circles/A.md": circle(status="member", dues='"120 EUR/year"'),
        "Circles/B.md": circle(status="member", dues=100),
        "Circles/C.md": circle(status="member", dues='"€5/month"'),
    }
    message = lint(files, select="C002")[0].message
    assert "cost 280 EUR a year" in message and "budget of 200 EUR" in message
    assert "the biggest: A 120 EUR, B 100 EUR, C 60 EUR." in message


def test_mixed_currencies_are_totalled_apart(lint: Lint) -> None:
    files = {
        ".mdnet.toml": budget(dues_per_year=400),
        "Circles/Paris.md": circle(status="member", dues='"500 EUR/year"'),
        "Circles/Boston.md": circle(status="member", dues='"300 USD/year"'),
        "Circles/Local.md": circle(status="member", dues=50),
    }
    findings = lint(files, select="C002")
    assert where(findings) == [("C002", "", 0)]
    message = findings[0].message
    assert "several currencies" in message
    assert "50 with no currency, 500 EUR, 300 USD a year; 500 EUR above the budget of 400" in (
        message
    )


def test_mixed_currencies_each_within_the_budget(lint: Lint) -> None:
    files = {
        ".mdnet.toml": budget(dues_per_year=400),
        "Circles/Paris.md": circle(status="member", dues='"300 EUR/year"'),
        "Circles/Boston.md": circle(status="member", dues='"300 USD/year"'),
    }
    assert lint(files, select="C002") == []


@pytest.mark.parametrize(
    "dues", ['"1,2345 EUR"', '"0,125"', '"1.200,50 EUR/year"', '"12,34,567"', "1,20,000", '"1.2.3"']
)
def test_an_amount_that_is_not_clear_is_f004_not_a_wrong_number(lint: Lint, dues: str) -> None:
    files = {
        ".mdnet.toml": budget(dues_per_year=1),
        "Circles/Club.md": circle(status="member", dues=dues),
    }
    findings = [f for f in lint(files) if f.code in ("C002", "F004")]
    assert where(findings) == [("F004", "Circles/Club.md", 4)]  # counted as no dues at all
    written = dues.strip('"')
    assert findings[0].message == (
        f"`dues`: '{written}' is not a clear amount of dues: write the amount with no "
        'thousands separator and a decimal point (e.g. 1200 or "1200.50 EUR/year")'
    )


def test_groups_of_three_digits_in_millions(load: Load) -> None:
    vault = load({"Circles/Club.md": circle(status="member", dues='"USD 1,234,567.25/year"')})
    assert vault.circles["Circles/Club.md"].dues_per_year == 1234567.25
