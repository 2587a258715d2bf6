# cython: annotation_typing=False
# Compiled (see setup.py) for speed alone: its annotations must not make the compiled module refuse
# what the source takes, such as a list where a tuple is annotated or a subclass of str.
"""Conversions between model objects and the values stored in SQLite columns."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import TYPE_CHECKING

from bitereader.models import Article, Caption, Headline, Quote, hash_text

if TYPE_CHECKING:
    from bitereader.loaders.feeds import ArticleValues


Text = str | bytes
"""A text column's value as the store writes it: str, or the text encoded as UTF-8.

An article's paragraphs (as JSON) and full-text body are bytes when a refresh's workers make
them, from the UTF-8 they hash: pickled as bytes they reach the main process without being
encoded to UTF-8 again or decoded from it, and SQLite takes the bytes as they are where
before it encoded the text once more (the store binds such values as CAST(? AS TEXT))."""


def stored_text(value: Text) -> str:
    """The text a Text value stands for, as SQLite gives it back."""
    return value.decode() if isinstance(value, bytes) else value


def _json_encoder() -> Callable[[object], str]:
    """json.dumps(..., ensure_ascii=False), a microsecond a call cheaper: a refresh encodes six
    lists an article, and JSONEncoder.encode builds a new C encoder for every one.

    The C encoder is made once, without the check for circular lists (ours never are); the
    text is the same.
    """
    if c_make_encoder is None:  # a Python without the _json accelerator
        return json.JSONEncoder(ensure_ascii=False).encode
    encode = c_make_encoder(
        None, json.JSONEncoder().default, encode_basestring, None, ": ", ", ", False, False, True
    )
    join = "".join
    return lambda value: join(encode(value, 0))


_to_json = _json_encoder()


def to_epoch(moment: datetime | None) -> int | None:
    """Seconds since the epoch; a naive datetime is taken to be UTC."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def from_epoch(seconds: int | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


def captions_json(captions: tuple[Caption, ...]) -> str:
    if not captions:
        return "[]"
    return _to_json([(c.text, c.credit, c.paragraph) for c in captions])


def quotes_json(quotes: tuple[Quote, ...]) -> str:
    if not quotes:
        return "[]"
    return _to_json(
        [(q.text, q.speaker, q.role, q.kind, q.paragraph, q.start, q.end) for q in quotes]
    )


def captions_from_json(text: str) -> tuple[Caption, ...]:
    return tuple(Caption(*row) for row in json.loads(text))


def quotes_from_json(text: str) -> tuple[Quote, ...]:
    return tuple(Quote(*row) for row in json.loads(text))


def list_json(items: tuple[str, ...]) -> str:
    """The items as a JSON list: quoted as they are where JSON escapes nothing in them (see
    `text_columns`), which spares the encoder's set-up for an article's author or two."""
    if not items:
        return "[]"
    for item in items:
        if type(item) is not str or not item.isprintable() or '"' in item or "\\" in item:
            return _to_json(items)
    return '["' + _JSON_SEPARATOR.join(items) + '"]'


def text_columns(headline: str, paragraphs: tuple[str, ...]) -> tuple[Text, Text, str]:
    """An article's paragraphs as their JSON column and as the full-text body, and its content
    hash, taken together: hashing finds out what the JSON needs to know.

    JSON escapes only quotes, backslashes and control characters. Paragraphs that are all
    printable (hash_text tells) have no control characters, newlines included, so when the
    body has no quote or backslash either, the JSON is the paragraphs quoted as they are and
    joined: the same text the encoder writes, without its pass over every character.

    Text hashed the plain way (nearly all) has been encoded to UTF-8 for its hash already: its
    JSON and body are joined from those bytes and stay bytes (see `Text`).
    """
    encoded = _utf8_parts(headline, paragraphs)
    digest = None if encoded is None else _plain_hash(headline, paragraphs, encoded)
    if digest is None or encoded is None:
        return _text_columns_of_str(headline, paragraphs)
    parts = encoded[1:]
    body = b"\n".join(parts)
    if not parts:
        return "[]", "", digest
    if b'"' not in body and b"\\" not in body:
        return b'["' + _JSON_SEPARATOR_UTF8.join(parts) + b'"]', body, digest
    return _to_json(paragraphs), body, digest


def _text_columns_of_str(headline: str, paragraphs: tuple[str, ...]) -> tuple[str, str, str]:
    """text_columns for text that does not hash the plain way, as str."""
    digest, printable = hash_text(headline, paragraphs)
    body = "\n".join(paragraphs)
    if not paragraphs:
        return "[]", body, digest
    if printable and '"' not in body and "\\" not in body:
        return f'["{_JSON_SEPARATOR.join(paragraphs)}"]', body, digest
    return _to_json(paragraphs), body, digest


def _utf8_parts(headline: str, paragraphs: tuple[str, ...]) -> list[bytes] | None:
    """The headline and paragraphs encoded as UTF-8; None when one holds a lone surrogate
    (hash_text says what becomes of those)."""
    try:
        return [headline.encode(), *[part.encode() for part in paragraphs]]
    except UnicodeEncodeError:
        return None


