"""The config file: defaults, the [keys] table, and one-line errors for bad files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bitereader.cli import main
from bitereader.config import Config, load_config
from bitereader.errors import ConfigError
from bitereader.tui.keys import binding_ids, check_config


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml") == Config()


def test_keys_table_and_settings(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path / "c.toml",
            'theme = "nord"\nrelative_times = false\n'
            '[keys]\n"reader.toggle_pin" = "P"\n"headlines.down" = ["x", "ctrl+n"]\n',
        )
    )
    assert config.keys == {"reader.toggle_pin": "P", "headlines.down": "x,ctrl+n"}
    assert config.theme == "nord" and config.relative_times is False
    check_config(config)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("keys = [", "not valid TOML"),
        ("colour = 1", "unknown setting 'colour'"),
        ("[keys]\n'reader.search' = 3", "must be a key name"),
        ("[keys]\n'reader.search' = ''", "empty key name"),
        ("relative_times = 'yes'", "true or false"),
    ],
)
def test_bad_files_raise_one_line_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path / "c.toml", text))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_binding_id_and_theme_are_refused() -> None:
    with pytest.raises(ConfigError, match=r"unknown binding id 'reader\.nope'"):
        check_config(Config(keys={"reader.nope": "x"}))
    with pytest.raises(ConfigError, match="unknown theme"):
        check_config(Config(theme="no-such-theme"))


def test_every_binding_has_a_unique_id() -> None:
    ids = binding_ids()
    assert {"reader.open", "reader.toggle_pin", "headlines.down", "app.quit"} <= ids


def test_bad_config_stops_the_app_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    write(Path(os.environ["BITEREADER_CONFIG"]), "[keys]\n'nope' = 'x'\n")
    assert main([]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("bitereader: error:") and "unknown binding id" in err
    assert len(err.splitlines()) == 1


def test_config_module_does_not_import_textual() -> None:
    code = (
        "import sys, bitereader.config\n"
        "bitereader.config.load_config()\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
