"""Shortcuts past the quote extractor's per-call costs give exactly what the plain forms give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quote_marks, quotes
from bitereader.extract.quote_marks import (
    DOUBLE_MARKS,
    article_spans,
    choose_style,
    find_spans,
)
from bitereader.extract.speakers import run_cache, runs_in
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


_PROSE_PIECES = st.sampled_from(
    [
        " ", " ", ", ", ". ", "\n", "said", "the", "spokeswoman", "State Department", "Mr",
        "Maria Lopez", "President", "of", "“", "”", "\x00", "Her brother", "Piotr", "—", "(",
    ]
)  # fmt: skip
_PROSE = st.lists(_PROSE_PIECES, max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PROSE)
def test_runs_spared_the_pre_role_call_have_no_pre_role(text: str) -> None:
    # _learn_cast calls _pre_role only for titled names and names after a space.
    with run_cache():
        for run in runs_in(text):
            if run.name is None:
                continue
            for s in {0, run.start}:
                if not run.name.titles and not (run.start > s and text[run.start - 1].isspace()):
                    assert quotes._pre_role(text, s, run.start, run.name) is None


def test_mask_without_spans_is_the_text() -> None:
    for text in ("", "No quotes here.", "It’s a plan."):
        assert quotes._mask(text, []) == text
