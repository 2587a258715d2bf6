"""Names in an article: capitalised runs, people versus bodies, fullest names, genders, pronouns.

The quote extractor asks this module two things: "which name does this stretch of text give
for a speaker?" and "who does this pronoun or short name mean, at this point in the article?".
"""

from __future__ import annotations

import bisect
import operator
import re
import unicodedata
from contextvars import ContextVar
from typing import Literal, NamedTuple, TypeVar

from bitereader.extract.quote_lexicon import (
    DETERMINERS,
    FEMALE_NAMES,
    FEMALE_WORDS,
    MALE_NAMES,
    MALE_WORDS,
    NOT_NAMES,
    ORG_WORDS,
    PLACE_WORDS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_FORMS,
    TITLES,
    reference_pattern,
)
from bitereader.extract.quote_lexicon import words as _words

COMPILED = not __file__.endswith(".py")
"""Compiled by Cython (as `quotes.COMPILED` tells too): loops over a string's characters then
run in C."""

Kind = Literal["person", "org", "place", "title", "single"]
Gender = Literal["m", "f"]
_T = TypeVar("_T", bound=tuple)

_WORD = re.compile(r"[^\W_](?:[\w.'’\-–]*[\w.])?|[^\W_]")
_ABBREV_DOT = frozenset(
    _words(
        "dr. mr. mrs. ms. st. jr. sr. prof. gen. sen. rep. gov. lt. col. sgt. capt. rev. fr. mt."
    )
)
_CLAUSE_GAP = re.compile(r"[,;:.!?()\[\]“”\"—]")
_PARTICLES = frozenset(
    _words(
        """
        de da di du del della der den van von bin ibn abu al el le la ter ten y dos das ben
        """
    )
)
_HYPHEN_PARTICLE = re.compile(r"^(?:el|al|ad|as|an|bin|ibn|abu|ben|de|van|von|d|l)-[A-Z]")
_INITIAL = re.compile(r"^[A-Z]\.$")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}s?$")
_POSSESSIVE = reference_pattern(r"(?:['’]s|s['’])$", COMPILED)
_POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")
"""What `_POSSESSIVE` finds, for words (which never hold a line break)."""
_PRONOUNS: dict[str, Gender | None] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "they": None,
    "it": None,
    "we": None,
    "i": None,
}
_COUNTRY_CODES = frozenset(
    _words(
        """
        us uk eu un u.s u.k u.n au
        """
    )
)
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee")
_NOT_AGENTS = frozenset(
    _words(
        """
        later never ever after under over other together rather further either neither whether
        per or for nor her however whenever wherever sooner earlier meant went sent spent lent
        want don’t can’t isn’t aren’t wasn’t weren’t didn’t present recent current frequent
        """
    )
)
_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")


_POSSESSIVE_TAIL = re.compile(r"(?:['’]s|['’])$")
_ACRONYM_WORD = re.compile(r"[\w’'-]+")


class Run(NamedTuple):
    """A stretch of capitalised words, as found in the (quote-masked) text."""

    start: int
    end: int
    words: tuple[str, ...]
    possessive: bool
    before: str
    """The word just before the run, lower-cased ("" at the start of the text).

    Left empty, with `before2`, for runs that name no one, or only a place or a title: no rule
    reads them there, and finding them was most of the cost of scanning an article.
    """
    before2: str
    """The word before that one, lower-cased."""
    after: str
    """The word just after the run, lower-cased."""
    gap_after: str
    """The characters between the run and the next word (", " or " ")."""
    name: Name | None = None
    """What the run names (see `_classify`), worked out once when the run is found."""


class Name(NamedTuple):
    """What a run names, once titles are set aside."""

    kind: Kind
    text: str
    titles: str
    """Title words stripped from the front, such as "Mexican President"."""
    start: int


def _tuple_new(cls: type[_T], fields: tuple[object, ...]) -> _T:
    """`tuple.__new__(cls, fields)`: a named tuple built from a tuple of all its fields, as its
    own constructor does, but without the Python-level `__new__` that constructor runs (hot
    paths make thousands per article).

    The compiled build copies the fields into the new tuple in C (`_tuple_of`, declared in
    speakers.pxd), as `tuple.__new__` does after calling through the interpreter, parsing its
    arguments and copying the fields into a plain tuple first: ~250 instructions, not ~1,100.
    """
    if COMPILED:
        return _tuple_of(cls, fields)  # noqa: F821 (a C function: see speakers.pxd)
    return tuple.__new__(cls, fields)


class _ArticleCache:
    """What is worked out once per text while one article is read, then forgotten."""

    __slots__ = ("orgs", "runs")

    def __init__(self) -> None:
        self.runs: dict[str, list[Run]] = {}
        self.orgs: frozenset[str] = frozenset()
        """Names the article itself shows to be bodies ("side Harbour Town", "shares in X")."""


