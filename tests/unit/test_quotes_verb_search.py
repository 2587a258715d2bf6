"""With no capital to stop at, the character scan finds the verb the speech-verb search finds,
as `_post_attribution` reads the words after a quote in the compiled build."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q
from bitereader.extract.quote_lexicon import SPEECH_VERB_RE

_PIECES = [
    *(
        "said says told put it put went on went onward warned reporter sayings s sa added "
        "Said Mr Ann Élodie éclair straße ΩMEGA 9 12 _x don’t it’s o'neil well-known put-it"
    ).split(),
    " ", " ", " ", "  ", ", ", ". ", "\n", "\t", "\u00a0", "\u2003", "’", "'", "-", "—", "(",
    "“", "”", "\x00", "\x00\x00", "_", "é", "2", "A", "Z", "a", "z", ";",
]  # fmt: skip


def _search(region: str) -> tuple[int, str] | bool:
    m = SPEECH_VERB_RE.search(region)
    return False if m is None else (m.start(), m.group())


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
@example(", said Aiko Tanaka, a spokesperson.")
@example(" Ann said")
@example("said")
@example("-said")
@example("\x00said")
@example(" went on to say")
def test_scan_without_capitals_is_the_search(region: str) -> None:
    assert q._scan_verb_or_capital(region, 0, len(region), False) == _search(region)
