"""Key terms of a story, so later articles about the same story can be found."""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]", re.UNICODE)
_STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my new no nor not now of off on once only or other our out over own same says
    said she should so some such than that the their them then there these they this those
    through to too under until up very was we were what when where which while who whom why will
    with would you your year years week weeks day days time first last one two three four five
    report reports says told amid after over under back make makes made take takes call calls
    """.split()
)
MAX_TERMS = 8


def key_terms(*texts: str | None, limit: int = MAX_TERMS) -> list[str]:
    """The most telling words of a headline and standfirst, proper names first.

    Names (capitalised words not at the start of a sentence) identify a story best; after them
    come the longest remaining words. Case is folded and duplicates dropped.
    """
    names: list[str] = []
    others: list[str] = []
    for text in texts:
        if not text:
            continue
        for index, match in enumerate(_WORD.finditer(text)):
            word = match.group().strip("’'-")
            folded = word.casefold().removesuffix("’s").removesuffix("'s")
            if len(folded) < 3 or folded in _STOPWORDS:
                continue
            is_name = (word[0].isupper() and index > 0 and not word.isupper()) or word.isupper()
            (names if is_name else others).append(folded)
    ranked = _unique(names) + sorted(_unique(others), key=len, reverse=True)
    return _unique(ranked)[:limit]


def _unique(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))
