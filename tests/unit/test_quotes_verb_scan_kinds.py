"""The scan for a speech verb before a capital finds what the expressions find in strings of each
storage kind (the compiled build reads one-, two- and four-byte strings with a loop of its own),
and resumes correctly after each word it looks up and turns away."""

from __future__ import annotations

import random

from bitereader.extract import quotes as q
from bitereader.extract.quote_lexicon import SPEECH_VERB_RE

_WORDS = (
    "said says told warned went on put it report reply replied company comment study Said Mr "
    "Ann élodie Élodie ωmega Ωmega 9 _x don’t o'neil well-known put-it s sa sai"
).split()
_GAPS = [" ", " ", "  ", ", ", ". ", "\n", "\u00a0", "\u2003", "’", "'", "-", "—", "(", "\x00", "“"]
_WIDENERS = ["", "é", "Ω", "\U0001d400"]
"""Appended after the stretch read: a plain string, then one of each wider storage kind."""


def _reference(masked: str, at: int, stop: int) -> tuple[int, str] | bool | None:
    verb = SPEECH_VERB_RE.match(masked, at, stop)
    if verb is not None:
        return at, verb.group()
    m = q._VERB_OR_CAPITAL.search(masked, at, stop)
    if m is not None:
        return None if m.start(1) < 0 else (m.start(1), m.group(1))
    return False


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
            pieces += [rng.choice(_WORDS), rng.choice(_GAPS)]
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
        body = "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randrange(1, 10)))
        for widener in _WIDENERS:
            region = body + widener
            expected = _search(region)
            assert q._scan_verb_or_capital(region, 0, len(region), False) == expected, region
