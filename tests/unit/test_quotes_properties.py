"""Properties of extract_quotes that must hold for any text at all."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract.quotes import extract_quotes

_MARKS = "\"'“”‘’„«»"
_WORDS = [
    "said",
    "told",
    "he",
    "she",
    "they",
    "according to",
    "Smith",
    "Ann Lee",
    "the council",
    "Mr.",
    "wrote",
    "called",
    "a",
    "and",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "—",
    "(",
    ")",
    "[...]",
    "don't",
    "Trump’s",
    "’90s",
    "O'Neil",
    "in a statement",
    "The",
    "It",
    "\n",
    "  ",
]
_piece = st.one_of(
    st.sampled_from(list(_MARKS)),
    st.sampled_from(_WORDS),
    st.text(alphabet=_MARKS + " .,abcXYZ", max_size=6),
    st.text(max_size=4),
)
_paragraph = st.lists(_piece, max_size=40).map(" ".join)
_article = st.lists(_paragraph, max_size=6)


@settings(max_examples=300, deadline=None)
@given(_article)
def test_never_raises_and_spans_are_exact(paragraphs: list[str]) -> None:
    quotes = extract_quotes(paragraphs)
    for q in quotes:
        assert 0 <= q.paragraph < len(paragraphs)
        assert 0 <= q.start < q.end <= len(paragraphs[q.paragraph])
        assert paragraphs[q.paragraph][q.start : q.end] == q.text
        assert q.kind in ("direct", "partial")
        assert q.text == q.text.strip()


@settings(max_examples=200, deadline=None)
@given(_article)
def test_quotes_come_in_article_order(paragraphs: list[str]) -> None:
    quotes = extract_quotes(paragraphs)
    keys = [(q.paragraph, q.start) for q in quotes]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=5))
def test_any_unicode_text(paragraphs: list[str]) -> None:
    for q in extract_quotes(paragraphs):
        assert paragraphs[q.paragraph][q.start : q.end] == q.text
