"""Shared pieces of the app tests: a frozen clock and fixed library content."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bitereader.demo import ARTICLES
from bitereader.library import Library
from bitereader.loaders import load_file
from bitereader.models import Article, Caption, Quote

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
