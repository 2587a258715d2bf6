"""Scanning shortcuts in the quote extractor find exactly what the plain forms they replace find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes

_SENTENCE_PIECES = st.sampled_from(
    [
        ".", "!", "?", "…", "...", "?!", " ", " ", "  ", "\n", "”", "“", "\"", "’", "'", ")", "(",
        "]", "[", "A", "The", "9", "é", "É", "x", "said", "Dr", "U.S", "\x00", "\x00\x00", ",",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_SENTENCE_PIECES, max_size=30).map("".join))
def test_sentence_ends_are_the_plain_pattern_matches(text: str) -> None:
    found = [(m.span(), m.group()) for m in quotes._sentence_ends(text)]
    assert found == [(m.span(), m.group()) for m in quotes._SENTENCE_END.finditer(text)]
