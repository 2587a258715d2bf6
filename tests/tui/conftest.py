"""Fixtures for the app tests: libraries built from the bundled demo articles, a frozen clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bitereader.demo import ARTICLES
from bitereader.library import Library
from bitereader.loaders import load_file
from bitereader.models import Article, Caption, Quote
from bitereader.tui.app import BitereaderApp

NOW = datetime(2020, 9, 1, 12, 0, tzinfo=UTC)
"""The frozen "now" of every app test, so relative times never change."""


def frozen_clock() -> datetime:
    return NOW


def fill_with_demo(library: Library) -> list[int]:
    """Store the bundled demo articles as if added at NOW; returns their ids in file order."""
    ids = []
    for path in sorted(ARTICLES.glob("*.txt")):
        for article_id, _ in library.store.save_articles(
            load_file(path), now=NOW - timedelta(days=2)
        ):
            ids.append(article_id)
    return ids


def quoted_article() -> Article:
    """An article whose quote and caption sit far down, so choosing them must scroll."""
    paragraphs = tuple(
        f"Paragraph {i}. " + "Filler words to make the paragraph wrap over lines. " * 6
        for i in range(14)
    )
    said = 'The mayor said, "We will rebuild the bridge by spring." Others disagreed.'
    paragraphs = (*paragraphs[:11], said, *paragraphs[12:])
    start = said.index("We will")
    return Article(
        headline="Bridge to be rebuilt, mayor says",
        kicker="Infrastructure",
        standfirst="The old crossing closed after the floods.",
        authors=("Ada Reporter", "Bo Writer"),
        source="example.org",
        wire="AP",
        url="https://example.org/bridge",
        published=NOW - timedelta(hours=3),
        paragraphs=paragraphs,
        quotes=(
            Quote(
                text="We will rebuild the bridge by spring.",
                speaker="Jane Doe",
                role="mayor",
                kind="direct",
                paragraph=11,
                start=start,
                end=start + len("We will rebuild the bridge by spring."),
            ),
        ),
        captions=(Caption("The bridge after the flood.", "Photo: Sam Lens", paragraph=9),),
    )


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def demo(library_file: Path) -> Library:
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
