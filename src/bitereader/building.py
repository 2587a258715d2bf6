"""Building a refresh's feed items into store rows: the whole job of its workers.

Kept apart from refresh.py so that the fork server the worker processes come from imports
only this, the feed reader, the extractors and the row maker, and not asyncio, the store's
connections or the refresh machinery, which the workers never use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bitereader.loaders.feeds import PackedItem
    from bitereader.store.feeds import ItemRow

WORKER_MODULES = (
    "bitereader.building",
    "bitereader.loaders.feeds",
    "bitereader.extract.quotes",
    "bitereader.store.rows",
    "concurrent.futures.process",
)
"""What the fork server imports once, so that no worker imports it again: `build_rows` and
what it calls, and the process pool's worker loop itself."""


@dataclass(frozen=True, slots=True)
class BuiltFeed:
    """A whole feed read and its new and changed items built (see `build_feed`)."""

    title: str | None
    site_url: str | None
    warning: str | None
    rows: list[ItemRow]
    digests: dict[str, str]
    """Every item's fingerprint by guid, built or not."""


def build_rows(items: list[bytes], source: str | None) -> list[ItemRow]:
    """Build packed items into the rows the store writes (in a worker process, or a thread).

    The rows are made of the articles' fields (store.feeds.item_row of each article, without
    making the articles: see `ArticleValues`).
    """
    from bitereader.loaders import feeds
    from bitereader.store.rows import content_values

    built = feeds.build_articles([feeds.unpack_item(item) for item in items], source)
    return [content_values(values) for values in built]


def build_feed(
    body: bytes, url: str | None, content_type: str | None, stored: dict[str, str] | None
) -> BuiltFeed:
    """Read a whole fetched feed and build those of its items whose fingerprint is not the one
    `stored` has for their guid (all of them when `stored` is None).

    A small feed goes to a worker whole, so that the process holding the library (which also
    fetches and stores) does not parse and read it too.

    Raises:
        LoadError: the body is not a feed anything here can read.
    """
    from bitereader.loaders.feeds import build_articles, open_feed, pack_items
    from bitereader.store.rows import content_values

    stream = open_feed(body, url=url, content_type=content_type)
    raw = list(stream.items)
    # Packed only for their fingerprints: the items are built from what was read, which is
    # what unpacking them would give back.
    packed = pack_items(raw, stream.title)
    changed = (
        raw
        if stored is None
        else [
            item
            for item, fingerprint in zip(raw, packed, strict=True)
            if is_changed(fingerprint, stored)
        ]
    )
    rows = [content_values(values) for values in build_articles(changed, stream.title)]
    digests = {item.key: item.digest for item in packed if item.key}
    return BuiltFeed(stream.title, stream.site_url, stream.warning, rows, digests)


def changed_items(items: list[PackedItem], stored: dict[str, str] | None) -> list[bytes]:
    """The packed data of those items that are new or changed (see `is_changed`)."""
    return [item.data for item in items if is_changed(item, stored)]


def is_changed(item: PackedItem, stored: dict[str, str] | None) -> bool:
    """Is the item new or changed since `stored` (guid to fingerprint) was recorded? Every
    item is when nothing is stored (`stored` None), and so is one without a guid."""
    return stored is None or not item.key or stored.get(item.key) != item.digest
