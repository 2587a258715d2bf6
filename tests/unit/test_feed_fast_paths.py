"""The feed reader's quick paths give exactly what the plain ones they skip would."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract.text import clean_line
from bitereader.loaders.feeds import _author_name, _same_start, _unique

ANY_LINE = st.text(
    st.sampled_from(" \t\n\x00\x1b[31m\x7f\x85\xa0\u200b\u2003\u3000é\u0301ﬁ@()")
    | st.characters(exclude_categories=["Cs"]),
    max_size=30,
)


def plain_author_name(text: str) -> str:
    """_author_name as first written: both patterns tried on every name."""
    match = re.match(r"^\s*\S+@\S+\s*\((?P<name>[^)]+)\)\s*$", text)
    if match:
        return clean_line(match["name"])
    return "" if re.match(r"^\s*[^\s@]+@[^\s@]+\s*$", text) else clean_line(text)


@settings(max_examples=500)
@given(ANY_LINE | st.sampled_from(["ana@news.example (Ana Ruiz)", " ana@news.example ", "a@b"]))
def test_author_names_as_before(text: str) -> None:
    assert _author_name(text) == plain_author_name(text)


def plain_same_start(summary: str, opening: str) -> bool:
    """_same_start as first written: both texts folded whole."""
    a, b = summary.rstrip(".… ").casefold(), opening.casefold()
    return bool(a) and (b.startswith(a[:200]) or a.startswith(b[:200]))


PREFIXES = st.text(st.sampled_from("aA ."), min_size=150, max_size=260) | st.text(
    st.sampled_from("aAßẞİiﬁ ."), min_size=150, max_size=260
)
"""Long shared starts, of plain letters or of ones that fold to several."""


TAILS = st.text(st.sampled_from("aAßẞİiﬁ .…xy"), max_size=80)


@settings(max_examples=1000)
@given(PREFIXES, TAILS, TAILS)
def test_same_start_as_before(common: str, tail: str, other_tail: str) -> None:
    for summary, opening in [
        (common + tail, common + other_tail),
        (common + other_tail, common + tail),
        (tail, common),
        (common, tail),
    ]:
        assert _same_start(summary, opening) == plain_same_start(summary, opening)


def test_unique_keeps_the_first_of_each_and_drops_empty_values() -> None:
    assert _unique(["b", "", "a", "b", None, "a"]) == ("b", "a")
    assert _unique([]) == ()
