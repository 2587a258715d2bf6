"""Tests that a caption's text is collapsed once: clean_text and clean_credit give the same for
an element's text whether or not element_text collapsed its spacing first."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import captions
from bitereader.extract.html import parse_html

_PIECES = [
    *("Photo", ": ", "Jane Doe", "(AP)", "é", "e\u0301", "Ω", "x" * 40, ".", "©"),
    *(" ", "  ", "\n", "\t", "\u00a0", "\u2003", "\x1c", "\x85", "\u200b", "\x1b[31m"),
]
texts = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join) | st.text(max_size=80)


@settings(max_examples=1500, deadline=None)
@given(texts)
@example(" Jane  Doe ")
@example("\x1cJane\x1dDoe\x1e")
@example("Cafe\u0301 \u00a0 scene")
def test_cleaning_collapses_as_element_text_does(text: str) -> None:
    assert captions.clean_text(captions._collapsed(text)) == captions.clean_text(text)
    assert captions.clean_credit(captions._collapsed(text)) == captions.clean_credit(text)


def test_a_figure_caption_with_spaced_markup_reads_as_before() -> None:
    html = (
        '<figure><img src="a.jpg"><figcaption>\n  Crowds <b>gather</b>\t in the\u00a0square.'
        ' <span class="credit"> Photo:\n Jane  Doe </span></figcaption></figure>'
    )
    figure = next(parse_html(html).iter("figure"))
    caption = captions.caption_from_figure(figure, 0)
    assert caption is not None
    assert (caption.text, caption.credit) == ("Crowds gather in the square.", "Jane Doe")
