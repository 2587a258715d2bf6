"""The character scan for a speech verb before a capital finds what the two expressions find."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q
from bitereader.extract.quote_lexicon import SPEECH_FORMS, SPEECH_VERB_RE

_PIECES = [
    *(
        "said says told put it put went on went onward warned reporter sayings s sa "
        "Said Mr Ann Élodie éclair straße ΩMEGA 9 12 _x don’t it’s o'neil well-known put-it"
    ).split(),
    " ", " ", " ", "  ", ", ", ". ", "\n", "\t", "\u00a0", "\u2003", "’", "'", "-", "—", "(",
    "“", "”", "\x00", "\x00\x00", "_", "é", "2", "A", "Z", "a", "z",
]  # fmt: skip


def _reference(masked: str, at: int, stop: int) -> tuple[int, str] | bool | None:
    """The expressions the scan stands in for, as `_verb_before_capital` calls them."""
    verb = SPEECH_VERB_RE.match(masked, at, stop)
    if verb is not None:
        return at, verb.group()
    m = q._VERB_OR_CAPITAL.search(masked, at, stop)
    if m is not None:
        return None if m.start(1) < 0 else (m.start(1), m.group(1))
    return False


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=30),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_scan_finds_what_the_expressions_find(pieces: list[str], a: int, b: int) -> None:
    masked = "".join(pieces)
    at, stop = min(a, b, len(masked)), min(max(a, b), len(masked))
    assert q._scan_verb_or_capital(masked, at, stop) == _reference(masked, at, stop)


def test_scan_on_random_prose_and_every_range() -> None:
    rng = random.Random(5)
    for _ in range(300):
        masked = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 25)))
        for at in range(len(masked) + 1):
            stop = rng.randrange(at, len(masked) + 1)
            assert q._scan_verb_or_capital(masked, at, stop) == _reference(masked, at, stop), (
                masked,
                at,
                stop,
            )


def test_verbs_and_capitals_in_order() -> None:
    text = "the mayor said it. Then Ann told us, and went on"
    assert q._scan_verb_or_capital(text, 0, len(text)) == (10, "said")
    assert q._scan_verb_or_capital(text, 15, len(text)) is None  # " Then" comes first
    assert q._scan_verb_or_capital(text, 28, len(text)) == (28, "told")  # a verb at the start
    assert q._scan_verb_or_capital(text, 37, len(text)) == (41, "went on")
    assert "went" not in SPEECH_FORMS
    assert q._scan_verb_or_capital(text, 37, 45) is False  # "went on" is cut short
    assert q._scan_verb_or_capital("unsaid", 2, 6) is False  # a word goes on before `at`
    assert q._scan_verb_or_capital("x—said", 0, 6) == (2, "said")
    assert q._scan_verb_or_capital("x—Said", 0, 6) is False  # a capital after a dash, not space
