"""The SQLite store: round trip, dedupe, migrations, search, reader state and failures."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bitereader.errors import NotFoundError, StoreError
from bitereader.models import Article, Caption, Quote
from bitereader.store import HeadlineFilter, Store
from bitereader.store.schema import LATEST_VERSION, MIGRATIONS

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def make_article(n: int = 1, **changes: object) -> Article:
    fields: dict[str, object] = {
        "headline": f"Harbour strike enters day {n}",
        "paragraphs": (f"Dockworkers stayed out for day {n} of the strike.", "Talks resume."),
        "url": f"https://news.example/strike-{n}",
        "source": "news.example",
        "kicker": "Business",
        "standfirst": "Unions want job guarantees.",
        "authors": ("Jane Okafor",),
        "wire": "Reuters",
        "published": datetime(2026, 3, n, 9, 30, tzinfo=UTC),
        "captions": (Caption("Idle cranes", "Reuters", 1),),
        "quotes": (
            Quote("Talks resume", "Maria Lindqvist", "union president", "direct", 1, 0, 12),
        ),
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "lib.sqlite")


def test_round_trip_keeps_every_field(store: Store) -> None:
    original = make_article()
    [(article_id, status)] = store.save_articles([original], now=NOW)
    assert status == "added"
    loaded = store.article(article_id)
    assert loaded.added_at == NOW
    assert loaded.id == article_id
    for field in (
        "headline",
        "paragraphs",
        "url",
        "source",
        "kicker",
        "standfirst",
        "authors",
        "wire",
        "published",
        "captions",
        "quotes",
    ):
        assert getattr(loaded, field) == getattr(original, field), field


def test_same_url_updates_in_place_and_keeps_reader_state(store: Store) -> None:
    [(article_id, _)] = store.save_articles([make_article()])
    store.pin(article_id, now=NOW)
    store.set_read([article_id])
    changed = make_article(paragraphs=("A corrected first paragraph.",))
    assert store.save_articles([changed]) == [(article_id, "updated")]
    loaded = store.article(article_id)
    assert loaded.paragraphs == ("A corrected first paragraph.",)
    assert loaded.read and loaded.pinned_at == NOW
    assert store.count_headlines() == 1


def test_same_content_without_url_is_one_article(store: Store) -> None:
    first = make_article(url=None)
    again = make_article(url=None, headline="HARBOUR  strike enters day 1")
    [(article_id, _)] = store.save_articles([first])
    assert store.save_articles([again]) == [(article_id, "updated")]
    assert store.save_articles([again]) == [(article_id, "unchanged")]
    assert store.count_headlines() == 1


def test_feed_items_are_identified_by_guid(store: Store) -> None:
    store.db.conn.execute("INSERT INTO feeds (url, added_at) VALUES ('https://f.example/rss', 0)")
    item = make_article(guid="item-1", url="https://news.example/a")
    [(article_id, _)] = store.save_articles([item], feed_id=1)
    moved = make_article(guid="item-1", url="https://news.example/a-renamed", headline="New")
    assert store.save_articles([moved], feed_id=1) == [(article_id, "updated")]
    assert store.article(article_id).url == "https://news.example/a-renamed"


def test_headlines_are_newest_first_and_filtered(store: Store) -> None:
    ids = [
        article_id for article_id, _ in store.save_articles([make_article(n) for n in (1, 3, 2)])
    ]
    assert [h.id for h in store.headlines()] == [ids[1], ids[2], ids[0]]
    store.set_read([ids[1]])
    assert [h.id for h in store.headlines(HeadlineFilter(unread=True))] == [ids[2], ids[0]]
    assert store.count_headlines(HeadlineFilter(unread=True)) == 2
    assert store.headline_position(ids[0]) == 2
    assert store.headline_position(ids[1], HeadlineFilter(unread=True)) is None
    assert [h.id for h in store.headlines(limit=1, offset=1)] == [ids[2]]


def test_watch_list_is_newest_pin_first_and_reorderable(store: Store) -> None:
    ids = [
        article_id for article_id, _ in store.save_articles([make_article(n) for n in (1, 2, 3)])
    ]
    for article_id in ids:
        assert store.pin(article_id)
    assert not store.pin(ids[0])
    pinned = HeadlineFilter(pinned=True)
    assert [h.id for h in store.headlines(pinned)] == [ids[2], ids[1], ids[0]]
    store.move_pin(ids[0], -2)
    assert [h.id for h in store.headlines(pinned)] == [ids[0], ids[2], ids[1]]
    assert store.unpin(ids[2])
    assert [h.id for h in store.headlines(pinned)] == [ids[0], ids[1]]
    assert store.headline_position(ids[1], pinned) == 1


def test_search_ranks_headline_hits_first_with_snippets(store: Store) -> None:
    store.save_articles(
        [
            make_article(1, headline="Budget talks stall", paragraphs=("Nothing about ports.",)),
            make_article(2, headline="Port strike grows", paragraphs=("The port strike spread.",)),
            make_article(
                3, headline="Weather", paragraphs=("A strike of lightning hit the port.",)
            ),
        ]
    )
    results = store.search("port strike")
    assert [r.headline for r in results] == ["Port strike grows", "Weather"]
    assert results[0].snippet and "\x02" in results[0].snippet
    assert store.search("lightn", prefix_last=True)[0].headline == "Weather"
    assert store.search("lightn") == []


def test_search_finds_captions_and_quote_speakers(store: Store) -> None:
    store.save_articles([make_article(1, captions=(Caption("Cranes", "Zuma Press"),))])
    assert len(store.search("zuma")) == 1
    assert len(store.search("lindqvist")) == 1


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(", "a OR", "*", "col:x", "-x", "^"])
def test_search_never_passes_fts_syntax_through(store: Store, query: str) -> None:
    store.save_articles([make_article()])
    store.search(query)  # must not raise


def test_remove_deletes_article_and_index_entry(store: Store) -> None:
    [(article_id, _)] = store.save_articles([make_article()])
    store.remove(article_id)
    assert store.count_headlines() == 0
    assert store.search("harbour") == []
    with pytest.raises(NotFoundError):
        store.article(article_id)
    with pytest.raises(NotFoundError):
        store.remove(article_id)


def test_migrates_a_version_1_library_keeping_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO articles (headline, added_at, sort_at, content_hash, paragraphs, read) "
        "VALUES ('Old story', 1, 1, 'h', '[\"Body.\"]', 1)"
    )
    conn.commit()
    conn.close()
    store = Store(path)
    assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    [headline] = store.headlines()
    assert headline.headline == "Old story" and headline.read
    store.set_setting("position", {"article": 1})
    assert store.setting("position") == {"article": 1}
    assert fts_automerge(store) == 16


def fts_automerge(store: Store) -> int:
    row = store.db.conn.execute("SELECT v FROM articles_fts_config WHERE k = 'automerge'")
    return row.fetchone()[0]


def test_a_new_library_merges_its_index_segments_sixteen_at_a_time(tmp_path: Path) -> None:
    assert fts_automerge(Store(tmp_path / "new.sqlite")) == 16


def test_refuses_a_library_from_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_corrupt_library_is_a_store_error_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.sqlite"
    junk = b"this is not an sqlite database at all" * 100
    path.write_bytes(junk)
    with pytest.raises(StoreError, match="corrupt or not a bitereader library"):
        Store(path)
    assert path.read_bytes() == junk


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE mine (x)")
    conn.close()
    with pytest.raises(StoreError, match="not a bitereader library"):
        Store(path)


def test_locked_library_is_a_store_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bitereader.store.connection.BUSY_TIMEOUT_MS", 100)
    store = Store(tmp_path / "lib.sqlite")
    blocker = sqlite3.connect(tmp_path / "lib.sqlite", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        other = Store(tmp_path / "lib.sqlite")
        with pytest.raises(StoreError, match="locked"):
            other.save_articles([make_article()])
    finally:
        blocker.execute("ROLLBACK")
    assert store.count_headlines() == 0


def test_unwritable_folder_is_a_store_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    with pytest.raises(StoreError, match="cannot create library folder"):
        Store(blocked / "sub" / "lib.sqlite")


def test_each_thread_gets_its_own_connection(store: Store) -> None:
    import threading

    store.save_articles([make_article()])
    seen: list[int] = []
    worker = threading.Thread(target=lambda: seen.append(store.count_headlines()))
    worker.start()
    worker.join()
    assert seen == [1]
