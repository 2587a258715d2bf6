"""The shortcuts in finding capitalised runs give exactly the runs the plain steps would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import speakers

_PIECES = st.sampled_from(
    [
        "The", "Peter", "Novak", "Peter Novak", "said", "says", "told", "van", "Beethoven",
        "al-Assad", "Mr.", "J.", "Residents’", "April.", "US", "Council", "Maria", "in", "of",
        "shares", "the", "“", "”", "\x00\x00", ", ", ". ", " ", " ", " ", "-", "’s", "(WHO)",
        "É", "eBay", "McDonald",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=24).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS, _TEXTS)
def test_runs_read_with_remembered_names_are_the_plain_runs(first: str, second: str) -> None:
    # With nothing remembered, every run's name is classified afresh: the plain form. Then the
    # second text's runs take names remembered from the first (at other offsets), read inline.
    speakers._CLASSIFIED.clear()
    plain = speakers._find_runs(second)
    speakers._CLASSIFIED.clear()
    with speakers.run_cache():
        speakers.runs_in(first)
        assert speakers.runs_in(second) == plain
        assert speakers.runs_in(second) == plain  # the cached list, read again
