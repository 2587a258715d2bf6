"""The compiled build's character loops in speakers find what the plain-Python paths find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import speakers

_CHARS = st.sampled_from(list("AZaz?. ’'-\n\u00a0ÉéßİǅΩωДд\u2163\U0001d400\U0001f600“”\x00"))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_CHARS, max_size=40).map("".join)))
def test_capitals_by_character_are_the_upper_case_and_astral_characters(text: str) -> None:
    expected = [i for i, c in enumerate(text) if c.isupper() or c > "\uffff"]
    assert speakers._capitals_by_character(text) == expected
    assert speakers._capitals(text) == expected
