"""Shortcuts taken for speed find exactly what the plain searches they replace would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import speakers
from bitereader.extract.quote_lexicon import SPEECH_VERB_RE

_ONE_WORDS = st.sampled_from(
    [
        "The", "But", "Judge", "President", "Mr", "Mr.", "Dr.", "US", "U.S.", "UK", "NHS",
        "Council", "Ministry", "Village", "Maria", "Smith", "Shares", "Street", "University",
        "He", "A", "I", "Von", "Ali", "Prof.", "Sen.", "EU", "BBC", "Amazon", "Paris", "School",
        "Minister",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(_ONE_WORDS, st.text(min_size=1, max_size=8)), st.sampled_from(["said", "x", ""]))
def test_one_word_run_is_classified_as_the_general_rules_would(word: str, after: str) -> None:
    assert speakers._classify_word(word, 7) == speakers._classify_run((word,), after, 7)


_VERB_PIECES = st.sampled_from(
    [
        "said", "told", "went on", "went", "added", "add", "Said", " ", " ", "é", "ésaid", "x",
        "\x00", "“", "”", ",", "-", "’", "'", "_", "1", "\n", "(said)", "é said", "the",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_VERB_PIECES, max_size=40).map("".join), st.data())
def test_speech_verb_search_finds_what_the_plain_pattern_finds(
    text: str, data: st.DataObject
) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    found = SPEECH_VERB_RE.search(text, lo, hi)
    expected = SPEECH_VERB_RE._re.search(text, lo, hi)
    assert (found and (found.span(), found.group())) == (
        expected and (expected.span(), expected.group())
    )
