"""Shortcuts past the quote extractor's fixed costs give exactly what the plain forms give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes
from bitereader.extract.quote_lexicon import SPEECH_VERB_RE
from bitereader.extract.quote_marks import choose_style, find_spans
from bitereader.extract.speakers import run_cache
from bitereader.models import Quote

_PIECES = st.sampled_from(
    [
        " ", " ", ", ", ". ", "said", "told", "the", "mayor", "Maria Lopez", "The council",
        "’s", "'s", "it’s", "“", "”", "\"", "‘", "’", "'", "a spokesperson", "He", "she",
        "We", "build", "(", ")", "—", ":", "Dr. Lee", "people", "of",
    ]
)  # fmt: skip
_PARAGRAPHS = st.lists(st.lists(_PIECES, max_size=16).map("".join), min_size=1, max_size=3)


def _plain_extract(paragraphs: list[str]) -> tuple[Quote, ...]:
    """extract_quotes as it was before its shortcuts: every step run, whatever it finds."""
    style = choose_style(paragraphs)
    spans = find_spans(paragraphs, style)
    paras = [quotes._analyse(i, text, spans[i]) for i, text in enumerate(paragraphs)]
    cands = quotes._candidates(paras)
    token = quotes._COMMON.set(quotes._CommonWords(paras))
    try:
        with run_cache():
            cast = quotes._learn_cast(paras)
            quotes._attribute(paras, cands, cast)
    finally:
        quotes._COMMON.reset(token)
    return tuple(
        Quote(
            c.text,
            c.person.name if c.person is not None else c.speaker,
            c.role,
            c.kind,
            c.span.paragraph,
            c.start,
            c.end,
        )
        for c in cands
    )


@settings(max_examples=300, deadline=None)
@given(_PARAGRAPHS)
def test_extract_quotes_is_the_plain_pipeline(paragraphs: list[str]) -> None:
    assert quotes.extract_quotes(paragraphs) == _plain_extract(paragraphs)


def test_no_candidate_means_no_quote_without_learning_the_cast() -> None:
    # An apostrophe only, and a quote mark around nothing but spaces: no candidate either way.
    for paragraphs in (["The mayor’s plan passed."], ["He said “ ” twice."]):
        assert quotes.extract_quotes(paragraphs) == ()
        assert _plain_extract(paragraphs) == ()


_MASKED_PIECES = st.sampled_from(
    [
        "said", "told", "went on", "put it", "says", "report", "adds", "the", "man", "A", "Ann",
        " ", " ", "\nAnn ", "\tA ", " The ", "\x00", "\x00\x00\x00", "“", "”", ",", ".", "’", "'",
        "-", "x", "É", "é", "(", "9",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_MASKED_PIECES, max_size=16).map("".join), st.data())
def test_verb_before_capital_is_the_two_plain_searches(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    capital = quotes._HAS_CAPITAL.search(text, lo + 1, hi)
    plain = SPEECH_VERB_RE._re.search(text, lo, hi if capital is None else capital.start())
    found = quotes._verb_before_capital(text, lo, hi)
    assert found == (plain and (plain.start(), plain.group()))


@settings(max_examples=300, deadline=None)
@given(st.lists(_MASKED_PIECES, max_size=16).map("".join), st.data())
def test_speech_verb_match_is_the_plain_match(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(-2, len(text) + 1))
    hi = data.draw(st.integers(0, len(text) + 1))
    found = SPEECH_VERB_RE.match(text, lo, hi)
    plain = SPEECH_VERB_RE._re.match(text, lo, hi)
    assert (found and (found.span(), found.group())) == (plain and (plain.span(), plain.group()))
