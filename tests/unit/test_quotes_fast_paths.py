"""Shortcuts taken for speed find exactly what the plain searches they replace would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes
from bitereader.extract.quote_lexicon import SPEECH_VERB_RE

_PIECES = st.sampled_from(
    [
        "said", "told", "went on", "went", "says", "report", "the", "man", "A", "Ann", " ", " ",
        "\x00", "\x00\x00\x00", "“", "”", ",", ".", "’", "'", "-", "\n", "x",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join), st.data())
def test_first_speech_verb_is_the_first_match(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    found = quotes._first_speech_verb(text, lo, hi)
    expected = SPEECH_VERB_RE.search(text, lo, hi)
    assert (found and (found.span(), found.group())) == (
        expected and (expected.span(), expected.group())
    )
