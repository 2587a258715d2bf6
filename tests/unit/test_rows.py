"""The values an article is stored as: the quick paths give exactly what the plain ones did."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.models import Caption, Quote, content_hash
from bitereader.store.rows import captions_json, list_json, quotes_json

SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2009\u200a\u2028\u2029\u202f\u3000"
texts = st.text(st.sampled_from(SPACES) | st.characters(exclude_categories=["Cs"]), max_size=40)
"""Text with every kind of white space in it, often several in a row."""


def plain_content_hash(headline: str, paragraphs: tuple[str, ...]) -> str:
    """content_hash as first written: every part split into words and joined again."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (headline, *paragraphs):
        digest.update(" ".join(part.split()).casefold().encode())
        digest.update(b"\x00")
    return digest.hexdigest()


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


@settings(max_examples=500)
@given(texts, st.lists(texts | st.just("Already single spaced, as most text is."), max_size=4))
def test_content_hash_is_the_hash_of_the_single_spaced_folded_text(
    headline: str, paragraphs: list[str]
) -> None:
    assert content_hash(headline, tuple(paragraphs)) == plain_content_hash(
        headline, tuple(paragraphs)
    )


def test_content_hash_ignores_spacing_and_case_only() -> None:
    same = content_hash("Ferry  Strike", ("Boats\u00a0stop\ttoday. ", "“Sorry,” said Ana."))
    assert same == content_hash("ferry strike", ("boats stop today.", "“sorry,” said ana."))
    assert same != content_hash("ferry strike", ("boats stop today.", "“sorry,” said ben."))
    assert same != content_hash("ferry strike", ("boats stop", "today.", "“sorry,” said ana."))


@settings(max_examples=300)
@given(
    st.lists(texts, max_size=5),
    st.lists(st.tuples(texts, st.none() | texts, st.none() | st.integers(0, 99)), max_size=3),
    st.lists(
        st.tuples(texts, st.none() | texts, st.none() | texts, st.sampled_from(["direct"])),
        max_size=3,
    ),
)
def test_json_columns_are_what_json_dumps_writes(
    items: list[str],
    captions: list[tuple[str, str | None, int | None]],
    quotes: list[tuple[str, str | None, str | None, str]],
) -> None:
    assert list_json(tuple(items)) == dumps(items)
    assert captions_json(tuple(Caption(*c) for c in captions)) == dumps([list(c) for c in captions])
    made = [Quote(text, speaker, role, kind, 2, 0, 5) for text, speaker, role, kind in quotes]  # type: ignore[arg-type]
    assert quotes_json(tuple(made)) == dumps(
        [[q.text, q.speaker, q.role, q.kind, q.paragraph, q.start, q.end] for q in made]
    )
