"""Storing a feed's items in bulk from rows built elsewhere, with each raw item's digest."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from bitereader.models import Article, Caption, Quote
from bitereader.store import Store
from bitereader.store.feeds import ItemCounts, item_row

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def article(n: int, **changes: object) -> Article:
    made = Article(
        headline=f"Ferry timetable {n}",
        paragraphs=(f"“Boats run hourly,” said Ana on day {n}.",),
        url=f"https://news.example/ferry-{n}",
        source="Harbour news",
        captions=(Caption("The ferry", "Ben", 0),),
        quotes=(Quote("Boats run hourly,", "Ana", None, "direct", 0, 1, 18),),
        guid=f"ferry-{n}",
    )
    return replace(made, **changes)  # type: ignore[arg-type]


def test_digests_are_stored_with_new_items_and_follow_changes(store: Store) -> None:
    feed, _ = store.add_feed("https://news.example/rss")
    assert feed.id is not None
    rows = [item_row(article(n)) for n in range(3)]
    digests = {f"ferry-{n}": f"d{n}" for n in range(3)}
    assert store.save_items(feed.id, rows, now=NOW, digests=digests) == ItemCounts(added=3)
    guids = list(digests)
    assert store.item_digests(feed.id, guids) == digests

    # Same articles from changed raw items (say, a tracking parameter): only the digest moves.
    again = {**digests, "ferry-1": "d1-again"}
    assert store.save_items(feed.id, rows, now=NOW, digests=again) == ItemCounts(unchanged=3)
    assert store.item_digests(feed.id, guids) == again

    changed = [item_row(article(2, paragraphs=("Boats run every half hour.",)))]
    counts = store.save_items(feed.id, changed, now=NOW, digests={"ferry-2": "d2-new"})
    assert counts == ItemCounts(updated=1)
    assert store.item_digests(feed.id, guids)["ferry-2"] == "d2-new"
    stored = store.article(store.headlines(limit=5)[0].id)
    assert stored.guid == "ferry-2" and stored.paragraphs == ("Boats run every half hour.",)
    assert [h.headline for h in store.search("half")] == ["Ferry timetable 2"]


def test_rows_store_the_same_article_save_refresh_stores(store: Store) -> None:
    from bitereader.store import FeedUpdate

    one, _ = store.add_feed("https://one.example/rss")
    two, _ = store.add_feed("https://two.example/rss")
    assert one.id is not None and two.id is not None
    store.save_items(one.id, [item_row(article(1))], now=NOW)
    store.save_refresh(two.id, [article(2)], FeedUpdate(title="Two"), now=NOW)
    by_guid = {h.headline: store.article(h.id) for h in store.headlines()}
    first, second = by_guid["Ferry timetable 1"], by_guid["Ferry timetable 2"]
    assert replace(first, id=None, feed_id=None, added_at=None) == article(1)
    assert replace(second, id=None, feed_id=None, added_at=None) == article(2)
    found = sorted(h.headline for h in store.search("hourly"))
    assert found == ["Ferry timetable 1", "Ferry timetable 2"]
    assert sorted(h.headline for h in store.search("ferry Ben")) == found  # captions indexed


def test_the_last_batch_goes_in_with_what_the_fetch_found(store: Store) -> None:
    from bitereader.store import FeedUpdate

    feed, _ = store.add_feed("https://news.example/rss")
    assert feed.id is not None
    store.save_items(feed.id, [item_row(article(1))], now=NOW, digests={"ferry-1": "d1"})
    assert store.feed(feed.id).body_hash is None  # not the last batch: the feed is as it was
    update = FeedUpdate(etag='"v2"', body_hash="b2", title="Harbour news", url="https://new/rss")
    rows, digests = [item_row(article(2))], {"ferry-2": "d2"}
    counts = store.save_items(feed.id, rows, now=NOW, digests=digests, update=update)
    assert counts == ItemCounts(added=1)
    stored = store.feed(feed.id)
    assert (stored.etag, stored.body_hash, stored.title, stored.url) == (
        '"v2"',
        "b2",
        "Harbour news",
        "https://new/rss",
    )
    assert (stored.last_status, stored.last_refresh, stored.item_count) == ("updated", NOW, 2)
    assert store.item_digests(feed.id, ["ferry-1", "ferry-2"]) == {"ferry-1": "d1", "ferry-2": "d2"}


# A feed's first batch skips looking up its own guids; nothing else it must find is missed.


def test_a_later_batch_of_a_new_feed_finds_the_items_of_its_first(store: Store) -> None:
    feed, _ = store.add_feed("https://news.example/rss")
    assert feed.id is not None
    first = [item_row(article(n)) for n in range(3)]
    assert store.save_items(feed.id, first, now=NOW) == ItemCounts(added=3)
    changed = item_row(article(1, paragraphs=("Boats run every half hour.",)))
    second = [changed, item_row(article(2)), item_row(article(3))]
    assert store.save_items(feed.id, second, now=NOW) == ItemCounts(added=1, updated=1, unchanged=1)
    assert store.count_headlines() == 4
    stored = {store.article(h.id).guid: store.article(h.id) for h in store.headlines()}
    assert stored["ferry-1"].paragraphs == ("Boats run every half hour.",)


def test_a_new_feed_still_meets_urls_and_text_from_other_feeds(store: Store) -> None:
    one, _ = store.add_feed("https://one.example/rss")
    two, _ = store.add_feed("https://two.example/rss")
    assert one.id is not None and two.id is not None
    store.save_items(one.id, [item_row(article(1)), item_row(article(2))], now=NOW)
    same_url = article(1, guid="other-1", headline="Another headline")
    same_text = article(2, guid="other-2", url="https://two.example/copy")
    new = article(3, guid="other-3", url="https://two.example/new")
    rows = [item_row(same_url), item_row(same_text), item_row(new)]
    assert store.save_items(two.id, rows, now=NOW) == ItemCounts(added=1, unchanged=2)
    assert store.feed(two.id).item_count == 1


def test_a_new_feed_with_the_same_guid_twice_in_a_batch_keeps_the_last(store: Store) -> None:
    feed, _ = store.add_feed("https://news.example/rss")
    assert feed.id is not None
    rows = [item_row(article(1)), item_row(article(1, headline="Ferry timetable, revised"))]
    assert store.save_items(feed.id, rows, now=NOW) == ItemCounts(added=1)
    (headline,) = store.headlines()
    assert headline.headline == "Ferry timetable, revised"


def test_text_that_comes_as_utf8_is_stored_as_text(store: Store, tmp_path: Path) -> None:
    """Paragraphs and bodies built as UTF-8 bytes (see rows.Text) are text in the library,
    through the bulk path and the one-article path alike, and read back as they were."""
    feed, _ = store.add_feed("https://news.example/rss")
    assert feed.id is not None
    rows = [item_row(article(n)) for n in range(2)]
    assert all(isinstance(row[0][9], bytes) and isinstance(row[1][2], bytes) for row in rows)
    store.save_items(feed.id, rows, now=NOW, digests={})
    updated = store.save_articles([article(1, paragraphs=("“Ferries resume,” Ana said.",))])
    added = store.save_articles([article(5, guid=None, url="https://news.example/other")])
    same = store.save_articles([article(0)])
    assert [status for _, status in updated + added + same] == ["updated", "added", "unchanged"]
    with sqlite3.connect(tmp_path / "lib.sqlite") as conn:
        assert set(conn.execute("SELECT typeof(paragraphs) FROM articles")) == {("text",)}
        assert set(conn.execute("SELECT typeof(body) FROM articles_fts")) == {("text",)}
    stored = store.article(store.search("resume")[0].id)
    assert stored.paragraphs == ("“Ferries resume,” Ana said.",)
    assert "“Ferries" in (store.search("resume")[0].snippet or "")
