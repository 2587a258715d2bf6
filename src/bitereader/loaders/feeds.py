"""RSS, Atom and JSON Feed documents → articles (placeholder until the feeds work lands)."""

from __future__ import annotations

from dataclasses import dataclass

from bitereader.errors import LoadError
from bitereader.models import Article


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed document's title, site and items."""

    title: str | None
    site_url: str | None
    articles: tuple[Article, ...]
    warning: str | None = None


def parse_feed(data: bytes, *, url: str | None = None) -> ParsedFeed:
    """Parse a feed document of any supported kind."""
    raise LoadError("feed files are not supported yet")
