"""`mdnet rules` and `mdnet rule CODE`: the rules and their documentation."""

from __future__ import annotations

import click

from mdnet.cli.options import UsageError
from mdnet.rules import RULES, find_rule


@click.command("rules")
def list_rules() -> None:
    """List every rule: code, name, default severity and what it checks.

    Example: mdnet rules
    """
    for rule in RULES:
        summary = (rule.__doc__ or "").splitlines()[0].split(" — ", 1)[-1]
        click.echo(f"{rule.CODE}  {rule.NAME:<24} {rule.SEVERITY:<8} {summary}")


@click.command("rule")
@click.argument("code")
def explain_rule(code: str) -> None:
    """Explain one rule: why it matters, when it fires, how to fix or silence it.

    Example: mdnet rule R001   (or: mdnet rule stale-contact)
    """
    rule = find_rule(code)
    if rule is None:
        raise UsageError(f"no rule {code!r}; `mdnet rules` lists them")
    click.echo(f"{rule.CODE} {rule.NAME} [{rule.SEVERITY}]\n")
    click.echo((rule.__doc__ or "").strip())
    click.echo(
        f"\nTo silence it for one note: `mdnet-ignore: [{rule.CODE}]` in its front matter; "
        f'for the vault: `ignore = ["{rule.CODE}"]` under [rules] in .mdnet.toml.'
    )
