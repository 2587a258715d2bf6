"""The quick constructors of the extractor's named tuples make what their classes make."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bitereader.extract import quotes as q


@given(
    st.sampled_from(["name", "org", "pronoun", "desc", "role", "same"]),
    st.text(max_size=12),
    st.none() | st.text(max_size=12),
    st.integers(0, 10**7),
    st.integers(-1, 50),
)
def test_new_who_is_the_named_tuple(
    kind: str, text: str, role: str | None, pos: int, para: int
) -> None:
    who = q._new_who(kind, text, role, pos, para)
    assert type(who) is q._Who
    assert who == q._Who(kind, text, role, pos, para)
    assert (who.kind, who.text, who.role, who.pos, who.para) == (kind, text, role, pos, para)


def test_new_who_leaves_the_paragraph_unset_by_default() -> None:
    assert q._new_who("name", "Ann Lee", None, 4) == q._Who("name", "Ann Lee", pos=4)
    assert q._new_who("name", "Ann Lee", None, 4).para == -1


def test_a_speaker_after_the_verb_comes_back_as_a_who() -> None:
    masked = "said Barry Appleton, a trade lawyer."
    who = q._np_after(masked, 4, len(masked))
    assert type(who) is q._Who
    assert who == q._Who("name", "Barry Appleton", "trade lawyer", 5)
