"""Shortcuts taken for speed in extract/html.py give exactly what the plain code gives."""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import captions, html
from bitereader.extract.captions import clean_text
from bitereader.extract.html import _Walker
from bitereader.extract.text import clean_line

_TEXT_PIECES = st.sampled_from(
    [
        "word", "Ann", "“", "”", "é", "e\u0301", " ", " ", "  ", "\n", "\t", "\r", "\xa0",
        "\u2009", "\u200b", "\u2028", "\x1c", "\x85", "\x00", "\u3000", ".", "ﬁ",
    ]
)  # fmt: skip


def _flushed_the_plain_way(pieces: list[str]) -> list[str]:
    text = " ".join("".join(pieces).split())
    if text and not (text.isprintable() and unicodedata.is_normalized("NFC", text)):
        text = clean_line(text)
    return [text] if text else []


@settings(max_examples=600, deadline=None)
@given(st.lists(st.lists(_TEXT_PIECES, max_size=12).map("".join), max_size=4))
def test_flush_collapses_whitespace_like_split_and_join(pieces: list[str]) -> None:
    walker = _Walker()
    walker.buffer.extend(pieces)
    walker.flush()
    assert walker.paragraphs == _flushed_the_plain_way(pieces)


@settings(max_examples=600, deadline=None)
@given(st.lists(_TEXT_PIECES, max_size=16).map("".join))
def test_clean_text_is_clean_line_of_the_collapsed_text(text: str) -> None:
    assert clean_text(text) == clean_line(" ".join(text.split()))


@settings(max_examples=600, deadline=None)
@given(st.lists(_TEXT_PIECES, max_size=16).map("".join))
def test_fold_key_is_the_casefolded_text_with_spacing_collapsed(text: str) -> None:
    expected = captions._SPACE.sub(" ", text).casefold().strip(" .")
    assert captions._fold_key(text) == expected


_TAGS = ["p", "div", "span", "section", "aside", "figure", "figcaption", "a", "em", "small", "img"]
_SOUP_TEXT = st.sampled_from(["Words.", " ", "A boat. Photo: Ann Lee/AP", "Photo: Jo Bloggs", ""])
_ATTRIBUTE = st.sampled_from(
    [
        "class='caption'", "class='credit'", "class='wp-caption'", "class='share'", "class=''",
        "style='display:none'", "style='color:red'", "hidden", "aria-hidden='true'",
        "alt='A boat at dawn'", "href='#'", "lang='en'", "data-x='caption'", "rel='credit'",
    ]
)  # fmt: skip


@st.composite
def _soup(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(_TAGS))
    attributes = " ".join(draw(st.lists(_ATTRIBUTE, max_size=3)))
    children = draw(st.lists(_soup(depth + 1), max_size=0 if depth > 2 else 3))
    return f"<{tag} {attributes}>{draw(_SOUP_TEXT)}{''.join(children)}</{tag}>"


class _EveryAttributeWalker(_Walker):
    """The walker without the attribute gate: any element with attributes is looked at."""

    def walk(self, element: Any) -> None:
        tag = element.tag
        if not isinstance(tag, str):
            return
        tag = tag.lower()
        if tag in html._DROPPED:
            return
        if (element.attrib or tag in html._SPECIAL) and (
            self._is_widget(element) or self._take_special(element, tag)
        ):
            return
        block = tag in html._BLOCKS
        if block:
            self.flush()
        if element.text:
            self.buffer.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self.buffer.append(child.tail)
        if block:
            self.flush()


@settings(max_examples=500, deadline=None)
@given(st.lists(_soup(), min_size=1, max_size=4).map("".join))
def test_only_the_attributes_rules_read_send_an_element_to_them(soup: str) -> None:
    walkers = (_Walker(), _EveryAttributeWalker())
    for walker in walkers:
        walker.walk(html.parse_html(soup))
        walker.flush()
    fast, plain = walkers
    assert (fast.paragraphs, fast.captions) == (plain.paragraphs, plain.captions)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_soup(), min_size=1, max_size=3).map("".join),
    st.lists(_TEXT_PIECES, max_size=8).map("".join),
)
def test_element_text_collapses_whitespace_like_split_and_join(soup: str, text: str) -> None:
    root = html.parse_html(f"<div>{text}{soup}{text}</div>")
    parts: list[str] = []
    captions._collect_text(root, frozenset(), parts)
    assert captions.element_text(root) == " ".join("".join(parts).split())
