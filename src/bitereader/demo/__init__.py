"""Bundled sample articles (Wikinews, CC BY 2.5) for `bitereader --demo` and the screenshots."""

from __future__ import annotations

from pathlib import Path

from bitereader.library import Library

ARTICLES = Path(__file__).parent / "articles"


def demo_library(folder: Path) -> Library:
    """A fresh library in `folder` holding the bundled sample articles."""
    library = Library(folder / "demo.sqlite")
    library.add_paths([ARTICLES])
    return library
