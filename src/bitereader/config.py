"""The configuration file: a TOML file read with tomllib into a `Config` dataclass."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from bitereader import paths
from bitereader.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Config:
    """What a person can set in config.toml; every field has a default."""

    keys: dict[str, str] = field(default_factory=dict)
    """The `[keys]` table: a binding id (as the help screen shows it) → its key or keys.

    A value is a key name ("j", "ctrl+d") or several, as a comma-separated string or a list.
    """

    theme: str | None = None
    """The name of a Textual theme for the app (for example "nord"); None keeps the default."""

    relative_times: bool = True
    """Show headline times as "3h ago" rather than as dates."""


def load_config(path: str | Path | None = None) -> Config:
    """Read the config file (`path`, else the default location); a missing file means defaults.

    Raises:
        ConfigError: the file cannot be read, is not valid TOML, or holds an unknown or
            mistyped setting.
    """
    path = Path(path) if path is not None else paths.config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the config file ({error})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    return config_from_dict(data, str(path))


def config_from_dict(data: dict[str, object], where: str = "config") -> Config:
    """Check and convert the parsed TOML.

    Raises:
        ConfigError: an unknown setting or a value of the wrong type.
    """
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            f"{where}: unknown setting {unknown[0]!r} (known: {', '.join(sorted(known))})"
        )
    keys = _keys(data.get("keys", {}), where)
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise ConfigError(f"{where}: 'theme' must be a string")
    relative = data.get("relative_times", True)
    if not isinstance(relative, bool):
        raise ConfigError(f"{where}: 'relative_times' must be true or false")
    return Config(keys=keys, theme=theme, relative_times=relative)


def _keys(table: object, where: str) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [keys] must be a table of binding id = key")
    keys: dict[str, str] = {}
    for binding_id, value in table.items():
        if isinstance(value, str):
            names = [part.strip() for part in value.split(",")]
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            names = [item.strip() for item in value]
        else:
            raise ConfigError(
                f"{where}: [keys] {binding_id} must be a key name or a list of key names"
            )
        if not names or not all(names):
            raise ConfigError(f"{where}: [keys] {binding_id} has an empty key name")
        keys[str(binding_id)] = ",".join(names)
    return keys
