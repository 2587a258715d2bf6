"""A speech verb's word is looked up only when its first and last three letters may be a verb's:
the scan still finds what the expressions find, for every verb word and words much like them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q
from bitereader.extract.quote_lexicon import SPEECH_VERB_RE

_WORDS = sorted(q._VERB_WORDS)


def _reference(masked: str, at: int, stop: int) -> tuple[int, str] | bool | None:
    """The expressions the scan stands in for, as `_verb_before_capital` calls them."""
    verb = SPEECH_VERB_RE.match(masked, at, stop)
    if verb is not None:
        return at, verb.group()
    m = q._VERB_OR_CAPITAL.search(masked, at, stop)
    if m is not None:
        return None if m.start(1) < 0 else (m.start(1), m.group(1))
    return False


def _near(word: str) -> list[str]:
    """The word, and words that share its first or its last three letters but are not it."""
    return [
        word,
        word[:-1],
        word + "s",
        word + "ly",
        "un" + word,
        word[:3] + "x" + word[3:],
        word[:-3] + "x" + word[-3:],
        word[:3] + word[-3:],
        word[:3] + "ing",
        "con" + word[-3:],
        word.capitalize(),
        word[:-1] + "’" + word[-1:],
        word[:-1] + "é",
    ]


def test_every_verb_word_and_its_neighbours() -> None:
    for word in _WORDS:
        for near in _near(word):
            for text in (f"the {near} went", f"{near}", f"({near} on it.", f"x {near}-on"):
                for at in (0, 1):
                    assert q._scan_verb_or_capital(text, at, len(text)) == _reference(
                        text, at, len(text)
                    ), (text, at)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3), st.data())
def test_words_made_of_verb_ends(words: list[str], data: st.DataObject) -> None:
    # A start of one verb word with the end of another: both letter tables pass it, and only
    # the look-up tells whether it is a verb.
    glued = [
        w[: data.draw(st.integers(3, len(w)))] + v[-data.draw(st.integers(3, len(v))) :]
        for w, v in zip(words, reversed(words), strict=True)
    ]
    text = " ".join(glued) + " on"
    assert q._scan_verb_or_capital(text, 0, len(text)) == _reference(text, 0, len(text))
