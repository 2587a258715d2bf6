"""Shortcuts past the quote extractor's fixed costs give exactly what the plain forms give."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
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


_HAS_CAPITAL = re.compile(r"[A-Z](?<=\s[A-Z])")
"""The plain search for a capital after a space that `_verb_before_capital` folds in."""

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
    capital = _HAS_CAPITAL.search(text, lo + 1, hi)
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


def _plain_segments(masked: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """`quotes._segments` with no shortcut: every stretch split by the pattern, then filtered."""
    chunk = masked[lo:hi]
    if "(" in chunk:
        chunk = quotes._PARENS.sub(lambda m: " " * len(m.group()), chunk)
    if "—" in chunk or "–" in chunk or "--" in chunk:
        chunk = quotes._DASH_ASIDE.sub(lambda m: " " + "," * (len(m.group()) - 2) + " ", chunk)
    segs: list[tuple[int, int]] = []
    start = 0
    for m in quotes._SEGMENT_BREAK.finditer(chunk):
        segs.append((lo + start, lo + m.start()))
        start = m.end()
    segs.append((lo + start, hi))
    return [(a, b) for a, b in segs if masked[a:b].strip()]


_CLAUSE_PIECES = st.sampled_from(
    [
        "said", "the", "man", "Ann Lee", "Maria Lopez", " ", " ", "  ", ",", ", ", ";", ":", "—",
        "–", " – ", "--", " -- ", "-", "(", ")", "\x00", "“", "”", "\n", "x",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_CLAUSE_PIECES, max_size=16).map("".join), st.data())
def test_segments_are_the_plain_split(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text) + 2))  # callers may pass a limit past the end
    assert quotes._segments(text, lo, hi) == _plain_segments(text, lo, hi)


def _plain_description(seg: str, pos: int) -> tuple[str, int] | None:
    """`quotes._description`'s answer worked out over every word, the verbs found by pattern."""
    text = seg.strip(" ,;:—–-\x00“”")
    words = text.split()
    if not words:
        return None
    low = [w.lower() for w in words]
    if (
        low[0] in quotes._SUBORDINATORS
        or low[0] == "according"
        or (low[0] in quotes.PREPOSITIONS and low[0] != "of")
    ):
        return None
    cut = len(words)
    for i, w in enumerate(low[1:], 1):
        if w in quotes._ADVERB_WORDS or SPEECH_VERB_RE._re.fullmatch(w) or w in ("and", "but"):
            cut = i
            break
    words, low = words[:cut], low[:cut]
    if not words or len(words) > 12 or low[-1] in quotes.TIME_WORDS:
        return None
    possessive = words[0][:1].isupper() and quotes._POSSESSIVE_END.search(words[0])
    head = low[-1].rstrip("s")
    if (
        low[0] in quotes.DETERMINERS
        or low[0] in quotes._PERSON_HEADS
        or (low[0] in quotes.ROLE_NOUNS and len(low) > 1 and low[1] == "of")
        or low[-1] in quotes.ROLE_NOUNS
        or head in quotes.ROLE_NOUNS
        or possessive
        or any(w in quotes.WRITTEN_SOURCES for w in low)
        or quotes._PLURAL_LEAD.match(text)
    ):
        if low[0] not in quotes.DETERMINERS and not possessive and len(words) > 4:
            return None
        return " ".join(words), pos
    return None


_PHRASE_WORDS = st.sampled_from(
    [
        "the", "a", "one", "of", "spokesperson", "people", "workers", "police", "city", "said",
        "also", "and", "but", "yesterday", "Council’s", "statement", "Engineers", "at", "when",
        "according", "children", "report", ",", "\x00", "“",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_PHRASE_WORDS, max_size=20).map(" ".join), st.integers(0, 99))
# Twelve words, then the cut: the longest description, and one more word makes none.
@example("the one of the city people workers police city people workers police also said", 0)
@example("the one of the city people workers police city people workers police city also", 0)
def test_description_is_the_plain_reading(seg: str, pos: int) -> None:
    found = quotes._description(seg, pos)
    assert (found and (found.text, found.pos)) == _plain_description(seg, pos)
