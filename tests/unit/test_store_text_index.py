"""The full-text index over the articles' own text (schema.SCHEMA_V5): it keeps no copy, reads
the text it indexed back from the articles, and forgets an article's old words when it changes."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.models import HIT_END, HIT_START, Article, Caption, Quote
from bitereader.store import Store
from bitereader.store.feeds import item_row
from bitereader.store.rows import content_values, stored_text
from bitereader.store.schema import MIGRATIONS

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def article(n: int, **changes: object) -> Article:
    made = Article(
        headline=f"Ferry timetable {n}",
        paragraphs=(f"Boats from Zanzibar run hourly on day {n}.", "Tickets cost more."),
        url=f"https://news.example/ferry-{n}",
        source="Harbour news",
        standfirst="Crossings resume after the storm.",
        captions=(Caption("The ferry at dawn", "Ben Aziz", 0), Caption("The quay", None, 1)),
        quotes=(Quote("Boats run hourly,", "Ana", None, "direct", 0, 1, 18),),
        guid=f"ferry-{n}",
    )
    return replace(made, **changes)  # type: ignore[arg-type]


def indexed_terms(store: Store) -> dict[str, int]:
    """Each word the index holds, with how many articles it holds it for."""
    conn = store.db.conn
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, articles_fts, row)"
    )
    return dict(conn.execute("SELECT term, doc FROM temp.terms"))


def test_the_index_keeps_no_copy_of_the_text(store: Store) -> None:
    store.save_articles([article(1)])
    tables = {row[0] for row in store.db.conn.execute("SELECT name FROM sqlite_schema")}
    assert "articles_fts" in tables and "articles_fts_content" not in tables
    [hit] = store.search("zanzibar")
    assert hit.snippet is not None and "Zanzibar" in hit.snippet


# Any text a loader gives: every character but NUL (loaders strip control characters, and
# SQLite's JSON functions would cut a string at a NUL), newlines and other controls included.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)


@settings(max_examples=60, deadline=None)
@given(
    paragraphs=st.lists(_TEXT, max_size=4),
    standfirst=st.none() | _TEXT,
    captions=st.lists(st.tuples(_TEXT, st.none() | _TEXT), max_size=3),
    quotes=st.lists(st.tuples(_TEXT, st.none() | _TEXT), max_size=3),
)
def test_the_text_read_back_is_the_text_indexed(
    tmp_path_factory: pytest.TempPathFactory,
    paragraphs: list[str],
    standfirst: str | None,
    captions: list[tuple[str, str | None]],
    quotes: list[tuple[str, str | None]],
) -> None:
    """What the index reads to take an article out (and to show snippets) must be word for word
    what it was given, whatever the text: else it would take out words it never held."""
    made = article(
        1,
        paragraphs=tuple(paragraphs),
        standfirst=standfirst,
        captions=tuple(Caption(text, credit, 0) for text, credit in captions),
        quotes=tuple(Quote(text, who, None, "direct", 0, 0, 1) for text, who in quotes),
    )
    store = Store(tmp_path_factory.mktemp("lib") / "lib.sqlite")
    [(article_id, _)] = store.save_articles([made])
    read_back = store.db.conn.execute(
        "SELECT headline, standfirst, body, captions, quotes FROM articles_text WHERE id = ?",
        (article_id,),
    ).fetchone()
    store.close()
    indexed = tuple(stored_text(value) for value in content_values(made)[1])
    assert read_back == indexed


def test_a_changed_article_is_found_by_its_new_words_only(store: Store) -> None:
    store.save_articles([article(1)])
    changed = article(1, paragraphs=("Boats from Quokka Island are late.",))
    assert [status for _, status in store.save_articles([changed])] == ["updated"]
    assert store.search("zanzibar") == []
    assert [hit.headline for hit in store.search("quokka")] == ["Ferry timetable 1"]
    terms = indexed_terms(store)
    assert "zanzibar" not in terms and terms["quokka"] == 1


def test_a_feed_item_that_changed_is_found_by_its_new_words_only(store: Store) -> None:
    feed, _ = store.add_feed("https://news.example/rss")
    assert feed.id is not None
    store.save_items(feed.id, [item_row(article(n)) for n in range(2)], now=NOW, digests={})
    changed = [item_row(article(1, paragraphs=("Boats from Quokka Island are late.",)))]
    store.save_items(feed.id, changed, now=NOW, digests={})
    terms = indexed_terms(store)
    assert terms["zanzibar"] == 1 and terms["quokka"] == 1
    assert [hit.headline for hit in store.search("zanzibar")] == ["Ferry timetable 0"]


def test_a_removed_article_leaves_no_words_behind(store: Store) -> None:
    [(first, _), _] = store.save_articles([article(1), article(2, paragraphs=("Calm seas.",))])
    store.remove(first)
    terms = indexed_terms(store)
    assert "zanzibar" not in terms and terms["calm"] == 1


def test_a_version_4_library_keeps_every_word_of_its_index(tmp_path: Path) -> None:
    """The index is made again from the articles; it finds what the old one found."""
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript("\n".join(MIGRATIONS[:4]) + "\nPRAGMA user_version = 4;")
    for n, made in enumerate((article(1), article(2, paragraphs=("Calm “seas”\\ today.",)))):
        values, fts = content_values(made)
        columns = "guid, url, source, kicker, headline, standfirst, authors, wire, published"
        conn.execute(
            f"INSERT INTO articles (id, {columns}, paragraphs, captions, quotes, categories, "
            "links, content_hash, added_at, sort_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, 1, 1)",
            (n + 1, *values),
        )
        conn.execute(
            "INSERT INTO articles_fts (rowid, headline, standfirst, body, captions, quotes) "
            "VALUES (?, ?, ?, CAST(? AS TEXT), ?, ?)",
            (n + 1, *fts),
        )
    conn.commit()
    conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, articles_fts, row)")
    before = dict(conn.execute("SELECT term, doc FROM temp.terms"))
    conn.close()
    store = Store(path)
    assert indexed_terms(store) == before
    [hit] = store.search("seas")
    assert hit.headline == "Ferry timetable 2"
    assert f"“{HIT_START}seas{HIT_END}”\\ today" in (hit.snippet or "")
    store.close()