_ARTICLE: ContextVar[_ArticleCache | None] = ContextVar("_ARTICLE", default=None)


class _RunCache:
    """The context `run_cache` returns: a plain class, as a generator-based context manager
    costs more than the cache saves on a short feed item."""

    __slots__ = ("_token",)

    def __enter__(self) -> None:
        self._token = _ARTICLE.set(_ArticleCache())

    def __exit__(self, *exc_info: object) -> None:
        _ARTICLE.reset(self._token)


def run_cache() -> _RunCache:
    """Remember each text's runs and their names while one article is read, then forget them."""
    return _RunCache()


def known_orgs(names: frozenset[str]) -> None:
    """Treat these names as organisations for the rest of the article being read."""
    cache = _ARTICLE.get()
    if cache is None or not names:
        return
    cache.orgs = names
    # Runs found so far carry the old kind: find them again (rare, so the cost is rare too).
    cache.runs.clear()


def runs_in(text: str, lo: int = 0, hi: int | None = None) -> list[Run]:
    """Runs of capitalised words (with name particles and initials) inside `text[lo:hi]`."""
    cache = _ARTICLE.get()
    if cache is None:
        runs = _find_runs(text)
    else:
        runs = cache.runs.get(text)
        if runs is None:
            runs = cache.runs[text] = _find_runs(text)
    if hi is None:
        if not lo:
            return runs[:]  # the whole text: every run, no need to look for the ends
        hi = len(text)
    # Runs never overlap, so their ends are in order too: the ones inside are one slice.
    first = bisect.bisect_left(runs, lo, key=_START)
    return runs[first : max(first, bisect.bisect_right(runs, hi, first, key=_END))]


_START = operator.itemgetter(0)
"""A run's start (its first field), for bisecting a text's runs."""
_END = operator.itemgetter(1)
"""A run's end."""


_PARTICLE_START = re.compile(r"(?:el|al|ad|as|an|bin|ibn|abu|ben|de|van|von|d|l)-[A-Z]")
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")
_NOT_WORD_START = "._'’-–"
"""Characters that belong to a word's stretch of text but cannot start the word."""
_PREVIOUS_STRETCH = re.compile(
    # Read backwards from a word's start: its own leading marks, any stretches with no letter
    # or digit in them, then the stretch of the word before (reversed).
    r"[._'’\-–]*(?:[^\w.'’\-–]+[._'’\-–]+(?![\w.'’\-–]))*[^\w.'’\-–]+([\w.'’\-–]+)"
)
_BREAKS = ',;:!?()[]“”"—'
"""The clause breaks of `_CLAUSE_GAP`, less the full stop."""
_BREAK_JUST_BEFORE = re.compile(r"\s*[" + re.escape(_BREAKS) + "]")
"""Read on the reversed text from a word's start: a clause break (`_CLAUSE_GAP`) with only
spaces after it. A full stop is left out, as it may end the word before ("Mr. Lee")."""
_SPACED_WORD = re.compile(r"\s+([^\W_](?:[\w.'’\-–]*[\w.])?)")
"""Spaces, then the next word as `_WORD` reads it: one match where two would do."""


def _is_initial(word: str) -> bool:
    """`_INITIAL.match(word)` for a word that ends with a full stop, without the regex call."""
    return len(word) == 2 and "A" <= word[0] <= "Z"


def _word(text: str, a: int, b: int) -> tuple[int, str]:
    """The word at `text[a:b]` and its end, with a sentence's full stop taken off."""
    w = text[a:b]
    if w[-1] == "." and not _is_initial(w) and w.lower() not in _ABBREV_DOT:
        stripped = w.rstrip(".")
        return b - (len(w) - len(stripped)), stripped
    return b, w


def _word_start(text: str, p: int) -> bool:
    """True when a letter at `p` starts a word rather than continuing one ("McDonald")."""
    q = p - 1
    while q >= 0 and text[q] in _NOT_WORD_START:
        q -= 1
    return q < 0 or not (text[q].isalnum() or text[q] == "_")


def _previous_word(text: str, rev: str, start: int) -> tuple[int, int, str] | None:
    """The word before the one starting at `start`: its start, end and text (`rev` reversed)."""
    if start == 0:
        return None
    n = len(text)
    m = _PREVIOUS_STRETCH.match(rev, n - start)
    if m is None:
        return None
    found = _WORD.search(text, n - m.end(1), n - m.start(1))
    if found is None:
        return None
    end, w = _word(text, found.start(), found.end())
    return found.start(), end, w


