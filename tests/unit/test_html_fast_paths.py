"""Shortcuts taken for speed in extract/html.py give exactly what the plain code gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract.captions import clean_text
from bitereader.extract.html import _Walker
from bitereader.extract.text import clean_line

_TEXT_PIECES = st.sampled_from(
    [
        "word", "Ann", "“", "”", "é", "e\u0301", " ", " ", "  ", "\n", "\t", "\r", "\xa0",
        "\u2009", "\u200b", "\u2028", "\x1c", "\x85", "\x00", "\u3000", ".", "ﬁ",
    ]
)  # fmt: skip


def _flushed_the_plain_way(pieces: list[str]) -> list[str]:
    text = " ".join("".join(pieces).split())
    if text and not (text.isprintable() and unicodedata.is_normalized("NFC", text)):
        text = clean_line(text)
    return [text] if text else []


@settings(max_examples=600, deadline=None)
@given(st.lists(st.lists(_TEXT_PIECES, max_size=12).map("".join), max_size=4))
def test_flush_collapses_whitespace_like_split_and_join(pieces: list[str]) -> None:
    walker = _Walker()
    walker.buffer.extend(pieces)
    walker.flush()
    assert walker.paragraphs == _flushed_the_plain_way(pieces)


@settings(max_examples=600, deadline=None)
@given(st.lists(_TEXT_PIECES, max_size=16).map("".join))
def test_clean_text_is_clean_line_of_the_collapsed_text(text: str) -> None:
    assert clean_text(text) == clean_line(" ".join(text.split()))