def _plain_hash(
    headline: str, paragraphs: tuple[str, ...], encoded: list[bytes] | None = None
) -> str | None:
    """hash_text's digest of parts that are printable and single-spaced already and whose
    characters beyond ASCII fold to themselves (nearly all text); None for any other.
    `encoded`: the parts as `_utf8_parts` gives them, when the caller has them.

    Here, where it is compiled, rather than in hash_text, whose interpreted steps cost as much
    as its scans: a refresh hashes every article it stores. Folding such text is lower-casing
    its ASCII letters, which the bytes do at a fraction of the cost of casefold (most of all
    for text that is not all ASCII, where casefold looks up every character).
    """
    if encoded is None:
        encoded = _utf8_parts(headline, paragraphs)
        if encoded is None:
            return None
    # Joined by spaces, the parts hold no double space and no space at either end exactly
    # when each is single-spaced and trimmed (see hash_text).
    spaced = b" ".join(encoded)
    if (
        b"  " in spaced
        or spaced[:1] == b" "
        or spaced[-1:] == b" "
        or spaced.translate(_FLAG_CONTROLS) is not spaced
    ):
        return None
    if not spaced.isascii():
        for part, data in zip((headline, *paragraphs), encoded, strict=True):
            if not part.isascii():
                # A character that folds to another folds to text that starts otherwise (as
                # a test checks for every code point), so the characters beyond ASCII fold to
                # themselves exactly when all of them together do.
                beyond = data.translate(None, _ASCII).decode()
                if not part.isprintable() or beyond.casefold() != beyond:
                    return None
    return hashlib.blake2b(b"\x00".join(encoded).lower() + b"\x00", digest_size=16).hexdigest()


_JSON_SEPARATOR = '", "'
_JSON_SEPARATOR_UTF8 = _JSON_SEPARATOR.encode()
_FLAG_CONTROLS = bytes(
    byte if 0x20 <= byte < 0x7F or byte >= 0x80 else (byte + 1) % 0x100 for byte in range(0x100)
)
"""Every byte to itself but the ASCII control characters: translating bytes gives back the
very same object when they hold none (which is quicker than deleting the others to see)."""
_ASCII = bytes(range(0x80))


def fts_values(article: Article | ArticleValues, body: Text) -> tuple[str, str, Text, str, str]:
    """The text the full-text index holds for an article, column by column (`body`: its
    paragraphs joined by newlines, as text_columns gives it).

    The index reads this text back from the stored columns through the view articles_text
    (schema.SCHEMA_V5), which makes it the same way in SQL: change the two together
    (test_store_text_index holds them equal)."""
    captions, quotes = article.captions, article.quotes
    return (
        article.headline,
        article.standfirst or "",
        body,
        "\n".join([f"{c.text} {c.credit or ''}" for c in captions]) if captions else "",
        "\n".join([f"{q.text} {q.speaker or ''}" for q in quotes]) if quotes else "",
    )


def content_values(
    article: Article | ArticleValues,
) -> tuple[tuple[object, ...], tuple[str, str, Text, str, str]]:
    """An article's values for the store's content columns, in their order (see
    `articles._CONTENT_COLUMNS`: the content hash last), and its full-text index entry.

    Only the fields an article is built with are read, so the fields alone do as well."""
    paragraphs, body, digest = text_columns(article.headline, article.paragraphs)
    return (
        article.guid,
        article.url,
        article.source,
        article.kicker,
        article.headline,
        article.standfirst,
        list_json(article.authors),
        article.wire,
        to_epoch(article.published),
        paragraphs,
        captions_json(article.captions),
        quotes_json(article.quotes),
        list_json(article.categories),
        list_json(article.links),
        digest,
    ), fts_values(article, body)


ARTICLE_COLUMNS = (
    "id, feed_id, guid, url, source, kicker, headline, standfirst, authors, wire, published, "
    "added_at, paragraphs, captions, quotes, categories, links, read, pinned_at"
)


def article_from_row(row: sqlite3.Row | tuple) -> Article:
    """Build an Article from a row selected with ARTICLE_COLUMNS."""
    (
        id_, feed_id, guid, url, source, kicker, headline, standfirst, authors, wire,
        published, added_at, paragraphs, captions, quotes, categories, links, read, pinned_at,
    ) = row  # fmt: skip
    return Article(
        id=id_,
        feed_id=feed_id,
        guid=guid,
        url=url,
        source=source,
        kicker=kicker,
        headline=headline,
        standfirst=standfirst,
        authors=tuple(json.loads(authors)),
        wire=wire,
        published=from_epoch(published),
        added_at=from_epoch(added_at),
        paragraphs=tuple(json.loads(paragraphs)),
        captions=captions_from_json(captions),
        quotes=quotes_from_json(quotes),
        categories=tuple(json.loads(categories)),
        links=tuple(json.loads(links)),
        read=bool(read),
        pinned_at=from_epoch(pinned_at),
    )


HEADLINE_COLUMNS = (
    "a.id, a.headline, a.source, a.url, a.published, a.added_at, a.read, a.pinned_at, a.feed_id"
)


def headline_from_row(row: tuple, snippet: str | None = None) -> Headline:
    """Build a Headline from a row selected with HEADLINE_COLUMNS."""
    id_, headline, source, url, published, added_at, read, pinned_at, feed_id = row[:9]
    return Headline(
        id=id_,
        headline=headline,
        source=source,
        url=url,
        published=from_epoch(published),
        added_at=from_epoch(added_at) or datetime.fromtimestamp(0, UTC),
        read=bool(read),
        pinned_at=from_epoch(pinned_at),
        feed_id=feed_id,
        snippet=snippet,
    )
