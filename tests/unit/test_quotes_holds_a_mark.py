"""`_holds_a_mark`, extract_quotes's first test, answers as any() over every mark and paragraph."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q

_MARKS = "\"“”„«»'‘’"
_CHARACTERS = st.sampled_from([*_MARKS, "‚", "a", " ", "é", "—", "\x00", "Z", "`", "´", "″"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.text(_CHARACTERS, max_size=12), max_size=4))
def test_holds_a_mark_is_any_mark_in_any_paragraph(paragraphs: list[str]) -> None:
    expected = any(ch in p for p in paragraphs for ch in _MARKS)
    assert q._holds_a_mark(paragraphs) is expected


def test_each_mark_alone_in_ascii_and_other_text() -> None:
    for mark in _MARKS:
        assert q._holds_a_mark(["plain words", f"a {mark} b"])
        assert q._holds_a_mark(["plain words", f"é {mark} b"])
    assert not q._holds_a_mark(["plain words", "é‚ — b", ""])
    assert q.extract_quotes(["No marks at all here, said Ann Lee."]) == ()
