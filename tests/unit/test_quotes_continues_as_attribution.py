"""_continues_as_attribution: the expression it replaced, read as a word lookup."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes
from bitereader.extract.quote_lexicon import SPEECH_FORMS, SPEECH_VERB_RE

_AS_WRITTEN = re.compile(r"\s*(?:" + SPEECH_VERB_RE.pattern + r"|he|she|they|it|we|according)\b")

# Pieces that open (or nearly open) a continuation, and the characters that decide whether a
# word ends there: a word boundary or not, ASCII or not.
_PIECES = st.sampled_from(
    [
        *sorted(SPEECH_FORMS)[::7],
        "went on",
        "went",
        "put it",
        "put",
        "he",
        "she",
        "they",
        "it",
        "we",
        "according",
        "sai",
        "Said",
        "hey",
        "its",
    ]
)
_CHARS = st.sampled_from(
    [
        " ",
        "  ",
        "\t",
        "\n",
        "\u00a0",
        "\u2003",
        "-",
        "’",
        "'",
        "_",
        "1",
        "é",
        "ß",
        ",",
        ".",
        "s",
        "d",
        "x",
        "\u0663",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(_PIECES, _CHARS), max_size=6))
def test_the_same_answer_as_the_expression(parts: list[str]) -> None:
    post = "".join(parts)
    assert quotes._continues_as_attribution(post) == bool(_AS_WRITTEN.match(post))


def test_every_verb_and_its_near_misses() -> None:
    for form in sorted(SPEECH_FORMS):
        for post in (
            form,
            f"  {form}",
            f" {form} x",
            f"{form},",
            f"{form}-",
            f"{form}s",
            f"{form}_",
            f" {form[:-1]}",
        ):
            assert quotes._continues_as_attribution(post) == bool(_AS_WRITTEN.match(post)), post


def test_the_lexicon_keeps_what_the_lookup_assumes() -> None:
    """A verb's boundaries are word boundaries only if it opens and ends with a word character."""
    for form in SPEECH_FORMS:
        assert re.match(r"\w", form) and re.search(r"\w$", form), form
