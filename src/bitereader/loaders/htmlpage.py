"""Saved HTML article pages → Article (placeholder until the extraction work lands)."""

from __future__ import annotations

from bitereader.errors import LoadError
from bitereader.models import Article


def load_html_page(data: bytes, *, url: str | None = None) -> Article:
    """Extract the article from a saved web page."""
    raise LoadError("saved HTML pages are not supported yet")
