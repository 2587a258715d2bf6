"""The one orchestration layer the command line and the app both call."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from bitereader import paths
from bitereader.errors import FetchError, LoadError, NotFoundError
from bitereader.extract.terms import key_terms
from bitereader.loaders import MAX_FILE_BYTES, format_of, load_file
from bitereader.models import AddReport, Article, Feed, Headline
from bitereader.refresh import FeedRefresher, FeedResult, RefreshReport, feed_update, is_html
from bitereader.store import (
    ALL_ARTICLES,
    HeadlineFilter,
    SaveStatus,
    Store,
)

if TYPE_CHECKING:
    from bitereader.fetch import FetchOptions

# Part of the library's interface: the CLI and the app take these from here, not from the store.
__all__ = ["ALL_ARTICLES", "AddReport", "FeedResult", "HeadlineFilter", "Library", "RefreshReport"]

SAVE_BATCH = 500
"""Articles written per transaction when adding files: large enough to amortise the commit."""

FOLLOW_UPS_COUNTED = 99
"""The watch list counts follow-ups up to this many ("99+" is plenty to say: go and look)."""

PARALLEL_MIN_FILES = 200
"""Below this many files, starting worker processes costs more than it saves."""

ProgressCallback = Callable[[int, int], None]


class Library:
    """A person's article library: files and feeds in, articles and reader state out."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.store = Store(paths.library_path(path))

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add_paths(
        self,
        targets: Sequence[str | Path],
        *,
        max_bytes: int = MAX_FILE_BYTES,
        progress: ProgressCallback | None = None,
    ) -> AddReport:
        """Import files and folders (recursively) of saved pages and feed files.

        Unknown file types are skipped with a note; a file that fails is reported and the rest
        are still stored.

        Raises:
            LoadError: a path does not exist, or a folder holds nothing bitereader can read.
                Nothing is stored then.
        """
        report = AddReport()
        files = list(collect_files([Path(t) for t in targets], report))
        pending: list[Article] = []
        for done, (path, loaded) in enumerate(_load_all(files, max_bytes), 1):
            if isinstance(loaded, LoadError):
                report.failed += 1
                report.failures.append((str(path), str(loaded)))
            else:
                pending.extend(loaded)
            if len(pending) >= SAVE_BATCH:
                self._save(pending, report)
            if progress:
                progress(done, len(files))
        self._save(pending, report)
        return report

    def _save(self, articles: list[Article], report: AddReport) -> None:
        for article_id, status in self.store.save_articles(articles):
            _count(report, status)
            report.ids.append(article_id)
        articles.clear()

    def headlines(
        self, filter: HeadlineFilter = ALL_ARTICLES, *, limit: int = 50, offset: int = 0
    ) -> list[Headline]:
        """A page of the headline list."""
        return self.store.headlines(filter, limit=limit, offset=offset)

    def count(self, filter: HeadlineFilter = ALL_ARTICLES) -> int:
        return self.store.count_headlines(filter)

    def position(self, article_id: int, filter: HeadlineFilter = ALL_ARTICLES) -> int | None:
        """Where an article sits in a headline list, to restore a selection."""
        return self.store.headline_position(article_id, filter)

    def article(self, article_id: int) -> Article:
        return self.store.article(article_id)

    def search(
        self, text: str, *, limit: int = 50, offset: int = 0, prefix_last: bool = False
    ) -> list[Headline]:
        return self.store.search(text, limit=limit, offset=offset, prefix_last=prefix_last)

    def pin(self, article_id: int, now: datetime | None = None) -> bool:
        return self.store.pin(article_id, now)

    def unpin(self, article_id: int) -> bool:
        return self.store.unpin(article_id)

    def toggle_pin(self, article_id: int, now: datetime | None = None) -> bool:
        """Pin an unpinned article or unpin a pinned one; returns whether it is now pinned."""
        if self.store.pin(article_id, now):
            return True
        self.store.unpin(article_id)
        return False

    def move_pin(self, article_id: int, steps: int) -> None:
        self.store.move_pin(article_id, steps)

    def watch_list(self, *, limit: int = 500) -> list[Headline]:
        """Pinned stories, newest pin first (or as the reader reordered them)."""
        return self.store.headlines(HeadlineFilter(pinned=True), limit=limit)

    def follow_ups(self, article_id: int, *, limit: int = 20) -> list[Headline]:
        """Articles that arrived after a story was pinned and share its key names and terms.

        For an unpinned article, every related article in the library.
        """
        article = self.store.article(article_id)
        terms = key_terms(article.headline, article.standfirst)
        return self.store.related(
            terms, exclude=article_id, added_since=article.pinned_at, limit=limit
        )

    def watch_list_with_follow_ups(self, *, limit: int = 500) -> list[tuple[Headline, int]]:
        """The watch list, each story with how many follow-ups have arrived since it was pinned."""
        return [
            (headline, len(self.follow_ups(headline.id, limit=FOLLOW_UPS_COUNTED)))
            for headline in self.watch_list(limit=limit)
        ]

    def set_read(self, article_ids: Sequence[int], read: bool = True) -> None:
        self.store.set_read(article_ids, read)

    def remove(self, article_id: int) -> None:
        self.store.remove(article_id)

    def stats(self) -> dict[str, int]:
        return self.store.stats()

    def setting(self, key: str) -> object | None:
        return self.store.setting(key)

    def set_setting(self, key: str, value: object) -> None:
        self.store.set_setting(key, value)

    # Feeds: subscriptions, OPML and refresh.

    def feeds(self, *, tag: str | None = None) -> list[Feed]:
        """Every subscription (those with `tag`, when given), by title."""
        return self.store.list_feeds(tag=tag)

    def feed(self, url_or_id: str | int) -> Feed:
        """A subscription by its id or url.

        Raises:
            NotFoundError: nothing is subscribed under that id or url.
        """
        if isinstance(url_or_id, int) or url_or_id.strip().isdigit():
            return self.store.feed(int(url_or_id))
        found = self.store.feed_by_url(url_or_id.strip())
        if found is None:
            raise NotFoundError(f"not subscribed to {url_or_id}")
        return found

    def subscribe(
        self, url: str, tags: Sequence[str] = (), *, options: FetchOptions | None = None
    ) -> Feed:
        """Subscribe to a feed, or to the feed a web page announces, and store its items.

        Subscribing again to the same url adds the tags and changes nothing else.

        Raises:
            FetchError: the url cannot be fetched.
            LoadError: it is neither a feed nor a page that names one.
        """
        from bitereader.fetch import fetch_one
        from bitereader.loaders.feeds import discover_feeds, parse_feed

        url = _http_url(url)
        if (known := self.store.feed_by_url(url)) is not None:
            return self.store.add_feed(known.url, tags=tags)[0]
        fetched = fetch_one(url, options=options)
        if is_html(fetched):
            found = discover_feeds(fetched.body, url=fetched.url)
            if not found:
                raise LoadError(
                    f"{url}: no feed found on this page (it has no <link rel=alternate> "
                    "to an RSS, Atom or JSON feed)"
                )
            url = found[0]
            if (known := self.store.feed_by_url(url)) is not None:
                return self.store.add_feed(known.url, tags=tags)[0]
            fetched = fetch_one(url, options=options)
        parsed = parse_feed(fetched.body, url=fetched.url, content_type=fetched.content_type)
        now = datetime.now(UTC)
        feed, _ = self.store.add_feed(
            fetched.moved_to or url, title=parsed.title, site_url=parsed.site_url, tags=tags
        )
        assert feed.id is not None
        self.store.save_refresh(feed.id, parsed.articles, feed_update(fetched, parsed), now=now)
        return self.store.feed(feed.id)

    def unsubscribe(self, url_or_id: str) -> Feed:
        """Remove a subscription; its articles stay in the library. Returns the removed feed.

        Raises:
            NotFoundError: nothing is subscribed under that id or url.
        """
        feed = self.feed(url_or_id)
        assert feed.id is not None
        self.store.remove_feed(feed.id)
        return feed

    def import_opml(self, path: str | Path) -> AddReport:
        """Subscribe to every feed an OPML file lists, folders and categories as tags.

        Nothing is fetched; the next refresh does that. Feeds already subscribed gain the tags.

        Raises:
            LoadError: the file cannot be read or is not OPML.
        """
        from bitereader.loaders.opml import parse_opml

        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise LoadError(f"{path}: {error.strerror or error}") from None
        report = AddReport()
        for entry in parse_opml(data):
            if not entry.url.startswith(("http://", "https://")):
                report.failed += 1
                report.failures.append((entry.url, "not an http(s) url"))
                continue
            feed, created = self.store.add_feed(
                entry.url, title=entry.title, site_url=entry.site_url, tags=entry.tags
            )
            if created:
                report.added += 1
            else:
                report.skipped += 1
            if feed.id is not None:
                report.ids.append(feed.id)
        return report

    def export_opml(self) -> bytes:
        """Every subscription as an OPML 2.0 document, tags as categories."""
        from bitereader.loaders.opml import OpmlFeed, write_opml

        return write_opml(
            [OpmlFeed(f.url, f.title, f.site_url, f.tags) for f in self.store.list_feeds()]
        )

    def refresh(
        self,
        *,
        tag: str | None = None,
        on_feed_done: Callable[[FeedResult], None] | None = None,
        options: FetchOptions | None = None,
    ) -> RefreshReport:
        """Fetch every subscribed feed (those with `tag`) concurrently and store new items.

        Runs its own asyncio loop, so call it from a thread with no loop running (a Textual
        thread worker, the command line). `on_feed_done` is called from this calling thread
        after each feed's articles are stored, in the order feeds finish. A feed that fails
        is recorded on the feed and never stops the others; a feed whose server asked us to
        wait (Retry-After) is skipped until then.
        """
        feeds = self.store.list_feeds(tag=tag)
        if not feeds:
            return RefreshReport([])
        return FeedRefresher(self.store).run(feeds, options, on_feed_done)


