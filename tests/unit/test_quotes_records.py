"""The quote extractor's internal records: plain slotted classes, C structs when compiled."""

from __future__ import annotations

import pytest

from bitereader.extract import compiled
from bitereader.extract import quotes as q
from bitereader.extract.quote_marks import MarkSpan

_HEAPTYPE = 1 << 9
"""Py_TPFLAGS_HEAPTYPE: set for a class made by a class statement, clear for a C type."""


def test_para_keeps_its_fields() -> None:
    para = q._Para(3, "He said “yes”.", "He said ‹‹‹‹‹.", [(0, 14)], [MarkSpan(3, 8, 12)])
    assert (para.index, para.text, para.masked) == (3, "He said “yes”.", "He said ‹‹‹‹‹.")
    assert para.sentences == [(0, 14)] and para.spans == [MarkSpan(3, 8, 12)]
    para.masked = "changed"
    assert para.masked == "changed"
    with pytest.raises(AttributeError):
        para.other = 1  # type: ignore[attr-defined]


def test_candidate_starts_unattributed_and_learns() -> None:
    span = MarkSpan(0, 4, 10)
    cand = q._Cand(span, 5, 10, "hello", 2)
    assert (cand.span, cand.start, cand.end, cand.text, cand.sentence) == (span, 5, 10, "hello", 2)
    assert (cand.who, cand.how, cand.kind) == (None, "", "partial")
    assert (cand.speaker, cand.role, cand.person) == (None, None, None)
    cand.who, cand.how, cand.kind = q._Who("name", "Ann Lee"), "post", "direct"
    cand.speaker, cand.role = "Ann Lee", "mayor"
    assert (cand.who.text, cand.how, cand.kind, cand.speaker, cand.role) == (
        "Ann Lee",
        "post",
        "direct",
        "Ann Lee",
        "mayor",
    )
    with pytest.raises(AttributeError):
        cand.other = 1  # type: ignore[attr-defined]


@pytest.mark.skipif(not compiled(), reason="the extractors are pure Python in this install")
def test_compiled_records_are_c_types() -> None:
    # Typed locals read these fields by offset only if the .pxd's cdef classes took effect.
    for record in (q._Para, q._Cand):
        assert not record.__flags__ & _HEAPTYPE, record
    with pytest.raises(TypeError):
        q._Cand(MarkSpan(0, 0, 1), None, 1, "", 0)  # a C integer field refuses None
