"""The configuration file ``<vault>/.mdnet.toml``, validated once into a frozen Config.

``settings`` holds what can be set and its defaults, ``loading`` reads and validates the
file, ``values`` the readers of each kind of value.
"""

from mdnet.config.loading import load_config, parse_config
from mdnet.config.settings import (
    CONFIG_NAME,
    MARKERS,
    TIERS,
    Budget,
    Config,
    ConfigError,
    Thresholds,
    key_line,
)

__all__ = [
    "CONFIG_NAME",
    "MARKERS",
    "TIERS",
    "Budget",
    "Config",
    "ConfigError",
    "Thresholds",
    "key_line",
    "load_config",
    "parse_config",
]
