"""store/rows.py takes what its source takes when compiled: annotations are not type checks."""

from __future__ import annotations

import sqlite3

from bitereader.models import Article, Caption, Quote
from bitereader.store.rows import (
    captions_json,
    content_values,
    headline_from_row,
    list_json,
    quotes_json,
    text_columns,
)


class Marked(str):
    """A str subclass, as lxml's smart strings are."""


def test_lists_and_str_subclasses_are_taken_as_tuples_and_str() -> None:
    captions = [Caption("A bridge.", "Ana", 0)]
    quotes = [Quote("We build.", "Ana", None, "direct", 0, 1, 10)]
    assert captions_json(captions) == captions_json(tuple(captions))  # type: ignore[arg-type]
    assert quotes_json(quotes) == quotes_json(tuple(quotes))  # type: ignore[arg-type]
    assert list_json(["a", "b"]) == list_json(("a", "b"))  # type: ignore[arg-type]
    assert text_columns(Marked("Bridge"), ["One.", "Two."]) == text_columns(  # type: ignore[arg-type]
        "Bridge", ("One.", "Two.")
    )
    listed = Article(Marked("Bridge"), ["One."], authors=["Ana"], captions=captions)  # type: ignore[arg-type]
    assert content_values(listed) == content_values(
        Article("Bridge", ("One.",), authors=("Ana",), captions=tuple(captions))
    )


def test_a_headline_row_may_be_an_sqlite_row() -> None:
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT 1, 'Bridge', NULL, NULL, NULL, 0, 0, NULL, NULL").fetchone()
    assert headline_from_row(row) == headline_from_row(tuple(row))
