"""`_abbreviation_before` reads the word a full stop ends as splitting the 40 characters
before it would."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes
from bitereader.extract.quote_lexicon import ABBREVIATIONS

_PIECES = st.sampled_from(
    [
        "Dr", "Mr", "J", "U.S", "u.s", "etc", "St", "x", "said", "(", "“", "'", "‘", " ", " ",
        "\n", "\u00a0", "\u2009", ".", "..", "!", "?", "…", "é", "a" * 30, "Inc",
    ]
)  # fmt: skip


def _plain(masked: str, stop: int) -> bool:
    word = masked[max(0, stop - 40) : stop + 1].rsplit(None, 1)[-1]
    token = word.lower().strip("(\"“'‘").rstrip(".!?…")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or "." in token


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
@example("a" * 45 + ".")
@example("x " + "a" * 39 + ".")
@example("Dr.")
def test_abbreviation_before_reads_the_split_word(text: str) -> None:
    for stop, c in enumerate(text):
        if c == ".":
            assert quotes._abbreviation_before(text, stop) == _plain(text, stop)
