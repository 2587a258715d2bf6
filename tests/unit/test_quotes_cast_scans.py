"""The character scans that learning the cast reads find what the expressions they replace find."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q

_PIECES = [
    *(
        "workers worker people the a one son mother spokeswoman official officials study "
        "election of with who from and but also later said told police man men boy fan "
        "party's team’s group's fiancée fiancé co-workers workers’ workers' _workers workers_ "
        "9workers workerss xman manx men's aide-de-camp police2 chairwoman spokespeople "
        "representatives grandmother granddaughter sa wo wor mayorship"
    ).split(),
    " ", " ", " ", "  ", ", ", ". ", "; ", "\n", "\t", "\u00a0", "’", "'", "-", "—", "(",
    "“", "”", "\x00", "_", "é", "2", "A", "Workers", "Said", "İ", "ǅ",
]  # fmt: skip


_CUT_ROLE_AS_WRITTEN = re.compile(r"\s(?:and|who|which|with|whose|that|where|while|when)\s|[,;]")
_HE_SHE_AS_WRITTEN = re.compile(r"\b(?:he|him|his|she|her)\b")


def _reference(low: str) -> bool:
    """`_may_end_in_head` as the expressions read it."""
    for m in q._DESCRIBED_HEAD.finditer(low):
        nxt = q._PLAIN_NEXT_WORD.match(low, m.end())
        if nxt is None or nxt.group(1) in q._HEAD_FOLLOWERS:
            return True
    return False


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_head_scan_finds_what_the_expressions_find(pieces: list[str]) -> None:
    low = "".join(pieces)
    assert q._scan_heads(low) is _reference(low)


def test_head_scan_on_random_stretches() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        low = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 20)))
        assert q._scan_heads(low) is _reference(low), low


def test_every_head_is_found_whole_and_only_whole() -> None:
    for head in q._HEADS:
        assert q._scan_heads(f"the {head}")
        assert q._scan_heads(f"the {head} said ")
        assert not q._scan_heads(f"the {head} study report ")  # a plain word follows it
        assert not q._scan_heads(f"the x{head}")
        assert not q._scan_heads(f"the {head}x ")
        assert not q._scan_heads(f"the {head[:-1]}") or head[:-1] in q._HEADS


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["a", "an", "the", "The", "spokesperson", "and", "who", "with", "whose", "when",
             "wand", " ", "  ", ", ", ",", ";", "\n", "\t", "x", "anthem", "thee"]
        ),
        max_size=12,
    ).map("".join)
)  # fmt: skip
def test_role_trimming_matches_the_substitution_and_split(role: str) -> None:
    assert q._role_head(role) == _CUT_ROLE_AS_WRITTEN.split(role, maxsplit=1)[0]
    assert q._clean_role(role) == (q._LEADING_ARTICLE.sub("", role.strip(" ,;")) or None)


_WORDS = st.lists(
    st.sampled_from(
        ["he", "him", "his", "she", "her", "hers", "the", "she’s", "he'd", "shed", "h", "s",
         "and", "who", "whose", "when", "wand", "with", ",", ";", " ", "\t", "\n", "\u00a0",
         "_", "2", "é", "’", "-", ".", "Her", "He"]
    ),
    max_size=16,
).map("".join)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(_WORDS)
def test_skipping_patterns_find_what_they_were_written_as(text: str) -> None:
    for pattern, written in ((q._HE_SHE, _HE_SHE_AS_WRITTEN), (q._CUT_ROLE, _CUT_ROLE_AS_WRITTEN)):
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in written.finditer(text)
        ]
