"""Shortcuts in reading names (runs, their classes, the cast) agree with the plain forms."""

from __future__ import annotations

import bisect
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import speakers

_PIECES = st.sampled_from(
    [
        "The", "Peter", "Novak", "Peter Novak", "said", "says", "told", "van", "Beethoven",
        "al-Assad", "Mr.", "J.", "Residents’", "April.", "US", "Council", "Maria", "in", "of",
        "shares", "the", "“", "”", "\x00\x00", ", ", ". ", " ", " ", " ", "-", "’s", "(WHO)",
        "É", "eBay", "McDonald", "Harbour Town", "River", "Street", "Judge", "President",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=24).map("".join)


def _named_plainly(run: speakers.Run, orgs: frozenset[str]) -> speakers.Name | None:
    """What `_classify` says of the run's words, with the article's organisations on top."""
    name = speakers._classify(run.words, run.after, run.start)
    if name is not None and name.kind != "org" and name.text in orgs:
        return speakers.Name("org", name.text, name.titles, run.start)
    return name


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _TEXTS, st.data())
def test_names_remembered_across_articles_are_the_plain_names(
    first: str, second: str, data: st.DataObject
) -> None:
    # The first article leaves its classifications behind; the second, with its own
    # organisations, must name every run as classifying it afresh would.
    with speakers.run_cache():
        texts = (first, second)
        seen = [r.name.text for t in texts for r in speakers.runs_in(t) if r.name is not None]
    orgs = frozenset(data.draw(st.lists(st.sampled_from(seen))) if seen else [])
    with speakers.run_cache():
        speakers.runs_in(second)  # found before the organisations are known, as in quotes.py
        speakers.known_orgs(orgs)
        runs = speakers.runs_in(second)
    assert [r.name for r in runs] == [_named_plainly(r, orgs) for r in runs]
    speakers._CLASSIFIED.clear()
    with speakers.run_cache():
        speakers.known_orgs(orgs)
        assert speakers.runs_in(second) == runs  # nothing remembered: the same runs


def test_remembered_names_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speakers, "_CLASSIFIED_MAX", 5)
    for i in range(40):
        speakers._find_runs(f"Then Anna Number{chr(65 + i % 26)}{i} spoke.")
        assert len(speakers._CLASSIFIED) <= 5


_CHARS = st.sampled_from(
    ["A", "Z", "a", "z", "?", "@", "[", " ", "\x00", "É", "é", "Ł", "Σ", "σ", "ǅ", "Ⅷ", "“", "’",
     "\ud800", "\U00010400", "\U0001f600", "\uffff", "\x7f", "\x80"]
)  # fmt: skip


def _char_class(codes: list[int]) -> str:
    """A regular-expression character class for code points, written as ranges."""
    parts: list[str] = []
    k = 0
    while k < len(codes):
        j = k
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = re.escape(chr(codes[k])), re.escape(chr(codes[j]))
        parts.append(lo if j == k else f"{lo}-{hi}")
        k = j + 1
    return "".join(parts)


_CAPITAL = re.compile(
    "[" + _char_class([c for c in range(0x10000) if chr(c).isupper()]) + "\U00010000-\U0010ffff]"
)
"""Where a capitalised word may start, as the plain pattern had it: every upper-case letter of
the Basic Multilingual Plane, and every astral character."""


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_CHARS, max_size=40).map("".join)))
def test_capitals_are_where_the_capital_pattern_matches(text: str) -> None:
    assert speakers._capitals(text) == [m.start() for m in _CAPITAL.finditer(text)]


def _word_before_plainly(text: str, start: int) -> tuple[int, str] | None:
    """The word before `start` found the general way: read back over the reversed text."""
    rev = text[::-1]
    if speakers._BREAK_JUST_BEFORE.match(rev, len(text) - start):
        return None
    prev = speakers._previous_word(text, rev, start)
    if prev is None or speakers._CLAUSE_GAP.search(text, prev[1], start):
        return None
    return prev[0], prev[2].lower()


_PROSE_WORDS = st.sampled_from(
    [
        "Ann", "Lee", "the", "town", "said", "J", "A", "a", "Dr", "Mr", "U.S", "É", "Ab", "x1",
        "2019", "é", "Ñandú", "_", "", "\x00\x00",
    ]
)  # fmt: skip
_PROSE_MARKS = st.sampled_from(
    [
        "", "", "", ".", "...", "’", "'", "-", "–", "_", "(", ")", ",", ";", ":", "!", "?", "“",
        "”", "\"", "—", "[", "]", ".”", "’s",
    ]
)  # fmt: skip
_PROSE_GAPS = st.sampled_from([" ", " ", " ", "", "  ", "\n", "\u00a0", " (", " “", " — "])
_PROSE = st.lists(st.tuples(_PROSE_WORDS, _PROSE_MARKS, _PROSE_GAPS), max_size=10).map(
    lambda parts: "".join(w + m + g for w, m, g in parts)
)


@settings(max_examples=800, deadline=None)
@given(_PROSE)
@example("J. Ann Lee. Dr. Ann U.S. Ann Mr.. Ann é. Ann")
@example("Lee’ Ann, Lee said— Ann “Yes” Ann (Ann) Lee x1 Ann")
def test_word_before_is_what_reading_back_finds(text: str) -> None:
    for m in speakers._WORD.finditer(text):
        if m.start():
            assert speakers._word_before(text, m.start()) == _word_before_plainly(text, m.start())


