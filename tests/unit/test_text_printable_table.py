"""Tests for is_printable's translate table: every ASCII character, on either side of the
length from which the table is used, is judged as str.isprintable judges it."""

from __future__ import annotations

import pytest

from bitereader.extract import text
from bitereader.extract.text import is_printable


def test_table_keeps_printable_ascii_and_changes_every_other_byte() -> None:
    for byte in range(256):
        kept = text._PRINTABLE_KEPT[byte] == byte
        assert kept is (0x20 <= byte < 0x7F), byte


@pytest.mark.parametrize("length", [text._TRANSLATE_PAYS, text._TRANSLATE_PAYS + 1, 300])
def test_every_ascii_character_is_judged_as_isprintable_judges_it(length: int) -> None:
    for code in range(0x80):
        for at in (0, length // 2, length - 1):
            line = "a" * at + chr(code) + "b" * (length - at - 1)
            assert len(line) == length
            assert is_printable(line) is line.isprintable(), (code, at)


@pytest.mark.parametrize("length", [10, 40, 130])
def test_is_clean_line_finds_every_ascii_control_in_lines_of_any_length(length: int) -> None:
    assert text.is_clean_line("a" * length)
    for code in [*range(0x20), 0x7F]:
        line = "a" * (length // 2) + chr(code) + "a" * (length // 2)
        assert not text.is_clean_line(line), code