def _load_all(
    files: list[Path], max_bytes: int
) -> Iterator[tuple[Path, list[Article] | LoadError]]:
    """Load files in order, spreading the parsing over every core when there are many."""
    load = partial(_load_one, max_bytes=max_bytes)
    if len(files) < PARALLEL_MIN_FILES or (os.cpu_count() or 1) < 2:
        yield from zip(files, map(load, files), strict=True)
        return
    with ProcessPoolExecutor() as pool:
        yield from zip(files, pool.map(load, files, chunksize=16), strict=True)


def _load_one(path: Path, *, max_bytes: int) -> list[Article] | LoadError:
    try:
        return load_file(path, max_bytes=max_bytes)
    except LoadError as error:
        return error


def _count(report: AddReport, status: SaveStatus) -> None:
    if status == "added":
        report.added += 1
    elif status == "updated":
        report.updated += 1
    else:
        report.skipped += 1


def collect_files(targets: Sequence[Path], report: AddReport) -> Iterator[Path]:
    """Expand files and folders into the readable files among them, checking every path first.

    Raises:
        LoadError: a path does not exist, or a folder holds nothing readable.
    """
    for target in targets:
        if not target.exists():
            raise LoadError(f"{target}: no such file or folder")
    for target in targets:
        if target.is_dir():
            found = [path for path in _walk(target) if _readable(path, report)]
            if not found:
                raise LoadError(f"{target}: no saved pages or feed files in this folder")
            yield from found
        elif _readable(target, report):
            yield target


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file():
            yield path


def _readable(path: Path, report: AddReport) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        report.failed += 1
        report.failures.append((str(path), error.strerror or str(error)))
        return False
    if format_of(path, head) is None:
        report.skipped += 1
        report.notes.append(f"{path}: skipped, not a saved page or feed file")
        return False
    return True


def _http_url(url: str) -> str:
    """A url as typed, with https:// added when no scheme was given.

    Raises:
        FetchError: it names another scheme (file:, ftp:, ...).
    """
    url = url.strip()
    if "://" not in url:
        url = f"https://{url}"
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"{url}: only http and https feeds can be subscribed to")
    return url
