"""The plain-run pattern reads every run as reading it word by word (`_read_run`) does."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import speakers

_PIECES = st.sampled_from(
    [
        "Residents", "Residents'", "Residents’", "Jones’s", "S'", "Is'", "groups", "Groups",
        "April", "April.", "April..", "April.’s", "April.5", "Mr.", "Dr", "St.", "J.", "A.", "U.S.",
        "New", "York.", "van", "Beethoven", "said", "Brennan", "the", "O'Neil", "eBay", "2019",
        "É", "é", "’", "'", "“", "”", "\x00\x00", ".", ",", ";", ":", "-", "–", "_", "(",
    ]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", "", "  ", ", ", ". ", ".", "\n", "' ", "’ "])


def _as_read_word_by_word(text: str) -> list[tuple]:
    """Each run found, next to what `_read_run` reads from the same start."""
    got, want = [], []
    for run in speakers._find_runs(text):
        got.append((run.end, run.words, run.possessive, run.after, run.gap_after))
        want.append(tuple(speakers._read_run(text, run.start)))
    return [got, want]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(_PIECES, _SEPARATORS), max_size=10))
@example([("Residents'", " "), ("groups", " ")])
@example([("in", " "), ("April.", " "), ("Brennan", " ")])
@example([("New", " "), ("York.", "")])
@example([("van", " "), ("Dr.", " ")])
@example([("Mr.", " "), ("Brennan", " ")])
@example([("A.", " "), ("Brennan", " ")])
@example([("April.’s", " "), ("groups", " ")])
@example([("April.", " "), ("“", ""), ("\x00\x00", ""), ("”", " "), ("he", "")])
def test_plain_runs_are_the_runs_read_word_by_word(pieces: list[tuple[str, str]]) -> None:
    got, want = _as_read_word_by_word("".join(p + sep for p, sep in pieces))
    assert got == want


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="AaBbsS .'’,;:\x00“”-_1É\n", max_size=40))
def test_plain_runs_on_any_text(text: str) -> None:
    got, want = _as_read_word_by_word(text)
    assert got == want
