"""`mdnet rules` and `mdnet rule CODE`: the rules and their documentation."""

from __future__ import annotations

from pathlib import Path

import click

from mdnet.cli.options import UsageError, common_options, open_vault, speak, vault_option
from mdnet.config import Config, ConfigError, load_config
from mdnet.language import _
from mdnet.rules import Rule, all_rules, find_rule
from mdnet.rules.plugins import PluginRule
from mdnet.rules.runner import severity_of


def _config(config_path: Path | None, vault: Path | None) -> Config | None:
    """The configuration ``--config`` names, else the vault's (``--vault``'s, or the
    current folder's, found as every command finds it), read once: its language is
    spoken from then on, else the environment's.

    Outside any vault that is the defaults, as ``ruff rule`` works anywhere; None only
    when the current folder is gone (deleted under the shell), which is no vault either.
    """
    if config_path is not None:
        config: Config | None = load_config(config_path.parent, config_path)
    elif vault is not None:
        config = open_vault(vault, None)[1]
    else:
        config = _current_config()
    speak(config)
    return config


def _current_config() -> Config | None:
    """The current folder's vault's config; a broken one is told and the defaults used:
    the rules' documentation is what one reads to put it right."""
    here = _current_folder()
    if here is None:
        return None
    try:
        return open_vault(here, None)[1]
    except ConfigError as error:
        click.echo(
            _("mdnet: warning: {error}; the defaults are used").format(error=error), err=True
        )
        return None


def _current_folder() -> Path | None:
    try:
        return Path.cwd()
    except OSError:  # deleted under the shell: no vault to read, the defaults hold
        return None


def documentation(rule: Rule) -> str:
    """The rule's module docstring, in the language in use (the catalogs hold each one)."""
    return _((rule.__doc__ or "").strip())


def _severity(rule: Rule, config: Config | None) -> str:
    """The rule's severity: its default, or as the configuration sets it (``warning -> info``)."""
    if config is None:
        return str(rule.SEVERITY)
    configured = severity_of(rule, config)
    return configured if configured == rule.SEVERITY else f"{rule.SEVERITY} -> {configured}"


@click.command("rules")
@vault_option("The vault whose configuration sets the severities shown.")
@common_options
def list_rules(vault: Path | None, config_path: Path | None) -> None:
    """List every rule: code, name, default severity and what it checks.

    Where the vault's configuration (or --config) sets another severity, it is shown
    beside the default. A plugin's rule ends with the package that brings it, in brackets.

    Example: mdnet rules
    """
    config = _config(config_path, vault)
    for rule in all_rules():
        summary = documentation(rule).splitlines()[0].split(" — ", 1)[-1]
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
    config = _config(config_path, vault)
    rule = find_rule(code)
    if rule is None:
        raise UsageError(_("no rule {code}; `mdnet rules` lists them").format(code=repr(code)))
    click.echo(f"{rule.CODE} {rule.NAME} [{_severity(rule, config)}]")
    if isinstance(rule, PluginRule):
        click.echo(_("from the plugin {source}").format(source=rule.source))
    click.echo()
    click.echo(documentation(rule))
    silence = _(
        "To silence it for one note: `mdnet-ignore: [{code}]` in its front matter; "
        'for the vault: `ignore = ["{code}"]` under [rules] in .mdnet.toml.'
    )
    click.echo("\n" + silence.format(code=rule.CODE))