def _word_before(text: str, start: int) -> tuple[int, str] | None:
    """The word before the one starting at `start`, when no clause break comes between them:
    its start and its text, lower-cased."""
    if text[start - 1] == " ":
        # Most often a word of letters (perhaps with a full stop) one space back, which is all
        # `_previous_word` would find, or a clause break one space back.
        begin = text.rfind(" ", 0, start - 1) + 1
        word = text[begin : start - 1]
        if word.isalpha():
            return begin, word.lower()
        if word[-1:] == "." and word[:-1].isalpha():
            if _is_initial(word) or word.lower() in _ABBREV_DOT:
                return begin, word.lower()  # "Mr. Lee", "J. Smith": as `_word` keeps them
            return None  # "… the town. Aisha Rahman": the full stop ends a sentence
        if word and word[-1] in _BREAKS:
            return None  # what `_BREAK_JUST_BEFORE` finds, read forwards
    rev = text[::-1]
    if _BREAK_JUST_BEFORE.match(rev, len(text) - start):
        # Whatever the word before is, this break stands between: no need to find it (after a
        # quote, that would mean reading back through all its masked characters).
        return None
    prev = _previous_word(text, rev, start)
    if prev is None or _CLAUSE_GAP.search(text, prev[1], start):
        return None
    return prev[0], prev[2].lower()


_PLAIN_RUN = reference_pattern(
    r"[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*"
    r"(?:([,;:]? )([a-z]+)(?![\w.'’\-–])"
    r"|((?<=s)['’] |\.(?![\w.'’\-–])[\W_]*)(?:([A-Za-z]+)(?![\w.'’\-–])|\Z))",
    COMPILED,
)
"""The common run: plain capitalised words one space apart, then a plain lower-case word after a
space (or after a comma, semicolon or colon and a space). Or else (groups 3 and 4) the
apostrophe of a plural possessive and a space ("Residents' groups"), or a full stop that ends
the run, then a plain word or nothing. With no full stop inside, nor apostrophe or hyphen,
reading it word by word finds these same words and this same next word; but a run ending in an
initial or an abbreviation ("Mr.") reads on, so the caller leaves those to `_read_run`."""


_PlainRun = tuple[int, str | None, str | None, str | None, str | None]
"""Where `_PLAIN_RUN`'s words end (the start of group 1 or 3), then its four groups."""


def _plain_run_by_pattern(text: str, s: int) -> _PlainRun | None:
    """What `_PLAIN_RUN` matches at `s`."""
    m = _PLAIN_RUN.match(text, s)
    if m is None:
        return None
    gap_after, after, stop, after_stop = m.groups()
    return m.start(1) if gap_after is not None else m.start(3), gap_after, after, stop, after_stop


def _plain_run_by_character(text: str, s: int) -> _PlainRun | None:
    """`_plain_run_by_pattern` read character by character, for the compiled build, where the
    match and its groups cost ~3,000 instructions a run.

    The pattern has one way to match: its words take every capitalised word they can (giving
    one back leaves a letter or a capital next, which nothing after the words accepts), and
    so do its plain words and the marks after a full stop.
    """
    n = len(text)
    if s >= n or not "A" <= text[s] <= "Z":
        return None
    p = s + 1
    while True:
        while p < n and _ascii_letter(text[p]):
            p += 1
        if p + 1 < n and text[p] == " " and "A" <= text[p + 1] <= "Z":
            p += 2
        else:
            break
    if p == n:
        return None
    c = text[p]
    # `([,;:]? )([a-z]+)(?![\w.'’\-–])`: a space (perhaps after a comma), then a plain word.
    q = -1
    if c == " ":
        q = p + 1
    elif (c == "," or c == ";" or c == ":") and p + 1 < n and text[p + 1] == " ":
        q = p + 2
    if q >= 0:
        r = q
        while r < n and "a" <= text[r] <= "z":
            r += 1
        if r > q and (r == n or not _run_char(text[r])):
            return p, text[p:q], text[q:r], None, None
        return None
    # `((?<=s)['’] |\.(?![\w.'’\-–])[\W_]*)`: an apostrophe after "s" and a space, or a full
    # stop and the marks after it; then `(?:([A-Za-z]+)(?![\w.'’\-–])|\Z)`.
    if (c == "'" or c == "’") and text[p - 1] == "s" and p + 1 < n and text[p + 1] == " ":
        q = p + 2
    elif c == "." and (p + 1 == n or not _run_char(text[p + 1])):
        q = p + 1
        while q < n and not text[q].isalnum():
            q += 1
    else:
        return None
    if q == n:
        return p, None, None, text[p:q], None
    r = q
    while r < n and _ascii_letter(text[r]):
        r += 1
    if r > q and (r == n or not _run_char(text[r])):
        return p, None, None, text[p:q], text[q:r]
    return None


def _ascii_letter(c: str) -> bool:
    return "a" <= c <= "z" or "A" <= c <= "Z"


