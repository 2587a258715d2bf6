"""Tests that _looks_like_credit's test of a credit's first character is the pattern it was."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import captions

PLAIN_CREDIT_WORD = re.compile(r"^[A-Z0-9(©]")


def test_the_pattern_is_the_plain_one() -> None:
    assert captions._CREDIT_WORD.pattern == PLAIN_CREDIT_WORD.pattern


def test_first_characters_are_those_the_pattern_took() -> None:
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        taken = PLAIN_CREDIT_WORD.match(character) is not None
        assert (character in captions._CREDIT_FIRST) is taken, hex(code)


def plain_looks_like_credit(credit: str) -> bool:
    credit = credit.strip()
    words = credit.split()
    if not 0 < len(words) <= 10 or not PLAIN_CREDIT_WORD.match(credit):
        return False
    return sum(1 for word in words if word[0].islower()) <= 2


@settings(max_examples=800, deadline=None)
@given(st.text(max_size=60) | st.sampled_from(["Jane Doe/AP", "(Reuters)", "© AP", " x", ""]))
def test_looks_like_credit_is_the_plain_test(credit: str) -> None:
    assert captions._looks_like_credit(credit) is plain_looks_like_credit(credit)
