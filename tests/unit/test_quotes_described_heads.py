"""The shortcut that spares `_learn_described` parsing a subject misses no describing head."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes

_PIECES = st.sampled_from(
    [
        "workers", "Workers", "people", "the", "a", "one", "son", "mother", "spokeswoman",
        "official", "officials", "study", "election", "of", "with", "who", "from", "and", "but",
        "also", "later", "said", "told", "police", "Tom", "Brennan", "he", "after", "in",
        "(", ")", "“", "”", "\x00\x00", "—", "–", "-", "’s", "workers’", "co-workers",
    ]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", " ", " ", ", ", "; ", ": ", " — ", "  ", "", ". ", "\n"])


def _head_of_subject(masked: str) -> str | None:
    """The head `_learn_described` reads from `_subject`'s description of the whole stretch."""
    who = quotes._subject(masked, 0, len(masked))
    if who is None or who.kind != "desc":
        return None
    words = who.text.lower().split()
    at = next((i for i, w in enumerate(words) if w in ("of", "with", "who", "from")), len(words))
    head = words[at - 1] if at else ""
    heads = quotes._PERSON_HEADS | quotes.ROLE_NOUNS | quotes._PERSON_LABELS
    return head if head in heads else None


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(_PIECES, _SEPARATORS), min_size=1, max_size=9))
@example([("Workers", " "), ("study", " "), ("election", " ")])
@example([("the", " "), ("son", " "), ("of", " "), ("one", " "), ("victim", " ")])
@example([("one", " "), ("official", " "), ("later", " ")])
@example([("the", " "), ("official", ", ")])
@example([("after", "\n"), ("the", " "), ("workers", " ")])  # an inner clause after a line break
def test_a_head_the_subject_gives_is_never_skipped(pieces: list[tuple[str, str]]) -> None:
    masked = "".join(p + sep for p, sep in pieces)
    if _head_of_subject(masked) is not None:
        assert quotes._may_end_in_head(masked.lower())


@pytest.mark.parametrize(
    ("stretch", "may"),
    [
        ("workers study election ", False),  # the next word follows the head in any description
        ("the workers ", True),  # the last word
        ("the son of one victim ", True),  # the word before "of"
        ("one official later ", True),  # a description is cut at an adverb
        ("the official, ", True),  # a break may end it
        ("co-workers study ", False),
        ("the budget report ", False),  # no head word at all
    ],
)
def test_heads_that_may_end_a_description(stretch: str, may: bool) -> None:
    assert quotes._may_end_in_head(stretch) is may