def _run_char(c: str) -> bool:
    r"""True for a character of `[\w.'’\-–]`: what `_PLAIN_RUN` refuses after a word."""
    return c.isalnum() or c in "_.'’-–"


class _RunText(NamedTuple):
    """What the words of a run are, read from the text."""

    end: int
    words: tuple[str, ...]
    possessive: bool
    after: str
    gap_after: str


def _find_runs(text: str) -> list[Run]:
    """Every run in `text`, found by jumping from one capitalised word to the next."""
    starts = _capitals(text)
    if "-" in text and _HYPHEN_CAPITAL.search(text):
        starts = sorted(starts + [m.start() for m in _PARTICLE_START.finditer(text)])
    runs: list[Run] = []
    done = 0
    cache = _ARTICLE.get()
    orgs = cache.orgs if cache is not None else _NO_ORGS
    for s in starts:
        if s < done:
            continue
        if s:
            c = text[s - 1]
            # (A space, the commonest character before a run, is tested for first: it spares
            # most runs the method call.)
            if c != " " and (c.isalnum() or (c in _NOT_WORD_START and not _word_start(text, s))):
                continue  # inside a word ("McDonald")
        plain = _plain_run_by_character(text, s) if COMPILED else _plain_run_by_pattern(text, s)
        if plain is not None:
            end, gap_after, after, stop, after_stop = plain
            if gap_after is not None:
                # (Unless the next word is a particle after a space, which may carry the run
                # on: "Ludwig van Beethoven".)
                if gap_after == " " and after in _PARTICLES:
                    plain = None
                else:
                    possessive = False
            else:
                possessive = stop[0] != "."  # "Residents' groups"
                if not possessive:
                    # "... in April. Brennan said": the run stops at its full stop, unless it
                    # makes the last word an initial or an abbreviation (`_read_run` reads on).
                    last = text[s:end].rpartition(" ")[2]
                    if len(last) == 1 or last.lower() + "." in _ABBREV_DOT:
                        plain = None
                if plain is not None:
                    if after_stop is None:
                        after = gap_after = ""  # nothing after: `_read_run`'s "" and ""
                    else:
                        after, gap_after = after_stop.lower(), stop
        # `_classify`'s answer for words seen before, in this article or an earlier one, read
        # here: most runs are seen before ("The", "But", a name again), and classifying them
        # afresh was the larger part of their cost on short feed items. A plain run's words are
        # its text split at its spaces, so that text stands for them in the key (one string to
        # hash, not a tuple of new ones), and the words are remembered with the answer.
        # (Whether a speech verb follows is all that `_classify` asks of the next word.)
        if plain is not None:
            run_text = text[s:end]
            key = (run_text, after in SPEECH_FORMS)
            words = None
        else:
            found = _read_run(text, s)
            if found is None:
                continue
            end, words, possessive, after, gap_after = found
            key = (words, after in SPEECH_FORMS)
        done = end
        seen = _CLASSIFIED.get(key)
        if seen is None:
            if words is None:
                words = tuple(run_text.split(" "))
            name = _classify(words, after, s)
            if len(_CLASSIFIED) >= _CLASSIFIED_MAX:
                _CLASSIFIED.clear()  # bounded: a long-running reader sees ever new names
            _CLASSIFIED[key] = (words, name)
        else:
            words, name = seen
        if name is not None:
            if orgs and name.text in orgs and name.kind != "org":
                name = _tuple_new(Name, ("org", name.text, name.titles, s))
            elif name.start != s:
                name = _tuple_new(Name, (name.kind, name.text, name.titles, s))
        before = before2 = ""
        if s and name is not None and name.kind not in ("place", "title"):
            prev = _word_before(text, s)
            if prev is not None:
                before = prev[1]
                prev2 = _word_before(text, prev[0]) if prev[0] else None
                before2 = prev2[1] if prev2 is not None else ""
        fields = (s, end, words, possessive, before, before2, after, gap_after, name)
        runs.append(_tuple_new(Run, fields))
    return runs


def _capitals(text: str) -> list[int]:
    """Where a capitalised word may start in `text`: every upper-case letter, and every astral
    character (checked later), found at C speed.

    A regular expression's character class costs some 70 instructions on each character it
    passes over, most of the cost of finding a paragraph's runs. Here every character becomes
    one byte (a non-ASCII one becomes "?"), bytes that may stand for a capital become "A", and
    `find` jumps from one to the next. Only the non-ASCII characters ("?" too) need a second
    look.
    """
    if COMPILED:
        return _capitals_by_character(text)
    found: list[int] = []
    if text.isascii():
        marks = text.encode("ascii").translate(_ASCII_CAPITALS)
        at = marks.find(65)
        while at >= 0:
            found.append(at)
            at = marks.find(65, at + 1)
        return found
    marks = text.encode("ascii", "replace").translate(_ASCII_CAPITALS_OR_OTHER)
    at = marks.find(65)
    while at >= 0:
        c = text[at]
        if c.isupper() or c > "\uffff":
            found.append(at)
        at = marks.find(65, at + 1)
    return found


