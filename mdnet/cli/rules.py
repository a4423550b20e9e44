"""`mdnet rules` and `mdnet rule CODE`: the rules and their documentation."""

from __future__ import annotations

from pathlib import Path

import click

from mdnet.cli.options import UsageError, common_options, open_vault, vault_option
from mdnet.config import Config, load_config
from mdnet.rules import Rule, all_rules, find_rule
from mdnet.rules.plugins import PluginRule
from mdnet.rules.runner import severity_of


def _config(config_path: Path | None, vault: Path | None) -> Config | None:
    """The configuration ``--config`` names, or the ``--vault``'s, read once; None
    without either."""
    if config_path is not None:
        return load_config(config_path.parent, config_path)
    return None if vault is None else open_vault(vault, None)[1]


def _severity(rule: Rule, config: Config | None) -> str:
    """The rule's severity: its default, or as ``--config`` sets it (``warning -> info``)."""
    if config is None:
        return str(rule.SEVERITY)
    configured = severity_of(rule, config)
    return configured if configured == rule.SEVERITY else f"{rule.SEVERITY} -> {configured}"


@click.command("rules")
@vault_option("The vault whose configuration sets the severities shown.")
@common_options
def list_rules(vault: Path | None, config_path: Path | None) -> None:
    """List every rule: code, name, default severity and what it checks.

    With --config or --vault, the severity the configuration sets is shown beside the
    default. A plugin's rule ends with the package that brings it, in brackets.

    Example: mdnet rules
    """
    config = _config(config_path, vault)
    for rule in all_rules():
        summary = (rule.__doc__ or "").strip().splitlines()[0].split(" — ", 1)[-1]
        severity = _severity(rule, config)
        source = f"  [{rule.source}]" if isinstance(rule, PluginRule) else ""
        click.echo(f"{rule.CODE}  {rule.NAME:<24} {severity:<8} {summary}{source}")


@click.command("rule")
@click.argument("code")
@vault_option("The vault whose configuration sets the severity shown.")
@common_options
def explain_rule(code: str, vault: Path | None, config_path: Path | None) -> None:
    """Explain one rule: why it matters, when it fires, how to fix or silence it.

    Example: mdnet rule R001   (or: mdnet rule stale-contact)
    """
    rule = find_rule(code)
    if rule is None:
        raise UsageError(f"no rule {code!r}; `mdnet rules` lists them")
    click.echo(f"{rule.CODE} {rule.NAME} [{_severity(rule, _config(config_path, vault))}]")
    if isinstance(rule, PluginRule):
        click.echo(f"from the plugin {rule.source}")
    click.echo()
    click.echo((rule.__doc__ or "").strip())
    click.echo(
        f"\nTo silence it for one note: `mdnet-ignore: [{rule.CODE}]` in its front matter; "
        f'for the vault: `ignore = ["{rule.CODE}"]` under [rules] in .mdnet.toml.'
    )
