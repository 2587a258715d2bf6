"""Quote attribution rules found on held-out articles: one small hand-written case each."""

from __future__ import annotations

from bitereader.extract.quotes import extract_quotes
from bitereader.models import Quote


def _one(text: str, *paragraphs: str) -> Quote:
    found = [q for q in extract_quotes(list(paragraphs)) if q.text == text]
    assert found, f"{text!r} not found"
    return found[0]


def test_a_quote_before_a_name_is_never_its_role() -> None:
    quote = _one(
        "We will not close the library",
        "Councillor Ada Finch spoke first.",
        "“We will not close the library,” Finch said.",
    )
    assert quote.speaker == "Ada Finch"
    assert quote.role is None or ("“" not in quote.role and "\x00" not in quote.role)


def test_a_pronoun_in_a_relative_clause_does_not_set_the_subject_gender() -> None:
    quote = _one(
        "You have to earn the silence",
        "“It was exhausting,” said the bassist Carla Mendes.",
        "The drummer Ilkka Marjanen, whose album she produced in 2015, calls it “a long week.” "
        "He adds: “You have to earn the silence.”",
    )
    assert quote.speaker == "Ilkka Marjanen"


def test_a_name_before_a_labelled_colon_is_the_speaker() -> None:
    quote = _one(
        "That is the best goal of the season",
        "“We had chances,” said Marta Quell.",
        "Header saved by Quell with a dive to the left of the D. Former striker Owen Blake, "
        "on radio: “That is the best goal of the season.”",
    )
    assert quote.speaker == "Owen Blake"


def test_a_fragment_in_a_reported_that_clause_is_partial() -> None:
    quote = _one(
        "well ahead of plan",
        "Dr Jo Reyes told the Gazette that the work was “well ahead of plan” and would end soon.",
    )
    assert quote.speaker == "Jo Reyes"
    assert quote.kind == "partial"
