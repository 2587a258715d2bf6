"""Named tuples built by `speakers._tuple_new` (in C, in the compiled build) are the ones
`tuple.__new__` builds: same type, same fields, tracked by the collector, references kept."""

from __future__ import annotations

import gc
import sys

from hypothesis import example, given, settings
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


_PIECES = st.sampled_from(
    [
        "Peter", "Novak", "Peter Novak", "Mr.", "J.", "van", "Beethoven", "Residents’", "’s",
        "said", "says", "told", "spoke", "the", "of", "in", ", ", ". ", " ", " ", " ", "\x00",
        "“", "”", "April.", "US", "Harbour Town", "al-Assad", "É", "(WHO)",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=4))
@example(["Harbour Town said so", "Harbour Town in May"])  # a person, then a place
@example(["Peter Novak’s view", "Peter Novak said so", "Peter Novak. J. Lee"])
def test_remembered_runs_are_the_runs_read_afresh(texts: list[str]) -> None:
    # The same words come as plain runs (remembered by their text) and as runs read word by
    # word (remembered by their words), before a speech verb or not: every text's runs, read
    # after the others have filled the memory, are those read with nothing remembered.
    fresh = []
    for text in texts:
        speakers._CLASSIFIED.clear()
        fresh.append(speakers._find_runs(text))
    speakers._CLASSIFIED.clear()
    for _ in range(2):
        assert [speakers._find_runs(text) for text in texts] == fresh
