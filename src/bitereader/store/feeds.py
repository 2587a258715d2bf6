"""Subscriptions, what each refresh found, and storing a feed's items in bulk."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bitereader.errors import NotFoundError
from bitereader.models import Article, Feed
from bitereader.store.articles import (
    _CONTENT_ASSIGNMENTS,
    _CONTENT_COLUMNS,
    _CONTENT_MARKS,
    _INSERT_FTS,
    _as_stored,
    _keep_stored_identity,
    rewrite,
)
from bitereader.store.connection import Connection
from bitereader.store.rows import Text, content_values, from_epoch, to_epoch

_FEED_COLUMNS = (
    "f.id, f.url, f.title, f.site_url, f.tags, f.etag, f.last_modified, f.body_hash, "
    "f.last_refresh, f.last_status, f.last_error, f.warning, f.retry_after, f.added_at, "
    "(SELECT count(*) FROM articles a WHERE a.feed_id = f.id)"
)
_LOOKUP_CHUNK = 500
"""Values per `IN (...)` lookup: well under SQLite's limit on bound parameters."""


@dataclass(frozen=True, slots=True)
class FeedUpdate:
    """What a successful fetch and parse of a feed found, to store with its items."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    title: str | None = None
    site_url: str | None = None
    url: str | None = None
    """The feed's new address after a permanent redirect."""
    warning: str | None = None


ItemRow = tuple[tuple[object, ...], tuple[str, str, Text, str, str]]
"""A built article as the values the store writes for it: its _CONTENT_COLUMNS in order (the
content hash last), and its full-text index entry column by column.

A refresh makes these where it builds the articles (worker processes), so that storing a batch
in the process that holds the library costs little more than the SQL. A plain tuple rather than
a NamedTuple: it crosses between processes in half the time.
"""


def item_row(article: Article) -> ItemRow:
    """The values the store writes for an article from a feed."""
    return content_values(article)


@dataclass(frozen=True, slots=True)
class ItemCounts:
    """How a feed's items were stored."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: ItemCounts) -> ItemCounts:
        return ItemCounts(
            self.added + other.added,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
        )


class FeedStore:
    """Feed queries; mixed into Store, which provides `db`."""

    db: Connection

    def add_feed(
        self,
        url: str,
        *,
        title: str | None = None,
        site_url: str | None = None,
        tags: Sequence[str] = (),
        now: datetime | None = None,
    ) -> tuple[Feed, bool]:
        """Subscribe to a url; returns the feed and whether it is new.

        A url already subscribed gains the new tags and keeps everything else.
        """
        with self.db.transaction() as conn:
            row = conn.execute("SELECT id, tags FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is not None:
                merged = _tags_json([*json.loads(row[1]), *tags])
                conn.execute("UPDATE feeds SET tags = ? WHERE id = ?", (merged, row[0]))
                feed_id, created = row[0], False
            else:
                cursor = conn.execute(
                    "INSERT INTO feeds (url, title, site_url, tags, added_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (url, title, site_url, _tags_json(tags), to_epoch(now or datetime.now(UTC))),
                )
                feed_id, created = cursor.lastrowid, True
            return _feed(conn, feed_id), created

    def feed(self, feed_id: int) -> Feed:
        """The feed with this id.

        Raises:
            NotFoundError: no feed has that id.
        """
        with self.db.reading() as conn:
            return _feed(conn, feed_id)

    def feed_by_url(self, url: str) -> Feed | None:
        with self.db.reading() as conn:
            row = conn.execute(
                f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.url = ?", (url,)
            ).fetchone()
        return None if row is None else _feed_from_row(row)

    def list_feeds(self, *, tag: str | None = None) -> list[Feed]:
        """Every subscription, by title (those with a tag, when one is given)."""
        where, params = "1", []
        if tag is not None:
            where = "EXISTS (SELECT 1 FROM json_each(f.tags) t WHERE t.value = ?)"
            params.append(tag)
        with self.db.reading() as conn:
            rows = conn.execute(
                f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE {where} "
                "ORDER BY lower(coalesce(f.title, f.url)), f.id",
                params,
            ).fetchall()
        return [_feed_from_row(row) for row in rows]

    def remove_feed(self, feed_id: int) -> None:
        """Unsubscribe. The feed's articles stay in the library, no longer tied to a feed.

        Raises:
            NotFoundError: no feed has that id.
        """
        with self.db.transaction() as conn:
            _feed(conn, feed_id)
            conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))

    def set_feed_tags(self, feed_id: int, tags: Sequence[str]) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE feeds SET tags = ? WHERE id = ?", (_tags_json(tags), feed_id))

    def record_failure(
        self,
        feed_id: int,
        error: str,
        *,
        now: datetime,
        retry_after: datetime | None = None,
        status: str = "failed",
    ) -> None:
        """Keep a failed refresh's reason on the feed; its validators and items stay."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE feeds SET last_refresh = ?, last_status = ?, last_error = ?, "
                "retry_after = ? WHERE id = ?",
                (to_epoch(now), status, error, to_epoch(retry_after), feed_id),
            )

    def record_unchanged(
        self,
        feed_id: int,
        *,
        now: datetime,
        etag: str | None = None,
        last_modified: str | None = None,
        url: str | None = None,
    ) -> None:
        """A 304 or a byte-identical body: only the time, and any fresher validators, change."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE feeds SET last_refresh = ?, last_status = 'unchanged', last_error = NULL, "
                "retry_after = NULL, etag = coalesce(?, etag), "
                "last_modified = coalesce(?, last_modified) WHERE id = ?",
                (to_epoch(now), etag, last_modified, feed_id),
            )
            if url:
                _move(conn, feed_id, url)

    def save_items(
        self,
        feed_id: int,
        rows: Sequence[ItemRow],
        *,
        now: datetime,
        digests: Mapping[str, str] | None = None,
        update: FeedUpdate | None = None,
    ) -> ItemCounts:
        """Store a batch of a feed's items (as save_refresh does); with `update`, also what the
        feed's fetch found, in the same transaction (the last batch of a refresh).

        `rows` are item_row of the built articles; `digests` maps guids to the fingerprint of
        the raw item each article was built from.
        """
        with self.db.transaction() as conn:
            counts = _save_items(conn, feed_id, rows, to_epoch(now) or 0, digests or {})
            if update is not None:
                _record_refresh(conn, feed_id, update, now)
            return counts

    def item_digests(self, feed_id: int, guids: Sequence[str]) -> dict[str, str]:
        """The stored raw-item fingerprints of those of these guids the feed already has."""
        found: dict[str, str] = {}
        with self.db.reading() as conn:
            for start in range(0, len(guids), _LOOKUP_CHUNK):
                chunk = guids[start : start + _LOOKUP_CHUNK]
                rows = conn.execute(
                    "SELECT guid, item_digest FROM articles WHERE feed_id = ? AND "
                    f"item_digest IS NOT NULL AND guid IN ({', '.join('?' * len(chunk))})",
                    (feed_id, *chunk),
                )
                found.update(rows)
        return found

    def latest_item_digests(self, feed_id: int, limit: int) -> dict[str, str]:
        """The stored raw-item fingerprints of the feed's `limit` newest articles, by guid."""
        with self.db.reading() as conn:
            rows = conn.execute(
                "SELECT guid, item_digest FROM articles WHERE feed_id = ? "
                "ORDER BY sort_at DESC, id DESC LIMIT ?",
                (feed_id, limit),
            )
            return {guid: digest for guid, digest in rows if guid and digest}

    def save_refresh(
        self, feed_id: int, articles: Sequence[Article], update: FeedUpdate, *, now: datetime
    ) -> ItemCounts:
        """Store a feed's items and what its fetch found, in one transaction.

        Items are matched to articles by their guid within the feed. An item whose url or text
        is already in the library from elsewhere is left to that article. Updates keep read
        and pinned state; items gone from the feed stay in the library.
        """
        rows = [item_row(article) for article in articles]
        return self.save_items(feed_id, rows, now=now, update=update)


