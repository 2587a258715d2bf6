"""Storing a feed's items batch by batch: a feed's first batch skips looking up its own guids,
and nothing else it must find is missed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bitereader.models import Article
from bitereader.store import Store
from bitereader.store.feeds import ItemCounts, item_row

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "lib.sqlite")
    yield store
    store.close()


def article(n: int, **changes: object) -> Article:
    made = Article(
        headline=f"Ferry timetable {n}",
        paragraphs=(f"Boats run hourly on day {n}.",),
        url=f"https://news.example/ferry-{n}",
        guid=f"ferry-{n}",
    )
    return replace(made, **changes)  # type: ignore[arg-type]


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
