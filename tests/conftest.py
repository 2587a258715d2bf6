"""Fixtures shared by every test layer: an isolated library and config, and the shared samples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bitereader.library import Library
from bitereader.store import Store

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "samples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def isolated_paths(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test away from the real user library and config."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BITEREADER_LIBRARY", str(home / "library.sqlite"))
    monkeypatch.setenv("BITEREADER_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))


@pytest.fixture
def samples() -> Path:
    """The shared annotated samples, or skip when this checkout has none beside it."""
    if not SAMPLES.is_dir():
        pytest.skip(f"shared samples not found at {SAMPLES}")
    return SAMPLES


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """An open library in a fresh file (test_cli.py has a `library` of its own: a path)."""
    with Library(tmp_path / "lib.sqlite") as lib:
        yield lib


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An open store in a fresh file, closed after the test."""
    store = Store(tmp_path / "lib.sqlite")
    yield store
    store.close()


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"