def _record_refresh(
    conn: sqlite3.Connection, feed_id: int, update: FeedUpdate, now: datetime
) -> None:
    """A successful refresh: its time, validators, title and any move."""
    conn.execute(
        "UPDATE feeds SET last_refresh = ?, last_status = 'updated', last_error = NULL, "
        "retry_after = NULL, etag = ?, last_modified = ?, body_hash = ?, "
        "title = coalesce(?, title), site_url = coalesce(?, site_url), warning = ? "
        "WHERE id = ?",
        (
            to_epoch(now),
            update.etag,
            update.last_modified,
            update.body_hash,
            update.title,
            update.site_url,
            update.warning,
            feed_id,
        ),
    )
    if update.url:
        _move(conn, feed_id, update.url)


def _move(conn: sqlite3.Connection, feed_id: int, url: str) -> None:
    """Follow a permanent redirect, unless another subscription already has that url."""
    taken = conn.execute("SELECT id FROM feeds WHERE url = ? AND id != ?", (url, feed_id))
    if taken.fetchone() is None:
        conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (url, feed_id))


def _save_items(
    conn: sqlite3.Connection,
    feed_id: int,
    rows: Sequence[ItemRow],
    added_at: int,
    digests: Mapping[str, str],
) -> ItemCounts:
    """Bulk path: one query for the feed's known items, executemany for the new ones."""
    latest: dict[str, ItemRow] = {}
    for row in rows:
        values = row[0]
        latest[values[0] or f"hash:{values[-1]}"] = row
    known: dict[str, tuple[int, tuple[object, ...], str | None]] = {}
    # A feed with nothing stored (its first refresh) knows none of them: one probe instead of
    # one per guid.
    guids = list(latest) if _has_articles(conn, feed_id) else []
    for start in range(0, len(guids), _LOOKUP_CHUNK):
        chunk = guids[start : start + _LOOKUP_CHUNK]
        found = conn.execute(
            f"SELECT id, item_digest, {_CONTENT_COLUMNS} FROM articles "
            f"WHERE feed_id = ? AND guid IN ({', '.join('?' * len(chunk))})",
            (feed_id, *chunk),
        )
        known.update((stored[2], (stored[0], stored[2:], stored[1])) for stored in found)
    updated = unchanged = 0
    candidates: list[tuple[ItemRow, tuple[object, ...]]] = []
    fresh_digests: list[tuple[str | None, int]] = []
    for guid, row in latest.items():
        values = (guid, *row[0][1:])
        if guid in known:
            article_id, stored, stored_digest = known[guid]
            values = _keep_stored_identity(conn, article_id, values, stored)
            digest = digests.get(guid, stored_digest)
            if _as_stored(values) == stored:
                unchanged += 1
                if digest != stored_digest:
                    fresh_digests.append((digest, article_id))
            else:
                _update(conn, article_id, row[1], values, digest)
                updated += 1
        else:
            candidates.append((row, values))
    if fresh_digests:
        conn.executemany("UPDATE articles SET item_digest = ? WHERE id = ?", fresh_digests)
    urls = _existing(conn, "url", [values[1] for _, values in candidates if values[1]])
    hashes = _existing(conn, "content_hash", [values[-1] for _, values in candidates])
    fresh: list[tuple[ItemRow, tuple[object, ...]]] = []
    for row, values in candidates:
        url, digest = values[1], values[-1]
        if (url and url in urls) or digest in hashes:
            unchanged += 1  # the same story is already in the library from another source
            continue
        if url:
            urls.add(url)
        hashes.add(digest)
        fresh.append((row, values))
    _insert(conn, feed_id, fresh, added_at, digests)
    return ItemCounts(added=len(fresh), updated=updated, unchanged=unchanged)


