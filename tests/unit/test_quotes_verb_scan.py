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


# In strings of each storage kind (the compiled build reads one-, two- and four-byte strings
# with a loop of its own), and resuming after each word it looks up and turns away.

_KIND_WORDS = (
    "said says told warned went on put it report reply replied company comment study Said Mr "
    "Ann élodie Élodie ωmega Ωmega 9 _x don’t o'neil well-known put-it s sa sai"
).split()
_KIND_GAPS = [
    " ",
    " ",
    "  ",
    ", ",
    ". ",
    "\n",
    "\u00a0",
    "\u2003",
    "’",
    "'",
    "-",
    "—",
    "(",
    "\x00",
    "“",
]
_WIDENERS = ["", "é", "Ω", "\U0001d400"]
"""Appended after the stretch read: a plain string, then one of each wider storage kind."""


def _search(region: str) -> tuple[int, str] | bool:
    """`_scan_verb_or_capital` without capitals: the first verb after a break, or False."""
    m = SPEECH_VERB_RE.search(region)
    while m is not None:
        if m.start() == 0 or not q._wordish(region[m.start() - 1]):
            return m.start(), m.group()
        m = SPEECH_VERB_RE.search(region, m.start() + 1)
    return False


def test_scan_in_every_storage_kind() -> None:
    rng = random.Random(13)
    for _ in range(1500):
        pieces = []
        for _ in range(rng.randrange(1, 12)):
            pieces += [rng.choice(_KIND_WORDS), rng.choice(_KIND_GAPS)]
        body = "".join(pieces)
        for widener in _WIDENERS:
            masked = body + widener
            stop = len(body)
            for at in range(0, stop + 1, 3):
                assert q._scan_verb_or_capital(masked, at, stop) == _reference(masked, at, stop), (
                    masked,
                    at,
                )


def test_scan_turns_away_lookalikes_and_reads_on() -> None:
    # "museum", "company", "court" pass the test of their first letters and length (as verbs
    # such as "mused", "comment", "counter" do): each is looked up and turned away, and the
    # scan goes on after it.
    for widener in _WIDENERS:
        text = "museum company court said" + widener
        assert q._scan_verb_or_capital(text, 0, 25) == (21, "said")
        assert q._scan_verb_or_capital(text, 0, 20) is False
        text = "museum company Court said" + widener
        assert q._scan_verb_or_capital(text, 0, 25) is None
        assert q._scan_verb_or_capital(text, 0, 25, False) == (21, "said")
        text = "the reporter went on" + widener
        assert q._scan_verb_or_capital(text, 0, 20) == (13, "went on")
        assert q._scan_verb_or_capital(text, 0, 17) is False  # "went" alone is no verb


def test_scan_without_capitals_in_every_storage_kind() -> None:
    rng = random.Random(17)
    for _ in range(1500):
        body = "".join(
            rng.choice(_KIND_WORDS) + rng.choice(_KIND_GAPS) for _ in range(rng.randrange(1, 10))
        )
        for widener in _WIDENERS:
            region = body + widener
            expected = _search(region)
            assert q._scan_verb_or_capital(region, 0, len(region), False) == expected, region
