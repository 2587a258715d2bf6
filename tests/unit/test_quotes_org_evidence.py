"""`_org_evidence`'s quick test before `_ORG_APPOSITIVE` never turns away a match."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q

_PIECES = st.sampled_from(
    [
        ",",
        ".",
        ";",
        " ",
        "  ",
        "\n",
        "\u00a0",
        "the",
        "a",
        "an",
        "of",
        "city's",
        "supermarket",
        "spokesperson",
        "mayor",
        "long-time",
        "Harlow",
        *sorted(q._ORG_TYPES)[:12],
        "supplier",
        "side",
        "club",
        "clubs",
        "x",
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harlow Foods, the supermarket supplier, said", True),
        ("Harlow Foods, the supermarket supplier; then", True),
        ("Harbour Town, a side.", True),
        ("Aiko Tanaka, a spokesperson.", False),
        ("Ann Lee, the city's mayor, said", False),
        ("Ann Lee, the city's mayor", False),  # no mark to end at
        ("Harlow Foods, the suppliers, said", False),
    ],
)
def test_org_word_ends_clause_reads_the_word_before_the_first_mark(
    text: str, expected: bool
) -> None:
    comma = text.index(",")
    assert q._org_word_ends_clause(text, comma) is expected
    if not expected:
        assert q._ORG_APPOSITIVE.match(text, comma) is None


_SPACES = st.sampled_from([" ", "  ", "\n", "\u00a0", " \t", ""])
_WORDS = st.sampled_from(
    ["the", "a", "an", "The", "of", "city's", "long-time", "supermarket", "Harlow", "x", "on"]
)
_ORG_ISH = st.sampled_from([*sorted(q._ORG_TYPES), "suppliers", "spokesperson", "Club", "sid"])
_MARKS = st.sampled_from([",", ".", ";", ":", "!", " ", ", ", ""])


@st.composite
def _appositive_like(draw: st.DrawFn) -> str:
    """Text after a name's comma, shaped like the expression's matches and near misses."""
    pieces = [draw(_SPACES), draw(st.sampled_from(["the", "a", "an", "The", "one"]))]
    for word in draw(st.lists(_WORDS, max_size=4)):
        pieces += [draw(_SPACES), word]
    pieces += [draw(_SPACES), draw(_ORG_ISH), draw(_MARKS), draw(st.lists(_PIECES).map("".join))]
    return "".join(pieces)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_appositive_like(), st.lists(_PIECES, max_size=14).map(" ".join)))
@example(" the supermarket supplier,")
@example("\u00a0a\u00a0side;")
@example(" the long-time club.")
def test_no_appositive_is_missed(tail: str) -> None:
    text = "Harlow," + tail
    if q._ORG_APPOSITIVE.match(text, 6) is not None:
        assert q._org_word_ends_clause(text, 6)
