"""Storing, finding and listing articles, and the reader's state on them (read, pinned)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from bitereader.errors import NotFoundError
from bitereader.models import Article, Headline
from bitereader.store.connection import Connection
from bitereader.store.rows import (
    ARTICLE_COLUMNS,
    HEADLINE_COLUMNS,
    Text,
    article_from_row,
    content_values,
    headline_from_row,
    to_epoch,
)

SaveStatus = Literal["added", "updated", "unchanged"]

# Columns an update rewrites; read, pinned_at, pin_rank and added_at are the reader's and stay.
_CONTENT_COLUMNS = (
    "guid, url, source, kicker, headline, standfirst, authors, wire, published, "
    "paragraphs, captions, quotes, categories, links, content_hash"
)
_CONTENT_LIST = [column.strip() for column in _CONTENT_COLUMNS.split(",")]
_PARAGRAPHS = _CONTENT_LIST.index("paragraphs")
# The paragraphs and the full-text body may come as UTF-8 bytes (see rows.Text): bound as
# CAST(? AS TEXT), they are stored as text, the same as the str they stand for.
_CONTENT_MARKS = ", ".join("CAST(? AS TEXT)" if c == "paragraphs" else "?" for c in _CONTENT_LIST)
_CONTENT_ASSIGNMENTS = ", ".join(
    f"{c} = CAST(? AS TEXT)" if c == "paragraphs" else f"{c} = ?" for c in _CONTENT_LIST
)
_INSERT_FTS = (
    "INSERT INTO articles_fts (rowid, headline, standfirst, body, captions, quotes) "
    "VALUES (?, ?, ?, CAST(? AS TEXT), ?, ?)"
)


def rewrite(
    conn: sqlite3.Connection,
    article_id: int,
    update: str,
    params: tuple[object, ...],
    fts: tuple[Text, ...],
) -> None:
    """Change an article's row with the UPDATE statement `update` and index its new text `fts`,
    its old entry taken out first, while the row still holds the text it was made from."""
    unindex(conn, article_id)
    conn.execute(update, params)
    conn.execute(_INSERT_FTS, (article_id, *fts))


def unindex(conn: sqlite3.Connection, article_id: int) -> None:
    """Take an article out of the full-text index: BEFORE its row changes or goes.

    The index keeps no copy of the text (see schema.SCHEMA_V5); it finds the words to take out
    in the article as stored. After an update it would take out the new words, leaving the old
    ones to find it by.
    """
    conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))


@dataclass(frozen=True, slots=True)
class HeadlineFilter:
    """Which articles a headline list shows."""

    unread: bool = False
    pinned: bool = False
    feed_id: int | None = None
    tag: str | None = None

    def where(self) -> tuple[str, list[object]]:
        """The WHERE clause (over alias `a`) and its parameters."""
        clauses, params = ["1"], []
        if self.unread:
            clauses.append("a.read = 0")
        if self.pinned:
            clauses.append("a.pinned_at IS NOT NULL")
        if self.feed_id is not None:
            clauses.append("a.feed_id = ?")
            params.append(self.feed_id)
        if self.tag is not None:
            clauses.append(
                "a.feed_id IN (SELECT f.id FROM feeds f, json_each(f.tags) t WHERE t.value = ?)"
            )
            params.append(self.tag)
        return " AND ".join(clauses), params

    def order(self) -> str:
        return "a.pin_rank DESC" if self.pinned else "a.sort_at DESC, a.id DESC"


ALL_ARTICLES = HeadlineFilter()
"""The unfiltered headline list."""


class ArticleStore:
    """Article queries; mixed into Store, which provides `db`."""

    db: Connection

    def save_articles(
        self,
        articles: Sequence[Article],
        *,
        feed_id: int | None = None,
        now: datetime | None = None,
    ) -> list[tuple[int, SaveStatus]]:
        """Add new articles and update known ones in one transaction.

        An article is known when its feed already has its guid, or the library has its url, or
        an article with the same content. Updates keep read and pinned state and added time.
        """
        added_at = to_epoch(now or datetime.now(UTC))
        with self.db.transaction() as conn:
            return [_save_one(conn, article, feed_id, added_at) for article in articles]

    def article(self, article_id: int) -> Article:
        """The whole article with this id.

        Raises:
            NotFoundError: no article has that id.
        """
        with self.db.reading() as conn:
            row = conn.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        return article_from_row(row)

    def headlines(
        self, filter: HeadlineFilter = ALL_ARTICLES, *, limit: int = 50, offset: int = 0
    ) -> list[Headline]:
        """One page of the headline list, newest first (the watch list: newest pin first)."""
        where, params = filter.where()
        with self.db.reading() as conn:
            rows = conn.execute(
                f"SELECT {HEADLINE_COLUMNS} FROM articles a WHERE {where} "
                f"ORDER BY {filter.order()} LIMIT ? OFFSET ?",
                (*params, limit, offset),
            ).fetchall()
        return [headline_from_row(row) for row in rows]

    def count_headlines(self, filter: HeadlineFilter = ALL_ARTICLES) -> int:
        """How many articles the filter shows."""
        where, params = filter.where()
        with self.db.reading() as conn:
            return conn.execute(
                f"SELECT count(*) FROM articles a WHERE {where}", params
            ).fetchone()[0]

    def headline_position(
        self, article_id: int, filter: HeadlineFilter = ALL_ARTICLES
    ) -> int | None:
        """Where an article sits in the filtered list, or None if the filter hides it."""
        where, params = filter.where()
        with self.db.reading() as conn:
            row = conn.execute(
                f"SELECT a.sort_at, a.id, a.pin_rank FROM articles a WHERE {where} AND a.id = ?",
                (*params, article_id),
            ).fetchone()
            if row is None:
                return None
            sort_at, id_, pin_rank = row
            if filter.pinned:
                query, extra = (
                    f"SELECT count(*) FROM articles a WHERE {where} AND a.pin_rank > ?",
                    [pin_rank],
                )
            else:
                query = (
                    f"SELECT count(*) FROM articles a WHERE {where} AND (a.sort_at, a.id) > (?, ?)"
                )
                extra = [sort_at, id_]
            return conn.execute(query, (*params, *extra)).fetchone()[0]

    def set_read(self, article_ids: Sequence[int], read: bool = True) -> None:
        """Mark articles read or unread."""
        with self.db.transaction() as conn:
            conn.executemany(
                "UPDATE articles SET read = ? WHERE id = ?", [(int(read), i) for i in article_ids]
            )

    def pin(self, article_id: int, now: datetime | None = None) -> bool:
        """Put an article on the watch list, on top. Returns False if it was already there.

        Raises:
            NotFoundError: no article has that id.
        """
        pinned_at = to_epoch(now or datetime.now(UTC))
        with self.db.transaction() as conn:
            _require(conn, article_id)
            cursor = conn.execute(
                "UPDATE articles SET pinned_at = ?, pin_rank = "
                "(SELECT coalesce(max(pin_rank), 0) + 1 FROM articles WHERE pinned_at IS NOT NULL) "
                "WHERE id = ? AND pinned_at IS NULL",
                (pinned_at, article_id),
            )
            return cursor.rowcount > 0

    def unpin(self, article_id: int) -> bool:
        """Take an article off the watch list. Returns False if it was not on it.

        Raises:
            NotFoundError: no article has that id.
        """
        with self.db.transaction() as conn:
            _require(conn, article_id)
            cursor = conn.execute(
                "UPDATE articles SET pinned_at = NULL, pin_rank = NULL "
                "WHERE id = ? AND pinned_at IS NOT NULL",
                (article_id,),
            )
            return cursor.rowcount > 0

    def move_pin(self, article_id: int, steps: int) -> None:
        """Move a pinned article up (negative steps, towards the top) or down the watch list."""
        with self.db.transaction() as conn:
            rows = conn.execute(
                "SELECT id, pin_rank FROM articles WHERE pinned_at IS NOT NULL "
                "ORDER BY pin_rank DESC"
            ).fetchall()
            ids = [row[0] for row in rows]
            if article_id not in ids:
                raise NotFoundError(f"article {article_id} is not on the watch list")
            index = ids.index(article_id)
            target = max(0, min(len(ids) - 1, index + steps))
            ids.insert(target, ids.pop(index))
            conn.executemany(
                "UPDATE articles SET pin_rank = ? WHERE id = ?",
                [(len(ids) - position, id_) for position, id_ in enumerate(ids)],
            )

    def remove(self, article_id: int) -> None:
        """Delete an article and its index entry.

        Raises:
            NotFoundError: no article has that id.
        """
        with self.db.transaction() as conn:
            _require(conn, article_id)
            unindex(conn, article_id)
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def stats(self) -> dict[str, int]:
        """Counts of what the library holds."""
        with self.db.reading() as conn:
            articles, unread, pinned, sources = conn.execute(
                "SELECT count(*), coalesce(sum(read = 0), 0), count(pinned_at), "
                "count(DISTINCT source) FROM articles"
            ).fetchone()
            feeds = conn.execute("SELECT count(*) FROM feeds").fetchone()[0]
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
        return {
            "articles": articles,
            "unread": unread,
            "pinned": pinned,
            "sources": sources,
            "feeds": feeds,
            "bytes": page_size * pages,
        }

    def setting(self, key: str) -> object | None:
        """A piece of reader state kept in the library, or None."""
        with self.db.reading() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: object) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )


def _require(conn: sqlite3.Connection, article_id: int) -> None:
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
        raise NotFoundError(f"no article with id {article_id}")


def _find_existing(
    conn: sqlite3.Connection, article: Article, feed_id: int | None, digest: str
) -> int | None:
    """The stored article this one is: same feed and guid, else same url, else same text."""
    if feed_id is not None and article.guid:
        row = conn.execute(
            "SELECT id FROM articles WHERE feed_id = ? AND guid = ?", (feed_id, article.guid)
        ).fetchone()
        if row:
            return row[0]
    if article.url:
        row = conn.execute("SELECT id FROM articles WHERE url = ?", (article.url,)).fetchone()
        if row:
            return row[0]
    row = conn.execute(
        "SELECT id FROM articles WHERE content_hash = ? LIMIT 1", (digest,)
    ).fetchone()
    return row[0] if row else None


def _save_one(
    conn: sqlite3.Connection, article: Article, feed_id: int | None, added_at: int | None
) -> tuple[int, SaveStatus]:
    # The content hash is taken once: it costs a pass over the whole text.
    values, fts = content_values(article)
    published, digest = values[8], values[-1]
    existing = _find_existing(conn, article, feed_id, digest)
    if existing is None:
        cursor = conn.execute(
            f"INSERT INTO articles ({_CONTENT_COLUMNS}, feed_id, added_at, sort_at) "
            f"VALUES ({_CONTENT_MARKS}, ?, ?, ?)",
            (*values, feed_id, added_at, published if published is not None else added_at),
        )
        article_id = cursor.lastrowid
        assert article_id is not None
        conn.execute(_INSERT_FTS, (article_id, *fts))
        return article_id, "added"
    stored = conn.execute(
        f"SELECT {_CONTENT_COLUMNS} FROM articles WHERE id = ?", (existing,)
    ).fetchone()
    values = _keep_stored_identity(conn, existing, values, stored)
    if tuple(stored) == _as_stored(values):
        return existing, "unchanged"
    rewrite(
        conn,
        existing,
        f"UPDATE articles SET {_CONTENT_ASSIGNMENTS}, "
        "sort_at = coalesce(?, added_at), feed_id = coalesce(feed_id, ?) WHERE id = ?",
        (*values, values[8], feed_id, existing),
        fts,
    )
    return existing, "updated"


def _as_stored(values: tuple[object, ...]) -> tuple[object, ...]:
    """Content values as SELECT gives them back once stored: the paragraphs as str."""
    paragraphs = values[_PARAGRAPHS]
    if not isinstance(paragraphs, bytes):
        return values
    return (*values[:_PARAGRAPHS], paragraphs.decode(), *values[_PARAGRAPHS + 1 :])


def _keep_stored_identity(
    conn: sqlite3.Connection, article_id: int, values: tuple[object, ...], stored: tuple
) -> tuple[object, ...]:
    """Keep the stored guid and url when the new ones are missing or belong to another article."""
    guid, url = values[0], values[1]
    if guid is None:
        guid = stored[0]
    if url is None:
        url = stored[1]
    elif url != stored[1]:
        owner = conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        if owner is not None and owner[0] != article_id:
            url = stored[1]
    return (guid, url, *values[2:])
