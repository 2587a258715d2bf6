"""Refreshing feeds: fetch them concurrently, read and build their new items, store them.

Fetching is async (httpx). Building articles (HTML to text, quotes) is pure Python, so it runs
in worker processes when a refresh has enough of it (threads would share one core). A small
feed goes to a worker whole, to be parsed, read and built there, and comes back as store rows;
a big one is parsed in a thread and its items are read a chunk at a time, each chunk going at
once to be built while the next is read, and the built batches are stored in feed order.
What the feeds found is written a few feeds to a transaction (`_BatchedWrites`). The library's
`refresh` is the way in.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import os
from collections import deque
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import aclosing
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from bitereader.building import WORKER_MODULES, BuiltFeed, build_feed, build_rows, changed_items
from bitereader.errors import BitereaderError, FetchError
from bitereader.fetch import Fetched, FetchOptions, RetryLater, fetch, new_client
from bitereader.loaders import sniff
from bitereader.models import Feed
from bitereader.store import FeedUpdate, ItemCounts, Store
from bitereader.workers import WorkerPool, WorkersLost

if TYPE_CHECKING:
    import httpx

    from bitereader.loaders.feeds import FeedDocument, FeedStream, PackedItem, ParsedFeed
    from bitereader.store.feeds import ItemRow

RefreshStatus = Literal["updated", "unchanged", "failed", "skipped"]
Written = TypeVar("Written")
Built = TypeVar("Built")


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
        options: FetchOptions | None = None,
        on_feed_done: Callable[[FeedResult], None] | None = None,
    ) -> RefreshReport:
        """Refresh `feeds` on an asyncio loop of its own; see `Library.refresh`."""
        with _ArticleBuilder() as builder:
            if any(feed.last_refresh is None for feed in feeds):
                # A feed never fetched has all its items to build: have the workers ready by
                # the time its first chunk is read, rather than hold its download slot waiting.
                # They start before the HTTP client is imported, which they need not wait for.
                builder.warm()
            if len(feeds) <= PREPARE_MAX_FEEDS:
                builder.prepare()
            options = options or FetchOptions()
            return asyncio.run(self._refresh(feeds, options, builder, on_feed_done))

    async def _refresh(
        self,
        feeds: list[Feed],
        options: FetchOptions,
        builder: _ArticleBuilder,
        on_feed_done: Callable[[FeedResult], None] | None,
    ) -> RefreshReport:
        now = datetime.now(UTC)
        results: list[FeedResult] = []
        gate = asyncio.Semaphore(max(1, options.concurrency))
        writes = _BatchedWrites(self.store, len(feeds))
        try:
            async with new_client(options) as client:
                refresh = _FeedRun(self.store, client, builder, writes, gate, options, now)

                async def run(feed: Feed) -> None:
                    try:
                        result = await refresh.run(feed)
                    finally:
                        writes.feed_done()
                    results.append(result)
                    if on_feed_done is not None:
                        on_feed_done(result)

                await asyncio.gather(*(run(feed) for feed in feeds))
        finally:
            await builder.aclose()
        return RefreshReport(results)


@dataclass
class _FeedRun:
    """Refreshing one feed of a refresh: what every feed shares (see `FeedRefresher`)."""

    store: Store
    client: httpx.AsyncClient
    builder: _ArticleBuilder
    writes: _BatchedWrites
    gate: asyncio.Semaphore
    """Bounds the feeds being fetched and built at once; a feed waiting to be stored has left."""
    options: FetchOptions
    now: datetime

    async def run(self, feed: Feed) -> FeedResult:
        assert feed.id is not None
        if feed.retry_after is not None and feed.retry_after > self.now:
            wait = f"server asked to wait until {feed.retry_after:%Y-%m-%d %H:%M:%S} UTC"
            return FeedResult(feed, "skipped", 0, wait)
        # The download slot is let go before storing: writes wait to be batched with others.
        async with self.gate:
            found = await self._fetch_and_build(feed)
        try:
            counts = await self.writes.write(found.write, found.rows)
        except Exception as error:
            if found.status == "failed":
                raise  # recording the failure failed: the library cannot be written
            message = str(error) if isinstance(error, BitereaderError) else _internal(error)
            return await self._record_failure(feed.id, message)
        added = counts.added if isinstance(counts, ItemCounts) else 0
        return FeedResult(self.store.feed(feed.id), found.status, added, found.error)

    async def _fetch_and_build(self, feed: Feed) -> _Found:
        """Fetch the feed and build its new items; returns the write that stores what was found."""
        assert feed.id is not None
        now = self.now
        try:
            fetched = await fetch(
                self.client,
                feed.url,
                options=self.options,
                etag=feed.etag,
                last_modified=feed.last_modified,
                now=now,
            )
        except RetryLater as error:
            return self._failure(feed.id, str(error), retry_after=error.until)
        except FetchError as error:
            return self._failure(feed.id, str(error))
        digest = None if fetched.status == "not_modified" else _digest(fetched.body)
        if digest is None or digest == feed.body_hash:
            # A 304, or the same bytes again: nothing to parse.
            unchanged = partial(
                self.store.record_unchanged,
                feed.id,
                now=now,
                etag=fetched.etag,
                last_modified=fetched.last_modified,
                url=fetched.moved_to,
            )
            return _Found(unchanged, "unchanged")
        self.builder.expect(len(fetched.body))
        try:
            if len(fetched.body) <= WHOLE_FEED_BYTES:
                return await self._build_whole(feed, fetched, digest)
            return await self._store_streamed(feed, fetched, digest)
        except BitereaderError as error:
            return self._failure(feed.id, str(error))
        except Exception as error:  # a parser bug in one feed must not stop the others
            return self._failure(feed.id, _internal(error))

    def _failure(self, feed_id: int, error: str, *, retry_after: datetime | None = None) -> _Found:
        record = partial(
            self.store.record_failure, feed_id, error, now=self.now, retry_after=retry_after
        )
        return _Found(record, "failed", error=error)

    async def _record_failure(self, feed_id: int, error: str) -> FeedResult:
        await self.writes.write(self._failure(feed_id, error).write)
        return FeedResult(self.store.feed(feed_id), "failed", 0, error)

    async def _build_whole(self, feed: Feed, fetched: Fetched, digest: str) -> _Found:
        """Read and build a small feed in one go, elsewhere; returns the write that stores it
        with what its fetch found."""
        assert feed.id is not None
        # A feed with nothing stored yet has no digests to look up. An item older than the
        # feed's newest STORED_DIGESTS articles is only built again, and then found unchanged.
        stored = (
            self.store.latest_item_digests(feed.id, STORED_DIGESTS) if feed.item_count else None
        )
        built = await self.builder.build_whole(fetched, stored)
        update = feed_update(fetched, built, digest)
        write = partial(
            self.store.save_items,
            feed.id,
            built.rows,
            now=self.now,
            digests=built.digests,
            update=update,
        )
        return _Found(write, "updated", len(built.rows))

    async def _store_streamed(self, feed: Feed, fetched: Fetched, digest: str) -> _Found:
        """Read a big feed a chunk at a time, building each chunk while the next is read and
        storing it as it is built; returns the write of the last, with what the fetch found."""
        assert feed.id is not None
        feed_id, now = feed.id, self.now
        counts = ItemCounts()
        stream = await self.builder.open(fetched)
        # A feed with nothing stored yet has no digests to look up.
        changed = partial(self._changed_items, feed_id if feed.item_count else None)
        # Items are built while the rest are read, and batches are stored as they are built,
        # in feed order, each held back until the next comes: the last goes in with the
        # feed's validators, in one transaction, and a refresh cut short fetches the whole
        # feed again. If storing fails, aclosing drops the chunks still queued at once.
        held: tuple[list[ItemRow], dict[str, str]] = ([], {})
        async with aclosing(self.builder.build(stream, changed)) as batches:
            async for batch in batches:
                if held[0]:
                    counts += self.store.save_items(feed_id, held[0], now=now, digests=held[1])
                held = batch
        rows, digests = held
        update = feed_update(fetched, stream, digest)

        def store_last() -> ItemCounts:
            return counts + self.store.save_items(
                feed_id, rows, now=now, digests=digests, update=update
            )

        return _Found(store_last, "updated", len(rows))

    def _changed_items(
        self, feed_id: int | None, items: list[PackedItem]
    ) -> tuple[list[bytes], dict[str, str]]:
        """Those of these items new or changed since the last refresh, and each one's digest
        by guid; all of them for a feed with nothing stored (`feed_id` None).

        Building an article (HTML to text, quotes) is most of the cost of a refresh, and a
        feed that changed usually changed by one or two items.
        """
        digests = {item.key: item.digest for item in items if item.key}
        stored = None if feed_id is None else self.store.item_digests(feed_id, list(digests))
        return changed_items(items, stored), digests


@dataclass(frozen=True, slots=True)
class _Found:
    """What fetching a feed found, as the write that stores it."""

    write: Callable[[], ItemCounts | None]
    status: RefreshStatus
    rows: int = 0
    """Articles the write stores."""
    error: str | None = None


def _internal(error: Exception) -> str:
    return f"internal error: {type(error).__name__}: {error}"


class _BatchedWrites:
    """Stores what a refresh's feeds found a few feeds to a transaction, on the event loop.

    A write waits until BATCH_ROWS rows are waiting, or BATCH_DELAY has passed since the first
    waiting write, or every feed still refreshing is waiting to write too; then all the waiting
    writes go in one transaction (see `Connection.batch`). If that fails, each is made again
    alone, so that only the feed at fault fails.
    """

    def __init__(self, store: Store, feeds: int) -> None:
        self._store = store
        self._refreshing = feeds
        self._waiting: list[tuple[Callable[[], Any], asyncio.Future[Any]]] = []
        self._rows = 0
        self._timer: asyncio.TimerHandle | None = None

    async def write(self, write: Callable[[], Written], rows: int = 0) -> Written:
        """Make `write` (store calls, each a transaction of its own) with others' writes."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Written] = loop.create_future()
        self._waiting.append((write, future))
        self._rows += rows
        if self._rows >= BATCH_ROWS or len(self._waiting) >= self._refreshing:
            self.flush()
        elif self._timer is None:
            self._timer = loop.call_later(BATCH_DELAY, self.flush)
        return await future

    def feed_done(self) -> None:
        """A feed's refresh has ended: write now if all the others are waiting to."""
        self._refreshing -= 1
        if self._waiting and len(self._waiting) >= self._refreshing:
            self.flush()

    def flush(self) -> None:
        """Make every waiting write, in one transaction."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        waiting, self._waiting, self._rows = self._waiting, [], 0
        waiting = [(write, future) for write, future in waiting if not future.cancelled()]
        if not waiting:
            return
        try:
            with self._store.batch():
                results = [write() for write, _ in waiting]
        except Exception:
            for write, future in waiting:
                _settle(future, write)
        else:
            for (_, future), result in zip(waiting, results, strict=True):
                future.set_result(result)


def _settle(future: asyncio.Future[Any], write: Callable[[], Any]) -> None:
    """Make a write on its own, its outcome going to `future`."""
    try:
        future.set_result(write())
    except Exception as error:
        future.set_exception(error)


def _digest(body: bytes) -> str:
    """Fingerprint of a feed body, to skip parsing one we have already stored."""
    # SHA-256 runs on the processor's SHA instructions: twice as fast as Python's BLAKE2b.
    return hashlib.sha256(body).hexdigest()[:32]


WHOLE_FEED_BYTES = 512 * 1024
"""Feeds up to this size are read and built whole in one worker task (a few hundred items at
most); bigger ones are read in chunks, each built while the next is read."""
STORED_DIGESTS = 5_000
"""Stored item digests looked up for a feed read whole: its newest articles, far more than a
feed of WHOLE_FEED_BYTES lists."""
BATCH_ROWS = 250
"""Built rows that, once waiting to be stored, are written at once (see _BatchedWrites). A
batch holds up the event loop while it is written, and with it the feeds it would hand to the
worker processes next: 200 feeds of 50 items refreshed 1-7 % faster than with 1,000."""
BATCH_DELAY = 0.1
"""Seconds a write waits for others to join it (see _BatchedWrites)."""
PREPARE_MAX_FEEDS = 10
"""Refreshes of up to this many feeds import the feed reader while the first ones download: a
few feeds are read here, in the parse thread (all of them, while too few items have come to
start the worker processes; a big one in any refresh). Those of more feeds have the workers
read each feed up to WHOLE_FEED_BYTES, and import the reader when they first need it: for the
first feeds, read here while the workers start, or never, when every feed is unchanged. A
second refresh of 200 small feeds is spared the import (25-50 ms of a core)."""
PROCESS_MIN_ITEMS = 300
"""Items to build in one refresh before worker processes pay for their start (about 0.15 s)."""
PROCESS_CHUNK = 250
"""Items sent to a worker process at a time: enough to amortise the round trip."""
PROCESS_WARM_BYTES = 256 * 1024
"""Feed bytes to read in one refresh (a few hundred items) before starting worker processes
while the feeds are still being read, so they are ready when the items are."""

WORKER_NICENESS = 10
"""How much lower the worker processes' scheduling priority is than the refresh's own. There
are more processes than cores, and the event loop is what hands the workers their feeds and
reads the network: when it waits for a core, so do they. Ahead of them it waits less than
half as long, the cores idle a third less, and a refresh (benchmarks/refresh.py) is 3-4 %
faster. The reader's screen stays lively while a refresh builds, too."""

