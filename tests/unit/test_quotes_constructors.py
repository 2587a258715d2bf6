"""The quick constructors of the extractor's named tuples make what their classes make."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bitereader.extract import quotes as q
from bitereader.models import Quote


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


def test_quote_is_made_as_the_dataclass_makes_it() -> None:
    # `_quote` sets these fields one by one: a field added to Quote, or a __post_init__, must
    # be added there too.
    assert [f.name for f in dataclasses.fields(Quote)] == [
        "text",
        "speaker",
        "role",
        "kind",
        "paragraph",
        "start",
        "end",
    ]
    assert not hasattr(Quote, "__post_init__")
    fields = ("“Yes”", "Ann Lee", "mayor", "full", 2, 10, 15)
    made = q._quote(*fields)
    assert type(made) is Quote
    assert made == Quote(*fields) and hash(made) == hash(Quote(*fields))
    assert pickle.loads(pickle.dumps(made)) == Quote(*fields)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.speaker = "someone else"  # type: ignore[misc]


def test_extracted_quotes_are_quotes() -> None:
    quotes = q.extract_quotes(["“We will build it,” said Ann Lee, the mayor."])
    assert [type(x) for x in quotes] == [Quote]
    assert quotes[0] == Quote("We will build it", "Ann Lee", "mayor", quotes[0].kind, 0, 1, 17)
