"""Cheap checks that skip a regex call in the quote extractor answer as the regex would."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quote_lexicon, quotes

_PIECES = st.sampled_from(
    [
        " ", "  ", "\n", "\t", "\u00a0", "\u2003", ",", ":", ";", ".", "x", "A", "é", "_", "9",
        "²", "٣", "\x00", "“", "”", "said", "say", "told", "ask", "Read", "read", "READ", "the",
        "statement", " read", "on", "in", "video", "ſ", "K", "İ",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=20).map("".join)
_LOWER_NEXT = re.compile(r"\s*[a-z]")
"""What `_kind` once matched the text after a quote with: a lower-case letter after spaces."""


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.integers(-3, 25), st.integers(-3, 25))
def test_speech_verb_search_on_short_stretches_is_the_plain_search(
    text: str, pos: int, end: int
) -> None:
    found = quote_lexicon.SPEECH_VERB_RE.search(text, pos, end)
    plain = quote_lexicon.SPEECH_VERB_RE._re.search(text, pos, end)
    assert (found and found.span()) == (plain and plain.span())


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.integers(0, 25), st.integers(0, 25))
def test_speech_verbs_in_short_stretches_are_the_plain_finditer(
    text: str, lo: int, hi: int
) -> None:
    found = [m.span() for m in quotes._speech_verbs_in(text, lo, hi)]
    assert found == [m.span() for m in quote_lexicon.SPEECH_VERB_RE.finditer(text, lo, hi)]


def test_shortest_verb_is_the_shortest_form() -> None:
    # The guards are exact only while no speech form is shorter than the constant.
    assert min(map(len, quote_lexicon.SPEECH_FORMS)) == quote_lexicon.SHORTEST_VERB
    assert not any(quote_lexicon.SPEECH_VERB_RE.search(f"{v}", 0, 2) for v in ("say", "ask"))


@settings(max_examples=500, deadline=None)
@given(st.characters())
def test_isalnum_is_the_alnum_class(ch: str) -> None:
    # _candidates looks at the first character with str.isalnum before searching `[^\W_]`.
    assert ch.isalnum() == bool(quotes._ALNUM.match(ch))


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_lower_next_check_is_the_pattern(post: str) -> None:
    assert ("a" <= post.lstrip()[:1] <= "z") == bool(_LOWER_NEXT.match(post))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_labelled_speaker_without_colon_finds_nothing(text: str) -> None:
    # The colon check only skips stretches where the pattern cannot match.
    if ":" not in text:
        assert quotes._ON_LABEL.search(text) is None
    assert quotes._labelled_speaker(text, 0, len(text)) == _plain_labelled(text)


def _plain_labelled(text: str) -> object:
    """`_labelled_speaker` as it was, searching whether or not a colon is there."""
    m = quotes._ON_LABEL.search(text, 0, len(text))
    if m is None:
        return None
    runs = quotes.runs_in(text, 0, m.start())
    if not runs or text[runs[-1].end : m.start()].strip():
        return None
    name = runs[-1].name
    if name is None or name.kind not in ("person", "single", "org"):
        return None
    return quotes._Who("org" if name.kind == "org" else "name", name.text, pos=name.start)


_SOURCE_PIECES = st.sampled_from(
    [" ", ", ", ": ", "the ", "The ", "THE ", "its ", "a ", "statement ", "Letter ", "post ",
     "read", "Read", "READ", "reads", " ", "\x00", "“", "”", "ſ", "x"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(_SOURCE_PIECES, max_size=12).map("".join), st.integers(0, 40))
def test_source_read_is_the_plain_searches(text: str, split: int) -> None:
    split = min(split, len(text))
    found = quotes._source_read(text, split, len(text), 0, split)
    after = quotes._SOURCE_READ_AFTER.match(text, split, len(text)) if split < len(text) else None
    before = quotes._SOURCE_READ_BEFORE.search(text, 0, split)
    if after is not None:
        assert found == (quotes._Who("desc", after.group(1), pos=after.start(1)), "post")
    elif before is not None:
        assert found == (quotes._Who("desc", before.group(1), pos=before.start(1)), "pre")
    else:
        assert found is None


def test_source_read_finds_both_sides() -> None:
    # Guard against the shortcuts hiding every match: each side still reads its source.
    text = "“Yes,” the statement read."
    close = text.index("”")
    assert quotes._source_read(text, close + 1, len(text), 0, 0) is not None
    text = "The letter read: “Yes.”"
    assert quotes._source_read(text, len(text), len(text), 0, text.index("“")) is not None
