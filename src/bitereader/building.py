"""Building a refresh's packed feed items into store rows: the whole job of its workers.

Kept apart from refresh.py so that the fork server the worker processes come from imports
only this, the feed reader, the extractors and the row maker, and not asyncio, the store's
connections or the refresh machinery, which the workers never use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bitereader.store.feeds import ItemRow

WORKER_MODULES = (
    "bitereader.building",
    "bitereader.loaders.feeds",
    "bitereader.extract.quotes",
    "bitereader.store.feeds",
    "concurrent.futures.process",
)
"""What the fork server imports once, so that no worker imports it again: `build_rows` and
what it calls, and the process pool's worker loop itself."""


def build_rows(items: list[bytes], source: str | None) -> list[ItemRow]:
    """Build packed items into the rows the store writes (in a worker process, or a thread)."""
    from bitereader.loaders import feeds
    from bitereader.store.feeds import item_row

    articles = feeds.build_articles([feeds.unpack_item(item) for item in items], source)
    return [item_row(article) for article in articles]
