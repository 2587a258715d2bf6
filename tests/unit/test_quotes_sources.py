"""Bodies named like people, written sources and who issued them: one small case per rule."""

from __future__ import annotations

from bitereader.extract.quotes import extract_quotes
from bitereader.models import Quote


def _one(text: str, *paragraphs: str) -> Quote:
    found = [q for q in extract_quotes(list(paragraphs)) if q.text == text]
    assert found, f"{text!r} not found"
    return found[0]


def test_a_name_after_an_org_noun_is_a_body_that_the_club_means() -> None:
    quote = _one(
        "Unreal",
        "Non-league side Kenton Hale beat the holders on Saturday.",
        "The fans stayed for an hour, and the club's official account posted a single word: "
        "“Unreal.”",
    )
    assert quote.speaker == "Kenton Hale"


def test_shares_in_a_name_make_it_the_company() -> None:
    quote = _one(
        "about 200 jobs",
        "Shares in Brightwell Morton fell 9% on Monday.",
        "The company said it would cut “about 200 jobs” by the spring.",
    )
    assert quote.speaker == "Brightwell Morton"


def test_a_name_described_as_a_supplier_is_the_firm() -> None:
    quote = _one(
        "We are disappointed",
        "Ostrander Crane, the building supplier, lost the contract in March.",
        "“We are disappointed,” the firm said.",
    )
    assert quote.speaker == "Ostrander Crane"


def test_the_letter_resolves_to_whoever_wrote_it() -> None:
    quote = _one(
        "The bridge will reopen in May",
        "Mayor Lena Ortiz set out the plan in a letter to residents on Friday.",
        "“The bridge will reopen in May,” the letter said.",
    )
    assert quote.speaker == "Lena Ortiz"


def test_the_filing_resolves_to_the_body_that_filed_it() -> None:
    quote = _one(
        "Demand has weakened",
        "Shares in Brightwell Morton fell 9% on Monday.",
        "In a filing to the exchange, the company cut its forecast. “Demand has weakened,” "
        "the filing said.",
    )
    assert quote.speaker == "Brightwell Morton"


def test_the_statement_read_is_an_attribution() -> None:
    paragraphs = (
        "Minister Tomas Berg announced the change in a written statement.",
        "“The old rules were unfair,” the statement read. “They will go.”",
    )
    first = _one("The old rules were unfair", *paragraphs)
    second = _one("They will go", *paragraphs)
    assert first.kind == "direct"
    assert first.speaker == second.speaker == "Tomas Berg"


def test_a_notice_read_colon_is_an_attribution() -> None:
    quote = _one(
        "The pool is closed until June",
        "Wexford County Council put up a notice on Friday.",
        "The notice read: “The pool is closed until June.”",
    )
    assert quote.speaker == "Wexford County Council"


def test_read_without_a_written_source_is_not_speech() -> None:
    quotes = extract_quotes(
        ["She read “Middlemarch” twice that summer, and never finished it the third time."]
    )
    assert quotes == ()


def test_a_sentence_opening_plural_noun_is_never_a_speaker() -> None:
    quote = _one(
        "sound",
        "Engineers at Dunmore Yard said the hull was “sound”.",
    )
    assert quote.speaker == "Engineers at Dunmore Yard"


def test_the_subject_of_a_clause_after_after_is_the_speaker() -> None:
    quote = _one(
        "a hard winter",
        "Shares in Corbel Mills fell after the grocer warned of “a hard winter”.",
    )
    assert quote.speaker == "Corbel Mills"


def test_a_surname_that_also_appears_inside_a_name_still_speaks() -> None:
    quote = _one(
        "no deal yet",
        "Talks with union leader Ada Williams went on all night.",
        "Williams of the union said there was “no deal yet”.",
    )
    assert quote.speaker == "Ada Williams"


def test_a_person_who_speaks_for_a_company_is_still_a_person() -> None:
    quote = _one(
        "We will not sell",
        "Nadia Osei, a spokeswoman for the company, spoke first.",
        "Later, Marco Diaz said the offer was “too low”. She then said: “We will not sell.”",
    )
    assert quote.speaker == "Nadia Osei"
