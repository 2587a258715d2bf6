"""Building a refresh's feed items into store rows: the whole job of its workers.

Kept apart from refresh.py so that the fork server the worker processes come from imports
only this, the feed reader, the extractors and the row maker, and not asyncio, the store's
connections or the refresh machinery, which the workers never use.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import socket

    from bitereader.loaders.feeds import PackedItem
    from bitereader.store.feeds import ItemRow

WORKER_MODULES = (
    "bitereader.building",
    "bitereader.loaders.feeds",
    "bitereader.extract.quotes",
    "bitereader.store.rows",
)
"""What the fork server imports once, so that no worker imports it again: `build_rows` and
what it calls, and the worker's loop (`serve`) itself."""

FRAME_HEADER = struct.Struct("!Q")
"""The length of the pickle that follows it: how calls and outcomes go between the refresh and
its workers (see `serve` and workers.WorkerPool)."""


def serve(connection: socket.socket, niceness: int) -> None:
    """A worker process's loop: make each call that comes on `connection` (a pickled function
    and its arguments) and send back its outcome (whether it returned, and its value or error),
    one at a time, in order, until the connection ends."""
    # Ctrl-C in a terminal reaches every process of the refresh: the refresh itself stops,
    # and ends its workers by closing their connections, with no traceback from each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if niceness and hasattr(os, "nice"):
        os.nice(niceness)
    with connection, connection.makefile("rb") as calls:
        while len(header := calls.read(FRAME_HEADER.size)) == FRAME_HEADER.size:
            function, args = pickle.loads(calls.read(FRAME_HEADER.unpack(header)[0]))
            try:
                outcome = _pickled((True, function(*args)))
            except Exception as error:
                outcome = _pickled((False, error))
            connection.sendall(FRAME_HEADER.pack(len(outcome)) + outcome)


def _pickled(outcome: tuple[bool, Any]) -> bytes:
    """The outcome, pickled; an error that cannot be pickled goes as one that says what it was."""
    try:
        return pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
    except Exception:
        returned, value = outcome
        what = f"{type(value).__name__}: {value}" if not returned else "a result"
        return pickle.dumps((False, RuntimeError(f"a worker could not send back {what}")))


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
