"""Faster ways of scanning quote text read exactly what the plain patterns they replace read."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quote_marks, quotes
from bitereader.extract.quotes import extract_quotes
from bitereader.extract.text import offsets_of

_TEXT = st.text(alphabet="aImyouwWOrsel’'.-, \n\x00“”\"A?:;—–", max_size=120)

_PLAIN_FIRST_PERSON = re.compile(
    r"(?<![\w’'])(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself|we|We|our|Our|us|ourselves)(?![\w’'])"
)
_PLAIN_SENTENCE_END = re.compile(r"[.!?…]+[”\"’')\]]*\s+(?=“|[\"‘'(\[]?[A-Z0-9\u00c0-\u024f])")


@settings(max_examples=300)
@given(_TEXT, st.integers(min_value=0, max_value=130))
def test_words_before_matches_findall(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    plain = re.findall(r"[\w’'.-]+", text[max(0, pos - 80) : pos])[-4:]
    assert quotes._words_before(text, pos, 4) == plain


@settings(max_examples=300)
@given(_TEXT)
def test_first_person_finds_the_same_words(text: str) -> None:
    plain = [m.span() for m in _PLAIN_FIRST_PERSON.finditer(text)]
    assert bool(quotes._FIRST_PERSON.search(text)) == bool(plain)


@settings(max_examples=300)
@given(_TEXT)
def test_sentence_end_and_breaks_match_the_plain_patterns(text: str) -> None:
    found = [m.span() for m in quotes._SENTENCE_END.finditer(text)]
    assert found == [m.span() for m in _PLAIN_SENTENCE_END.finditer(text)]
    if "–" not in text:
        plain = [m.span() for m in quotes._SEGMENT_BREAK.finditer(text)]
        assert [m.span() for m in quotes._SEGMENT_MARK.finditer(text)] == plain
    if "–" not in text and "—" not in text:
        plain = [m.span() for m in quotes._NP_STOP.finditer(text)]
        assert [m.span() for m in quotes._NP_STOP_MARK.finditer(text)] == plain


@settings(max_examples=300)
@given(_TEXT)
def test_double_mark_offsets(text: str) -> None:
    plain = [m.start() for m in re.finditer(r'["“”„«»]', text)]
    assert offsets_of(text, quote_marks.DOUBLE_MARKS) == plain


def test_according_search_matches_the_pattern() -> None:
    text = "As the report said, according to officials, and According to  X; saccording to"
    for lo in range(len(text)):
        for hi in range(lo, len(text) + 1, 7):
            plain = quotes._ACCORDING.search(text, lo, hi)
            fast = quotes._according_search(text, lo, hi)
            assert (plain and plain.span()) == (fast and fast.span())


def test_words_only_of_control_whitespace_before_a_verb() -> None:
    # A carriage return survives the strip of spaces and commas before "said": no crash.
    assert isinstance(extract_quotes(['" said " \r said']), tuple)


@settings(max_examples=300)
@given(st.text(alphabet="by aBY_\n,.'’é", max_size=60))
def test_by_word_matches_the_boundary_pattern(text: str) -> None:
    plain = [m.span() for m in re.finditer(r"\bby\s+", text)]
    assert [m.span() for m in quotes._BY_WORD.finditer(text)] == plain


@settings(max_examples=200)
@given(st.text(alphabet="Sh sS.’'-\n“", max_size=60), st.sampled_from(["Shs", "S", "Sh.s"]))
def test_capitalised_inside_finds_the_whole_word(prose: str, word: str) -> None:
    plain = re.compile(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])")
    para = quotes._Para(0, prose, prose, [(0, len(prose))], [])
    common = quotes._CommonWords([para])
    expected = any(not quotes._sentence_initial(prose, m.start()) for m in plain.finditer(prose))
    assert common.capitalised_inside(word) == expected
