"""A refresh stores its feeds a few to a transaction, and one feed's failure stays its own."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import bitereader.refresh as refresh_module
from bitereader.errors import StoreError
from bitereader.library import FeedResult, Library
from bitereader.store import Store

RSS = "application/rss+xml"
NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def rss(name: str, items: int = 2) -> bytes:
    entries = "".join(
        f"<item><title>{name} story {n}</title><link>https://{name}.example/{n}</link>"
        f"<description>What happened in {name}, part {n}.</description></item>"
        for n in range(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{name}</title><link>https://{name}.example/</link>{entries}</channel></rss>"
    ).encode()


def serve_feeds(httpserver: HTTPServer, library: Library, names: list[str]) -> None:
    for name in names:
        httpserver.expect_request(f"/{name}").respond_with_data(rss(name), content_type=RSS)
        library.store.add_feed(httpserver.url_for(f"/{name}"))


def commits_during(library: Library) -> list[str]:
    """The COMMITs the library's connection on this thread (the refresh's loop) runs from now."""
    commits: list[str] = []
    library.store.db.conn.set_trace_callback(
        lambda sql: commits.append(sql) if sql.startswith("COMMIT") else None
    )
    return commits


def test_a_batch_is_one_transaction_seen_whole_or_not_at_all(store: Store) -> None:
    feed, _ = store.add_feed("https://one.example/feed")
    assert feed.id is not None
    outside = sqlite3.connect(store.path)
    query = "SELECT tags, last_error FROM feeds"
    try:
        with store.batch():
            store.set_feed_tags(feed.id, ["world"])
            store.record_failure(feed.id, "timed out", now=NOW)
            assert outside.execute(query).fetchone() == ("[]", None)
        assert outside.execute(query).fetchone() == ('["world"]', "timed out")
    finally:
        outside.close()


def test_a_failure_in_a_batch_rolls_all_of_it_back(store: Store) -> None:
    feed, _ = store.add_feed("https://one.example/feed")
    assert feed.id is not None
    with pytest.raises(StoreError), store.batch():
        store.set_feed_tags(feed.id, ["world"])
        with store.db.transaction() as conn:
            conn.execute("INSERT INTO no_such_table VALUES (1)")
    assert store.feed(feed.id).tags == ()
    store.set_feed_tags(feed.id, ["after"])  # the library writes again after the rollback
    assert store.feed(feed.id).tags == ("after",)


def test_feeds_found_together_are_stored_in_one_transaction(
    httpserver: HTTPServer, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No timer: the writes go in once every feed is waiting to write.
    monkeypatch.setattr(refresh_module, "BATCH_DELAY", 60.0)
    names = [f"site{n}" for n in range(8)]
    serve_feeds(httpserver, library, names)
    committed = commits_during(library)
    report = library.refresh()
    assert report.summary() == "8 feeds: 8 updated, 0 unchanged, 0 failed; 16 new articles"
    assert len(committed) == 1
    committed.clear()
    second = library.refresh()
    assert second.summary() == "8 feeds: 0 updated, 8 unchanged, 0 failed; 0 new articles"
    assert len(committed) == 1


def test_a_batch_goes_once_enough_rows_wait(
    httpserver: HTTPServer, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each feed brings two rows: with two enough, every feed's write goes at once.
    monkeypatch.setattr(refresh_module, "BATCH_DELAY", 60.0)
    monkeypatch.setattr(refresh_module, "BATCH_ROWS", 2)
    serve_feeds(httpserver, library, [f"site{n}" for n in range(4)])
    committed = commits_during(library)
    assert library.refresh().new_articles == 8
    assert len(committed) == 4


@pytest.fixture
def threaded_server() -> Iterator[HTTPServer]:
    """A server that answers requests at once, each in a thread (httpserver takes them in turn)."""
    server = HTTPServer(threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


def test_a_feed_stored_early_does_not_wait_for_a_slow_one(
    threaded_server: HTTPServer, library: Library
) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response(rss("slow"), content_type=RSS)

    serve_feeds(threaded_server, library, ["quick"])
    threaded_server.expect_request("/slow").respond_with_handler(slow)
    library.store.add_feed(threaded_server.url_for("/slow"))
    done: list[tuple[float, FeedResult]] = []
    library.refresh(on_feed_done=lambda result: done.append((time.monotonic(), result)))
    (quick_at, quick), (slow_at, slow_result) = done
    assert quick.feed.title == "quick" and quick.new_articles == 2
    assert slow_result.feed.title == "slow" and slow_result.new_articles == 2
    assert slow_at - quick_at > 1.0


def test_a_feed_whose_items_cannot_be_stored_fails_alone(
    httpserver: HTTPServer, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(refresh_module, "BATCH_DELAY", 60.0)  # all in one batch
    names = ["alpha", "beta", "gamma", "delta"]
    serve_feeds(httpserver, library, names)
    with library.store.db.transaction() as conn:
        conn.execute(
            "CREATE TRIGGER refuse_gamma BEFORE INSERT ON articles "
            "WHEN NEW.url LIKE 'https://gamma.example/%' "
            "BEGIN SELECT RAISE(ABORT, 'gamma refused'); END"
        )
    report = library.refresh()
    assert report.summary() == "4 feeds: 3 updated, 0 unchanged, 1 failed; 6 new articles"
    by_title = {result.feed.url.rsplit("/", 1)[-1]: result for result in report.results}
    assert "gamma refused" in (by_title["gamma"].error or "")
    assert by_title["gamma"].feed.last_status == "failed"
    assert by_title["gamma"].feed.body_hash is None  # its next refresh reads it again
    assert {name: by_title[name].feed.item_count for name in names} == {
        "alpha": 2,
        "beta": 2,
        "gamma": 0,
        "delta": 2,
    }
