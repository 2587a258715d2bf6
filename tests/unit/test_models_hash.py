"""hash_text's quick path: folded parts tested for printability give the plain hash and flag."""

from __future__ import annotations

import hashlib

import pytest

from bitereader.models import hash_text

LONG = "The council approved the budget for the new bridge on Tuesday evening. " * 4


def plain_hash_text(headline: str, paragraphs: tuple[str, ...]) -> tuple[str, bool]:
    digest = hashlib.blake2b(digest_size=16)
    for part in (headline, *paragraphs):
        digest.update(" ".join(part.split()).casefold().encode())
        digest.update(b"\x00")
    return digest.hexdigest(), all(part.isprintable() for part in paragraphs)


@pytest.mark.parametrize(
    ("headline", "paragraphs"),
    [
        ("Bridge", (LONG, "“Yes,” she said.", LONG)),  # ASCII and not, all printable
        ("Bridge", (LONG + "\x07", "“Yes.”")),  # a control character in a long ASCII part
        ("Bridge", (LONG, "Soft\u00adhyphen")),  # not printable, not a control character
        ("Bridge", ("Nbsp\u00a0here",)),  # a space that is not the plain space
        ("Bridge", ("Line\u2028break", LONG)),
        ("Bridge", ("Tab\there",)),
        ("Straße İstanbul", ("GROSS ẞ and ﬁ fold to longer text.",)),  # casefold grows
        ("", ("An empty headline.",)),
        ("Bridge", ()),
        ("Bridge", ("", "Empty paragraph before.")),
        ("Bridge ", ("Trailing space in the headline.",)),
        ("Bridge", ("Trailing space at the very end. ",)),
        (" Bridge", ("Leading space in the headline.",)),
        ("Bridge", (" Leading space.", "Double  space.")),
        ("Bridge", ("Del\x7fhere", "Nul\x00here")),
    ],
)
def test_hash_text_is_the_plain_hash_and_printability(
    headline: str, paragraphs: tuple[str, ...]
) -> None:
    assert hash_text(headline, paragraphs) == plain_hash_text(headline, paragraphs)
