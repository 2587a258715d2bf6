"""A refresh worker's shortcuts outside the quote finder give exactly what the plain forms give."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from labelled_credits import assert_same_labelled
from lxml import etree

from bitereader.extract import captions, html
from bitereader.extract.text import is_printable
from bitereader.loaders import feeds

_ODD = "\x00\x07\t\n\x1b\x7f\x85\xa0\xad\u200b\u2028\ufeff\U000e0001"
"""Characters str.isprintable refuses, ASCII and not."""


@settings(max_examples=600, deadline=None)
@given(
    st.text(st.characters(max_codepoint=0x7F), max_size=400)
    | st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=120, max_size=400)
    | st.builds(
        lambda words, odd, at: words[:at] + odd + words[at:],
        st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=300),
        st.sampled_from(_ODD),
        st.integers(0, 300),
    )
)
@example("x" * 200)
@example("x" * 200 + "\x7f")
@example("x" * 200 + "\u2019")
@example("")
def test_is_printable_is_str_isprintable(text: str) -> None:
    assert is_printable(text) is text.isprintable()


def test_is_printable_takes_the_bytes_path_for_long_ascii_text() -> None:
    # Past the threshold, an ASCII control anywhere is still found.
    for at in (0, 64, 129, 299):
        text = "a" * at + "\x1f" + "b" * (299 - at)
        assert len(text) > 128
        assert is_printable(text) is False
    assert is_printable("a b " * 100) is True


def test_cued_patterns_are_the_patterns_in_order() -> None:
    assert tuple(pattern for pattern, _ in captions._CUED_PATTERNS) == captions._PATTERNS


_PIECES = [
    *("Photo", "photo", "PHOTO", "Photograph", "Picture", "Image", "Credit", "Source", "Video"),
    *("Photo credit", "by", "BY", "Jane Doe", "AP Photo", "Reuters", "the", "said", "Σ", "ς"),
    *(":", ": ", "/", "(", ")", ".", ". ", ",", ";", "|", "—", "-", " ", "  ", "\n", "\t"),
    *("\u0130", "\u0131", "\u017f", "\u0130mage", "x" * 60),
]
lines = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join) | st.text(max_size=200)
"""Caption lines, often with labels and names near the tail's start or on both sides of it."""
# The module's own patterns: test_captions_fast_paths holds them to their plain forms.
_LABELLED_PLAIN = captions._LABELLED
_CUE_PLAIN = captions._LABEL_CUE


@settings(max_examples=1500, deadline=None)
@given(lines)
@example("Crowds gather. Photo: Jane Doe/Reuters")
@example("Words here " * 14 + "Photo: Jane Doe")
@example("Photo: Jane Doe. " + "Words here " * 14)
@example("Σ" * 3 + "Words here " * 12 + "Photo by Jane Doe")
@example("A \u0130mage: Jane Doe " + "x" * 130)
@example("Seen by the river " + "x" * 120 + " Photo: Jane Doe")
def test_cued_labelled_is_the_cue_then_the_plain_match(line: str) -> None:
    tail = line[-captions.CREDIT_MAX_CHARS :]
    found = captions._cued_labelled(line, tail)
    plain = _LABELLED_PLAIN.match(line) if _CUE_PLAIN.search(tail) else None
    assert_same_labelled(found, plain)


@settings(max_examples=600, deadline=None)
@given(st.text(max_size=40) | st.sampled_from(["Jane Doe", "AP Photo/Jane Doe", "the man who"]))
def test_looks_like_credit_counts_as_the_sum_did(credit: str) -> None:
    stripped = credit.strip()
    words = stripped.split()
    lowercase = sum(1 for word in words if word[0].islower())
    expected = (
        0 < len(words) <= 10 and bool(captions._CREDIT_WORD.match(stripped)) and lowercase <= 2
    )
    assert captions._looks_like_credit(credit) is expected


_HTML_PIECES = [
    *("<p>", "</p>", "<figure>", "<img src=x alt='“A” ship'>", "<figcaption>", "</figure>"),
    *(
        "<meta charset='iso-8859-1'>",
        "<meta charset=utf-16>",
        "<!-- “ -->",
        "<?xml version='1.0'?>",
    ),
    *("<?xml version='1.0' encoding='iso-8859-1'?>", "<br>", "<a href='/x'>", "</a>", "&amp;"),
    *("“", "”", "é", "ß", "—", "\ufeff", "\x00", "\x1b[31m", "\r\n", "\r", "\ud800", "\U0001f600"),
    *("Boats", " run ", "hourly.", " ", "<", ">", "&", "&#xe9;", "&nbsp;", "\u2028", "\x85"),
]
html_texts = st.lists(st.sampled_from(_HTML_PIECES), max_size=30).map("".join) | st.text(
    max_size=80
)


def _tree(root: object) -> str | None:
    return None if root is None else etree.tostring(root, encoding="unicode")


@settings(max_examples=1500, deadline=None)
@given(html_texts)
@example("\ufeff<p>“a”</p>")
@example("<meta charset='iso-8859-1'><p>é“</p>")
@example("<?xml version='1.0' encoding='iso-8859-1'?><p>é“</p>")
@example("<!-- “ -->")
@example("<p>\ud800“</p>")
def test_text_parses_to_the_tree_the_str_gives(html_text: str) -> None:
    assert _tree(html._parse_text(html_text)) == _tree(html._parse(html_text))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Ana", " Ana ", "", "  ", "ana@example.org (Ana)", "x@y.z", "Ben"]))
)
def test_unique_of_is_unique_of_the_map(values: list[str]) -> None:
    for function in (feeds.clean_line, feeds._author_name):
        assert feeds._unique_of(function, values) == feeds._unique(map(function, values))


def test_walker_lower_cases_tags_the_html_parser_did_not() -> None:
    # An XML tree keeps its tags' case: the walker still knows <P> for a block and drops
    # <SCRIPT>, as it did when it lower-cased every tag.
    root = etree.fromstring("<DIV><P>One <B>bold</B></P><SCRIPT>x()</SCRIPT><P>Two</P></DIV>")
    walker = html._Walker()
    walker.walk(root)
    walker.flush()
    assert walker.paragraphs == ["One bold", "Two"]


def test_usual_dates_need_colons_between_the_time_fields() -> None:
    # fromisoformat reads "00:00,00" as a time with a decimal comma; the RFC 822 pattern does
    # not, and the quick path must refuse it as the pattern does.
    for text in ("Sat, 01 Jan 2000 00:00,00 GMT", "Sat, 01 Jan 2000 00,00:00 GMT"):
        assert feeds._usual_rfc822_date(text) is None
        assert feeds._rfc822_date(text) is None
    assert feeds._usual_rfc822_date("Sat, 01 Jan 2000 00:00:00 GMT") is not None
