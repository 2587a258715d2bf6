"""Subscribing and refreshing against a real HTTP server on 127.0.0.1 (pytest-httpserver)."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import bitereader.loaders.feeds as feeds_module
import bitereader.refresh as refresh_module
from bitereader import __version__
from bitereader.errors import FetchError, LoadError
from bitereader.fetch import FetchOptions
from bitereader.library import FeedResult, Library
from bitereader.store import HeadlineFilter

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"
RSS = "application/rss+xml"


def rss(*titles: str, channel: str = "Test feed") -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>https://site.example/{t.replace(' ', '-')}</link>"
        f"<description>Text of {t}.</description></item>"
        for t in titles
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{channel}</title><link>https://site.example/</link>{items}</channel></rss>"
    ).encode()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every feed document the refresh reads (the real reader still runs)."""
    seen: list[str] = []
    real = feeds_module.open_feed

    def counting(data: bytes, **kwargs: object):
        seen.append(str(kwargs.get("url")))
        return real(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(feeds_module, "open_feed", counting)
    return seen


def add(library: Library, url: str, tags: tuple[str, ...] = ()) -> int:
    feed, _ = library.store.add_feed(url, tags=tags)
    assert feed.id is not None
    return feed.id


def test_200_stores_items_and_feed_title(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_request("/feed").respond_with_data(rss("One", "Two"), content_type=RSS)
    feed_id = add(library, httpserver.url_for("/feed"))
    report = library.refresh()
    assert report.summary() == "1 feed: 1 updated, 0 unchanged, 0 failed; 2 new articles"
    feed = library.store.feed(feed_id)
    assert (feed.title, feed.item_count, feed.last_status, feed.last_error) == (
        "Test feed",
        2,
        "updated",
        None,
    )
    request, _ = httpserver.log[0]
    assert request.headers["User-Agent"] == f"bitereader/{__version__} (terminal news reader)"
    assert {h.headline for h in library.headlines(HeadlineFilter(feed_id=feed_id))} == {
        "One",
        "Two",
    }


def test_304_with_etag_parses_nothing(
    httpserver: HTTPServer, library: Library, parses: list[str]
) -> None:
    body = rss("One")

    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(body, content_type=RSS, headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed").respond_with_handler(handler)
    feed_id = add(library, httpserver.url_for("/feed"))
    assert library.refresh().updated == 1
    before = library.store.feed(feed_id)
    assert before.etag == '"v1"'
    rows_before = library.headlines()
    assert len(parses) == 1

    second = library.refresh()
    assert (second.unchanged, second.new_articles) == (1, 0)
    assert len(parses) == 1  # nothing was parsed
    assert httpserver.log[-1][0].headers.get("If-None-Match") == '"v1"'
    assert httpserver.log[-1][1].status_code == 304
    assert library.headlines() == rows_before
    assert library.store.feed(feed_id).last_status == "unchanged"


def test_304_with_last_modified(
    httpserver: HTTPServer, library: Library, parses: list[str]
) -> None:
    stamp = "Wed, 04 Jun 2025 10:00:00 GMT"

    def handler(request: Request) -> Response:
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(status=304)
        return Response(rss("One"), content_type=RSS, headers={"Last-Modified": stamp})

    httpserver.expect_request("/feed").respond_with_handler(handler)
    add(library, httpserver.url_for("/feed"))
    library.refresh()
    assert library.refresh().unchanged == 1
    assert len(parses) == 1
    assert "If-None-Match" not in httpserver.log[-1][0].headers
    assert httpserver.log[-1][1].status_code == 304


def test_identical_body_without_validators_is_not_parsed(
    httpserver: HTTPServer, library: Library, parses: list[str]
) -> None:
    httpserver.expect_request("/feed").respond_with_data(rss("One"), content_type=RSS)
    add(library, httpserver.url_for("/feed"))
    library.refresh()
    assert library.refresh().unchanged == 1
    assert len(parses) == 1


def test_unchanged_refresh_of_many_feeds_is_conditional_only(
    httpserver: HTTPServer, library: Library, parses: list[str]
) -> None:
    def handler(request: Request) -> Response:
        tag = f'"{request.path}"'
        if request.headers.get("If-None-Match") == tag:
            return Response(status=304)
        return Response(rss(f"Item {request.path[-1]}"), content_type=RSS, headers={"ETag": tag})

    for n in range(5):
        httpserver.expect_request(f"/feed{n}").respond_with_handler(handler)
        add(library, httpserver.url_for(f"/feed{n}"))
    assert library.refresh().new_articles == 5
    assert len(parses) == 5
    log_size = len(httpserver.log)
    second = library.refresh()
    assert second.summary() == "5 feeds: 0 updated, 5 unchanged, 0 failed; 0 new articles"
    assert len(parses) == 5
    new_requests = httpserver.log[log_size:]
    assert len(new_requests) == 5
    assert all(request.headers.get("If-None-Match") for request, _ in new_requests)


def test_permanent_redirect_updates_url(httpserver: HTTPServer, library: Library) -> None:
    new = httpserver.url_for("/new")
    httpserver.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": new})
    )
    httpserver.expect_request("/new").respond_with_data(rss("Moved"), content_type=RSS)
    feed_id = add(library, httpserver.url_for("/old"))
    assert library.refresh().updated == 1
    assert library.store.feed(feed_id).url == new


def test_temporary_redirect_keeps_url(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_request("/old").respond_with_response(
        Response(status=302, headers={"Location": httpserver.url_for("/elsewhere")})
    )
    httpserver.expect_request("/elsewhere").respond_with_data(rss("Here"), content_type=RSS)
    old = httpserver.url_for("/old")
    feed_id = add(library, old)
    assert library.refresh().updated == 1
    feed = library.store.feed(feed_id)
    assert (feed.url, feed.item_count) == (old, 1)


@pytest.mark.parametrize(("status", "message"), [(404, "HTTP 404"), (500, "HTTP 500")])
def test_http_errors_are_stored_on_the_feed(
    httpserver: HTTPServer, library: Library, status: int, message: str
) -> None:
    httpserver.expect_request("/feed").respond_with_data("nope", status=status)
    feed_id = add(library, httpserver.url_for("/feed"))
    report = library.refresh()
    assert report.failed == 1
    assert message in (report.results[0].error or "")
    feed = library.store.feed(feed_id)
    assert feed.last_status == "failed"
    assert feed.last_error is not None and message in feed.last_error


def test_failure_keeps_what_was_stored(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_ordered_request("/feed").respond_with_data(rss("Kept"), content_type=RSS)
    httpserver.expect_ordered_request("/feed").respond_with_data("down", status=500)
    feed_id = add(library, httpserver.url_for("/feed"))
    library.refresh()
    assert library.refresh().failed == 1
    assert library.store.feed(feed_id).item_count == 1


def test_slow_server_times_out(httpserver: HTTPServer, library: Library) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response(rss("Late"), content_type=RSS)

    httpserver.expect_request("/slow").respond_with_handler(slow)
    feed_id = add(library, httpserver.url_for("/slow"))
    started = time.monotonic()
    report = library.refresh(options=FetchOptions(timeout=0.3))
    assert time.monotonic() - started < 1.4
    assert report.failed == 1
    assert "timed out after 0.3 s" in (library.store.feed(feed_id).last_error or "")


def test_gzip_body(httpserver: HTTPServer, library: Library) -> None:
    body = gzip.compress(rss("Zipped"))
    httpserver.expect_request("/feed").respond_with_data(
        body, content_type=RSS, headers={"Content-Encoding": "gzip"}
    )
    add(library, httpserver.url_for("/feed"))
    assert library.refresh().new_articles == 1
    assert "gzip" in httpserver.log[0][0].headers.get("Accept-Encoding", "")
    assert library.headlines()[0].headline == "Zipped"


def test_oversized_body_is_refused(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_request("/big").respond_with_data(
        rss(*(f"Item {n}" for n in range(200))), content_type=RSS
    )
    feed_id = add(library, httpserver.url_for("/big"))
    report = library.refresh(options=FetchOptions(max_bytes=2_000))
    assert report.failed == 1
    assert "larger than the 2,000 byte limit" in (library.store.feed(feed_id).last_error or "")
    assert library.count() == 0


def test_oversized_gzip_body_is_measured_after_decompression(
    httpserver: HTTPServer, library: Library
) -> None:
    body = rss("Bomb") + b" " * 50_000
    httpserver.expect_request("/feed").respond_with_data(
        gzip.compress(body), content_type=RSS, headers={"Content-Encoding": "gzip"}
    )
    add(library, httpserver.url_for("/feed"))
    assert library.refresh(options=FetchOptions(max_bytes=10_000)).failed == 1


def test_malformed_xml_is_imported_with_its_warning(
    httpserver: HTTPServer, library: Library
) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        (DATA / "malformed.xml").read_bytes(), content_type=RSS
    )
    feed_id = add(library, httpserver.url_for("/feed"))
    assert library.refresh().new_articles == 1
    feed = library.store.feed(feed_id)
    assert feed.last_status == "updated" and feed.warning


def test_not_a_feed_fails_that_feed(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_request("/feed").respond_with_data(b"\x00\x01binary", content_type=RSS)
    feed_id = add(library, httpserver.url_for("/feed"))
    assert library.refresh().failed == 1
    assert "not a feed" in (library.store.feed(feed_id).last_error or "")


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("latin1-declared.xml", RSS),
        ("latin1-undeclared.xml", f"{RSS}; charset=iso-8859-1"),
    ],
)
def test_non_utf8_feeds_over_http(
    httpserver: HTTPServer, library: Library, name: str, content_type: str
) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        (DATA / name).read_bytes(), content_type=content_type
    )
    feed_id = add(library, httpserver.url_for("/feed"))
    library.refresh()
    assert library.store.feed(feed_id).title == "Café news"
    assert library.headlines()[0].headline == "Crème brûlée wins"


def test_retry_after_skips_the_feed_until_then(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_request("/busy").respond_with_data(
        "slow down", status=503, headers={"Retry-After": "3600"}
    )
    feed_id = add(library, httpserver.url_for("/busy"))
    first = library.refresh()
    assert first.failed == 1
    feed = library.store.feed(feed_id)
    assert feed.retry_after is not None and "retry after" in (feed.last_error or "")
    requests = len(httpserver.log)
    second = library.refresh()
    assert second.skipped == 1 and second.results[0].status == "skipped"
    assert len(httpserver.log) == requests  # the server was left alone


def test_429_with_http_date(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_request("/busy").respond_with_data(
        "", status=429, headers={"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}
    )
    feed_id = add(library, httpserver.url_for("/busy"))
    library.refresh()
    retry = library.store.feed(feed_id).retry_after
    assert retry is not None and retry.year == 2099


def test_one_failing_feed_never_stops_the_others(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_request("/good1").respond_with_data(rss("A1", "A2"), content_type=RSS)
    httpserver.expect_request("/bad").respond_with_data("gone", status=404)
    httpserver.expect_request("/good2").respond_with_data(rss("B1"), content_type=RSS)
    for path in ("/good1", "/bad", "/good2"):
        add(library, httpserver.url_for(path))
    add(library, "http://127.0.0.1:1/unreachable")
    done: list[FeedResult] = []
    report = library.refresh(on_feed_done=done.append)
    assert report.summary() == "4 feeds: 2 updated, 0 unchanged, 2 failed; 3 new articles"
    assert len(done) == 4
    errors = {f.url.rsplit("/", 1)[-1]: f.last_error for f in library.feeds()}
    assert "404" in (errors["bad"] or "")
    assert "cannot connect" in (errors["unreachable"] or "")
    assert errors["good1"] is None


def test_updated_items_keep_reader_state_and_removed_items_stay(
    httpserver: HTTPServer, library: Library
) -> None:
    first = rss("Alpha", "Beta")
    second = rss("Alpha", "Gamma").replace(b"Text of Alpha.", b"Corrected text of Alpha.")
    httpserver.expect_ordered_request("/feed").respond_with_data(first, content_type=RSS)
    httpserver.expect_ordered_request("/feed").respond_with_data(second, content_type=RSS)
    add(library, httpserver.url_for("/feed"))
    library.refresh()
    alpha = next(h for h in library.headlines() if h.headline == "Alpha")
    library.set_read([alpha.id])
    library.pin(alpha.id)
    report = library.refresh()
    assert report.new_articles == 1  # Gamma
    stored = library.article(alpha.id)
    assert stored.paragraphs == ("Corrected text of Alpha.",)
    assert stored.read and stored.pinned
    headlines = {h.headline for h in library.headlines()}
    assert headlines == {"Alpha", "Beta", "Gamma"}  # Beta left the feed but stays


def test_tag_filter_refreshes_only_tagged_feeds(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_request("/news").respond_with_data(rss("N"), content_type=RSS)
    httpserver.expect_request("/tech").respond_with_data(rss("T"), content_type=RSS)
    news = add(library, httpserver.url_for("/news"), ("news",))
    add(library, httpserver.url_for("/tech"), ("tech",))
    report = library.refresh(tag="news")
    assert [r.feed.id for r in report.results] == [news]
    assert [h.headline for h in library.headlines(HeadlineFilter(tag="news"))] == ["N"]


def test_subscribe_by_autodiscovery(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_request("/").respond_with_data(
        (DATA / "page-with-feed.html").read_bytes(), content_type="text/html"
    )
    httpserver.expect_request("/rss2.xml").respond_with_data(
        (DATA / "rss2.xml").read_bytes(), content_type=RSS
    )
    feed = library.subscribe(httpserver.url_for("/"), tags=["local", "news"])
    assert feed.url == httpserver.url_for("/rss2.xml")
    assert feed.title == "The Riverside Gazette"
    assert feed.tags == ("local", "news")
    assert feed.item_count == 3
    assert library.count(HeadlineFilter(tag="local")) == 3
    # Subscribing again only adds tags.
    again = library.subscribe(httpserver.url_for("/rss2.xml"), tags=["more"])
    assert again.id == feed.id and again.tags == ("local", "news", "more")


def test_subscribe_to_a_page_without_a_feed(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_request("/").respond_with_data(
        (DATA / "page-without-feed.html").read_bytes(), content_type="text/html"
    )
    with pytest.raises(LoadError, match="no feed found on this page"):
        library.subscribe(httpserver.url_for("/"))
    assert library.feeds() == []


def test_subscribe_refuses_other_schemes(library: Library) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        library.subscribe("file:///etc/passwd")


def test_unsubscribe_keeps_articles(httpserver: HTTPServer, library: Library) -> None:
    httpserver.expect_request("/feed").respond_with_data(rss("Stay"), content_type=RSS)
    feed = library.subscribe(httpserver.url_for("/feed"))
    removed = library.unsubscribe(str(feed.id))
    assert removed.url == feed.url
    assert library.feeds() == []
    assert [h.headline for h in library.headlines()] == ["Stay"]


@pytest.fixture(params=["whole", "streamed"])
def feed_route(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Small feeds are read and built whole in one task, big ones a chunk at a time: a test
    taking this runs both ways (every feed counting as big for "streamed")."""
    if request.param == "streamed":
        monkeypatch.setattr(refresh_module, "WHOLE_FEED_BYTES", 0)
    return request.param


@pytest.mark.usefixtures("feed_route")
def test_big_feed_is_built_in_worker_processes(
    httpserver: HTTPServer,
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Enough to switch on the process pool; the result must be the same articles."""
    monkeypatch.setattr(refresh_module, "PROCESS_WARM_BYTES", 1024)
    titles = [f"Story {n}" for n in range(400)]
    httpserver.expect_request("/big").respond_with_data(rss(*titles), content_type=RSS)
    add(library, httpserver.url_for("/big"))
    assert library.refresh().new_articles == 400
    stored = library.article(library.headlines(limit=1)[0].id)
    assert stored.paragraphs == (f"Text of {stored.headline}.",)
    assert library.count() == 400


@pytest.mark.usefixtures("feed_route")
def test_changed_feed_rebuilds_only_new_and_changed_items(
    httpserver: HTTPServer,
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[str] = []
    real = feeds_module.build_articles

    def counting(items, source):  # type: ignore[no-untyped-def]
        built.extend(item.title for item in items)
        return real(items, source)

    monkeypatch.setattr(feeds_module, "build_articles", counting)
    first = rss("One", "Two", "Three")
    second = rss("Zero", "One", "Two", "Three").replace(b"Text of Two.", b"New text of Two.")
    httpserver.expect_ordered_request("/feed").respond_with_data(first, content_type=RSS)
    httpserver.expect_ordered_request("/feed").respond_with_data(second, content_type=RSS)
    add(library, httpserver.url_for("/feed"))
    library.refresh()
    assert sorted(built) == ["One", "Three", "Two"]
    built.clear()
    report = library.refresh()
    assert sorted(built) == ["Two", "Zero"]
    assert report.new_articles == 1
    two = next(h for h in library.headlines() if h.headline == "Two")
    assert library.article(two.id).paragraphs == ("New text of Two.",)


@pytest.mark.usefixtures("feed_route")
def test_big_feed_is_stored_in_feed_order_and_its_changes_rebuilt(
    httpserver: HTTPServer,
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Chunks of a long feed are built in the thread and in worker processes, and come back
    in whatever order they finish; they are stored in feed order all the same. Read whole,
    the same."""
    titles = [f"Story {n}" for n in range(700)]
    first = rss(*titles)
    second = rss("Newest", *titles).replace(b"Text of Story 650.", b"New text of Story 650.")
    httpserver.expect_ordered_request("/big").respond_with_data(first, content_type=RSS)
    httpserver.expect_ordered_request("/big").respond_with_data(second, content_type=RSS)
    feed_id = add(library, httpserver.url_for("/big"))
    assert library.refresh().new_articles == 700
    by_id = sorted(library.headlines(limit=1000), key=lambda h: h.id)
    assert [h.headline for h in by_id] == titles
    links = [f"https://site.example/{t.replace(' ', '-')}" for t in titles]
    assert len(library.store.item_digests(feed_id, links)) == 700

    report = library.refresh()
    assert (report.updated, report.new_articles) == (1, 1)
    changed = next(h for h in library.headlines(limit=1000) if h.headline == "Story 650")
    assert library.article(changed.id).paragraphs == ("New text of Story 650.",)
    assert library.count() == 701


@pytest.mark.usefixtures("feed_route")
def test_a_feed_that_fails_while_building_keeps_no_validators_and_stops_no_other(
    httpserver: HTTPServer,
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = feeds_module.build_articles

    def failing(items, source):  # type: ignore[no-untyped-def]
        if any(item.title == "Poison" for item in items):
            raise RuntimeError("extractor bug")
        return real(items, source)

    monkeypatch.setattr(feeds_module, "build_articles", failing)
    httpserver.expect_request("/bad").respond_with_data(rss("Fine", "Poison"), content_type=RSS)
    httpserver.expect_request("/good").respond_with_data(rss("Good news"), content_type=RSS)
    bad, good = add(library, httpserver.url_for("/bad")), add(library, httpserver.url_for("/good"))
    report = library.refresh()
    assert (report.updated, report.failed, report.new_articles) == (1, 1, 1)
    failed = library.store.feed(bad)
    assert failed.last_error == "internal error: RuntimeError: extractor bug"
    assert failed.body_hash is None  # so the next refresh reads the whole feed again
    assert library.store.feed(good).item_count == 1

    monkeypatch.setattr(feeds_module, "build_articles", real)
    assert library.refresh().new_articles == 2
    assert library.store.feed(bad).last_status == "updated"


def test_a_feed_read_whole_in_a_worker_process_fails_with_the_readers_message(
    httpserver: HTTPServer, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader's error crosses back from the worker process as the feed's one-line error."""
    monkeypatch.setattr(refresh_module, "PROCESS_WARM_BYTES", 1)
    httpserver.expect_request("/bad").respond_with_data(b"\x00\x01 not a feed", content_type=RSS)
    httpserver.expect_request("/good").respond_with_data(rss("Good news"), content_type=RSS)
    bad, good = add(library, httpserver.url_for("/bad")), add(library, httpserver.url_for("/good"))
    report = library.refresh()
    assert (report.updated, report.failed, report.new_articles) == (1, 1, 1)
    failed = library.store.feed(bad)
    assert failed.last_status == "failed" and failed.last_error
    assert "internal error" not in failed.last_error and "\n" not in failed.last_error
    assert library.store.feed(good).item_count == 1
