"""Quote extraction: one small hand-written case per pattern, then the annotated samples."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from bitereader.extract.quotes import extract_quotes
from bitereader.models import Quote

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared" / "samples"


def _quotes(*paragraphs: str) -> list[Quote]:
    return list(extract_quotes(list(paragraphs)))


def _one(text: str, *paragraphs: str) -> Quote:
    found = [q for q in _quotes(*paragraphs) if q.text == text]
    assert found, f"{text!r} not among {[q.text for q in _quotes(*paragraphs)]}"
    return found[0]


def test_said_after_and_before_the_quote() -> None:
    quotes = _quotes(
        "“The bridge will reopen in May,” transport chief Dana Whitlock said on Monday.",
        'Mayor Colin Ferris said "We will not rush this."',
    )
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [
        ("The bridge will reopen in May", "Dana Whitlock", "direct"),
        ("We will not rush this", "Colin Ferris", "direct"),
    ]


def test_split_quote_gives_two_quotes_with_one_speaker() -> None:
    quotes = _quotes("“It was close,” said Rita Gomez, “but we held on.”")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("It was close", "Rita Gomez"),
        ("but we held on", "Rita Gomez"),
    ]
    assert all(q.kind == "direct" for q in quotes)


def test_quote_over_several_paragraphs() -> None:
    paragraphs = [
        "Professor Amal Nasser explained the findings:",
        "“The first samples were clean.",
        "“The second batch was not, and that worried us.”",
        "The study continues.",
    ]
    quotes = _quotes(*paragraphs)
    assert [(q.paragraph, q.text, q.speaker) for q in quotes] == [
        (1, "The first samples were clean", "Amal Nasser"),
        (2, "The second batch was not, and that worried us", "Amal Nasser"),
    ]


def test_partial_quotes_inside_the_reporters_sentence() -> None:
    quotes = _quotes(
        'Senator Paul Okafor called the plan "a non-starter" and said the patient was in a '
        '"stable" condition.'
    )
    assert [(q.text, q.kind, q.speaker) for q in quotes] == [
        ("a non-starter", "partial", "Paul Okafor"),
        ("stable", "partial", "Paul Okafor"),
    ]


def test_nickname_is_not_a_quote() -> None:
    quotes = _quotes(
        "The raid killed Jorge “El Flaco” Ruiz, police said. “It is over,” one officer said."
    )
    assert [q.text for q in quotes] == ["It is over"]


def test_titles_and_names_in_quotes_are_not_quotes() -> None:
    quotes = _quotes(
        'The band played "Heroes" before a film called "The Long Night" was shown.',
        'She volunteers for a charity known as "Hands Together" in Leeds.',
        'The bill, the "Clean Rivers Act", passed on Tuesday.',
    )
    assert quotes == []


def test_gloss_and_unsourced_scare_quote_are_not_quotes() -> None:
    quotes = _quotes(
        'The festival, named for the phrase tukutane or "let us meet", began on Friday.',
        'Accounts of the weapon vary between a knife and a "sharp object".',
    )
    assert quotes == []


def test_pronoun_resolves_by_gender() -> None:
    quotes = _quotes(
        "Inspector Maria Delgado met Tom Brennan, the station's owner, on Tuesday.",
        "“We found nothing unusual,” she said. “The records were in order,” he added.",
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We found nothing unusual", "Maria Delgado"),
        ("The records were in order", "Tom Brennan"),
    ]


def test_fullest_name_and_role() -> None:
    quotes = _quotes(
        "The rules are too vague, said Grace Achebe, an employment lawyer and former judge.",
        "“Nobody knows where the line is,” said Achebe.",
    )
    assert [(q.speaker, q.role) for q in quotes] == [("Grace Achebe", "employment lawyer")]


def test_unnamed_speaker_keeps_the_describing_phrase() -> None:
    quote = _one(
        "The talks are going nowhere",
        "“The talks are going nowhere,” said one diplomat familiar with the negotiations.",
    )
    assert quote.speaker == "one diplomat familiar with the negotiations"


def test_according_to() -> None:
    quote = _one(
        "a catastrophic failure",
        'According to the regulator, the outage was "a catastrophic failure" of planning.',
    )
    assert quote.speaker == "the regulator"
    assert quote.kind == "partial"


def test_colon_introduces_a_direct_quote() -> None:
    quote = _one(
        "Prices will fall next year",
        'Bank governor Hana Ito was blunt: "Prices will fall next year."',
    )
    assert (quote.speaker, quote.kind) == ("Hana Ito", "direct")


def test_statement_source() -> None:
    quotes = _quotes(
        "Harlow Energy said in a statement that it was “deeply sorry” for the blackout.",
        "“Crews are working through the night,” the statement said.",
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("deeply sorry", "Harlow Energy"),
        ("Crews are working through the night", "Harlow Energy"),
    ]


def test_role_noun_resolves_to_named_person() -> None:
    quote = _one(
        "This was a cruel crime",
        "Judge Edward Lam sentenced the pair on Friday.",
        '"This was a cruel crime," the judge said.',
    )
    assert quote.speaker == "Edward Lam"


def test_straight_quotes_with_apostrophes() -> None:
    quotes = _quotes('"We don\'t know yet," Kim Park said. "It\'s Tom\'s call."')
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We don't know yet", "Kim Park"),
        ("It's Tom's call", "Kim Park"),
    ]


def test_british_single_quotes_with_nested_doubles() -> None:
    quotes = _quotes(
        "Residents’ leader Joan Pike said the council’s plan was ‘a sticking plaster’. "
        "‘They told us it would “solve everything”,’ she said. ‘It hasn’t.’"
    )
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [
        ("a sticking plaster", "Joan Pike", "partial"),
        ("They told us it would “solve everything”", "Joan Pike", "direct"),
        ("It hasn’t", "Joan Pike", "direct"),
    ]


def test_nested_quote_stays_in_the_outer_quote() -> None:
    quotes = _quotes("Lee Chan said, \"My father always told me 'never give up.' I listened.\"")
    assert [q.text for q in quotes] == ["My father always told me 'never give up.' I listened"]


def test_offsets_point_at_the_text() -> None:
    paragraphs = ["“Yes,” she said.", "Ann Roe said “no” twice, then “maybe!”"]
    for q in extract_quotes(paragraphs):
        assert paragraphs[q.paragraph][q.start : q.end] == q.text


# Acceptance over the annotated samples -------------------------------------------------------


def _quote_eval():
    path = REPO / "benchmarks" / "quote_eval.py"
    spec = importlib.util.spec_from_file_location("quote_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("quote_eval", module)
    spec.loader.exec_module(module)
    return module


needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"shared samples not found at {SHARED.resolve()}"
)


@needs_shared
def test_targets_over_all_annotated_samples() -> None:
    qe = _quote_eval()
    files = qe.sample_files(SHARED, REPO / "tests" / "data" / "quotes")
    assert len(files) >= 27
    _scores, total = qe.score_all(files)
    assert total.precision >= 0.95, total
    assert total.recall >= 0.90, total
    assert total.speaker_accuracy >= 0.90, total


@needs_shared
def test_newsbite_sample() -> None:
    qe = _quote_eval()
    sample = qe.load_sample(SHARED / "newsbite-hegseth-mexico.txt")
    quotes = extract_quotes(sample.paragraphs)
    score = qe.score_sample(sample, quotes)
    assert score.matched == 12
    assert "Kiki" not in {q.text for q in quotes}
    assert score.speaker_right >= 11


def test_own_samples_alone() -> None:
    qe = _quote_eval()
    files = qe.sample_files(REPO / "tests" / "data" / "quotes")
    assert len(files) >= 5
    _scores, total = qe.score_all(files)
    assert total.precision >= 0.95 and total.recall >= 0.90 and total.speaker_accuracy >= 0.90
