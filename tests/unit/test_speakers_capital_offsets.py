"""Where capitalised words may start, read from each storage kind of string (the compiled build
reads one-, two- and four-byte strings with a loop of its own)."""

from __future__ import annotations

import pytest

from bitereader.extract import speakers


def _expected(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if "A" <= c <= "Z" or c.isupper() or c > "\uffff"]


_EDGES = "\x00\t @AZ[`az{\x7f\x80\xa0\xb5\xc0\xd6\xd7\xd8\xde\xdf\xff"
"""Characters on either side of each bound the loops test, all in one byte."""


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain words only",
        "Water museum river. Said people union plan.",
        _EDGES,
        _EDGES + "Ω",  # the same characters in a two-byte string
        _EDGES + "ωΩДдİǅ\u2163\u24b6\uffff",
        _EDGES + "\U0001d400",  # and in a four-byte one
        "\U0001f600 Aiko \U0001d400 Δ\u2163 ß É",
        "Ab" * 500 + "Ω",
    ],
)
def test_capitals_in_every_storage_kind(text: str) -> None:
    assert speakers._capitals_by_character(text) == _expected(text)
    assert speakers._capitals(text) == _expected(text)


def test_every_one_byte_and_two_byte_character_alone() -> None:
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue  # lone surrogates: never in decoded text
        c = chr(code)
        for text in (c, "ω" + c):
            assert speakers._capitals_by_character(text) == _expected(text), hex(code)