def _capitals_by_character(text: str) -> list[int]:
    """`_capitals` for the compiled build, where a loop over the characters costs a few
    instructions each: less than encoding, translating and finding (~25 per character).

    The compiled build reads the string's buffer in C (`_capital_offsets`, in speakers.pxd):
    about four instructions a character of a plain paragraph, where the loop below, compiled,
    costs some sixteen (it reads each character through a switch on the string's kind).
    """
    if COMPILED:
        return _capital_offsets(text)  # noqa: F821 (a C function: see speakers.pxd)
    found: list[int] = []
    for at, c in enumerate(text):
        if "A" <= c <= "Z" or (c >= "\x80" and (c.isupper() or c > "\uffff")):
            found.append(at)
    return found


_ASCII_CAPITALS = bytes(65 if 65 <= b <= 90 else 32 for b in range(256))
"""A `bytes.translate` table: "A" for an ASCII capital, a space for any other byte."""
_ASCII_CAPITALS_OR_OTHER = bytes(65 if 65 <= b <= 90 or b == 63 else 32 for b in range(256))
"""As `_ASCII_CAPITALS`, and "A" for "?" (which stands for any non-ASCII character too)."""


def _read_run(text: str, s: int) -> _RunText | None:
    """The run that starts at `s`, read word by word; None if no run starts there."""
    first = _WORD.match(text, s)
    if first is None:
        return None
    end, w = _word(text, s, first.end())
    if not w[0].isupper() and not _HYPHEN_PARTICLE.match(w):
        return None
    toks = [w]
    following: tuple[int, str] | None = None
    """The word that stopped the run, when it follows a plain space (it is the next word)."""
    while not w.endswith(_POSSESSIVE_ENDS):
        nxt = _SPACED_WORD.match(text, end)
        if nxt is None:
            break
        ne, nw = _word(text, nxt.start(1), nxt.end(1))
        # Only a hyphenated word can be a particle such as "al-Assad".
        if nw[0].isupper() or ("-" in nw and _HYPHEN_PARTICLE.match(nw)):
            toks.append(nw)
            end, w = ne, nw
            continue
        if nw.lower() in _PARTICLES and text[ne : ne + 1] == " ":
            third = _WORD.match(text, ne + 1)
            if third is not None and text[ne + 1].isupper():
                end, w = _word(text, ne + 1, third.end())
                toks += [nw, w]
                continue
        following = nxt.start(1), nw
        break
    last = toks[-1]
    possessive = last.endswith(_POSSESSIVE_ENDS) and len(last) > 2
    if not possessive and last.endswith("s") and text[end : end + 1] in ("'", "’"):
        possessive = not text[end + 1 : end + 2].isalnum()  # "Residents’ leader"
    if possessive:
        toks[-1] = _POSSESSIVE_TAIL.sub("", last)
    if following is None:
        found = _WORD.search(text, end)
        if found is not None:
            following = found.start(), _word(text, found.start(), found.end())[1]
    if following is None:
        return _RunText(end, tuple(toks), possessive, "", "")
    return _RunText(end, tuple(toks), possessive, following[1].lower(), text[end : following[0]])


_CLASSIFIED: dict[tuple[str | tuple[str, ...], bool], tuple[tuple[str, ...], Name | None]] = {}
"""A run's words and `_classify`'s answer for them, by the text of a plain run or else by the
words (and whether a speech verb follows), kept across articles.

`_classify` reads nothing but the words, the lexicons and the offset (given back as `start`,
and set afresh for each run), so its answers hold for every article; what one article shows
(`known_orgs`) is applied on top for that article only."""
_CLASSIFIED_MAX = 20_000
_NO_ORGS: frozenset[str] = frozenset()


def _classify(run_words: tuple[str, ...], run_after: str, offset: int) -> Name | None:
    if len(run_words) == 1:
        return _classify_word(run_words[0], offset)
    return _classify_run(run_words, run_after, offset)


def _classify_word(word: str, offset: int) -> Name | None:
    """`_classify_run` for a one-word run, the commonest kind (a sentence's first word), with
    the steps that cannot apply to one word left out."""
    low = word.lower().rstrip(".")
    if low in NOT_NAMES and low not in TITLES:
        return None  # "The", "But"
    if low in ORG_WORDS:
        return Name("org", word, "", offset)
    if low in TITLES or low in _COUNTRY_CODES:
        return Name("title", word, word, offset)
    if _ACRONYM.match(word):
        return Name("org", word, "", offset)
    return Name("single", word, "", offset)


