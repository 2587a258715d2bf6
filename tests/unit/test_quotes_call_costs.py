"""Shortcuts past the quote extractor's per-call costs give exactly what the plain forms give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quote_marks
from bitereader.extract.quote_marks import (
    DOUBLE_MARKS,
    article_spans,
    choose_style,
    find_spans,
)
from bitereader.extract.text import offsets_of

_MARK_PIECES = st.sampled_from(
    [
        " ", " ", "said", "We", "it", ",", ".", "\n", "\"", "“", "”", "„", "«", "»", "'", "‘",
        "’", "‚", "(", "—", "’em", "x",
    ]
)  # fmt: skip
_MARK_PARAGRAPHS = st.lists(st.lists(_MARK_PIECES, max_size=14).map("".join), max_size=4)


def _plain_find_spans(paragraphs: list[str], style: quote_marks.Style) -> list[list[object]]:
    """find_spans as it was: each paragraph's double marks found in that paragraph alone."""
    if style == "double":
        pairings = [
            quote_marks._pair_double(text, offsets_of(text, DOUBLE_MARKS)) for text in paragraphs
        ]
    else:
        pairings = [quote_marks._pair_single(text) for text in paragraphs]
    return quote_marks._spans(paragraphs, style, pairings)


@settings(max_examples=400, deadline=None)
@given(_MARK_PARAGRAPHS)
def test_article_spans_are_the_plain_style_and_spans(paragraphs: list[str]) -> None:
    style = choose_style(paragraphs)
    assert article_spans(paragraphs) == _plain_find_spans(paragraphs, style)
    for either in ("double", "single"):
        assert find_spans(paragraphs, either) == _plain_find_spans(paragraphs, either)


def test_marks_in_later_paragraphs_stay_in_their_own() -> None:
    # A paragraph without marks between two with them, and one that ends in an open quote.
    paragraphs = ["“One,” he said.", "No marks here.", "She said “two", "“three.”"]
    spans = article_spans(paragraphs)
    assert [[(m.open, m.close) for m in p] for p in spans] == [[(0, 5)], [], [(9, 13)], [(0, 7)]]
    assert spans[2][0].runs_on and spans[3][0].carried
