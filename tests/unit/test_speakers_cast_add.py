"""`Cast.add` takes its subject flag by position or by name (the compiled build's C method)."""

from __future__ import annotations

from bitereader.extract.speakers import Cast, Name, Person


def test_add_by_position_and_by_keyword_record_the_same_mentions() -> None:
    cast = Cast()
    first = cast.add(Name("single", "Brennan", "", 0), 0, True, "mayor")
    fuller = cast.add(Name("person", "Tom Brennan", "", 40), 40, subject=False)
    earlier = cast.add(Name("person", "Ann Lee", "", 20), 20, False, role=None)
    assert isinstance(first, Person) and first is fuller
    assert (first.name, first.kind, first.role) == ("Tom Brennan", "person", "mayor")
    assert [(m.pos, m.person.name, m.subject) for m in cast.mentions] == [
        (0, "Tom Brennan", True),
        (20, "Ann Lee", False),
        (40, "Tom Brennan", False),
    ]
    assert earlier is cast.lookup("Ann Lee")
