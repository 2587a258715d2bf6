"""html_text_parts is html_to_parts without the HtmlParts around its answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from bitereader.extract.html import html_text_parts, html_to_parts

PAGES = sorted((Path(__file__).resolve().parents[1] / "data" / "html").glob("*.html"))
FRAGMENTS = [
    "",
    "Plain &amp; simple.\n\nTwo paragraphs.",
    "<p>“Quoted,” she said.</p><figure><img src=a.jpg>"
    "<figcaption>A pier. Photo: Ana Lee</figcaption></figure>",
    "<p>Broken <b>markup",
    "<?xml version='1.0' encoding='utf-8'?><p>Declared</p>",
]


@pytest.mark.parametrize(
    "html", [p.read_text(errors="replace") for p in PAGES] + FRAGMENTS, ids=lambda h: h[:20]
)
def test_the_pair_is_the_parts_paragraphs_and_captions(html: str) -> None:
    parts = html_to_parts(html)
    assert html_text_parts(html) == (parts.paragraphs, parts.captions)
    assert parts.links == ()
