"""The cast's shortcuts for a new name: a person made without the constructor, a name split once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import speakers


def _fields(person: speakers.Person) -> tuple:
    return (
        person.name,
        person.kind,
        person.gender,
        person.role,
        person.roles,
        person.described,
        person.spoke,
    )


@given(st.sampled_from(["Aiko Tanaka", "WHO", "", "Brennan"]), st.sampled_from(["person", "org"]))
def test_a_new_person_is_what_the_constructor_makes(name: str, kind: speakers.Kind) -> None:
    made = speakers._new_person(name, kind)
    assert type(made) is speakers.Person
    assert _fields(made) == _fields(speakers.Person(name, kind))
    assert made.roles is not speakers._new_person(name, kind).roles


_NAMES = st.sampled_from(
    [
        "Smith",
        "Tom Smith",
        "Ann Smith",
        "Tom",
        "WHO",
        "World Health Organization",
        "Lopez",
        "Anna\nLee",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(_NAMES, st.sampled_from(["person", "single", "org"])), max_size=8), _NAMES
)
def test_a_named_lookup_finds_whom_the_general_lookup_finds(
    known: list[tuple[str, speakers.Kind]], text: str
) -> None:
    cast = speakers.Cast()
    cast.learn_acronyms("the World Health Organization (WHO) said")
    for at, (name, kind) in enumerate(known):
        cast.add(speakers.Name(kind, name, "", at), at, True)
    parts = text.split()
    found = cast._lookup_named(text, parts, parts[-1].lower())
    assert found is cast._lookup_further(text, "person")