def _classify_run(run_words: tuple[str, ...], run_after: str, offset: int) -> Name | None:
    bare = [w.lower().rstrip(".") for w in run_words]
    lead = 0
    while lead < len(bare) and bare[lead] in NOT_NAMES and bare[lead] not in TITLES:
        lead += 1  # "The", "But": words that start sentences, not names
    if lead == len(bare):
        return None
    words, lowered = run_words[lead:], bare[lead:]
    if not ORG_WORDS.isdisjoint(lowered[1:]) or (len(words) == 1 and lowered[0] in ORG_WORDS):
        # An office holder after the body ("United Nations Nikki Haley") keeps their own name.
        last_org = max(i for i, w in enumerate(lowered) if w in ORG_WORDS)
        rest = words[last_org + 1 :]
        rest_low = lowered[last_org + 1 :]
        titled = False
        while rest and (rest_low[0] in TITLES or rest_low[0] in _COUNTRY_CODES):
            rest, rest_low = rest[1:], rest_low[1:]
            titled = True
        if rest and not any(w in ORG_WORDS for w in rest_low) and (titled or len(rest) >= 2):
            return Name("person", " ".join(rest), " ".join(words[: len(words) - len(rest)]), offset)
        return Name("org", " ".join(words), "", offset)
    title_end = 0
    for i, w in enumerate(lowered):
        if w in TITLES or w in _COUNTRY_CODES:
            title_end = i + 1
    if title_end == len(words):
        if len(words) > 1 and lowered[-2] not in TITLES and lowered[-2] not in _COUNTRY_CODES:
            title_end = len(words) - 1  # "Emma King": the last "title" is a surname after all
            while title_end and lowered[title_end - 1] not in TITLES:
                title_end -= 1
        else:
            return Name("title", " ".join(words), " ".join(words), offset)
    titles = " ".join(words[:title_end])
    name = words[title_end:]
    if (
        len(name) > 1
        and not PLACE_WORDS.isdisjoint(lowered[title_end:])
        and not is_speech_word(run_after)
    ):
        return Name("place", " ".join(name), titles, offset)
    if len(name) == 1:
        word = name[0]
        if _ACRONYM.match(word):
            return Name("org", word, titles, offset)
        if lowered[title_end] in NOT_NAMES:
            return None
        return Name("single" if not titles else "person", word, titles, offset)
    if (len(name) > 3 and _substantive_words(name) > 3) or all(_ACRONYM.match(w) for w in name):
        return Name("org", " ".join(name), titles, offset)
    return Name("person", " ".join(name), titles, offset)


def _substantive_words(name: list[str] | tuple[str, ...]) -> int:
    """How many words of a name are neither particles ("van") nor initials ("J.")."""
    return sum(1 for w in name if w.lower() not in _PARTICLES and not _INITIAL.match(w))


def guess_gender(first: str, titles: str) -> Gender | None:
    """Gender from a title ("Mrs", "spokeswoman") or a common given name, when either tells."""
    if titles:
        for w in titles.lower().split():
            w = w.rstrip(".")
            if w in MALE_WORDS:
                return "m"
            if w in FEMALE_WORDS:
                return "f"
    low = first.lower()
    if not low.isascii():
        low = _without_accents(low)
    if low in MALE_NAMES:
        return "m"
    if low in FEMALE_NAMES:
        return "f"
    return None


def _without_accents(low: str) -> str:
    """`low` with its combining marks taken off ("josé" → "jose")."""
    # (A function of its own: the compiled build makes `guess_gender` a C function, called
    # once a new name, which cannot hold this generator expression.)
    return "".join(ch for ch in unicodedata.normalize("NFKD", low) if not unicodedata.combining(ch))


class Person:
    """Someone (or some body) the article names.

    A plain class, not a dataclass: the compiled build makes it a C struct (see speakers.pxd),
    built without running the generated `__init__` in the interpreter (a few per sentence).
    """

    __slots__ = ("described", "gender", "kind", "name", "role", "roles", "spoke")

    def __init__(
        self, name: str, kind: Kind, gender: Gender | None = None, role: str | None = None
    ) -> None:
        self.name = name
        self.kind: Kind = kind
        self.gender: Gender | None = gender
        self.role: str | None = role
        self.roles: list[str] = []
        self.described = False
        """An unnamed speaker known by a describing phrase ("the son of one victim")."""
        self.spoke = False
        """Quoted somewhere in the article: good evidence of a person (or body) who speaks."""

    def __repr__(self) -> str:
        return f"Person({self.name!r}, {self.kind!r}, gender={self.gender!r}, role={self.role!r})"

    @property
    def human(self) -> bool:
        """Likely a person rather than a place or thing named by one word."""
        return (
            self.kind == "person"
            or self.described
            or (self.kind == "single" and (self.spoke or self.gender is not None))
        )


