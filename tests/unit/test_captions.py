"""Tests for extract/captions.py: credit forms, non-credits, HTML trees and JSON-LD."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from bitereader.extract.captions import (
    captions_from_json_ld,
    captions_from_tree,
    clean_credit,
    fold_repeats,
    is_credit_only,
    split_credit,
)
from bitereader.extract.html import html_to_parts
from bitereader.models import Caption


@pytest.mark.parametrize(
    ("line", "text", "credit"),
    [
        ("Rescue workers search the rubble. Picture: Jane Smith",
         "Rescue workers search the rubble.", "Jane Smith"),
        ("Rescue workers search the rubble. Picture: AAP Image/Dean Lewins",
         "Rescue workers search the rubble.", "AAP Image/Dean Lewins"),
        ("Voters queue in Leeds. Photograph: Tom Jenkins/The Guardian",
         "Voters queue in Leeds.", "Tom Jenkins/The Guardian"),
        ("Smoke over the city. Photo: Reuters", "Smoke over the city.", "Reuters"),
        ("Smoke over the city. PHOTO: REUTERS", "Smoke over the city.", "REUTERS"),
        ("The harbour at dusk. Image: Supplied", "The harbour at dusk.", "Supplied"),
        ("The harbour at dusk | Credit: Alamy Stock Photo", "The harbour at dusk",
         "Alamy Stock Photo"),
        ("Smoke over Gaza. Photo credit: Mohammed Salem/Reuters", "Smoke over Gaza.",
         "Mohammed Salem/Reuters"),
        ("Smoke over Gaza. Photo by Mohammed Salem/Reuters", "Smoke over Gaza.",
         "Mohammed Salem/Reuters"),
        ("Smoke over Gaza. (Photo by Mohammed Salem/Reuters)", "Smoke over Gaza.",
         "Mohammed Salem/Reuters"),
        ("Police at the scene. (Photo: Jane Doe)", "Police at the scene.", "Jane Doe"),
        ("Police at the scene (AP Photo/Julio Cortez)", "Police at the scene",
         "AP Photo/Julio Cortez"),
        ("Police at the scene. (AP Photo/Julio Cortez, File)", "Police at the scene.",
         "AP Photo/Julio Cortez, File"),
        ("President Trump at the White House. Chip Somodevilla/Getty Images",
         "President Trump at the White House.", "Chip Somodevilla/Getty Images"),
        ("Fans cheer. Kena Betancur/AFP via Getty Images", "Fans cheer.",
         "Kena Betancur/AFP via Getty Images"),
        ("Fans cheer (Getty Images)", "Fans cheer", "Getty Images"),
        ("Anthony Albanese in Canberra. (Alex Ellinghausen / The Sydney Morning Herald)",
         "Anthony Albanese in Canberra.", "Alex Ellinghausen / The Sydney Morning Herald"),
        ("Floods in Lismore. (ABC News: Bruce MacKenzie)", "Floods in Lismore.",
         "ABC News: Bruce MacKenzie"),
        ("The harbour at dusk. © 2023 Jane Doe", "The harbour at dusk.", "Jane Doe"),
    ],
)  # fmt: skip
def test_credit_forms(line: str, text: str, credit: str) -> None:
    assert split_credit(line) == Caption(text=text, credit=credit)


@pytest.mark.parametrize(
    "line",
    [
        "He said the photo: was great and everyone liked it.",
        "Credit: the bank raised its credit line by 10 per cent last year.",
        "The image: a small boy holding a flag in the rain, which went viral.",
        "I love this picture: It reminds me of home and of the summers we spent there.",
        "Source: the company said it would respond next week.",
        "The photo by the lake was taken in 1952.",
        "The Picture by Monet was sold at auction.",
        "The images were bought by Getty Images",
        "The decision was split 5/4 and the court ruled against him.",
        "He studied at Oxford/Cambridge before joining the firm.",
        "Revenue grew (year on year / quarter on quarter) strongly.",
        "(Note: figures are provisional and may be revised)",
        "The minister said she would resign if the bill failed.",
    ],
)
def test_not_credits(line: str) -> None:
    assert split_credit(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Photo: Reuters", True), ("(AP Photo/Evan Vucci)", True), ("© Jane Doe", True),
     ("Photo by Jane Doe", True), ("Crowds gather. Photo: Reuters", False),
     ("Photo: a man walking in the rain at night", False)],
)  # fmt: skip
def test_is_credit_only(line: str, expected: bool) -> None:
    assert is_credit_only(line) is expected


def test_fold_repeats() -> None:
    assert fold_repeats(["a", "a", "b", "a"]) == [("a", 2), ("b", 1), ("a", 1)]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("(Photo by Jane Doe)", "Jane Doe"), ("© 2024 Reuters", "Reuters"), ("Photo: AP", "AP"),
     ("Credit: Getty Images", "Getty Images"), ("Jane Doe/Reuters", "Jane Doe/Reuters"),
     ("  ", None)],
)  # fmt: skip
def test_clean_credit(raw: str, clean: str | None) -> None:
    assert clean_credit(raw) == clean


def _tree(html: str) -> etree._Element:
    return etree.fromstring(html, etree.HTMLParser())


def test_captions_from_tree_reads_every_shape() -> None:
    root = _tree(
        "<html><body><article><p>Body.</p>"
        "<figure><img src='a.jpg' alt='alt'><figcaption>Boats at dawn."
        "<span class='photo-credit'>Photo: Ann Brown</span></figcaption></figure>"
        "<div class='wp-caption'><img src='b.jpg'><p class='wp-caption-text'>A quiet lane. "
        "(AP Photo/Evan Vucci)</p></div>"
        "<img src='c.jpg' alt='Children playing in a fountain'>"
        "<img src='d.jpg' alt='logo'><img src='e.gif' width='1' height='1' alt='Tracker words'>"
        "<p class='caption'>The old mill.</p><p class='credit'>Picture: Sam Lee</p>"
        "<figure><img src='a.jpg'><figcaption>Boats at dawn.</figcaption></figure>"
        "</article></body></html>"
    )
    assert captions_from_tree(root) == (
        Caption("Boats at dawn.", "Ann Brown"),
        Caption("A quiet lane.", "AP Photo/Evan Vucci"),
        Caption("Children playing in a fountain"),
        Caption("The old mill.", "Sam Lee"),
    )


def test_json_ld_image_objects_nested_and_in_graph() -> None:
    objects = [
        {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "NewsArticle",
                    "author": {"@type": "Person", "name": "The Reporter"},
                    "image": [
                        {"@type": "ImageObject", "url": "a.jpg",
                         "caption": "Firefighters at work &amp; rest", "creditText": "Jane Doe/AP"},
                        {"@type": "ImageObject", "url": "b.jpg"},
                    ],
                },
                {"@type": "ImageObject", "caption": "Crowds in the square. Photo: Bob Ray",
                 "copyrightHolder": {"@type": "Organization", "name": "© AFP"}},
            ],
        },
        {"@type": ["ImageObject"], "caption": "A third picture", "author": [{"name": "Al Bo"}]},
        {"@type": "ImageObject", "caption": "Firefighters at work & rest"},
        "not an object",
        42,
    ]  # fmt: skip
    assert captions_from_json_ld(objects) == (
        Caption("Firefighters at work & rest", "Jane Doe/AP"),
        Caption("Crowds in the square.", "AFP"),
        Caption("A third picture", "Al Bo"),
    )


def test_json_ld_article_author_is_not_a_photo_credit() -> None:
    article = {
        "@type": "NewsArticle",
        "author": {"name": "Reporter Name"},
        "image": {"@type": "ImageObject", "caption": "Harbour lights"},
    }
    assert captions_from_json_ld([article]) == (Caption("Harbour lights"),)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_split_credit_never_raises_and_keeps_text(line: str) -> None:
    caption = split_credit(line)
    if caption is not None:
        assert caption.credit
        assert caption.text in line


@settings(max_examples=100, deadline=None)
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["@type", "image", "@graph", "caption", "creditText",
                                       "author", "name"]), children, max_size=4),
    max_leaves=20,
))  # fmt: skip
def test_json_ld_never_raises(value: object) -> None:
    captions_from_json_ld([value])


_HINT_PIECES = [
    *"ab xyzGIPS/©).\t_1ıİſK’“",
    *("Photo", "photograph", "GETTY", "Images", "credit", "Source", "illustration", "Video"),
    *("Pictures", "xphoto", "_Video", "ſource", "ıllustration", "İmage"),
]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_HINT_PIECES), max_size=60).map("".join))
def test_credit_hint_prefilter_agrees_with_the_pattern(line: str) -> None:
    from bitereader.extract.captions import _CREDIT_HINT, CREDIT_MAX_CHARS, _credit_hint

    start = max(0, len(line) - CREDIT_MAX_CHARS)
    assert _credit_hint(line) == (_CREDIT_HINT.search(line, start) is not None)


def test_first_of_two_credit_spans_is_the_credit_every_time() -> None:
    html = (
        "<figure><img src='a.jpg' alt='x'><figcaption>A boat at dawn. "
        "<span class='credit'>Ann Lee</span> <span class='credit'>Bo Chan</span>"
        "</figcaption></figure>"
    )
    # Many parses, so the elements land at many addresses.
    credits = {html_to_parts(html).captions[0].credit for _ in range(50)}
    assert credits == {"Ann Lee"}
