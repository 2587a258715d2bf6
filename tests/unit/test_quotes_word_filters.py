"""The letter filters the verb and head scans apply as they read pass every word they look for,
and turn away only words `_verb_at` and `_head_at` would turn away themselves."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q


def _triple(word: str) -> int:
    """The index the scans read from a word's first three letters, letter by letter."""
    triple = q._next_triple(0, word[0])
    for c in word[1:3]:
        triple = q._next_triple(triple, c)
    return triple


def test_every_verb_word_and_head_passes() -> None:
    for word in q._VERB_WORDS:
        assert q._may_be_verb(_triple(word), len(word)), word
    for word in q._HEADS:
        assert q._may_be_head(_triple(word), len(word)), word


def test_the_triple_is_the_table_index_for_lower_case_letters() -> None:
    assert _triple("abc") == 0 * 676 + 1 * 26 + 2
    assert _triple("zzz") == 26**3 - 1
    assert _triple("said") == _triple("sai")
    for word in ("Said", "s4id", "sa’d", "éclair", "o'neil", "co-worker"):
        assert _triple(word) == -1, word


_LETTERS = "abcdefghijklmnopqrstuvwxyzAZé’'-_09"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_LETTERS, min_size=1, max_size=16))
def test_a_word_turned_away_is_no_verb_and_no_head(word: str) -> None:
    if not q._may_be_verb(_triple(word), len(word)):
        assert word not in q._VERB_WORDS
        assert q._verb_at(word, 0, len(word), len(word)) is None
    if not q._may_be_head(_triple(word), len(word)):
        assert word not in q._HEADS


def test_scans_on_prose_of_verb_and_head_words() -> None:
    """The scans, filters and all, against the plain readings they stand for."""
    rng = random.Random(11)
    words = [*sorted(q._VERB_WORDS), *sorted(q._HEADS), "report", "company", "storm", "a"]
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 8)))
        m = q.SPEECH_VERB_RE.search(text)
        expected = (m.start(), m.group()) if m is not None else False
        assert q._scan_verb_or_capital(text, 0, len(text), False) == expected, text
        assert q._may_end_in_head(text) == _heads_by_expression(text), text


def _heads_by_expression(low: str) -> bool:
    """`_may_end_in_head` as the pure-Python build reads it, with its expressions."""
    for m in q._DESCRIBED_HEAD.finditer(low):
        nxt = q._PLAIN_NEXT_WORD.match(low, m.end())
        if nxt is None or nxt.group(1) in q._HEAD_FOLLOWERS:
            return True
    return False