def _new_person(name: str, kind: Kind) -> Person:
    """`Person(name, kind)`, made without the constructor's argument parsing (the compiled
    build allocates the C struct directly): the cast makes one for each new name it reads."""
    person = Person.__new__(Person)
    person.name = name
    person.kind = kind
    person.gender = None
    person.role = None
    person.roles = []
    person.described = False
    person.spoke = False
    return person


class Mention(NamedTuple):
    """One place the article names a person (a tuple: the cast makes one per name it reads)."""

    pos: int
    person: Person
    subject: bool


class Cast:
    """Everyone an article names, in order, so short names and pronouns can be resolved."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.by_surname: dict[str, list[Person]] = {}
        self.mentions: list[Mention] = []
        self._positions: list[int] = []
        self.acronyms: dict[str, str] = {}
        self.common: set[str] = set()
        """Words the article writes in lower case: capitalised at a sentence start, not names."""
        self.places: set[str] = set()
        """Names the article puts after "in", "at" or "from" somewhere: probably places."""

    # Building -----------------------------------------------------------------------------

    def learn_acronyms(self, text: str) -> None:
        """Record "World Health Organization (WHO)" so that "WHO" can be given in full."""
        # Most paragraphs hold no parenthesis, so no definition: they are spared the regex call,
        # whose fixed few thousand instructions are a good part of a short feed item's paragraph.
        if "(" not in text:
            return
        for m in _ACRONYM_DEF.finditer(text):
            acro = m.group(1)
            letters = [c for c in acro if c.isupper()]
            words = _ACRONYM_WORD.findall(text[max(0, m.start() - 160) : m.start()])
            picked: list[str] = []
            k = len(letters) - 1
            for w in reversed(words):
                if k < 0:
                    break
                if w.lower() in ("of", "the", "and", "for", "on", "de", "&") and picked:
                    picked.append(w)
                    continue
                if w[:1].upper() == letters[k] and w[:1].isupper():
                    picked.append(w)
                    k -= 1
                else:
                    break
            if k < 0:
                self.acronyms.setdefault(acro, " ".join(reversed(picked)))

    def add(self, name: Name, pos: int, subject: bool, role: str | None = None) -> Person:
        """Record a mention of `name` at `pos`, merging it with earlier forms of the name."""
        # (`subject` may be given by position: the compiled build makes this a C method, which
        # takes no keyword-only arguments, called without the interpreter's argument parsing.)
        text, kind = name.text, name.kind
        named = kind == "person" or kind == "single"
        person = self.people.get(text)
        if person is None:
            if named:
                # The name split once, for the surname lookup and, for a new person, the
                # surname it is filed under and the given name it is gendered by.
                parts = text.split()
                surname = parts[-1].lower() if parts else ""
                person = self._lookup_named(text, parts, surname)
            else:
                person = self._lookup_further(text, kind)
        if person is None:
            person = _new_person(text, kind)
            self.people[text] = person
            if named:
                self.by_surname.setdefault(surname, []).append(person)
                person.gender = guess_gender(parts[0], name.titles)
        else:
            if kind == "person" and len(text) > len(person.name):
                # A fuller form of a name first seen short ("Smith", later "Tristan Smith").
                person.name, person.kind = text, "person"
            if kind == "person" and person.kind == "single":
                person.kind = "person"
            if person.gender is None and (kind == "person" or kind == "single"):
                person.gender = guess_gender(text.split()[0], name.titles)
        if name.titles or role:  # most mentions bring neither
            for r in (name.titles, role):
                if r and r not in person.roles:
                    person.roles.append(r)
                    if person.role is None and (r != name.titles or " " in r or r.islower()):
                        person.role = r
        mention = _tuple_new(Mention, (pos, person, subject))
        positions = self._positions
        if not positions or pos >= positions[-1]:
            # Mostly read in article order: then the mention goes last, where bisect puts it.
            positions.append(pos)
            self.mentions.append(mention)
        else:
            i = bisect.bisect_right(positions, pos)
            positions.insert(i, pos)
            self.mentions.insert(i, mention)
        return person

    def lookup(self, text: str, kind: Kind | None = None) -> Person | None:
        """The person already known by this name, its surname, or its acronym."""
        person = self.people.get(text)
        return person if person is not None else self._lookup_further(text, kind)

    def _lookup_further(self, text: str, kind: Kind | None) -> Person | None:
        """`lookup` for a name not known in this very form: by its acronym or its surname."""
        if kind in ("person", "single", None):
            parts = text.split()
            return self._lookup_named(text, parts, parts[-1].lower() if parts else "")
        if text in self.acronyms and self.acronyms[text] in self.people:
            return self.people[self.acronyms[text]]
        return None

    def _lookup_named(self, text: str, parts: list[str], surname: str) -> Person | None:
        """`_lookup_further` for a person's name, split into `parts`, its last one lower-cased
        as `surname`."""
        if text in self.acronyms and self.acronyms[text] in self.people:
            return self.people[self.acronyms[text]]
        known = self.by_surname.get(surname)
        if known:
            first = parts[0]
            for p in known:
                if len(parts) == 1 or p.name.split()[0] == first:
                    return p
                if " " not in p.name and p.kind in ("single", "person"):
                    return p  # "Brennan" seen first, "Tom Brennan" now
        return None

    # Resolving ------------------------------------------------------------------------------

    def full_name(self, text: str) -> str:
        """The fullest name the article gives for `text`."""
        if text in self.acronyms:
            return self.acronyms[text]
        person = self.lookup(text)
        return person.name if person else text

    def person(self, text: str) -> Person | None:
        """The known person or body behind a name, if any."""
        return self.lookup(text) or self.people.get(self.acronyms.get(text, ""))

    def body(self, noun: str, pos: int) -> Person | None:
        """The organisation "the council" or "the airline" means: named with that word, else
        the body most recently the subject of a sentence."""
        i = bisect.bisect_left(self._positions, pos)
        fallback: Person | None = None
        for k in range(i - 1, -1, -1):
            m = self.mentions[k]
            if pos - m.pos > 4 * 1_000_000:
                break
            p = m.person
            if p.kind != "org":
                continue
            if re.search(rf"\b{re.escape(noun)}\b", p.name, re.IGNORECASE):
                return p
            if fallback is None and m.subject and len(p.name) > 3:
                fallback = p
        return fallback

    def pronoun(
        self, word: str, pos: int, *, window: int = 3 * 1_000_000, any_gender: bool = False
    ) -> Person | None:
        """The person a reader takes `word` ("he", "she", "they") to mean at `pos`.

        The most recent subject whose gender does not contradict the pronoun.
        """
        want = None if any_gender else _PRONOUNS.get(word.lower())
        i = bisect.bisect_left(self._positions, pos)
        plural = word.lower() in ("they", "it", "we")
        for k in range(i - 1, -1, -1):
            m = self.mentions[k]
            if pos - m.pos > window:
                break
            p = m.person
            if not m.subject:
                continue
            if plural:
                if p.kind == "org":
                    return p
                continue
            if not p.human or p.name in self.places:
                continue
            if want is None or p.gender in (None, want):
                return p
        return None

    def with_role(self, noun: str, pos: int, gender: Gender | None = None) -> Person | None:
        """The most recent person described by a role noun ("the commissioner")."""
        i = bisect.bisect_left(self._positions, pos)
        for k in range(i - 1, -1, -1):
            p = self.mentions[k].person
            if p.kind not in ("person", "single"):
                continue
            if any(re.search(rf"\b{re.escape(noun)}\b", r, re.IGNORECASE) for r in p.roles):
                return p
            if gender and p.gender == gender and pos - self.mentions[k].pos < 8 * 1_000_000:
                return p
        return None


_DETERMINERS_NOT_THE = DETERMINERS - {"the"}


def subject_like(run: Run, bare: bool = False) -> bool:
    """True when a run stands where a subject would, not after a preposition or as a modifier.

    With `bare`, as if no word came before the run (a stretch of text that starts with it): what
    the run with its `before` and `before2` emptied would give, without making that run.
    """
    # (Each field read once: the compiled build looks a named tuple's fields up by name.)
    if bare:
        before = before2 = ""
    else:
        before, before2 = run.before, run.before2
    after = run.after
    if before == "to" and before2 == "according":
        return True  # "according to Kidston": the source of what follows
    if run.possessive:
        return False
    if before in PREPOSITIONS and not (before == "with" and after.endswith("ing")):
        return False
    if run.gap_after == " " and after and after[0].islower():
        # (Every agent suffix ends in one of these letters: most words are spared the calls.)
        agent = after[-1] in "rtne" and after.endswith(_AGENT_SUFFIXES) and after not in _NOT_AGENTS
        if (after in ROLE_NOUNS or after in TITLES or agent) and not is_speech_word(after):
            return False  # "US lawmakers", "Polish archbishop Wojciech Polak"
    if before and before2 in PREPOSITIONS and before not in TITLES:
        return False  # "the murder of journalist Jamal Khashoggi"
    return not (before in ("told", "tells", "telling") or before in _DETERMINERS_NOT_THE)


def is_speech_word(word: str) -> bool:
    """True for a form of a speech verb."""
    return word in SPEECH_FORMS


def pronoun_gender(word: str) -> Gender | None:
    """The gender a pronoun carries, if any."""
    return _PRONOUNS.get(word.lower())
