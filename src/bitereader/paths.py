"""Where the library, config and cache live: platformdirs, with environment overrides."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "bitereader"
LIBRARY_ENV = "BITEREADER_LIBRARY"
CONFIG_ENV = "BITEREADER_CONFIG"


def library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library file: `explicit` if given, else $BITEREADER_LIBRARY, else the user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    if env := os.environ.get(LIBRARY_ENV):
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME)) / "library.sqlite"


def config_path() -> Path:
    """The config file: $BITEREADER_CONFIG, else config.toml in the user config dir."""
    if env := os.environ.get(CONFIG_ENV):
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"
