"""Text cleanup: decoding is covered by the loaders' tests; this is the line cleaner."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import text as text_module
from bitereader.extract.text import clean_line, split_lines

# Characters where cleaning a whole page at once could differ from cleaning line by line:
# every line break, controls between them, escape sequences, spacing and combining marks.
_PIECES = [
    *"ab é\u0301\t\r\n\f\x0b\x00\x07\x1b\x85\u2028\u200b\ufeff\u00a0\u3000[]];\\0m",
    *("\x1b[31m", "\x1b]0;title\x07", "\x1b]8;;", "\x1b\\", "\r\n", "  "),
]
_TRICKY = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def test_split_lines_cleans_each_line() -> None:
    text = "  Headline\u00a0 here \r\nBy\tJo \x1b[1mBloggs\x1b[0m\rBody\u200b text\f\n"
    assert split_lines(text) == ["Headline here", "By Jo Bloggs", "Body text", "", ""]


@given(_TRICKY)
def test_split_lines_is_clean_line_on_every_line(text: str) -> None:
    assert split_lines(text) == [clean_line(line) for line in re.split(r"\r\n|\r|\n|\f", text)]


@given(_TRICKY)
def test_clean_line_leaves_single_spaces_and_no_controls(text: str) -> None:
    cleaned = clean_line(text)
    assert "  " not in cleaned
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\t\u00a0\u3000]", cleaned)
    assert cleaned == cleaned.strip()


_ASCII_LINE = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=30)
"""Printable ASCII: the lines the quick path returns unchanged (when single-spaced)."""
_ANY_LINE = st.text(
    st.sampled_from(" \t\n\x00\x1b[31m\x7f\x85\xa0\u200b\u2003\u3000é\u0301ﬁ@()")
    | st.characters(exclude_categories=["Cs"]),
    max_size=30,
)


@settings(max_examples=1000)
@given(_ASCII_LINE | _ANY_LINE)
def test_clean_line_quick_path_is_the_full_steps(text: str) -> None:
    assert clean_line(text) == text_module._clean_fully(text)


def test_clean_line_keeps_a_clean_line_and_cleans_the_rest() -> None:
    line = "Council approves the new bridge"
    assert clean_line(line) is line
    assert clean_line(" Council  approves\tthe bridge ") == "Council approves the bridge"
    assert clean_line("Cafe\u0301 \x1b[31mnews\x00") == "Café news"
