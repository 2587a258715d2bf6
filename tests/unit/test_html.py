"""Tests for extract/html.py: HTML fragments → paragraphs and captions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract.html import html_to_parts
from bitereader.models import Caption


def test_paragraphs_with_inline_markup() -> None:
    parts = html_to_parts("<p>Hello <b>bold</b> and <a href='x'>linked</a>.</p><p>Second.</p>")
    assert parts.paragraphs == ("Hello bold and linked.", "Second.")
    assert parts.captions == ()


def test_nested_divs_and_tail_text() -> None:
    parts = html_to_parts("<div><div>Inner <i>text</i></div>Outer tail<div>Last</div></div>")
    assert parts.paragraphs == ("Inner text", "Outer tail", "Last")


def test_br_separates_paragraphs() -> None:
    parts = html_to_parts("First line<br>Second line<br/><br/>Third line")
    assert parts.paragraphs == ("First line", "Second line", "Third line")


def test_lists_headings_quotes_and_cells() -> None:
    html = (
        "<h2>Heading</h2><ul><li>One</li><li>Two</li></ul>"
        "<blockquote>Quoted</blockquote><table><tr><td>Cell A</td><td>Cell B</td></tr></table>"
    )
    assert html_to_parts(html).paragraphs == ("Heading", "One", "Two", "Quoted", "Cell A", "Cell B")


def test_whitespace_collapsed_and_entities_decoded() -> None:
    parts = html_to_parts(
        "<p>  Tom &amp; Jerry\n\n   &ldquo;cartoon&rdquo;&nbsp;stars &#8212; </p>"
    )
    assert parts.paragraphs == ("Tom & Jerry “cartoon” stars —",)


def test_plain_text_fast_path() -> None:
    parts = html_to_parts("A plain summary &amp; more.\n\nA second paragraph.")
    assert parts.paragraphs == ("A plain summary & more.", "A second paragraph.")


def test_scripts_styles_nav_forms_iframes_and_widgets_dropped() -> None:
    html = (
        "<script>var x = '<p>no</p>';</script><style>p { color: red }</style>"
        "<nav>Home | World</nav><p>Kept.</p><form><label>Email</label><input></form>"
        "<iframe src='https://example.com'>frame text</iframe>"
        "<div class='sharedaddy'><a href='#'>Share on Facebook</a></div>"
        "<div class='feedflare'><a href='#'>Email this</a></div>"
        "<p style='display:none'>Hidden.</p><!-- a comment -->"
    )
    assert html_to_parts(html).paragraphs == ("Kept.",)


def test_control_characters_removed() -> None:
    (paragraph,) = html_to_parts("<p>Bad\x1b[31m escape\u200b\x07 here\x9b</p>").paragraphs
    assert not any(ch in paragraph for ch in "\x1b\u200b\x07\x9b")
    assert paragraph.startswith("Bad") and paragraph.endswith("here")


def test_figure_with_figcaption_and_credit_span() -> None:
    html = (
        "<p>Lede.</p><figure><img src='a.jpg' alt='alt text is not used'>"
        "<figcaption>The mayor speaks in Austin. <span class='credit'>Photo: Jane Doe/Reuters"
        "</span></figcaption></figure><p>Body.</p>"
    )
    parts = html_to_parts(html)
    assert parts.paragraphs == ("Lede.", "Body.")
    assert parts.captions == (Caption("The mayor speaks in Austin.", "Jane Doe/Reuters", 1),)


@pytest.mark.parametrize(
    ("figcaption", "text", "credit"),
    [
        ("Crowds gather. (AP Photo/Evan Vucci)", "Crowds gather.", "AP Photo/Evan Vucci"),
        ("Fans at the match. Photo: John Smith", "Fans at the match.", "John Smith"),
        ("Smoke rises over the city. Joe Raedle/Getty Images", "Smoke rises over the city.",
         "Joe Raedle/Getty Images"),
        ("Flood water <small>© Anna Lee</small>", "Flood water", "Anna Lee"),
        ("Workers on strike <cite>Reuters</cite>", "Workers on strike", "Reuters"),
        ("A quiet street <span class='image-copyright'>BBC</span>", "A quiet street", "BBC"),
        ("No credit at all here", "No credit at all here", None),
    ],
)  # fmt: skip
def test_figcaption_credit_forms(figcaption: str, text: str, credit: str | None) -> None:
    parts = html_to_parts(
        f"<figure><img src='x.jpg'><figcaption>{figcaption}</figcaption></figure>"
    )
    assert parts.captions == (Caption(text, credit, 0),)
    assert parts.paragraphs == ()


def test_image_alt_used_when_no_caption() -> None:
    html = (
        "<p>Intro.</p><img src='x.jpg' alt='A firefighter sprays water on a house'>"
        "<img src='y.jpg' alt='image'><img src='z.jpg' alt='IMG_1234.jpg'><img src='w.jpg' alt=''>"
        "<img src='t.gif' width='1' height='1' alt='Tracking pixel description'>"
        "<figure><img src='v.jpg' title='Sunset over the harbour'></figure><p>End.</p>"
    )
    parts = html_to_parts(html)
    assert parts.paragraphs == ("Intro.", "End.")
    assert [c.text for c in parts.captions] == [
        "A firefighter sprays water on a house",
        "Sunset over the harbour",
    ]


def test_repeated_captions_folded() -> None:
    html = (
        "<figure><img src='a.jpg'><figcaption>Same caption</figcaption></figure><p>Text.</p>"
        "<img src='a.jpg' alt='Same caption'>"
    )
    assert html_to_parts(html).captions == (Caption("Same caption", None, 0),)


def test_caption_blocks_outside_figures() -> None:
    html = (
        "<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>Boats at dawn</p>"
        "</div><p class='caption'>Children play.</p><p class='credit'>Photo: Ann Brown</p>"
        "<p>Body text.</p>"
    )
    parts = html_to_parts(html)
    assert parts.paragraphs == ("Body text.",)
    assert parts.captions == (
        Caption("Boats at dawn", None, 0),
        Caption("Children play.", "Ann Brown", 0),
    )


def test_pull_quote_figure_stays_in_body() -> None:
    html = "<figure class='wp-block-pullquote'><blockquote><p>Words.</p></blockquote></figure>"
    assert html_to_parts(html).paragraphs == ("Words.",)


@pytest.mark.parametrize(
    "html",
    [
        "<p>unclosed <b>bold <i>italic</p><div>more",
        "</p></div>stray closers",
        "<<<>>>",
        "<p",
        '<?xml version="1.0" encoding="utf-8"?><p>declared</p>',
        "<table><td>cell",
        "",
        "   ",
    ],
)
def test_malformed_html_does_not_raise(html: str) -> None:
    parts = html_to_parts(html)
    for paragraph in parts.paragraphs:
        assert paragraph == paragraph.strip() and paragraph


_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    parts = html_to_parts(text)
    assert all(isinstance(p, str) and p for p in parts.paragraphs)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["p", "div", "li", "span", "b", "figure", "figcaption", "script"]),
            st.text(alphabet=st.characters(blacklist_characters="<>&"), max_size=30),
        ),
        max_size=10,
    )
)
def test_no_markup_left_from_generated_html(elements: list[tuple[str, str]]) -> None:
    html = "".join(f"<{tag}>{text}</{tag}>" for tag, text in elements)
    parts = html_to_parts(html)
    for text in (*parts.paragraphs, *(c.text for c in parts.captions)):
        assert not _MARKUP.search(text)
