"""The compiled build's readers of the words after a verb find what the patterns find."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes

_PIECES = st.sampled_from(
    [
        "Ann", "Lee", "said", " ", " ", "  ", "\t", "\n", "\u00a0", ",", ".", "!", "?", ";", "“",
        "”", "\x00", "—", "–", " — ", "on", "On", "one", "in", "at", "of", "off", "as", "to",
        "today", "tonight", "who", "which", "that", "via", "x", "é", "_", "2", "according",
        "noting", "while", "a", "Z",
    ]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
@example(" of x")
@example(" of  X")
@example(" of\té")
@example(" of")
@example(" on_")
@example(" oné x")
@example(" to’s")
def test_np_cut_is_where_the_pattern_matches(text: str) -> None:
    m = quotes._CUT_NP.search(text)
    assert quotes._np_cut(text) == (m.start() if m else -1)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
@example("Ann Lee. x")
@example("Ann — Lee; x")
def test_np_stop_is_where_the_pattern_matches(region: str) -> None:
    m = quotes._NP_STOP.search(region)
    assert quotes._np_stop(region) == (m.start() if m else -1)
