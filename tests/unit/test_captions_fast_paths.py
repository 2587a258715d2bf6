"""Tests that captions.py's fast paths give exactly what the plain regexes they replace give."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st
from labelled_credits import assert_same_labelled

from bitereader.extract import captions
from bitereader.extract.text import clean_line
from bitereader.models import Caption

# The plain forms, as they stood before the fast paths: split_credit must agree with them.
PLAIN_LABELLED = (
    r"^(?P<text>.*?)[\s;,|–—-]*\b(?P<label>Pictures?|Photo(?:graph)?s?|Images?|Credit|"
    r"Photo credit|Image credit|Source|Illustration|Video)(?:\s*:|(?P<by>\s+by\b))\s*"
    r"(?P<credit>[^:]{2,90}?)[\s.]*$"
)
PLAIN_HINT = (
    r"[/©]|\)[\s.]*$|Getty|\b(?:Pictures?|Photo(?:graph)?s?|Images?|Credit|Source|Illustration"
    r"|Video)\b"
)
PLAIN_LABEL_CUE = (
    r"(?:picture|photo(?:graph)?|image|credit|source|illustration|video)s?(?:\s+credit)?"
    r"\s*(?::|by\b)"
)
_HINT = re.compile(PLAIN_HINT, re.IGNORECASE)
_LABEL_CUE = re.compile(PLAIN_LABEL_CUE, re.IGNORECASE)
_PLAIN_CUES = {
    captions._LABELLED: _LABEL_CUE.search,
    captions._PARENTHESISED_LABEL: lambda tail: ")" in tail and _LABEL_CUE.search(tail),
    captions._PARENTHESISED: lambda tail: ")" in tail and "/" in tail,
    captions._OUTLET_COLON: lambda tail: ")" in tail and ":" in tail,
    captions._SLASHED: lambda tail: "/" in tail,
    captions._GETTY: lambda tail: "Getty Images" in tail,
    captions._COPYRIGHT: lambda tail: "©" in tail,
}


def plain_split_credit(line: str) -> Caption | None:
    """split_credit as it was: a case-blind hint search, cue searches, then each full match."""
    pos = max(0, len(line) - captions.CREDIT_MAX_CHARS)
    if len(line) > 600 or _HINT.search(line, pos) is None:
        return None
    tail = line[-captions.CREDIT_MAX_CHARS :]
    for pattern in captions._PATTERNS:
        if not _PLAIN_CUES[pattern](tail):
            continue
        match = pattern.match(line)
        if match and captions._looks_like_credit(match["credit"]):
            labelled = pattern is captions._LABELLED
            if labelled and match["by"] and not captions._is_name(match["credit"]):
                continue
            text = match["text"].strip()
            if labelled and text.endswith(("(", "[")):
                continue
            if (
                text
                and not captions._BOUNDARY.search(text)
                and captions._needs_boundary(pattern, match)
            ):
                continue
            return Caption(text=text, credit=match["credit"].strip())
    return None


def test_plain_forms_are_the_module_patterns() -> None:
    assert captions._LABELLED.pattern == PLAIN_LABELLED
    assert captions._LABELLED.flags & re.IGNORECASE
    assert captions._CREDIT_HINT.pattern == PLAIN_HINT
    assert captions._LABEL_CUE.pattern == PLAIN_LABEL_CUE


_PIECES = [
    *("Photo", "photo", "PHOTO", "Photograph", "Photos", "Picture", "pictures", "Image", "Images"),
    *("Credit", "credit", "Source", "Illustration", "Video", "Photo credit", "Image credit"),
    *("by", "BY", "via", "for", "Getty Images", "Getty", "getty", "AP Photo", "AFP", "Reuters"),
    *("Jane Doe", "Chip Somodevilla", "de", "van", "al", "O'Neil", "Zoë", "ABC News", "2024"),
    *("the", "was", "a man", "said", "Texas.", "Crowds gather in the square."),
    *(":", ": ", "/", " / ", "(", ")", "[", "©", ".", ". ", ",", ";", "|", "–", "—", "-"),
    *(" ", "  ", "\n", "\t", "\u00a0", "’", "”", "!", "?", "&", "x" * 60),
    *("\u0130", "\u0131", "\u017f", "\u0130mage", "\u017fource", "\u0131llustration"),
]
credit_like = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
lines = (
    credit_like
    | st.text(max_size=200)
    | st.builds(lambda pad, line: "Words here " * pad + line, st.integers(0, 15), credit_like)
)


@settings(max_examples=1500, deadline=None)
@given(lines)
@example("Crowds gather. Photo: Jane Doe/Reuters")
@example("Fans cheer. Kena Betancur/AFP via Getty Images")
@example("The harbour at dusk | Credit: Alamy Stock Photo")
@example("Line one\nand two. Photo: Jane Doe")
@example("Smoke. Photo by Mohammed Salem/Reuters\n")
@example("Photo: blah. Photo: Jane Doe")
@example("A \u0130mage: Jane Doe")
def test_split_credit_matches_the_plain_regexes(line: str) -> None:
    assert captions.split_credit(line) == plain_split_credit(line)


@settings(max_examples=800, deadline=None)
@given(lines)
def test_credit_hint_matches_the_plain_search(line: str) -> None:
    pos = max(0, len(line) - captions.CREDIT_MAX_CHARS)
    assert captions._credit_hint(line) is (_HINT.search(line, pos) is not None)


@settings(max_examples=800, deadline=None)
@given(lines)
def test_label_cue_matches_the_plain_search(tail: str) -> None:
    assert captions._label_cue(tail) is (_LABEL_CUE.search(tail) is not None)


@settings(max_examples=1500, deadline=None)
@given(lines)
@example("Seen here;  — Photo by Jane Doe")
@example("A\n — Photo: Jane Doe")
@example("text\nPhoto: Jane Doe")
def test_labelled_match_matches_the_plain_regex(line: str) -> None:
    plain = re.compile(PLAIN_LABELLED, re.IGNORECASE).match(line)
    found = captions._match_labelled(line)
    assert_same_labelled(found, plain)


def plain_clean_text(text: str) -> str:
    """clean_text as it was: collapse the whitespace, then clean the line unless clean already."""
    text = " ".join(text.split())
    if text.isprintable() and unicodedata.is_normalized("NFC", text):
        return text
    return clean_line(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*" a\n\t\u00a0\u200be\u0301é.\x1b["]), max_size=40))
def test_clean_text_matches_collapse_then_clean(text: str) -> None:
    assert captions.clean_text(text) == plain_clean_text(text)
