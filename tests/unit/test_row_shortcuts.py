"""Store rows made the quick way hold exactly what the plain encoders and hash give."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.models import Article, Caption, Quote, content_hash, hash_text
from bitereader.store.feeds import item_row
from bitereader.store.rows import stored_text, text_columns

SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2009\u200a\u2028\u2029\u202f\u3000"
ESCAPED = '"\\\x00\x01\x08\x1b\x7f'
texts = st.text(
    st.sampled_from(SPACES) | st.sampled_from(ESCAPED) | st.characters(exclude_categories=["Cs"]),
    max_size=40,
)
"""Text with white space, quotes, backslashes and control characters in it, often in runs."""
plain = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF) | st.just(" "), max_size=40)
"""Mostly printable text: the quick paths' case."""
paragraph_lists = st.lists(texts | plain | st.just("Already single spaced, as most text is."))


def plain_content_hash(headline: str, paragraphs: tuple[str, ...]) -> str:
    """content_hash as first written: every part split into words and joined again."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (headline, *paragraphs):
        digest.update(" ".join(part.split()).casefold().encode())
        digest.update(b"\x00")
    return digest.hexdigest()


@settings(max_examples=800)
@given(texts | plain, paragraph_lists)
def test_text_columns_are_the_json_body_and_hash_of_the_paragraphs(
    headline: str, paragraphs: list[str]
) -> None:
    made = tuple(paragraphs)
    encoded, body, digest = text_columns(headline, made)
    assert (stored_text(encoded), stored_text(body), digest) == (
        json.dumps(paragraphs, ensure_ascii=False),
        "\n".join(paragraphs),
        plain_content_hash(headline, made),
    )
    assert hash_text(headline, made) == (
        plain_content_hash(headline, made),
        all(p.isprintable() for p in paragraphs),
    )
    assert content_hash(headline, made) == plain_content_hash(headline, made)


def test_text_columns_escape_what_json_escapes() -> None:
    cases = [
        ("Boats run hourly.", "“Sorry,” said Ana."),  # the quick path
        ('He said "no".', "Plain."),  # a quote
        ("C:\\ferry", "Plain."),  # a backslash
        ("Two\nlines", "Plain."),  # a newline inside a paragraph is not a separator
        ("Bell\x07", "Plain."),  # a control character
        ("Nbsp\u00a0here", "Plain."),  # not printable, needs no escape
        (),
    ]
    for paragraphs in cases:
        encoded, body, _ = text_columns("Ferry", paragraphs)
        assert stored_text(encoded) == json.dumps(list(paragraphs), ensure_ascii=False)
        assert json.loads(encoded) == list(paragraphs)
        assert stored_text(body) == "\n".join(paragraphs)


def test_text_hashed_the_plain_way_stays_utf8() -> None:
    """Its JSON and body are joined from the bytes hashed, and cross to the store as bytes."""
    paragraphs = ("“Boats stop,” said Ana.", "Ferries resume at noon.")
    encoded, body, _ = text_columns("Ferry strike", paragraphs)
    assert encoded == json.dumps(list(paragraphs), ensure_ascii=False).encode()
    assert body == "\n".join(paragraphs).encode()
    # Text hashed otherwise (here: not single-spaced) stays str.
    assert text_columns("Ferry  strike", paragraphs)[1] == "\n".join(paragraphs)


def test_item_row_holds_every_column_and_index_entry() -> None:
    from datetime import UTC, datetime

    article = Article(
        headline="Ferry  strike",
        paragraphs=("“Boats stop,” said Ana.", 'A "quoted" word.'),
        url="https://news.example/ferry",
        source="Harbour news",
        standfirst="Boats stop today.",
        authors=("Ana",),
        published=datetime(2025, 6, 3, 14, 30, tzinfo=UTC),
        captions=(Caption("The ferry", "Ben", 0), Caption("Quay", None, None)),
        quotes=(Quote("Boats stop,", "Ana", None, "direct", 0, 1, 12),),
        categories=("Transport",),
        links=("https://news.example/a.mp3",),
        guid="ferry-1",
    )
    values, fts = item_row(article)
    assert values == (
        "ferry-1",
        "https://news.example/ferry",
        "Harbour news",
        None,
        "Ferry  strike",
        "Boats stop today.",
        '["Ana"]',
        None,
        1748961000,
        '["“Boats stop,” said Ana.", "A \\"quoted\\" word."]',
        '[["The ferry", "Ben", 0], ["Quay", null, null]]',
        '[["Boats stop,", "Ana", null, "direct", 0, 1, 12]]',
        '["Transport"]',
        '["https://news.example/a.mp3"]',
        plain_content_hash("Ferry  strike", article.paragraphs),
    )
    assert fts == (
        "Ferry  strike",
        "Boats stop today.",
        '“Boats stop,” said Ana.\nA "quoted" word.',
        "The ferry Ben\nQuay ",
        "Boats stop, Ana",
    )
    bare_values, bare_fts = item_row(Article(headline="Only a headline"))
    assert bare_values[6:15] == (
        "[]",
        None,
        None,
        "[]",
        "[]",
        "[]",
        "[]",
        "[]",
        plain_content_hash("Only a headline", ()),
    )
    assert bare_fts == ("Only a headline", "", "", "", "")
