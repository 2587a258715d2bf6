"""Refreshing feeds: fetch them concurrently, read and build their new items, store them.

Fetching is async (httpx); reading a feed's XML runs in a thread; building its articles (HTML to
text, quotes) runs in worker processes when there is enough of it, because that is pure Python
and threads would share one core. The library's `refresh` is the way in.
"""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing
import os
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Literal

from bitereader.errors import BitereaderError, FetchError
from bitereader.loaders import sniff
from bitereader.models import Article, Feed
from bitereader.store import FeedUpdate, ItemCounts, Store

if TYPE_CHECKING:
    import httpx

    from bitereader.fetch import Fetched, FetchOptions
    from bitereader.loaders.feeds import FeedDocument, ParsedFeed, RawItem

RefreshStatus = Literal["updated", "unchanged", "failed", "skipped"]


@dataclass
class FeedResult:
    """What refreshing one feed did."""

    feed: Feed
    """The feed as stored after the refresh (new title, url, status, error, item count)."""
    status: RefreshStatus
    new_articles: int
    error: str | None = None


@dataclass
class RefreshReport:
    """What a refresh of several feeds did, for one summary line."""

    results: list[FeedResult]

    def _count(self, status: RefreshStatus) -> int:
        return sum(1 for result in self.results if result.status == status)

    @property
    def new_articles(self) -> int:
        return sum(result.new_articles for result in self.results)

    @property
    def updated(self) -> int:
        return self._count("updated")

    @property
    def unchanged(self) -> int:
        return self._count("unchanged")

    @property
    def failed(self) -> int:
        return self._count("failed")

    @property
    def skipped(self) -> int:
        return self._count("skipped")

    def summary(self) -> str:
        """One line such as: 12 feeds: 10 updated, 1 unchanged, 1 failed; 83 new articles."""
        feeds = len(self.results)
        parts = [f"{self.updated} updated", f"{self.unchanged} unchanged", f"{self.failed} failed"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        new = self.new_articles
        return (
            f"{feeds} feed{'s' * (feeds != 1)}: {', '.join(parts)}; "
            f"{new} new article{'s' * (new != 1)}"
        )


class FeedRefresher:
    """Refreshes a set of feeds into one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(
        self,
        feeds: list[Feed],
        options: FetchOptions,
        on_feed_done: Callable[[FeedResult], None] | None = None,
    ) -> RefreshReport:
        """Refresh `feeds` on an asyncio loop of its own; see `Library.refresh`."""
        return asyncio.run(self._refresh(feeds, options, on_feed_done))

    async def _refresh(
        self,
        feeds: list[Feed],
        options: FetchOptions,
        on_feed_done: Callable[[FeedResult], None] | None,
    ) -> RefreshReport:
        from bitereader.fetch import new_client

        now = datetime.now(UTC)
        results: list[FeedResult] = []
        gate = asyncio.Semaphore(max(1, options.concurrency))
        with _ArticleBuilder() as builder:
            async with new_client(options) as client:

                async def run(feed: Feed) -> None:
                    async with gate:
                        result = await self._refresh_feed(client, builder, feed, options, now)
                    results.append(result)
                    if on_feed_done is not None:
                        on_feed_done(result)

                await asyncio.gather(*(run(feed) for feed in feeds))
        return RefreshReport(results)

    async def _refresh_feed(
        self,
        client: httpx.AsyncClient,
        builder: _ArticleBuilder,
        feed: Feed,
        options: FetchOptions,
        now: datetime,
    ) -> FeedResult:
        from bitereader.fetch import RetryLater, fetch

        assert feed.id is not None
        if feed.retry_after is not None and feed.retry_after > now:
            wait = f"server asked to wait until {feed.retry_after:%Y-%m-%d %H:%M:%S} UTC"
            return FeedResult(feed, "skipped", 0, wait)
        try:
            fetched = await fetch(
                client,
                feed.url,
                options=options,
                etag=feed.etag,
                last_modified=feed.last_modified,
                now=now,
            )
        except RetryLater as error:
            self.store.record_failure(feed.id, str(error), now=now, retry_after=error.until)
            return FeedResult(self.store.feed(feed.id), "failed", 0, str(error))
        except FetchError as error:
            return self._failed(feed.id, str(error), now)
        digest = None if fetched.status == "not_modified" else _digest(fetched.body)
        if digest is None or digest == feed.body_hash:
            # A 304, or the same bytes again: nothing to parse.
            self.store.record_unchanged(
                feed.id,
                now=now,
                etag=fetched.etag,
                last_modified=fetched.last_modified,
                url=fetched.moved_to,
            )
            return FeedResult(self.store.feed(feed.id), "unchanged", 0)
        counts = ItemCounts()
        builder.expect(len(fetched.body))
        try:
            document = await builder.read(fetched)
            items, digests = self._changed_items(feed.id, document)
            # Batches are stored as they are built, so storing overlaps building. The
            # validators go in last: a refresh cut short fetches the whole feed again.
            async for articles in builder.build(items, document.title):
                counts += self.store.save_items(feed.id, articles, now=now, digests=digests)
        except BitereaderError as error:
            return self._failed(feed.id, str(error), now)
        except Exception as error:  # a parser bug in one feed must not stop the others
            return self._failed(feed.id, f"internal error: {type(error).__name__}: {error}", now)
        self.store.save_refresh(feed.id, (), feed_update(fetched, document, digest), now=now)
        return FeedResult(self.store.feed(feed.id), "updated", counts.added)

    def _changed_items(
        self, feed_id: int, document: FeedDocument
    ) -> tuple[tuple[RawItem, ...], dict[str, str]]:
        """The items new or changed since the last refresh, and every item's digest by guid.

        Building an article (HTML to text, quotes) is most of the cost of a refresh, and a
        feed that changed usually changed by one or two items.
        """
        from bitereader.loaders.feeds import item_digest, item_identity

        keyed = [
            (item, item_identity(item), item_digest(item, document.title))
            for item in document.items
        ]
        stored = self.store.item_digests(feed_id, [key for _, key, _ in keyed if key])
        changed = tuple(item for item, key, digest in keyed if not key or stored.get(key) != digest)
        return changed, {key: digest for _, key, digest in keyed if key}

    def _failed(self, feed_id: int, error: str, now: datetime) -> FeedResult:
        self.store.record_failure(feed_id, error, now=now)
        return FeedResult(self.store.feed(feed_id), "failed", 0, error)


def _digest(body: bytes) -> str:
    """Fingerprint of a feed body, to skip parsing one we have already stored."""
    return hashlib.blake2b(body, digest_size=16).hexdigest()


PROCESS_MIN_ITEMS = 300
"""Items to build in one refresh before worker processes pay for their start (about 0.15 s)."""
PROCESS_CHUNK = 250
"""Items sent to a worker process at a time: enough to amortise the round trip."""
PROCESS_WARM_BYTES = 256 * 1024
"""Feed bytes to read in one refresh (a few hundred items) before starting worker processes
while the feeds are still being read, so they are ready when the items are."""


class _ArticleBuilder:
    """Parses fetched feeds off the event loop, building articles in worker processes when
    there is enough work to use more than one core.

    Reading a feed's XML is cheap (lxml, in a thread); building its articles (HTML to text,
    quotes) is where the time goes, and it is pure Python, so threads would share one core.
    """

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bitereader-parse")
        self._processes: Executor | None = None
        self._workers = os.cpu_count() or 1
        self._built = 0
        self._expected_bytes = 0

    def __enter__(self) -> _ArticleBuilder:
        return self

    def __exit__(self, *exc: object) -> None:
        self._thread.shutdown(cancel_futures=True)
        if self._processes is not None:
            self._processes.shutdown(cancel_futures=True)

    def expect(self, size: int) -> None:
        """Note a changed feed of `size` bytes on its way; start the workers once there is
        enough to build that they will be needed (starting them takes a few tenths of a second,
        which then overlaps reading the feeds)."""
        self._expected_bytes += size
        if self._expected_bytes >= PROCESS_WARM_BYTES and self._processes is None:
            pool = self._process_pool()
            if pool is not None:
                for _ in range(self._workers):
                    pool.submit(int)  # a no-op: makes the pool start its worker processes

    async def read(self, fetched: Fetched) -> FeedDocument:
        """Read a fetched feed's items (lxml, or feedparser for what lxml refuses)."""
        from bitereader.loaders.feeds import read_feed

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._thread,
            partial(read_feed, fetched.body, url=fetched.url, content_type=fetched.content_type),
        )

    async def build(
        self, items: tuple[RawItem, ...], source: str | None
    ) -> AsyncIterator[list[Article]]:
        """Build a feed's articles, yielding them in batches in feed order."""
        from bitereader.loaders.feeds import build_articles, build_packed, unpack_article

        loop = asyncio.get_running_loop()
        self._built += len(items)
        processes = self._process_pool() if self._built >= PROCESS_MIN_ITEMS else None
        if processes is None:
            yield await loop.run_in_executor(self._thread, build_articles, items, source)
            return
        futures = [
            loop.run_in_executor(processes, build_packed, items[i : i + PROCESS_CHUNK], source)
            for i in range(0, len(items), PROCESS_CHUNK)
        ]
        try:
            for future in futures:
                yield [unpack_article(packed) for packed in await future]
        finally:
            for future in futures:
                future.cancel()

    def _process_pool(self) -> Executor | None:
        if self._processes is None and self._workers > 1:
            try:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["bitereader.loaders.feeds"])
                self._processes = ProcessPoolExecutor(self._workers, mp_context=context)
            except (OSError, ValueError, ImportError):
                self._workers = 1  # no processes here: build in the thread
        return self._processes


def feed_update(
    fetched: Fetched, parsed: ParsedFeed | FeedDocument, digest: str | None = None
) -> FeedUpdate:
    return FeedUpdate(
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        body_hash=digest or _digest(fetched.body),
        title=parsed.title,
        site_url=parsed.site_url,
        url=fetched.moved_to,
        warning=parsed.warning,
    )


def is_html(fetched: Fetched) -> bool:
    """Is this response a web page rather than a feed?"""
    kind = sniff(fetched.body[:4096])
    if kind is not None:
        return kind == "html"
    return (fetched.content_type or "").split(";")[0].strip().lower() in (
        "text/html",
        "application/xhtml+xml",
    )