ChangedItems = Callable[[list["PackedItem"]], tuple[list[bytes], dict[str, str]]]
"""Picks the items to build from a chunk of a feed's items (see FeedRefresher._changed_items)."""


class _ArticleBuilder:
    """Parses fetched feeds off the event loop, building articles in worker processes when
    there is enough work to use more than one core.

    Reading a feed is cheap (lxml parses it in a thread, its items are read in chunks on the
    loop); building its articles (HTML to text, quotes) is where the time goes, and it is pure
    Python, so threads would share one core.
    """

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bitereader-parse")
        self._starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bitereader-start")
        self._starting: Future[None] | None = None
        self._processes: WorkerPool | None = None
        self._workers = os.cpu_count() or 1
        self._built = 0
        self._expected_bytes = 0

    def __enter__(self) -> _ArticleBuilder:
        return self

    def __exit__(self, *exc: object) -> None:
        self._thread.shutdown(cancel_futures=True)
        self._starter.shutdown()
        if self._processes is not None:
            self._processes.close()

    async def aclose(self) -> None:
        """Let the worker processes go, on the event loop that drives them (before it closes)."""
        if self._starting is not None:
            await asyncio.wrap_future(self._starting)
        if self._processes is not None:
            await self._processes.aclose()

    def prepare(self) -> None:
        """Import the feed reader in the parse thread while the first feeds download (see
        PREPARE_MAX_FEEDS)."""
        self._thread.submit(importlib.import_module, "bitereader.loaders.feeds")

    def expect(self, size: int) -> None:
        """Note a changed feed of `size` bytes on its way; start the workers once there is
        enough to build that they will be needed."""
        self._expected_bytes += size
        if self._expected_bytes >= PROCESS_WARM_BYTES:
            self.warm()

    def warm(self) -> None:
        """Start the worker processes in the background, if not already started.

        Starting them takes a few tenths of a second (mostly the fork server importing the
        extractors), on another core; meanwhile the event loop goes on fetching and reading.
        """
        if self._starting is None and self._workers > 1:
            self._starting = self._starter.submit(self._start_processes)

    def _start_processes(self) -> None:
        pool = WorkerPool(self._workers, preload=WORKER_MODULES, niceness=WORKER_NICENESS)
        try:
            pool.start()
        except (OSError, ValueError, ImportError):  # no processes here: build in the thread
            pool.close()
            self._workers = 1
        else:
            self._processes = pool

    async def open(self, fetched: Fetched) -> FeedStream:
        """Parse a fetched feed and read its title (lxml, or feedparser for what lxml refuses);
        its items are read by `build`."""
        from bitereader.loaders.feeds import open_feed

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._thread,
            partial(open_feed, fetched.body, url=fetched.url, content_type=fetched.content_type),
        )

    async def build_whole(self, fetched: Fetched, stored: dict[str, str] | None) -> BuiltFeed:
        """Read a whole fetched feed and build its new and changed items (see `build_feed`),
        in a worker process when there is enough to build in this refresh to use them."""
        built = await self._start(
            0, build_feed, fetched.body, fetched.url, fetched.content_type, stored
        )
        return await built

    async def build(
        self, stream: FeedStream, changed: ChangedItems
    ) -> AsyncIterator[tuple[list[ItemRow], dict[str, str]]]:
        """Read a feed's items a chunk at a time, build the changed ones, and yield them in feed
        order as batches of rows to store, each with its items' digests by guid.

        Each chunk goes to a worker as soon as it is read, so building starts while the rest of
        the feed is still being read. Chunks are read on the event loop itself (a few ms each):
        in the parse thread they took longer, the two threads trading the GIL.
        """
        source = stream.title
        pending: deque[tuple[asyncio.Future[list[ItemRow]], dict[str, str]]] = deque()
        try:
            while chunk := _read_chunk(stream, PROCESS_CHUNK):
                items, digests = changed(chunk)
                if items:
                    future = await self._start(len(items), build_rows, items, source)
                    pending.append((future, digests))
                while pending and pending[0][0].done():
                    future, digests = pending.popleft()
                    yield future.result(), digests
                await asyncio.sleep(0)  # let other feeds download and store between chunks
            while pending:
                future, digests = pending.popleft()
                yield await future, digests
        finally:
            for future, _ in pending:
                future.cancel()

    async def _start(
        self, items: int, function: Callable[..., Built], *args: Any
    ) -> asyncio.Future[Built]:
        """Start building the next `items` items with `function(*args)`: in a worker process
        once the processes pay, else (or when they have all ended) in the parse thread."""
        self._built += items
        if self._built >= PROCESS_MIN_ITEMS or self._expected_bytes >= PROCESS_WARM_BYTES:
            self.warm()
            if self._starting is not None:
                await asyncio.wrap_future(self._starting)
            if self._processes is not None:
                try:
                    return await self._processes.submit(function, *args)
                except WorkersLost:
                    pass
        return asyncio.get_running_loop().run_in_executor(self._thread, function, *args)


def _read_chunk(stream: FeedStream, size: int) -> list[PackedItem]:
    """The next `size` items of a feed (fewer at its end, none past it), packed for building."""
    from bitereader.loaders.feeds import pack_items

    return pack_items(islice(stream.items, size), stream.title)


def feed_update(
    fetched: Fetched,
    parsed: ParsedFeed | FeedDocument | FeedStream | BuiltFeed,
    digest: str | None = None,
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
