"""The loops `_attribute` and `_kind` ask with answer as the any() and all() forms
they replace (they let the compiled build make both C functions)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q
from bitereader.extract.quote_marks import MarkSpan

_WHO = q._new_who("name", "Ann Lee", None, 0)
_CANDS = st.tuples(
    st.sampled_from([None, _WHO]),
    st.sampled_from(["partial", "direct", "indirect"]),
    st.sampled_from(["we will build it", "the plan", "I", "my word", "a “new” deal", "Our"]),
)


def _cand(who: q._Who | None, kind: str, text: str) -> q._Cand:
    cand = q._Cand(MarkSpan(0, 0, len(text) + 1), 1, len(text) + 1, text, 0)
    cand.who, cand.kind = who, kind
    return cand


@settings(max_examples=300, deadline=None)
@given(st.lists(_CANDS, max_size=4))
def test_the_loops_answer_as_any(fields: list[tuple[q._Who | None, str, str]]) -> None:
    group = [_cand(*f) for f in fields]
    assert q._any_attributed(group) is any(c.who is not None or c.kind == "direct" for c in group)
    assert q._any_first_person(group) is any(q._first_person_in(c.text) for c in group)


def test_a_fragment_is_kept_only_in_a_sentence_that_holds_speech() -> None:
    said = "“We will build it,” said Ann Lee, the mayor."
    quotes = q.extract_quotes([said, "The plan was “ambitious” at best."])
    assert [x.speaker for x in quotes] == ["Ann Lee"]  # a scare quote: dropped
    quotes = q.extract_quotes([said, "She called it “what we need” for the town."])
    assert [x.text for x in quotes][1:] == ["what we need"]  # first person: speech


_GAP_WORDS = st.sampled_from(["that", "That", "THAT", "later", "again", "reporters", "us", "a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_GAP_WORDS, max_size=4))
def test_kinds_word_loops_answer_as_any_and_all(gap: list[str]) -> None:
    assert q._holds_that(gap) is any(w.lower() == "that" for w in gap)
    assert q._all_adverbial(gap) is all(q._adverbial(w) for w in gap)


def test_a_quote_after_a_verb_and_that_is_partial() -> None:
    direct = q.extract_quotes(["Ann Lee said: “We will build it.”"])
    assert [x.kind for x in direct] == ["direct"]
    partial = q.extract_quotes(["Ann Lee told reporters that it was “a good day” for all."])
    assert [x.kind for x in partial] == ["partial"]
