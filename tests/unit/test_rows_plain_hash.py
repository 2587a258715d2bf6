"""The store's quick content hash is hash_text's, and is taken for the text it is meant for."""

from __future__ import annotations

import json
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.models import hash_text
from bitereader.store.rows import _plain_hash, list_json, text_columns

cased = st.sampled_from("ÉéßΣσςİıſﬁǅ")
"""Characters beyond ASCII that case-fold (to themselves or to others)."""
uncased = st.sampled_from("“”‘’–—…€·")
texts = st.text(
    st.characters(max_codepoint=0x7F) | cased | uncased | st.sampled_from("  \t\n\x00\x7f\xa0"),
    max_size=30,
)


def test_a_character_that_folds_to_other_text_folds_to_text_starting_otherwise() -> None:
    # What _plain_hash relies on to fold the characters beyond ASCII all at once.
    for point in range(sys.maxunicode + 1):
        character = chr(point)
        folded = character.casefold()
        assert folded == character or folded[0] != character


@settings(max_examples=600)
@given(texts, st.lists(texts, max_size=5))
def test_the_quick_hash_is_hash_texts_where_it_answers(
    headline: str, paragraphs: list[str]
) -> None:
    quick = _plain_hash(headline, tuple(paragraphs))
    digest, printable = hash_text(headline, tuple(paragraphs))
    if quick is not None:
        assert quick == digest
        assert printable
    assert text_columns(headline, tuple(paragraphs))[2] == digest


def test_the_quick_hash_answers_for_plain_text_with_typographic_marks() -> None:
    paragraphs = ("“Boats stop,” said Ana – at 9…", "Fares rise 3% in €.")
    assert _plain_hash("Ferry strike", paragraphs) == hash_text("Ferry strike", paragraphs)[0]
    assert _plain_hash("", ()) == hash_text("", ())[0]


def test_the_quick_hash_leaves_what_needs_folding_or_spacing_to_hash_text() -> None:
    for paragraphs in (
        ("Élan.",),  # folds to another character
        ("Straße.",),  # folds to two
        ("Two  spaces.",),
        (" Leading.",),
        ("Trailing. ",),
        ("Tab\there.",),
        ("Nbsp\u00a0here.",),  # not printable
        ("Bell\x07.",),
        ("Lone \ud800.",),  # will not encode
        ("", "Empty before."),
    ):
        assert _plain_hash("Ferry", paragraphs) is None, paragraphs


class Marked(str):
    """A str subclass, as lxml's smart strings are."""


@settings(max_examples=600)
@given(st.lists(texts | st.sampled_from(['say "no"', "C:\\x", "a\x07b"]), max_size=4))
def test_list_json_is_the_encoders(items: list[str]) -> None:
    assert list_json(tuple(items)) == json.dumps(items, ensure_ascii=False)
    assert list_json(tuple(Marked(item) for item in items)) == json.dumps(items, ensure_ascii=False)
