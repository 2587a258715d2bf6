"""Fixtures for the app tests: libraries built from the bundled demo articles, a frozen clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tui_support import NOW, fill_with_demo, frozen_clock, quoted_article

from bitereader.library import Library
from bitereader.tui.app import BitereaderApp


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def demo(library_file: Path) -> Iterator[Library]:
    """A library of the demo articles plus one with a quote and a caption (the newest)."""
    library = Library(library_file)
    fill_with_demo(library)
    library.store.save_articles([quoted_article()], now=NOW)
    yield library
    library.close()


@pytest.fixture
def opened_links() -> list[str]:
    return []


@pytest.fixture
def make_app(opened_links: list[str]) -> Callable[..., BitereaderApp]:
    """Build the real app with a frozen clock and a link opener that only records."""

    def make(library: Library, **kwargs: object) -> BitereaderApp:
        kwargs.setdefault("clock", frozen_clock)
        kwargs.setdefault("opener", opened_links.append)
        return BitereaderApp(library, **kwargs)  # type: ignore[arg-type]

    return make
