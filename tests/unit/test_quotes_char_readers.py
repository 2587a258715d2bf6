"""The compiled build's character readers find what the patterns they stand for find."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes

_ROLE_PIECES = st.sampled_from(
    [
        "a", "an", "the", "The", "A", " ", "  ", "\t", "\u00a0", "\n", ",", ";", "and", "andy",
        "who", "whose", "which", "with", "that", "where", "while", "when", "whom", "And", "x",
        "é", "spokesperson", "-", "’", "thea", "at", "w",
    ]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(_ROLE_PIECES, max_size=12).map("".join))
@example("an  mayor")
@example("a\u00a0b")
@example("the\tx")
@example("anx")
@example("x who\u2009y")
@example("x whose y")
@example("x and")
def test_role_readers_find_what_the_patterns_find(role: str) -> None:
    article = quotes._LEADING_ARTICLE.match(role)
    assert quotes._article_end(role) == (article.end() if article else 0)
    cut = quotes._CUT_ROLE.search(role)
    assert quotes._role_cut(role) == (cut.start() if cut else -1)


_PROSE_PIECES = st.sampled_from(
    [
        "I", "I'm", "I’m", "I've", "I’d", "I'll", "I'mx", "me", "my", "mine", "myself", "mylar",
        "we", "We", "WE", "our", "Our", "ours", "ourselves", "us", "Us", "use", " ", ",", "-",
        "'", "’", "_", "x", "é", "1", "\u00a0", "\x00", "“", ".",
    ]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PROSE_PIECES, max_size=12).map("".join))
@example("I-x")
@example("xI")
@example("'me")
@example("us_")
@example("éwe")
def test_first_person_reader_finds_what_the_pattern_finds(text: str) -> None:
    expected = quotes._FIRST_PERSON.search(text) is not None
    start = -1
    found = False
    for at, c in enumerate(text + "\x01"):
        if at < len(text) and quotes._head_char(c):
            start = at if start < 0 else start
        elif start >= 0:
            found = found or quotes._first_person_at(text, start, at)
            start = -1
    assert found == expected
    assert quotes._first_person_in(text) == expected
