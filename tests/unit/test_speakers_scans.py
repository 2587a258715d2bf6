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


_RUN_PIECES = st.sampled_from(
    [
        "Residents", "Residents'", "Residents’", "Jones’s", "S'", "Is'", "groups", "Groups",
        "April", "April.", "April..", "April.’s", "April.5", "Mr.", "Dr", "St.", "J.", "U.S.",
        "New", "York", "van", "said", "the", "O'Neil", "eBay", "2019", "A", "Z", "a", "z", "s",
        "É", "é", "’", "'", "“", "”", "\x00", ".", ",", ";", ":", "-", "–", "_", "(", "!", "\n",
        "\u00a0", "ß", "Ω", "\U0001d400",
    ]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.tuples(_RUN_PIECES, st.sampled_from([" ", "", "  ", ", ", ". ", "."])), max_size=12)
)
def test_plain_run_by_character_matches_the_pattern(pieces: list[tuple[str, str]]) -> None:
    text = "".join(p + sep for p, sep in pieces)
    for s in range(len(text) + 1):
        assert speakers._plain_run_by_character(text, s) == speakers._plain_run_by_pattern(
            text, s
        ), (text, s)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="AaBbsSZz .'’,;:\x00“”-–_1É\n!", max_size=40))
def test_plain_run_by_character_on_any_text(text: str) -> None:
    for s in range(len(text) + 1):
        assert speakers._plain_run_by_character(text, s) == speakers._plain_run_by_pattern(
            text, s
        ), (text, s)


def test_plain_run_groups() -> None:
    text = "Residents' groups met Tom Brennan, who said. New York. Dr. Lee"
    assert speakers._plain_run_by_character(text, 0) == (9, None, None, "' ", "groups")
    assert speakers._plain_run_by_character(text, 22) == (33, ", ", "who", None, None)
    assert speakers._plain_run_by_character(text, 45) is None  # "York." then "Dr.": no plain word
    assert speakers._plain_run_by_character(text, 55) == (57, None, None, ". ", "Lee")
    assert speakers._plain_run_by_character(text, 59) is None  # nothing after the words
    assert speakers._plain_run_by_character("Lee.", 0) == (3, None, None, ".", None)
    assert speakers._plain_run_by_character("Lee Said", 0) is None
