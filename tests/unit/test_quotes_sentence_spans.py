"""The compiled build's character reading of sentence ends finds what the pattern finds."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes

_PIECES = st.sampled_from(
    [
        ".", "!", "?", "…", "...", "?!", " ", "  ", "\n", "\u00a0", "\u2009", "\t", "”", "“",
        "\"", "’", "‘", "'", ")", "(", "]", "[", "A", "Z", "The", "0", "9", "é", "É", "\u024f",
        "\u0250", "Ω", "x", "said", "Dr", "U.S", "\x00", ",", "@",
    ]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
@example(". “A")
@example("! ‘9")
@example("? (")
@example(".”) \u00a0\u00e9")
def test_a_sentence_end_is_read_where_the_pattern_matches(text: str) -> None:
    for at, c in enumerate(text):
        if c in ".!?…":
            m = quotes._SENTENCE_END.match(text, at)
            assert quotes._sentence_end_at(text, at) == (m.end() if m else -1)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_sentence_end_spans_are_the_pattern_spans(text: str) -> None:
    expected = [m.span() for m in quotes._SENTENCE_END.finditer(text)]
    assert quotes._sentence_end_spans(text) == expected
