"""A quote made by writing its slots directly (the compiled build's `_fill_slot`) holds its own
reference to each value, field by field in order, as a quote made by `Quote(...)` does."""

from __future__ import annotations

import dataclasses
import gc
import sys

from bitereader.extract import quotes as q
from bitereader.models import Quote


def test_quote_fields_are_slots() -> None:
    # What the compiled build writes: a member descriptor's slot for every field.
    for f in dataclasses.fields(Quote):
        assert type(Quote.__dict__[f.name]).__name__ == "member_descriptor"


def test_each_field_gets_its_own_value() -> None:
    values = ("words", "Ann Lee", "mayor", "direct", 3, 10, 25)
    made = q._new_quote(values)
    assert [getattr(made, f.name) for f in dataclasses.fields(Quote)] == list(values)
    assert made == Quote(*values)


def test_a_quote_holds_and_releases_its_values() -> None:
    text = "".join(["held ", "words"])  # a string no one else holds
    speaker = "".join(["Ann ", "Lee"])
    before = sys.getrefcount(text), sys.getrefcount(speaker)
    made = q._new_quote((text, speaker, None, "direct", 0, 1, 2))
    assert (sys.getrefcount(text), sys.getrefcount(speaker)) == (
        before[0] + 1,
        before[1] + 1,
    )
    del made
    gc.collect()
    assert (sys.getrefcount(text), sys.getrefcount(speaker)) == before


def test_quotes_from_many_articles_stay_intact() -> None:
    made = [q.extract_quotes([f"“Number {i} is done,” said Mayor Ann Lee{i}."]) for i in range(300)]
    gc.collect()
    for i, found in enumerate(made):
        assert found[0].text == f"Number {i} is done"
        assert found[0].speaker is not None and found[0].speaker.endswith(str(i))