@given(st.sampled_from(["A.", "Z.", "É.", "a.", "AB.", ".", "1.", "[.", "@."]))
def test_initial_is_what_the_initial_pattern_matches(word: str) -> None:
    assert speakers._is_initial(word) == bool(speakers._INITIAL.match(word))


class _PlainCast(speakers.Cast):
    """The cast as it was written before its shortcuts: every mention placed with bisect."""

    def add(
        self, name: speakers.Name, pos: int, *, subject: bool, role: str | None = None
    ) -> speakers.Person:
        person = self.lookup(name.text, name.kind)
        if person is None:
            person = speakers.Person(name.text, name.kind)
            self.people[name.text] = person
            if name.kind in ("person", "single"):
                key = name.text.split()[-1].lower()
                self.by_surname.setdefault(key, []).append(person)
        elif name.kind == "person" and len(name.text) > len(person.name):
            person.name, person.kind = name.text, "person"
        if name.kind == "person" and person.kind == "single":
            person.kind = "person"
        if person.gender is None and name.kind in ("person", "single"):
            person.gender = speakers.guess_gender(name.text.split()[0], name.titles)
        for r in (name.titles, role):
            if r and r not in person.roles:
                person.roles.append(r)
                if person.role is None and (r != name.titles or " " in r or r.islower()):
                    person.role = r
        i = bisect.bisect_right(self._positions, pos)
        self._positions.insert(i, pos)
        self.mentions.insert(i, speakers.Mention(pos, person, subject))
        return person

    def lookup(self, text: str, kind: speakers.Kind | None = None) -> speakers.Person | None:
        if text in self.people:
            return self.people[text]
        if text in self.acronyms and self.acronyms[text] in self.people:
            return self.people[self.acronyms[text]]
        if kind in ("person", "single", None):
            parts = text.split()
            known = self.by_surname.get(parts[-1].lower() if parts else "")
            if known:
                first = parts[0]
                for p in known:
                    if len(parts) == 1 or p.name.split()[0] == first:
                        return p
                    if " " not in p.name and p.kind in ("single", "person"):
                        return p
        return None


def _plain_gender(first: str, titles: str) -> speakers.Gender | None:
    for w in titles.lower().split():
        w = w.rstrip(".")
        if w in speakers.MALE_WORDS:
            return "m"
        if w in speakers.FEMALE_WORDS:
            return "f"
    return speakers.guess_gender(first, "")


def _state(cast: speakers.Cast) -> tuple:
    """Everything a cast records, with people written out (they are not compared by identity)."""

    def who(p: speakers.Person) -> tuple:
        return (p.name, p.kind, p.gender, p.role, tuple(p.roles), p.described, p.spoke)

    return (
        sorted((k, who(p)) for k, p in cast.people.items()),
        sorted((k, [who(p) for p in ps]) for k, ps in cast.by_surname.items()),
        [(m.pos, who(m.person), m.subject) for m in cast.mentions],
        cast._positions,
    )


_CAST_TEXTS = st.sampled_from(
    [
        "Smith", "Tom Smith", "Ann Smith", "Tom", "WHO", "World Health Organization", "Maria",
        "Maria Lopez", "Lopez", "the son of one victim", "Anna\nLee",
    ]
)  # fmt: skip
_CAST_NAMES = st.builds(
    speakers.Name,
    st.sampled_from(["person", "single", "org", "place", "title"]),
    _CAST_TEXTS,
    st.sampled_from(["", "", "Mr", "Mrs.", "President", "Mexican President", "spokeswoman"]),
    st.just(0),
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            _CAST_NAMES,
            st.integers(0, 30),
            st.booleans(),
            st.sampled_from([None, None, "", "mayor", "the mayor", "Mayor"]),
        ),
        max_size=12,
    )
)
def test_cast_adds_as_the_plain_cast_does(adds: list) -> None:
    fast, plain = speakers.Cast(), _PlainCast()
    for cast in (fast, plain):
        cast.learn_acronyms("the World Health Organization (WHO) said")
        for name, pos, subject, role in adds:
            cast.add(name, pos, subject=subject, role=role)
    assert _state(fast) == _state(plain)
    for text in ("Smith", "Tom Smith", "WHO", "Lopez", "Ann", ""):
        for kind in ("person", "single", "org", None):
            found, expected = fast.lookup(text, kind), plain.lookup(text, kind)
            assert (found and found.name) == (expected and expected.name)


@given(
    st.sampled_from(["Tom", "Maria", "Ann", "José", "Zoë", "School", ""]),
    st.sampled_from(["", "Mr", "Mrs.", "President", "Mexican President", "spokeswoman", " "]),
)
def test_gender_is_guessed_as_the_plain_loop_does(first: str, titles: str) -> None:
    assert speakers.guess_gender(first, titles) == _plain_gender(first, titles)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_all_the_runs_are_the_runs_between_the_ends(text: str) -> None:
    with speakers.run_cache():
        assert speakers.runs_in(text) == speakers.runs_in(text, 0, len(text))
    assert speakers.runs_in(text) == speakers.runs_in(text, 0, len(text))


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.data())
def test_runs_in_a_stretch_are_the_runs_that_lie_inside_it(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(0, len(text)))
    every = speakers._find_runs(text)
    inside = [r for r in every if r.start >= lo and r.end <= hi]
    assert speakers.runs_in(text, lo, hi) == inside
    assert speakers.runs_in(text, lo) == [r for r in every if r.start >= lo]
