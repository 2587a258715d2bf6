"""Text cleanup: decoding is covered by the loaders' tests; this is the line cleaner."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

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
