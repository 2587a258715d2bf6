"""_first_clause_end reads the compiled build's stretch character by character: what the speech
verb search and then the finite-verb search find."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q
from bitereader.extract.quote_lexicon import SPEECH_VERB_RE

_PIECES = [
    *(
        "said says told put it put went on went onward warned reporter sayings s sa added "
        "Said Mr Ann Élodie éclair straße 9 12 _x don’t it’s o'neil well-known put-it has "
        "walked runs will"
    ).split(),
    " ", " ", " ", "  ", ", ", ". ", "\n", "\t", "\u00a0", "’", "'", "-", "—", "(", "“", "”",
    "\x00", "\x00\x00", "_", "é", "2", "A", "a", "z",
]  # fmt: skip
_VERBS = re.compile(r"(?<![\w’'-])" + SPEECH_VERB_RE.trie + r"(?![\w’'-])")
"""The verbs as SPEECH_VERB_RE finds them, searched plainly."""


def _as_searched(masked: str, s: int, e: int) -> int:
    m = _VERBS.search(masked, s, e)
    if m:
        return m.start()
    m = q._FINITE_VERB.search(masked[s:e])
    return s + m.start() if m else e


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.integers(0, 400), st.integers(0, 400))
def test_the_clause_ends_where_the_searches_say(pieces: list[str], a: int, b: int) -> None:
    masked = "".join(pieces)
    s, e = min(a, b, len(masked)), min(max(a, b), len(masked))
    assert q._first_clause_end(masked, s, e) == _as_searched(masked, s, e)
    found, plain = SPEECH_VERB_RE.search(masked, s, e), _VERBS.search(masked, s, e)
    assert (found and found.span()) == (plain and plain.span())


def test_every_range_of_random_prose() -> None:
    rng = random.Random(9)
    for _ in range(300):
        masked = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 25)))
        for s in range(len(masked) + 1):
            e = rng.randrange(s, len(masked) + 1)
            assert q._first_clause_end(masked, s, e) == _as_searched(masked, s, e), (masked, s, e)
