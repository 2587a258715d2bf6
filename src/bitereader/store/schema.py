"""The library's tables and the migrations that build them, versioned by PRAGMA user_version.

Every time is stored as INTEGER seconds since the epoch (UTC); lists and nested records are JSON
text, because they are only ever read whole with their article.
"""

from __future__ import annotations

SCHEMA_V1 = """
-- A subscription. tags is a JSON list; the HTTP validators make refreshes conditional.
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT,
    site_url      TEXT,
    tags          TEXT NOT NULL DEFAULT '[]',
    etag          TEXT,
    last_modified TEXT,
    body_hash     TEXT,          -- digest of the last body, to skip parsing an identical one
    last_refresh  INTEGER,
    last_status   TEXT,          -- 'updated', 'unchanged', 'failed', ...
    last_error    TEXT,
    warning       TEXT,          -- a feed that parsed with complaints keeps them here
    retry_after   INTEGER,       -- a 429/503 asked us not to come back before this time
    added_at      INTEGER NOT NULL
);

-- One article, from a file or a feed item. read/pinned_at/pin_rank/added_at are the reader's
-- state and survive every update of the content.
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    feed_id      INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    guid         TEXT,           -- identity of the item within its feed
    url          TEXT,
    source       TEXT,
    kicker       TEXT,
    headline     TEXT NOT NULL,
    standfirst   TEXT,
    authors      TEXT NOT NULL DEFAULT '[]',
    wire         TEXT,
    published    INTEGER,
    added_at     INTEGER NOT NULL,
    sort_at      INTEGER NOT NULL,  -- published if known, else added_at: the headline order
    paragraphs   TEXT NOT NULL DEFAULT '[]',
    captions     TEXT NOT NULL DEFAULT '[]',
    quotes       TEXT NOT NULL DEFAULT '[]',
    categories   TEXT NOT NULL DEFAULT '[]',
    links        TEXT NOT NULL DEFAULT '[]',
    content_hash TEXT NOT NULL,
    read         INTEGER NOT NULL DEFAULT 0,
    pinned_at    INTEGER,
    pin_rank     INTEGER            -- watch-list order, highest first
);

-- The headline list: newest first, read a page at a time.
CREATE INDEX articles_by_time ON articles (sort_at DESC, id DESC);
-- The same list filtered to unread articles.
CREATE INDEX articles_unread_by_time ON articles (sort_at DESC, id DESC) WHERE read = 0;
-- The headline list of one feed.
CREATE INDEX articles_by_feed ON articles (feed_id, sort_at DESC, id DESC);
-- The watch list.
CREATE INDEX articles_pinned ON articles (pin_rank DESC) WHERE pinned_at IS NOT NULL;
-- Dedupe on add: the same url, the same feed item, or the same text is one article.
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX articles_feed_guid ON articles (feed_id, guid) WHERE guid IS NOT NULL;
CREATE INDEX articles_content_hash ON articles (content_hash);

-- Full-text index; rowid is articles.id. Kept by the store in the same transaction as the
-- article rather than by triggers, so a batch can be indexed in one statement. (SCHEMA_V5 makes
-- it read its text from the articles.)
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, standfirst, body, captions, quotes,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Rank hits in the headline above hits in the body.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0, 2.0)');
"""

SCHEMA_V2 = """
-- Small pieces of reader state kept with the library (last position, filter), JSON values.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


SCHEMA_V3 = """
-- Digest of a feed item as last fetched (its raw fields), so a refresh rebuilds only the items
-- that changed: turning HTML into text and finding quotes is most of the cost of a refresh.
ALTER TABLE articles ADD COLUMN item_digest TEXT;
"""


SCHEMA_V4 = """
-- Merge the full-text index's segments 16 at a time rather than 4: a refresh writes a segment
-- per transaction, and merging them four by four rewrote each posting several times over
-- (benchmarks/refresh.py: indexing 10,000 articles 15 % cheaper, 50,000 20 %; searches as fast).
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
"""


SCHEMA_V5 = """
-- The full-text index keeps no copy of the text it indexes: where it needs the text (a search's
-- snippets, and taking out an article's old entry before the article changes) it reads it here,
-- from the article itself. Its own copy was a third of the library file and of what a refresh
-- writes (benchmarks/refresh.py: 200 feeds of 50 items refreshed 2-3 % faster without it).
-- Each column is the text the store indexes (rows.fts_values), made from the stored JSON. (That
-- text holds no NUL, at which SQLite's JSON functions would cut it: loaders strip controls.)
CREATE VIEW articles_text AS
SELECT
    a.id,
    a.headline,
    coalesce(a.standfirst, '') AS standfirst,
    (SELECT coalesce(group_concat(p.value, char(10)), '') FROM json_each(a.paragraphs) p)
        AS body,
    (SELECT coalesce(group_concat(
        json_extract(c.value, '$[0]') || ' ' || coalesce(json_extract(c.value, '$[1]'), ''),
        char(10)), '') FROM json_each(a.captions) c) AS captions,
    (SELECT coalesce(group_concat(
        json_extract(q.value, '$[0]') || ' ' || coalesce(json_extract(q.value, '$[1]'), ''),
        char(10)), '') FROM json_each(a.quotes) q) AS quotes
FROM articles a;

DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, standfirst, body, captions, quotes,
    content = 'articles_text', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0, 2.0)');
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
-- (Not the 'rebuild' command: FTS5 reads the text for it where json_each may not be used.)
INSERT INTO articles_fts (rowid, headline, standfirst, body, captions, quotes)
SELECT id, headline, standfirst, body, captions, quotes FROM articles_text;
"""


MIGRATIONS: list[str] = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5]
"""MIGRATIONS[n] is the script that takes a library from version n to n + 1."""

LATEST_VERSION = len(MIGRATIONS)
