"""Named tuples built by `speakers._tuple_new` (in C, in the compiled build) are the ones
`tuple.__new__` builds: same type, same fields, tracked by the collector, references kept."""

from __future__ import annotations

import gc
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import speakers

_FIELD = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=12), st.tuples(st.text(max_size=5))
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_FIELD, min_size=9, max_size=9))
def test_built_tuples_are_those_tuple_new_builds(fields: list[object]) -> None:
    for cls in (speakers.Run, speakers.Name, speakers.Mention, speakers._RunText):
        values = tuple(fields[: len(cls._fields)])
        made = speakers._tuple_new(cls, values)
        assert type(made) is cls
        assert made == tuple.__new__(cls, values) == cls(*values)
        assert made._asdict() == dict(zip(cls._fields, values, strict=True))
        assert gc.is_tracked(made)  # as a tuple holding objects must be, or cycles leak


def test_built_tuples_hold_their_own_references() -> None:
    word = "".join(["Novak", "-", "Lee"])  # a string no constant shares
    before = sys.getrefcount(word)
    made = speakers._tuple_new(speakers.Name, ("person", word, "", 3))
    assert sys.getrefcount(word) == before + 1
    del made
    assert sys.getrefcount(word) == before


def test_an_empty_field_tuple_gives_an_empty_subclass_tuple() -> None:
    class Empty(tuple):
        __slots__ = ()

    made = speakers._tuple_new(Empty, ())
    assert type(made) is Empty and made == ()