def _has_articles(conn: sqlite3.Connection, feed_id: int) -> bool:
    row = conn.execute("SELECT 1 FROM articles WHERE feed_id = ? LIMIT 1", (feed_id,))
    return row.fetchone() is not None


def _existing(conn: sqlite3.Connection, column: str, values: list[object]) -> set[object]:
    """Which of these values the articles table already has in `column` (an indexed one)."""
    found: set[object] = set()
    for start in range(0, len(values), _LOOKUP_CHUNK):
        chunk = values[start : start + _LOOKUP_CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.update(
            row[0]
            for row in conn.execute(
                f"SELECT {column} FROM articles WHERE {column} IN ({marks})", chunk
            )
        )
    return found


def _insert(
    conn: sqlite3.Connection,
    feed_id: int,
    fresh: list[tuple[ItemRow, tuple[object, ...]]],
    added_at: int,
    digests: Mapping[str, str],
) -> None:
    if not fresh:
        return
    # We hold the write lock (BEGIN IMMEDIATE), so ids after the current maximum are ours; that
    # lets the articles and their index entries go in with two executemany calls.
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
    columns = f"id, {_CONTENT_COLUMNS}, feed_id, added_at, sort_at, item_digest"
    marks = f"?, {_CONTENT_MARKS}, ?, ?, ?, ?"
    conn.executemany(
        f"INSERT INTO articles ({columns}) VALUES ({marks})",
        (
            (
                first + n,
                *values,
                feed_id,
                added_at,
                values[8] if values[8] is not None else added_at,
                digests.get(values[0]),  # type: ignore[call-overload]
            )
            for n, (_, values) in enumerate(fresh)
        ),
    )
    conn.executemany(_INSERT_FTS, ((first + n, *row[1]) for n, (row, _) in enumerate(fresh)))


def _update(
    conn: sqlite3.Connection,
    article_id: int,
    fts: tuple[Text, ...],
    values: tuple[object, ...],
    digest: str | None,
) -> None:
    rewrite(
        conn,
        article_id,
        f"UPDATE articles SET {_CONTENT_ASSIGNMENTS}, sort_at = coalesce(?, added_at), "
        "item_digest = ? WHERE id = ?",
        (*values, values[8], digest, article_id),
        fts,
    )


def _feed(conn: sqlite3.Connection, feed_id: int | None) -> Feed:
    row = conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.id = ?", (feed_id,))
    found = row.fetchone()
    if found is None:
        raise NotFoundError(f"no feed with id {feed_id}")
    return _feed_from_row(found)


def _feed_from_row(row: tuple) -> Feed:
    (
        id_, url, title, site_url, tags, etag, last_modified, body_hash, last_refresh,
        last_status, last_error, warning, retry_after, added_at, item_count,
    ) = row  # fmt: skip
    return Feed(
        id=id_,
        url=url,
        title=title,
        site_url=site_url,
        tags=tuple(json.loads(tags)),
        etag=etag,
        last_modified=last_modified,
        body_hash=body_hash,
        last_refresh=from_epoch(last_refresh),
        last_status=last_status,
        last_error=last_error,
        warning=warning,
        retry_after=from_epoch(retry_after),
        item_count=item_count,
        added_at=from_epoch(added_at),
    )


def _tags_json(tags: Iterable[str]) -> str:
    cleaned = (" ".join(tag.split()) for tag in tags)
    return json.dumps(list(dict.fromkeys(tag for tag in cleaned if tag)), ensure_ascii=False)
