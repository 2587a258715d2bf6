"""A cast's Person: a plain class (a C struct when compiled) that keeps what the cast learns."""

from __future__ import annotations

from bitereader.extract.speakers import Cast, Name, Person


def test_a_new_person_knows_only_their_name_and_kind() -> None:
    person = Person("Aiko Tanaka", "person")
    assert (person.name, person.kind, person.gender, person.role) == (
        "Aiko Tanaka",
        "person",
        None,
        None,
    )
    assert person.roles == [] and person.roles is not Person("X", "single").roles
    assert (person.described, person.spoke) == (False, False)
    assert "Aiko Tanaka" in repr(person)


def test_what_the_cast_learns_is_kept_on_the_person() -> None:
    cast = Cast()
    person = cast.add(Name("single", "Brennan", "", 0), 0, subject=True, role="mayor")
    assert not person.human  # one word, no gender, never quoted: maybe a place
    person.spoke = True
    assert person.human
    fuller = cast.add(Name("person", "Tom Brennan", "Councillor", 40), 40, subject=True)
    assert fuller is person
    assert (person.name, person.kind, person.gender) == ("Tom Brennan", "person", "m")
    assert person.roles == ["mayor", "Councillor"] and person.role == "mayor"
    person.described, person.gender = True, "f"
    assert (person.described, person.gender) == (True, "f")
