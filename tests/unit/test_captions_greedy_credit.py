"""Tests that the labelled credit's greedy spelling finds what `_LABELLED`'s lazy one finds."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import captions

# `_LABELLED` from its label on, with the lazy credit group it was written with.
LAZY_FROM_LABEL = re.compile(
    captions._LABELLED.pattern[captions._LABELLED.pattern.index(r"\b(?P<label>") :],
    re.IGNORECASE,
)

_PIECES = [
    *("Photo", "photo:", "Photo by", "Credit", "Image credit", "Source", ":", " ", "  ", "."),
    *("..", ". ", " .", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x85", "\x1c", "A", "é"),
    *("Jane", "Doe", "/", "by", "AP", "\u0130", "\u017f", "x" * 40, "x" * 44, "x" * 45),
]
lines = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join) | st.text(max_size=120)


def assert_same_at_every_start(line: str) -> None:
    for start in range(len(line) + 1):
        lazy = LAZY_FROM_LABEL.match(line, start)
        greedy = captions._LABELLED_FROM_LABEL.match(line, start)
        assert (lazy is None) is (greedy is None), (line, start)
        if lazy is not None and greedy is not None:
            for group in (0, "label", "by", "credit"):
                assert greedy.span(group) == lazy.span(group), (line, start, group)


@settings(max_examples=2000, deadline=None)
@given(lines)
@example("Crowds gather. Photo: Jane Doe/AP")
@example("Photo: A.")
@example("Photo: A")
@example("Photo:  A")
@example("Photo: ..")
@example("Photo: Jane Doe: more")
@example("Photo: Jane Doe. \n")
@example("Photo: " + "x" * 89 + ". ")
@example("Photo: " + "x" * 90)
@example("Photo: " + "x" * 91)
@example("Photo by\u00a0Jane\u2003.")
def test_greedy_credit_matches_the_lazy_one(line: str) -> None:
    assert_same_at_every_start(line)


def test_greedy_credit_is_still_bounded() -> None:
    # A credit is 2 to 90 characters and holds no colon: the bounds the lazy group set.
    assert captions._LABELLED_FROM_LABEL.match("Photo: " + "x" * 90)["credit"] == "x" * 90
    assert captions._LABELLED_FROM_LABEL.match("Photo: " + "x" * 91) is None
    assert captions._LABELLED_FROM_LABEL.match("Photo: A.")["credit"] == "A."
    assert captions._LABELLED_FROM_LABEL.match("Photo: Jane: Doe") is None
