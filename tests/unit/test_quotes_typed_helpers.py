"""Helpers that let the compiled build type `_subject` and `_np_after` read as the forms they
replace, and the two still take their flags by keyword."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q

_WORDS = st.sampled_from(
    ["later", "Later", "also", "quickly", "Only", "fly", "said", "the", "we", "ALSO", "", "ly"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_WORDS, max_size=6))
def test_adverbs_only_is_the_all_it_replaces(words: list[str]) -> None:
    rest = [w.lower() for w in words]
    expected = all(w in q._ADVERB_WORDS or w.endswith("ly") for w in rest)
    assert q._adverbs_only(words) is expected


def test_a_pronoun_with_adverbs_is_the_subject() -> None:
    who = q._subject("He later said", 0, len("He later "))
    assert who is not None and (who.kind, who.text) == ("pronoun", "he")
    assert q._subject("He quickly said", 0, len("He quickly ")) == who
    assert q._subject("He went home said", 0, len("He went home ")) is None


def test_flags_by_keyword_and_by_position() -> None:
    masked = "\x00\x00\x00” said Barry Appleton, an international trade lawyer."
    at = masked.index("said") + len("said")
    assert q._np_after(masked, at, len(masked), written_ok=True) == q._np_after(
        masked, at, len(masked), True
    )
    who = q._np_after(masked, at, len(masked))
    assert who is not None and who.text == "Barry Appleton"
    lead = "the mayor "
    text = lead + "said"
    assert q._subject(text, 0, len(lead), after_quote=True) == q._subject(text, 0, len(lead), True)
