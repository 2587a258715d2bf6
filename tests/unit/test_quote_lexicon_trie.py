"""trie_pattern's brief spelling matches exactly what the plain trie spelling matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract.quote_lexicon import SPEECH_FORMS, WRITTEN_SOURCES, trie_pattern

# Letters that re.escape changes, that a class treats specially, and plain ones.
_ALPHABET = "ab-.’ ^]\\[eéS"


def _plain_trie(words: frozenset[str]) -> str:
    """The spelling trie_pattern had: every branch and every optional part in its own group."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def _found(pattern: str, text: str, flags: int) -> list[tuple[int, int]]:
    compiled = re.compile(pattern, flags)
    spans = [m.span() for m in compiled.finditer(text)]
    spans += [m.span() for start in range(len(text) + 1) if (m := compiled.match(text, start))]
    return spans


_words = st.frozensets(st.text(_ALPHABET, min_size=1, max_size=5), min_size=1, max_size=8)


@settings(max_examples=400, deadline=None)
@given(_words, st.lists(st.text(_ALPHABET, max_size=6), max_size=6), st.booleans())
def test_the_same_matches_as_the_plain_spelling(
    words: frozenset[str], pieces: list[str], ignore_case: bool
) -> None:
    # The text is made of the words themselves, their prefixes and noise, so that most
    # positions start a word, a longer word's prefix or a near miss.
    text = " ".join([*sorted(words), *(w[:-1] for w in sorted(words)), *pieces])
    flags = re.IGNORECASE if ignore_case else 0
    new, old = trie_pattern(words), _plain_trie(words)
    for wrap in ("{}", r"(?<![\w’'-])(?:{})(?![\w’'-])", r"({})\b", r"(?:{})\s"):
        assert _found(wrap.format(new), text, flags) == _found(wrap.format(old), text, flags)
    assert all(re.fullmatch(new, word, flags) for word in words)


def test_the_lexicon_s_words_each_match_whole() -> None:
    for words in (SPEECH_FORMS, WRITTEN_SOURCES):
        pattern = re.compile(trie_pattern(words))
        assert all(pattern.fullmatch(word) for word in words)
        assert not pattern.fullmatch("xyzzy")
        text = " ".join(sorted(words))
        assert [m.span() for m in re.finditer(trie_pattern(words), text)] == [
            m.span() for m in re.finditer(_plain_trie(words), text)
        ]


def test_the_speech_verbs_are_spelled_briefly() -> None:
    """Every worker process compiles four expressions holding this one at start-up."""
    assert len(trie_pattern(SPEECH_FORMS)) < 0.85 * len(_plain_trie(SPEECH_FORMS))
