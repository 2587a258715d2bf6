"""Shortcuts in reading names (runs, their classes, the cast) agree with the plain forms."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import speakers

_PIECES = st.sampled_from(
    [
        "The", "Peter", "Novak", "Peter Novak", "said", "says", "told", "van", "Beethoven",
        "al-Assad", "Mr.", "J.", "Residents’", "April.", "US", "Council", "Maria", "in", "of",
        "shares", "the", "“", "”", "\x00\x00", ", ", ". ", " ", " ", " ", "-", "’s", "(WHO)",
        "É", "eBay", "McDonald", "Harbour Town", "River", "Street", "Judge", "President",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=24).map("".join)


def _named_plainly(run: speakers.Run, orgs: frozenset[str]) -> speakers.Name | None:
    """What `_classify` says of the run's words, with the article's organisations on top."""
    name = speakers._classify(run.words, run.after, run.start)
    if name is not None and name.kind != "org" and name.text in orgs:
        return speakers.Name("org", name.text, name.titles, run.start)
    return name


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _TEXTS, st.data())
def test_names_remembered_across_articles_are_the_plain_names(
    first: str, second: str, data: st.DataObject
) -> None:
    # The first article leaves its classifications behind; the second, with its own
    # organisations, must name every run as classifying it afresh would.
    with speakers.run_cache():
        texts = (first, second)
        seen = [r.name.text for t in texts for r in speakers.runs_in(t) if r.name is not None]
    orgs = frozenset(data.draw(st.lists(st.sampled_from(seen))) if seen else [])
    with speakers.run_cache():
        speakers.runs_in(second)  # found before the organisations are known, as in quotes.py
        speakers.known_orgs(orgs)
        runs = speakers.runs_in(second)
    assert [r.name for r in runs] == [_named_plainly(r, orgs) for r in runs]
    speakers._CLASSIFIED.clear()
    with speakers.run_cache():
        speakers.known_orgs(orgs)
        assert speakers.runs_in(second) == runs  # nothing remembered: the same runs


def test_remembered_names_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speakers, "_CLASSIFIED_MAX", 5)
    for i in range(40):
        speakers._all_runs(f"Then Anna Number{chr(65 + i % 26)}{i} spoke.")
        assert len(speakers._CLASSIFIED) <= 5


_CHARS = st.sampled_from(
    ["A", "Z", "a", "z", "?", "@", "[", " ", "\x00", "É", "é", "Ł", "Σ", "σ", "ǅ", "Ⅷ", "“", "’",
     "\ud800", "\U00010400", "\U0001f600", "\uffff", "\x7f", "\x80"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_CHARS, max_size=40).map("".join)))
def test_capitals_are_where_the_capital_pattern_matches(text: str) -> None:
    assert speakers._capitals(text) == [m.start() for m in speakers._CAPITAL.finditer(text)]


def _word_before_plainly(text: str, start: int) -> tuple[int, str] | None:
    """The word before `start` found the general way: read back over the reversed text."""
    rev = text[::-1]
    if speakers._BREAK_JUST_BEFORE.match(rev, len(text) - start):
        return None
    prev = speakers._previous_word(text, rev, start)
    if prev is None or speakers._CLAUSE_GAP.search(text, prev[1], start):
        return None
    return prev[0], prev[2].lower()


_PROSE_WORDS = st.sampled_from(
    [
        "Ann", "Lee", "the", "town", "said", "J", "A", "a", "Dr", "Mr", "U.S", "É", "Ab", "x1",
        "2019", "é", "Ñandú", "_", "", "\x00\x00",
    ]
)  # fmt: skip
_PROSE_MARKS = st.sampled_from(
    [
        "", "", "", ".", "...", "’", "'", "-", "–", "_", "(", ")", ",", ";", ":", "!", "?", "“",
        "”", "\"", "—", "[", "]", ".”", "’s",
    ]
)  # fmt: skip
_PROSE_GAPS = st.sampled_from([" ", " ", " ", "", "  ", "\n", "\u00a0", " (", " “", " — "])
_PROSE = st.lists(st.tuples(_PROSE_WORDS, _PROSE_MARKS, _PROSE_GAPS), max_size=10).map(
    lambda parts: "".join(w + m + g for w, m, g in parts)
)


@settings(max_examples=800, deadline=None)
@given(_PROSE)
@example("J. Ann Lee. Dr. Ann U.S. Ann Mr.. Ann é. Ann")
@example("Lee’ Ann, Lee said— Ann “Yes” Ann (Ann) Lee x1 Ann")
def test_word_before_is_what_reading_back_finds(text: str) -> None:
    for m in speakers._WORD.finditer(text):
        if m.start():
            assert speakers._word_before(text, m.start()) == _word_before_plainly(text, m.start())


@given(st.sampled_from(["A.", "Z.", "É.", "a.", "AB.", ".", "1.", "[.", "@."]))
def test_initial_is_what_the_initial_pattern_matches(word: str) -> None:
    assert speakers._is_initial(word) == bool(speakers._INITIAL.match(word))
