"""Tests that caption_from_figure's tag sets pass over no element that could be its caption
block or a credit, so the figure's caption is what reading every element would give."""

from __future__ import annotations

from typing import Any

import pytest

from bitereader.extract import captions
from bitereader.extract.html import parse_html

_TAGS = [
    *("figcaption", "p", "div", "span", "small", "cite", "em", "strong", "b", "i", "a", "img"),
    *("picture", "source", "section", "aside", "figure", "header", "footer", "ul", "li", "br"),
    *("FIGCAPTION", "P", "Span", "SMALL", "Cite", "EM"),
]
_CLASSES = ["", "caption", "wp-caption-text", "credit", "photo-credit", "byline", "source"]


def _element(tag: str, classes: str) -> Any:
    root = parse_html(f'<article><{tag} class="{classes}">Jane Doe</{tag}></article>')
    return next(root.iter("article"))[0]


@pytest.mark.parametrize("tag", _TAGS)
@pytest.mark.parametrize("classes", _CLASSES)
def test_tags_left_out_are_never_caption_blocks_or_credits(tag: str, classes: str) -> None:
    element = _element(tag, classes)
    name = element.tag.lower()
    if name not in captions._CAPTION_BLOCK_TAGS:
        assert not captions.is_caption_block(element)
    if name not in captions._CREDIT_ELEMENT_TAGS:
        found: list[Any] = []
        captions._add_credit_element(element, found)
        assert found == []


def _plain_caption_from_figure(figure: Any, paragraph: int | None) -> Any:
    """caption_from_figure as it was: every element asked whether it is a caption or credit."""
    block = None
    credit_elements: list[Any] = []
    for element in figure.iterdescendants():
        if not isinstance(element.tag, str):
            continue
        if block is None and captions.is_caption_block(element):
            block = element
        captions._add_credit_element(element, credit_elements)
    text, credit = captions._text_and_credit(block, credit_elements)
    if not text:
        image = next((el for el in figure.iter("img", "IMG")), None)
        fallback = captions.caption_from_image(image) if image is not None else None
        if fallback is None:
            return captions.new_caption("", credit, paragraph) if credit else None
        text = fallback.text
    return captions.new_caption(text, credit, paragraph)


_FIGURES = [
    '<figure><img src="a.jpg" alt=""><figcaption>Crowds gather. Photo: Jane Doe/AP'
    "</figcaption></figure>",
    '<figure><img src="a.jpg" alt="A harbour at dusk"></figure>',
    '<figure><picture><img src="a.jpg"></picture><figcaption>The harbour <span class="credit">'
    "(Jane Doe)</span></figcaption></figure>",
    '<figure><img src="a.jpg"><figcaption>The harbour <small>Jane Doe</small> <cite>AP</cite>'
    "</figcaption></figure>",
    '<figure><img src="a.jpg"><p class="wp-caption-text">The harbour</p>'
    '<div class="photo-credit">Jane Doe</div><!-- note --></figure>',
    '<figure><IMG SRC="a.jpg" ALT="Boats"><EM CLASS="byline">Jane Doe</EM></figure>',
    '<figure><img src="a.jpg"><span class="caption">First</span><figcaption>Second</figcaption>'
    '<em class="source">Reuters</em></figure>',
]


@pytest.mark.parametrize("html", _FIGURES)
def test_caption_from_figure_matches_reading_every_element(html: str) -> None:
    figure = next(parse_html(html).iter("figure"))
    assert captions.caption_from_figure(figure, 2) == _plain_caption_from_figure(figure, 2)
