"""Quotes made by filling their slots (`quotes._new_quote`) are the quotes `Quote(...)` makes."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q
from bitereader.models import Quote

_VALUES = st.tuples(
    st.text(max_size=20),
    st.none() | st.text(max_size=10),
    st.none() | st.text(max_size=10),
    st.sampled_from(["direct", "partial", "scare"]),
    st.integers(0, 50),
    st.integers(0, 500),
    st.integers(0, 500),
)


def test_quote_init_does_nothing_but_set_its_fields() -> None:
    # Filling the slots stands in for the generated `__init__`: it would miss anything else
    # that `__init__` did.
    assert not hasattr(Quote, "__post_init__")
    assert all(
        f.init and f.default_factory is dataclasses.MISSING for f in dataclasses.fields(Quote)
    )
    assert Quote.__dataclass_params__.frozen and "__slots__" in Quote.__dict__


@settings(max_examples=200, deadline=None)
@given(_VALUES)
def test_filled_quotes_are_constructed_quotes(values: tuple[object, ...]) -> None:
    made = q._new_quote(values)
    plain = Quote(*values)
    assert type(made) is Quote
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert pickle.loads(pickle.dumps(made)) == plain  # as the workers send them back
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "changed"  # type: ignore[misc]


def test_extracted_quotes_are_plain_quotes() -> None:
    found = q.extract_quotes(["“We will rebuild,” said Mayor Ann Lee, the city's mayor."])
    assert found == (Quote("We will rebuild", "Ann Lee", "city's mayor", "direct", 0, 1, 16),)
    assert type(found[0]) is Quote
