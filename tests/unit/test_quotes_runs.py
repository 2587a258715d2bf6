"""The fast name-run scanner agrees with a plain word-by-word reading of the same text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes, speakers
from bitereader.extract.quotes import extract_quotes

_WORD = re.compile(r"[^\W_](?:[\w.'’\-–]*[\w.])?|[^\W_]")
_ABBREV = {"dr.", "mr.", "mrs.", "ms.", "st.", "jr.", "sr.", "prof.", "gen.", "sen.", "rep."}
_ABBREV |= {"gov.", "lt.", "col.", "sgt.", "capt.", "rev.", "fr.", "mt."}
_PARTICLES = set(
    "de da di du del della der den van von bin ibn abu al el le la ter ten y dos das ben".split()
)
_HYPHEN_PARTICLE = re.compile(r"^(?:el|al|ad|as|an|bin|ibn|abu|ben|de|van|von|d|l)-[A-Z]")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_CLAUSE_GAP = re.compile(r"[,;:.!?()\[\]“”\"—]")


def _words(text: str) -> list[tuple[int, int, str]]:
    """Every word, one at a time, with a sentence's full stop taken off."""
    found = []
    for m in _WORD.finditer(text):
        w, end = m.group(), m.end()
        if w.endswith(".") and not re.match(r"^[A-Z]\.$", w) and w.lower() not in _ABBREV:
            w, end = w.rstrip("."), end - (len(w) - len(w.rstrip(".")))
        found.append((m.start(), end, w))
    return found


def _reference_runs(text: str) -> list[tuple]:
    """Runs found the slow, obvious way: walk every word and extend over capitalised ones."""
    words = _words(text)
    runs = []
    i = 0
    while i < len(words):
        s, _, w = words[i]
        if not w[0].isupper() and not _HYPHEN_PARTICLE.match(w):
            i += 1
            continue
        j = i
        while j + 1 < len(words):
            gap = text[words[j][1] : words[j + 1][0]]
            if not gap or gap.strip() or _POSSESSIVE.search(words[j][2]):
                break
            nw = words[j + 1][2]
            if nw[0].isupper() or _HYPHEN_PARTICLE.match(nw):
                j += 1
            elif (
                nw.lower() in _PARTICLES
                and j + 2 < len(words)
                and text[words[j + 1][1] : words[j + 2][0]] == " "
                and words[j + 2][2][0].isupper()
            ):
                j += 2
            else:
                break
        toks = [words[k][2] for k in range(i, j + 1)]
        end = words[j][1]
        last = toks[-1]
        possessive = bool(_POSSESSIVE.search(last)) and len(last) > 2
        if not possessive and last.endswith("s") and text[end : end + 1] in ("'", "’"):
            possessive = not text[end + 1 : end + 2].isalnum()
        if possessive:
            toks[-1] = re.sub(r"(?:['’]s|['’])$", "", last)
        after = words[j + 1][2].lower() if j + 1 < len(words) else ""
        gap = text[end : words[j + 1][0]] if j + 1 < len(words) else ""
        name = speakers._classify(tuple(toks), after, s)
        before = before2 = ""
        named = name is not None and name.kind not in ("place", "title")
        if i > 0 and named and not _CLAUSE_GAP.search(text, words[i - 1][1], s):
            before = words[i - 1][2].lower()
            if i > 1 and not _CLAUSE_GAP.search(text, words[i - 2][1], words[i - 1][0]):
                before2 = words[i - 2][2].lower()
        runs.append((s, end, tuple(toks), possessive, before, before2, after, gap))
        i = j + 1
    return runs


_PIECES = st.sampled_from(
    [
        "Ann", "Lee", "van", "der", "Berg", "de", "la", "al-Assad", "el-Sisi", "Mr.", "J.", "U.S.",
        "Smith.", "Jones'", "Trump’s", "players’", "’90s", "O'Neil", "McDonald", "iPhone", "the",
        "said", "in", "of", "to", "according", "mayor", "Dr.", "É", "Ñandú", "_x", "--", "...",
        "(", ")", ",", ";", "—", "“", "”", "\"", "'", "’", "-", "–", "2019", "\U00010400bc",
    ]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", "", "  ", ", ", "\n", ". ", "\u00a0"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_PIECES, _SEPARATORS), max_size=14))
def test_runs_match_a_word_by_word_reading(pieces: list[tuple[str, str]]) -> None:
    text = "".join(p + sep for p, sep in pieces)
    got = [tuple(run)[:8] for run in speakers.runs_in(text)]
    assert got == _reference_runs(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_runs_match_on_any_text(text: str) -> None:
    assert [tuple(run)[:8] for run in speakers.runs_in(text)] == _reference_runs(text)


def test_no_article_cache_outlives_the_call() -> None:
    extract_quotes(["“It works,” said Ann Lee, the mayor.", "“Yes,” she said."])
    assert speakers._ARTICLE.get() is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["ab", "abc", "c", "well-known", "don't", "’", "'", "-", "A", "1"]))
    .map("".join)
    .filter(bool),
    st.sampled_from(["ab", "abc", "bc", "c", "known", "don't", "t", "well-known"]),
)
def test_one_common_word_is_looked_up_as_findall_lists_them(prose: str, word: str) -> None:
    listed = set(quotes._LOWER_WORD.findall(prose))
    assert quotes._lower_word_in(prose, word) == (word in listed)
