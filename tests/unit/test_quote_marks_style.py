"""Choosing an article's quote style counts double openers only when single openers could win."""

from __future__ import annotations

import random

from bitereader.extract import quote_marks as qm
from bitereader.extract.text import offsets_of


def _reference_style(text: str) -> str:
    """The style as first written: both counts, whatever they are."""
    doubles = sum(1 for at in offsets_of(text, '"“„«') if qm._DOUBLE_OPENER.match(text, at))
    singles = 0
    for at in offsets_of(text, "'‘"):
        m = qm._SINGLE_OPENER.match(text, at)
        if m and not qm._ELISION_RE.match(text, m.end()):
            singles += 1
    return "single" if singles > doubles else "double"


def test_no_single_opener_means_double_style() -> None:
    assert qm.choose_style(["He said “yes”, ‘no’ and ‘maybe’."]) == "single"
    assert qm.choose_style(["He said yes."]) == "double"
    assert qm.choose_style(["It's ’90s rock, don't ask."]) == "double"


def test_closing_marks_among_the_marks_are_not_counted_as_openers() -> None:
    # One single opener against one double opener (the closers ” and » must not count).
    text = "A ‘word’ and “one”» then ” and »"
    assert qm._style(text, offsets_of(text, qm.DOUBLE_MARKS)) == "double"
    text = "A ‘word’ and ‘another’ with “one” ” » ”"
    assert qm._style(text, offsets_of(text, qm.DOUBLE_MARKS)) == "single"


def test_style_and_spans_match_the_reference_on_random_text() -> None:
    rng = random.Random(11)
    pieces = [
        "word",
        " ",
        " ",
        "'",
        "‘",
        "’",
        '"',
        "“",
        "”",
        "„",
        "«",
        "»",
        "em",
        "90",
        "(",
        "—",
        "s",
    ]
    for _ in range(3000):
        paragraphs = [
            "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
            for _ in range(rng.randrange(1, 4))
        ]
        text = "\n".join(paragraphs)
        style = _reference_style(text)
        assert qm.choose_style(paragraphs) == style, paragraphs
        assert qm._style(text, offsets_of(text, qm.DOUBLE_MARKS)) == style, paragraphs
        assert qm.article_spans(paragraphs) == qm.find_spans(paragraphs, style), paragraphs
