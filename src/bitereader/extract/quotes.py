"""Find quotations in article paragraphs and attribute them to speakers.

Pure functions over text, with hand-written rules (no NLP models):

1. pair the article's quotation marks (`quote_marks`), telling quotes from apostrophes;
2. mask every quote's words, so that rules about the reporter's sentence never see them,
   and split paragraphs into sentences;
3. learn the cast (`speakers.Cast`): every capitalised name, its fullest form, title, role
   and, where the text tells, gender;
4. drop quoted strings that are not speech (nicknames, titles, names of bills and charities,
   translation glosses, scare quotes nobody is said to have said);
5. attribute each quote: "X said" / "said X" after it, "X said:" / "X told Y that" before it,
   "according to X", "by X", then the same sentence's other quotes, the previous sentence's
   speaker, pronouns and role nouns resolved against the cast.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from contextvars import ContextVar
from typing import NamedTuple

from bitereader.extract.quote_lexicon import (
    ABBREVIATIONS,
    DETERMINERS,
    FEMALE_WORDS,
    MALE_WORDS,
    NAMING_FORMS,
    NOUN_LIKE_FORMS,
    PREPOSITIONS,
    RECIPIENT_FORMS,
    ROLE_NOUNS,
    SHORTEST_VERB,
    SPEECH_FORMS,
    SPEECH_VERB_RE,
    TIME_WORDS,
    TITLES,
    WRITTEN_SOURCES,
    reference_pattern,
    trie_pattern,
)
from bitereader.extract.quote_lexicon import (
    words as _words,
)
from bitereader.extract.quote_marks import MarkSpan, article_spans
from bitereader.extract.speakers import (
    Cast,
    Gender,
    Name,
    Person,
    Run,
    _tuple_new,
    guess_gender,
    known_orgs,
    pronoun_gender,
    run_cache,
    runs_in,
    subject_like,
)
from bitereader.extract.text import offsets_of
from bitereader.models import Quote, QuoteKind

COMPILED = not __file__.endswith(".py")
"""Compiled by Cython, as the other extractors then are (`bitereader.extract.compiled` asks
here): `_scan_verb_or_capital` then reads a stretch in a C loop, where the expressions' set of
character ranges, tested at every character, cost ~50 instructions each."""

_PARA = 1_000_000
"""Positions across the article are paragraph * _PARA + offset (paragraphs are shorter)."""

_MASK = "\x00"
_OPEN_MARK, _CLOSE_MARK = "“", "”"

_SENTENCE_END = reference_pattern(
    # "[.!?…]+" spelled as one mark then any more: a pattern that opens with a character class
    # lets the search skip to the next stop instead of trying every position.
    r"[.!?…][.!?…]*[”\"’')\]]*\s+(?=“|[\"‘'(\[]?[A-Z0-9\u00c0-\u024f])",
    COMPILED,
)
_ATTRIBUTION_AHEAD = re.compile(
    r"(?!(?:The|This|That|It|He|She|They|We|I)\b)(?:[A-Z][\w’'.-]*\s+){1,5}(?:\w+ly\s+)?(?:"
    + SPEECH_VERB_RE.pattern
    + r")|(?:said|says|added|wrote|tweeted|told|asked)\s"
)
_PARENS = re.compile(r"\([^()]*\)")
_DASH_ASIDE = re.compile(r"\s[—–]\s?[^—–]*?\s?[—–]\s|\s--\s[^-]*?\s--\s")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]+\b")
_ALNUM = re.compile(r"[^\W_]")
"""A letter or digit (what str.isalnum accepts)."""
_LABEL_BEFORE = re.compile(r"\b([A-Za-z-]+),\s*$")
_COUPLE = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+) and ([A-Z][a-z]+) ([A-Z][\w’'-]+)\b")
"""Two given names and a shared surname. It starts with the capital and checks the word
boundary after it, so the engine can skip ahead to capitals instead of trying every position."""
_COUPLE_HINT = re.compile(r" and [A-Z][a-z]+ [A-Z]")
"""The middle of every `_COUPLE` match. It starts with a fixed string, which the engine finds
far faster than capitals: most paragraphs lack it and need no `_COUPLE` scan at all."""
_FIRST_PERSON = reference_pattern(
    # I, I'm/I've/I'd/I'll, me, my, mine, myself, we, We, our, Our, us, ourselves as whole words.
    # Each word's first letter comes before its look-behind, so the search can skip to the
    # letters that open one instead of trying the look-behind at every position.
    r"(?:I(?<![\w’']I)(?:['’](?:m|ve|d|ll))?|m(?<![\w’']m)(?:e|y|ine|yself)|w(?<![\w’']w)e"
    r"|W(?<![\w’']W)e|o(?<![\w’']o)ur(?:selves)?|O(?<![\w’']O)ur|u(?<![\w’']u)s)(?![\w’'])",
    COMPILED,
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")


_SUBORDINATORS = frozenset(
    _words(
        """
        when after before while as if although because since once until though whereas where
        whether unless despite following during amid
        """
    )
)
_ADVERB_WORDS = frozenset(
    _words(
        """
        also later then too again further still once already first finally publicly previously
        recently repeatedly separately subsequently earlier even just only had has have would
        will was were is are been being did does do could should may might must went
        """
    )
)
_CUT_NP = reference_pattern(
    r"\s(?:on|in|at|during|after|before|when|while|yesterday|today|tonight|last|this|"
    r"earlier|later|according|via|adding|saying|noting|as|to|who|which|that|of\s+(?=[a-z]))\b",
    COMPILED,
)
_CUT_ROLE = reference_pattern(
    # `\s(?:and|who|…)\s|[,;]`, opening with one class of the characters either branch starts
    # with, so the search can skip to them instead of trying both branches at every position.
    r"[\s,;](?:(?<=[,;])|(?<=\s)(?:and|who|which|with|whose|that|where|while|when)\s)",
    COMPILED,
)
_TITLE_CUES = frozenset(
    _words(
        """
        calls call names known sang sing sings singing
        called titled entitled named dubbed nicknamed as the of to at on a an in from for about
        by its his her their our
        """
    )
)
_TITLE_NOUNS = frozenset(
    _words(
        """
        book books novel film films movie song songs album track show series programme
        program documentary play musical website site blog podcast app game bill act law
        campaign charity group organisation organization party operation slogan hashtag
        exhibition brand motto poem painting newspaper magazine column
        """
    )
)
_GLOSS_CUES = frozenset(
    _words(
        """
        or meaning means meant literally translated translates translation
        """
    )
)
_PERSON_LABELS = frozenset(
    _words(
        """
        brother sister son daughter father mother husband wife partner widow widower uncle aunt
        cousin friend neighbour neighbor colleague boss spokesman spokeswoman spokesperson lawyer
        girlfriend boyfriend fiancé fiancée grandson granddaughter grandmother grandfather
        """
    )
)
_ORG_TYPES = frozenset(
    _words(
        """
        airline company firm carrier council agency ministry department club team party
        government university police force court bank group charity organisation organization
        union board committee commission authority regulator broadcaster network newspaper paper
        station hospital school foundation institute business retailer supermarket chain operator
        manufacturer carmaker maker startup watchdog body office service association federation
        league side campaign trust embassy army military navy church society supplier insurer
        lender grocer
        """
    )
)
_NAMING_ORG_TYPES = _ORG_TYPES - frozenset(
    _words(
        """
        council court police government board committee commission party team union ministry
        department office authority agency school university hospital army military navy church
        service body campaign paper operator
        """
    )
)
"""Org nouns that name a body when they stand just before its name ("side Harbour Town");
left out are those after which a new clause often starts ("told the court Smith had …")."""
_ORG_APPOSITIVE = re.compile(
    r",\s+(?:the|an?)\s+(?:(?!(?:of|for|at|with|from|in|on|to|by|and|the|an?)\s)[\w-]+\s+){0,3}?"
    r"(?:" + trie_pattern(_ORG_TYPES) + r")[,.;]"
)
"""", the supermarket supplier," after a name: the name is a body's."""
_TWO_WORDS_BEFORE = re.compile(r"(?:([\w’'-]+)\s+)?([\w’'-]+)\s+$")
_AGED = re.compile(r"\d+-year-old")
_KINSHIP = {
    "father": "m",
    "mother": "f",
    "husband": "m",
    "wife": "f",
    "son": "m",
    "daughter": "f",
    "brother": "m",
    "sister": "f",
    "widow": "f",
    "widower": "m",
}


# Patterns the rules use per quote or per name, compiled once: looking one up in re's cache
# on every call cost more than most of the matches.
_HE_SHE = re.compile(
    # `\b(?:he|him|his|she|her)\b`, with the first letter before the boundary's look-behind, so
    # the search can skip to an "h" or an "s" (as `_FIRST_PERSON` does).
    r"(?:h(?<!\wh)(?:e|im|is|er)|s(?<!\ws)he)\b"
)
_RELATIVE_OPENER = re.compile(r"\b(?:whose|whom|which|who|where|when)\b")
_APPOSITIVE_ROLE = re.compile(r",\s+((?:an?|the)\s+[^,;.“]{3,120})")
_LEADING_ARTICLE = reference_pattern(r"^(?:an?|the)\s+", COMPILED)
_NEXT_WORD = re.compile(r"\s*([\w’'-]+)")
_CLAUSE_PUNCT = re.compile(r"[!?;:]\s|[a-z]{2}\.\s")
_STOP_THEN_SPACE = re.compile(r"[.!?]\s")
_ENDS_COMMA = re.compile(r",\s*$")
_BY_AFTER = re.compile(r"\s+by\s")
_CLAUSE_SPLIT = re.compile(r"[,;:]")
_ENDS_COMMA_COLON = re.compile(r"[,:]\s*$")
_WORD_BEFORE_SPACE = re.compile(r"(\S+)\s+$")
_NP_STOP = re.compile(r"[.!?;“”\x00]|\s[—–]\s")
_NP_STOP_MARK = reference_pattern(r"[.!?;“”\x00]", COMPILED)
"""`_NP_STOP` for a text without a dash."""
_BY_FROM_OF = re.compile(r"\b(?:by|from|of)\s+(.+)$")
_LEADING_THE = re.compile(r"^(?:the)\s+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_FINITE_VERB = re.compile(r"\s(?:[a-z]+(?:ed|s)|has|had|is|was|will|would|can|could)\b")
_AND_OR = re.compile(r"\s*(?:and|or)\s*")
_PLURAL_PRONOUN = re.compile(r"\b(?:them|us|these|those)\b")
_POSSESSOR_SOURCE = re.compile(
    r"^(?:the\s+)?(.+?)['’]s?\s+(?:[\w-]+\s+){0,2}?(\w+)$", re.IGNORECASE
)


class _Para:
    """A paragraph as the extractor reads it (a plain class: the compiled build makes it a C
    struct whose fields are read without a lookup; it is only ever read by attribute)."""

    __slots__ = ("index", "masked", "sentences", "spans", "text")

    def __init__(
        self,
        index: int,
        text: str,
        masked: str,
        sentences: list[tuple[int, int]],
        spans: list[MarkSpan],
    ) -> None:
        self.index = index
        self.text = text
        self.masked = masked
        self.sentences = sentences
        self.spans = spans


class _Who(NamedTuple):
    """A speaker as the text gives it, before resolution (a tuple: cheap to make and hash)."""

    kind: str
    """"name", "org", "pronoun" or "desc"."""
    text: str
    role: str | None = None
    pos: int = 0
    """Offset in the paragraph `para` (the quote's own paragraph when -1)."""
    para: int = -1


def _new_who(kind: str, text: str, role: str | None, pos: int, para: int = -1) -> _Who:
    """`_Who(kind, text, role, pos, para)`, made without the Python-level `__new__` that a named
    tuple's constructor runs (~1.5 k instructions in the compiled build, once a quote or so)."""
    return _tuple_new(_Who, (kind, text, role, pos, para))


class _Cand:
    """A quote candidate and what is learnt of it (a plain class, like `_Para`)."""

    __slots__ = (
        "end",
        "how",
        "kind",
        "person",
        "role",
        "sentence",
        "span",
        "speaker",
        "start",
        "text",
        "who",
    )

    def __init__(self, span: MarkSpan, start: int, end: int, text: str, sentence: int) -> None:
        self.span = span
        self.start = start
        self.end = end
        self.text = text
        self.sentence = sentence
        self.who: _Who | None = None
        self.how = ""
        """Where the attribution came from: "post", "pre", "context" or ""."""
        self.kind: QuoteKind = "partial"
        self.speaker: str | None = None
        self.role: str | None = None
        self.person: Person | None = None


def extract_quotes(paragraphs: Sequence[str]) -> tuple[Quote, ...]:
    """Return the quotations in `paragraphs`, in article order, with their speakers."""
    # Plain str, not a subclass (lxml's string results are one): the compiled build's typed
    # functions take exactly str.
    paragraphs = [p if type(p) is str else str(p) for p in paragraphs]
    if not _holds_a_mark(paragraphs):
        return ()
    spans = article_spans(paragraphs)
    paras = [_analyse(i, text, spans[i]) for i, text in enumerate(paragraphs)]
    cands = _candidates(paras)
    if not cands:
        # Nothing later adds a candidate (`_attribute` only fills in or drops the ones given),
        # so the cast, the dearest part of a short item, need not be learnt.
        return ()
    token = _COMMON.set(_CommonWords(paras))
    try:
        with run_cache():
            cast = _learn_cast(paras)
            _attribute(paras, cands, cast)
    finally:
        _COMMON.reset(token)
    return tuple(
        _new_quote(
            (
                c.text,
                c.person.name if c.person is not None else c.speaker,
                c.role,
                c.kind,
                c.span.paragraph,
                c.start,
                c.end,
            )
        )
        for c in cands
    )


def _holds_a_mark(paragraphs: list[str]) -> bool:
    """True when a paragraph holds one of the marks a quote needs (`_QUOTE_MARKS`).

    Loops, not any() over a generator (which a C function cannot hold, and whose steps cost
    more than the searches); an ASCII paragraph (str.isascii reads a word at a time) can hold
    only the two ASCII marks.
    """
    for p in paragraphs:
        if p.isascii():
            if '"' in p or "'" in p:
                return True
        else:
            for mark in _QUOTE_MARKS:
                if mark in p:
                    return True
    return False


_QUOTE_MARKS = "\"“”„«»'‘’"
"""The marks without which an article has no quote to find."""


_QUOTE_MEMBERS = tuple(Quote.__dict__[field.name] for field in dataclasses.fields(Quote))
"""The member descriptor of each field of a `Quote` (its slot), in the order of its fields."""
_QUOTE_SLOTS = tuple(member.__set__ for member in _QUOTE_MEMBERS)
"""What sets each of those slots."""
_object_new = object.__new__


def _new_quote(values: tuple[object, ...]) -> Quote:
    """`Quote(*values)`, its slots filled as its generated `__init__` fills them, with
    `object.__setattr__`, but without running that `__init__` in the interpreter: a frozen
    dataclass's costs ~11,000 instructions, most of a short item's quote once it is found.
    (Quote has no `__post_init__` or default factory for that `__init__` to run.)"""
    quote = _object_new(Quote)
    if COMPILED:
        # Each slot written in C as its descriptor's `__set__` writes it (`_fill_slot`, in
        # quotes.pxd), without calling that method through its wrapper: ~500 instructions a
        # field, most of the cost of making a quote this way.
        for i in range(len(_QUOTE_MEMBERS)):
            _fill_slot(_QUOTE_MEMBERS[i], quote, values[i])  # noqa: F821 (see quotes.pxd)
        return quote
    for i in range(len(_QUOTE_SLOTS)):
        _QUOTE_SLOTS[i](quote, values[i])
    return quote


# Paragraph analysis --------------------------------------------------------------------------


def _analyse(index: int, text: str, spans: list[MarkSpan]) -> _Para:
    masked = _mask(text, spans)
    return _Para(index, text, masked, _sentences(masked), spans)


def _mask(text: str, spans: list[MarkSpan]) -> str:
    """The paragraph with every quote's words blanked and its marks made curly.

    Spans come in order and never overlap, so the text is rebuilt from slices.
    """
    if not spans:
        return text  # what joining its one slice gives
    parts: list[str] = []
    at = 0
    for span in spans:
        o, c = span.open, span.close
        parts.append(text[at:o])
        carried_mark = span.carried and text[o] not in "\"“”„«»'‘’‚"
        parts.append(text[o] if carried_mark else _OPEN_MARK)
        keep = c - 1
        while keep > o and text[keep].isspace():
            keep -= 1
        tail = text[max(o + 1, keep - 3) : keep + 1]
        last_stop = max(tail.rfind("."), tail.rfind("!"), tail.rfind("?"))
        final = tail[last_stop] if last_stop >= 0 else None
        if final and keep > o:
            # "…incurable[.]" still ends a sentence
            parts += (_MASK * (keep - o - 1), final, _MASK * (c - keep - 1))
        else:
            parts.append(_MASK * (c - o - 1))
        if c < len(text):
            parts.append(_CLOSE_MARK)
            at = c + 1
        else:
            at = c
    parts.append(text[at:])
    return "".join(parts)


def _sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence spans in a masked paragraph; quoted words never split a sentence."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for stop, end in _sentence_end_spans(masked):
        if masked[stop] == "." and _abbreviation_before(masked, stop):
            continue
        if (
            _CLOSE_MARK in masked[stop:end]
            and masked[stop] in "!?"
            and _ATTRIBUTION_AHEAD.match(masked, end)
        ):
            continue  # “… in two days!” Macron told the world: one sentence
        bounds.append((start, end))
        start = end
    if start < len(masked):
        bounds.append((start, len(masked)))
    return bounds or [(0, len(masked))]


_STOPS = ".!?…"
"""The marks a `_SENTENCE_END` match opens with."""


def _sentence_ends(masked: str) -> list[re.Match[str]]:
    """What `_SENTENCE_END.finditer(masked)` finds, with the pattern tried only at the stops.

    On its way to a match the engine reads every character (most of the cost of splitting a
    paragraph); str.find jumps to the few stops, and every match starts at one.
    """
    ends: list[re.Match[str]] = []
    done = 0
    for at in offsets_of(masked, _STOPS):
        if at >= done:  # a stop inside the previous match ("?!", "...") starts no other
            m = _SENTENCE_END.match(masked, at)
            if m is not None:
                ends.append(m)
                done = m.end()
    return ends


def _sentence_end_spans(masked: str) -> list[tuple[int, int]]:
    """Where each match `_sentence_ends` finds starts and ends."""
    if not COMPILED:
        return [m.span() for m in _sentence_ends(masked)]
    # Compiled: one loop over the characters, where finding each kind of stop (str.find, once
    # per kind) and matching the pattern at each cost ~10 times as much.
    spans: list[tuple[int, int]] = []
    done = 0
    for at, c in enumerate(masked):
        if (c == "." or c == "!" or c == "?" or c == "…") and at >= done:
            end = _sentence_end_at(masked, at)
            if end >= 0:
                spans.append((at, end))
                done = end
    return spans


def _sentence_end_at(masked: str, at: int) -> int:
    """Where `_SENTENCE_END.match(masked, at)` ends, or -1, for a stop at `at`, read character
    by character.

    The pattern never needs to give back what it took: a stop, closing mark or space given
    back leaves that character next, which the part after it does not accept.
    """
    n = len(masked)
    q = at + 1
    while q < n and masked[q] in ".!?…":
        q += 1
    while q < n and masked[q] in "”\"’')]":
        q += 1
    r = q
    while r < n and masked[r].isspace():
        r += 1
    if r == q or r >= n:  # no space, or nothing after it for the look-ahead
        return -1
    c = masked[r]
    if c == "“":
        return r
    if c in "\"‘'([":
        if r + 1 == n:
            return -1
        c = masked[r + 1]
    if "A" <= c <= "Z" or "0" <= c <= "9" or "\u00c0" <= c <= "\u024f":
        return r
    return -1


def _abbreviation_before(masked: str, stop: int) -> bool:
    """True when the full stop at `stop` ends an abbreviation or initial ("Dr.", "J.", "U.S.")."""
    # The word the stop ends (within 40 characters): what \S+$ would find, read from the end
    # (what splitting the 40 characters would give last, without the slice and the list).
    start = stop
    limit = max(0, stop - 40)
    while start > limit and not masked[start - 1].isspace():
        start -= 1
    word = masked[start : stop + 1]
    token = word.lower().strip("(\"“'‘").rstrip(".!?…")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or "." in token


def _sentence_of(para: _Para, offset: int) -> int:
    for i, (s, e) in enumerate(para.sentences):
        if s <= offset < e:
            return i
    return len(para.sentences) - 1


# The cast ----------------------------------------------------------------------------------


def _learn_cast(paras: list[_Para]) -> Cast:
    """Register every name in the article, with roles, genders and subject positions."""
    runs_of = [runs_in(para.masked) for para in paras]
    orgs = _org_evidence(paras, runs_of)
    if orgs:
        known_orgs(orgs)
        # The runs found so far give these names their old kind: find them again. Without
        # any (nearly always), the same runs serve both walks, which spares the cache lookups.
        runs_of = [runs_in(para.masked) for para in paras]
    cast = Cast()
    for para in paras:
        cast.learn_acronyms(para.text)
        if " and " not in para.masked or not _COUPLE_HINT.search(para.masked):
            continue  # (the plain test first: it spares most paragraphs the regex call)
        for m in _COUPLE.finditer(para.masked):
            # "David and Louise Turpin" names two people who share a surname.
            first, second, surname = m.groups()
            if guess_gender(first, "") and guess_gender(second, ""):
                for given, at in ((first, m.start(1)), (second, m.start(2))):
                    name = Name("person", f"{given} {surname}", "", at)
                    cast.add(name, para.index * _PARA + at, subject=True)
    for i in range(len(paras)):
        para = paras[i]
        masked = para.masked
        runs = runs_of[i]
        base = para.index * _PARA
        k = 0  # the paragraph's runs are walked once, sentence by sentence
        for s, e in para.sentences:
            first_person: Person | None = None
            persons_here = 0
            while k < len(runs) and runs[k].start < s:
                k += 1  # a run across the sentence break belongs to neither, as in runs_in
            while k < len(runs) and runs[k].end <= e:
                run = runs[k]
                k += 1
                name = run.name
                if name is None:
                    continue
                kind = name.kind
                if kind == "place" or kind == "title":
                    continue
                start, before = run.start, run.before
                if before in ("in", "at", "from"):
                    cast.places.add(name.text)
                subject = (subject_like(run) or (kind == "person" and bool(name.titles))) and not (
                    before == "the" and (kind == "person" or kind == "single")
                )
                # "Shares in Harlow Foods fell": the body the prose is about, whatever its case
                subject = subject or name.text in orgs
                role = _appositive_role(masked, run.end, e) if run.gap_after == ", " else None
                if not role and (name.titles or (start > s and masked[start - 1].isspace())):
                    # `_pre_role` finds none for a name without titles that opens its sentence
                    # or follows a mark: most runs, spared the call.
                    role = _pre_role(masked, s, start, name)
                # A comma just before the name, or one character before (within the sentence):
                # what `masked.startswith(",", max(s, start - 2), start)` tells, without a call.
                comma_at = start - 2 if start - 2 > s else s
                label = (
                    _LABEL_BEFORE.search(masked[max(s, start - 40) : start])
                    if comma_at < start and masked[comma_at] == ","
                    else None
                )
                if label and label.group(1).lower() in _PERSON_LABELS:
                    role = role or label.group(1).lower()  # "Her brother, Piotr, …"
                person = cast.add(name, base + name.start, subject=subject, role=role)
                if label and person.gender is None:
                    person.gender = _gender_word(label.group(1))
                if kind == "person" or kind == "single":
                    persons_here += 1
                    if first_person is None and subject and kind == "person":
                        first_person = person
            _learn_described(cast, para, s, e)
            if first_person is not None and persons_here == 1 and first_person.gender is None:
                gender = _pronoun_after(masked, s, e)
                if gender:
                    first_person.gender = gender
    return cast


def _org_evidence(paras: list[_Para], runs_of: list[list[Run]] | None = None) -> frozenset[str]:
    """Names the article shows to be bodies, however much they look like a person's:
    "side Harbour Town", "shares in Harlow Foods", "Harlow Foods, the supermarket supplier,".
    `runs_of`: each paragraph's runs, when the caller has them."""
    found: set[str] = set()
    for i in range(len(paras)):
        para = paras[i]
        masked = para.masked
        for run in runs_in(masked) if runs_of is None else runs_of[i]:
            name = run.name
            if name is None or name.kind == "org" or name.kind == "title":
                continue
            before, before2 = run.before, run.before2
            if name.kind == "place" and run.start:
                # runs that name a place keep no "before" word: read it here
                m = _TWO_WORDS_BEFORE.search(masked, max(0, run.start - 30), run.start)
                if m is not None:
                    before, before2 = m.group(2).lower(), (m.group(1) or "").lower()
            shares = before in ("in", "of") and before2 == "shares"
            if (
                before in _NAMING_ORG_TYPES
                or shares
                or (
                    run.gap_after == ", "
                    and _org_word_ends_clause(masked, run.end)
                    and _ORG_APPOSITIVE.match(masked, run.end)
                )
            ):
                first = name.text.split()[0]
                if not name.titles and not guess_gender(first, "") and first.lower() not in TITLES:
                    found.add(name.text)  # not "the side's Jack Brown" or "the firm's Mr Lee"
    return frozenset(found)


def _org_word_ends_clause(masked: str, comma: int) -> bool:
    """False when `_ORG_APPOSITIVE` cannot match at `comma`, the comma after a name: the
    expression's words and spaces hold no "," "." or ";", so the first of them after the comma
    is the one it ends at, and the word just before that must be an org noun.

    The expression, tried on the usual ", a spokesperson." or ", the city's mayor,", costs
    several thousand instructions to fail; finding the word costs a few dozen.
    """
    stop = comma + 1
    n = len(masked)
    while stop < n and masked[stop] not in ",.;":
        stop += 1
    if stop == n:
        return False
    start = stop
    while start > comma and not masked[start - 1].isspace():
        start -= 1
    return masked[start:stop] in _ORG_TYPES


_PERSON_HEADS = frozenset(
    _words(
        """
        person people man woman men women resident residents witness witnesses victim victims
        source sources official officials boy girl child children student students worker
        workers passenger passengers customer customers fan fans voter voters patient patients
        """
    )
)


_DESCRIBED_HEAD = reference_pattern(
    r"(?<![\w’'])(?:" + trie_pattern(_PERSON_HEADS | ROLE_NOUNS | _PERSON_LABELS) + r")(?![\w’'])",
    COMPILED,
)
"""A head noun of a describing phrase as a word of its own, in a lower-cased stretch."""


_MASKED_RUN = re.compile(_MASK + "+")


_VERB_OR_CAPITAL = reference_pattern(
    r"[^a-zA-Z0-9_’'-](?<![\w’'-])(?:[A-Z](?<=\s[A-Z])|(" + SPEECH_VERB_RE.trie + r")(?![\w’'-]))",
    COMPILED,
)
"""After a break, a capital (when the break is a space) or a speech verb, whichever comes first:
`SPEECH_VERB_RE`'s skipping search with a capital after a space as another branch. The capital
comes first, opening with its class, which the engine tests before entering the branch; the
look-behind (which a space passes too) is checked once for both. The pure-Python build's
(compiling it costs ~4 ms at import, repaid in a few dozen articles): the compiled one reads the
stretch with `_scan_verb_or_capital`."""


def _verb_before_capital(masked: str, lo: int, hi: int) -> tuple[int, str] | None:
    """Where the first speech verb in `masked[lo:hi]` starts, and the verb, unless a capital after
    a space comes first: `SPEECH_VERB_RE.search(masked, lo, cap)`, where `cap` is the first
    capital after a space in `masked[lo + 1 : hi]` (else `hi`).

    Searching for both at once reads the stretch once, up to whichever comes first, where
    finding the capital first read up to it (or to `hi`), and then the verb search again.
    """
    at = lo
    while True:
        # Quoted words (masked) are stepped over, not searched: they hold neither a verb
        # nor a capital, and a capital just after them has a mask, not a space, before it.
        hole = masked.find(_MASK, at, hi)
        stop = hi if hole < 0 else hole
        if COMPILED:
            found = _scan_verb_or_capital(masked, at, stop)
            if found is not False:
                return found
        else:
            verb = SPEECH_VERB_RE.match(masked, at, stop)
            if verb is not None:
                return at, verb.group()  # (its break, if any, lies before the stretch)
            m = _VERB_OR_CAPITAL.search(masked, at, stop)
            if m is not None:
                return None if m.start(1) < 0 else (m.start(1), m.group(1))
        if hole < 0:
            return None
        run = _MASKED_RUN.match(masked, hole, hi)
        at = run.end() if run is not None else hi


_FORM_HEADS = frozenset(
    re.match(r"[\w’'-]*", form).group()
    for form in SPEECH_FORMS
    if not re.fullmatch(r"[\w’'-]+", form)
)
"""The first words of the speech verbs that are more than one word ("went on"): only at such a
word may the verb the expression finds be other than the whole word."""


def _scan_verb_or_capital(
    masked: str, at: int, stop: int, capitals: bool = True
) -> tuple[int, str] | bool | None:
    """One unmasked stretch of `_verb_before_capital`, character by character: its verb and
    where it starts, None when a capital after a space comes first, False when neither does.

    What `SPEECH_VERB_RE.match(masked, at, stop)` and then `_VERB_OR_CAPITAL.search(masked, at,
    stop)` find: a verb right at `at` (with no word character before it), else the first
    character after a break (neither a word character nor ’ ' -) that is a capital after a
    space, or that opens a verb.
    """
    # One pass over the characters (iterating a string compiles to a plain C loop, where
    # indexing checks the bounds at every `masked[q]`): a word that may be a verb, opening with
    # a lower-case letter after a break, is looked up once its end is reached.
    # The word's first three letters are read into their `_VERB_TRIPLES` index as the loop
    # passes them, so the words that `_verb_at` would turn away by them and their length (four
    # in five words of plain prose) are passed over without the call.
    after_break = at == 0 or not _wordish(masked[at - 1])
    if COMPILED:
        # The compiled build runs the loop below in C (`_next_verb_word`, in quotes.pxd), on
        # the string's own buffer, up to each word it would look up: some six instructions a
        # character of plain prose, where the loop costs over twenty.
        q = at
        while True:
            found = _next_verb_word(  # noqa: F821 (a C function: see quotes.pxd)
                masked, q, stop, at, after_break, capitals, _VERB_TRIPLES,
                _SHORTEST_VERB_WORD, _LONGEST_VERB_WORD,
            )  # fmt: skip
            if found.end == -1:
                return None
            if found.end == -2:
                return False
            verb = _verb_at(masked, found.start, found.end, stop)
            if verb is not None:
                return found.start, verb
            if found.end >= stop:
                return False
            q = found.end + 1  # past the break that ended the word
            after_break = True
    word = -1
    triple = 0
    q = at
    for c in masked[at:stop]:
        if not _wordish(c):
            if word >= 0:
                if _may_be_verb(triple, q - word):
                    verb = _verb_at(masked, word, q, stop)
                    if verb is not None:
                        return word, verb
                word = -1
            after_break = True
        elif after_break:
            if "a" <= c <= "z":  # (every verb opens with one)
                word = q
                triple = ord(c) - 97
            elif capitals and "A" <= c <= "Z" and q > at and masked[q - 1].isspace():
                return None
            after_break = False
        elif word >= 0 and q - word < 3:
            triple = _next_triple(triple, c)
        q += 1
    if word >= 0 and _may_be_verb(triple, stop - word):
        verb = _verb_at(masked, word, stop, stop)
        if verb is not None:
            return word, verb
    return False


def _wordish(c: str) -> bool:
    r"""True for a character the verb expressions' look-arounds refuse: `[\w’'-]`."""
    if c < "\x80":  # (an ASCII character is alphanumeric exactly when it is a letter or digit)
        return "a" <= c <= "z" or "A" <= c <= "Z" or "0" <= c <= "9" or c in "_'-"
    return c.isalnum() or c == "’"


_VERB_WORDS = frozenset(form for form in SPEECH_FORMS if " " not in form) | _FORM_HEADS
"""The words `_verb_at` looks up: one-word speech verbs, and the first words of the others."""
_SHORTEST_VERB_WORD = min(map(len, _VERB_WORDS))
_LONGEST_VERB_WORD = max(map(len, _VERB_WORDS))


def _letter_triples(words: frozenset[str]) -> bytes:
    """A table of the first three letters (all ASCII lower case) of `words`: see below."""
    table = bytearray(26 * 26 * 26)
    for word in words:
        table[(ord(word[0]) - 97) * 676 + (ord(word[1]) - 97) * 26 + ord(word[2]) - 97] = 1
    return bytes(table)


def _opens_no_word(triples: bytes, text: str, q: int) -> bool:
    """True when `text` has three lower-case ASCII letters at `q` that no word of the table
    `triples` (made by `_letter_triples`) starts with."""
    x, y, z = text[q], text[q + 1], text[q + 2]
    return (
        "a" <= x <= "z"
        and "a" <= y <= "z"
        and "a" <= z <= "z"
        and not triples[(ord(x) - 97) * 676 + (ord(y) - 97) * 26 + ord(z) - 97]
    )


_VERB_TRIPLES = _letter_triples(_VERB_WORDS)
"""For three lower-case ASCII letters `x`, `y`, `z`: whether a word in `_VERB_WORDS` starts with
them, at `(ord(x) - 97) * 676 + (ord(y) - 97) * 26 + ord(z) - 97`. Most words fail this test
(or the length one), and skip making a string of themselves and looking it up: two letters let
through half the words of common prose ("report", "company", "storm")."""


def _next_triple(triple: int, c: str) -> int:
    """A word's `_letter_triples` index read so far (-1 once one of its letters is not a lower-case
    ASCII letter), after its next letter `c`."""
    return triple * 26 + ord(c) - 97 if triple >= 0 and "a" <= c <= "z" else -1


def _may_be_word(triples: bytes, triple: int, n: int, shortest: int, longest: int) -> bool:
    """False when a word of `n` letters whose first three give `triple` (see `_next_triple`) is
    none of the words of the table `triples`: by its length, or by letters `_opens_no_word`
    turns away."""
    return shortest <= n <= longest and (triple < 0 or triples[triple] != 0)


def _may_be_verb(triple: int, n: int) -> bool:
    """`_may_be_word` for `_VERB_WORDS`."""
    return _may_be_word(_VERB_TRIPLES, triple, n, _SHORTEST_VERB_WORD, _LONGEST_VERB_WORD)


def _verb_at(masked: str, q: int, r: int, stop: int) -> str | None:
    """The speech verb `SPEECH_VERB_RE.match(masked, q, stop)` finds, where the word at `q`
    ends at `r` and no word character goes before `q`: the whole word (a verb must end where a
    word does), else for the first word of a longer verb, what the expression says."""
    if not _SHORTEST_VERB_WORD <= r - q <= _LONGEST_VERB_WORD:
        return None
    if _opens_no_word(_VERB_TRIPLES, masked, q):
        return None
    word = masked[q:r]
    if word in _FORM_HEADS:
        m = SPEECH_VERB_RE.match(masked, q, stop)
        return None if m is None else m.group()
    return word if word in SPEECH_FORMS else None


def _learn_described(cast: Cast, para: _Para, s: int, e: int) -> None:
    """An unnamed speaker ("the son of one victim said …") can be what a later "he" means."""
    # A capital before the sentence's first speech verb means a named subject, and a quote's
    # end before it means a quote first: nothing to learn here either way. Verbs are lower case
    # words, so only the stretch before the first capital and the first quote's end is searched.
    close = para.masked.find(_CLOSE_MARK, s, e)
    found = _verb_before_capital(para.masked, s, e if close < 0 else close)
    if found is None or found[1] in NOUN_LIKE_FORMS:
        return
    verb_at = found[0]
    if not _may_end_in_head(para.masked[s:verb_at].lower()):
        return  # no word that could head a describing phrase: no need to parse the subject
    who = _subject(para.masked, s, verb_at)
    if who is None or who.kind != "desc":
        return
    words = who.text.lower().split()
    head_at = len(words)
    for i, w in enumerate(words):  # (a loop, not next() over a generator: see quotes.pxd)
        if w in ("of", "with", "who", "from"):
            head_at = i
            break
    head = words[head_at - 1] if head_at else ""
    if head not in _PERSON_HEADS and head not in ROLE_NOUNS and head not in _PERSON_LABELS:
        return
    gendered = head in MALE_WORDS or head in FEMALE_WORDS or head in _PERSON_HEADS
    if not gendered and head in ROLE_NOUNS and words[0] not in ("the", "a", "an", "one"):
        return
    pos = para.index * _PARA + who.pos
    person = cast.add(Name("person", who.text, "", who.pos), pos, subject=True)
    person.described = True
    person.gender = person.gender or _gender_word(head)


_PLAIN_NEXT_WORD = reference_pattern(r" ([a-z]+) ", COMPILED)
_HEAD_FOLLOWERS = (
    frozenset(("of", "with", "who", "from", "and", "but")) | _ADVERB_WORDS | SPEECH_FORMS
)
"""The words that may follow a describing phrase's head in the subject `_subject` reads: the
words `_learn_described` takes the head to stand before, and those `_description` cuts at."""


def _may_end_in_head(low: str) -> bool:
    """False when no head word in the lower-cased stretch before a verb can be the head
    `_learn_described` reads from `_subject`'s description, so the subject need not be parsed.

    The description is a stretch of whole words of the subject, and its head the word before
    "of", "with", "who" or "from", else its last word. A head word followed by a space, another
    plain word and a space is neither: no break lies between the two words to end the
    description, so the next word follows it there too ("Workers study election said …").
    """
    if COMPILED:
        return _scan_heads(low)
    for m in _DESCRIBED_HEAD.finditer(low):
        nxt = _PLAIN_NEXT_WORD.match(low, m.end())
        if nxt is None or nxt.group(1) in _HEAD_FOLLOWERS:
            return True
    return False


_HEADS = _PERSON_HEADS | ROLE_NOUNS | _PERSON_LABELS
"""The words `_DESCRIBED_HEAD` finds."""
_SHORTEST_HEAD = min(map(len, _HEADS))
_LONGEST_HEAD = max(map(len, _HEADS))
_HEAD_TRIPLES = _letter_triples(_HEADS)
"""As `_VERB_TRIPLES`, for `_HEADS`."""


def _scan_heads(low: str) -> bool:
    r"""`_may_end_in_head` read character by character, for the compiled build: what its
    expressions find, where they cost ~100 instructions at every character (the pattern opens
    with a look-behind, so the engine cannot skip to the letters that open a head).

    `_DESCRIBED_HEAD` finds just the heads that are a whole stretch of word characters (`\w`,
    ’ and '), and those are all it finds: every head is such a stretch.
    """
    # (The first three letters read as they pass, as `_scan_verb_or_capital` reads them.)
    word = -1
    triple = 0
    q = 0
    for c in low:
        if _head_char(c):
            if word < 0:
                word = q
                triple = _next_triple(0, c)
            elif q - word < 3:
                triple = _next_triple(triple, c)
        elif word >= 0:
            if _may_be_head(triple, q - word) and _head_follows(low, word, q):
                return True
            word = -1
        q += 1
    return word >= 0 and _may_be_head(triple, q - word) and _head_follows(low, word, q)


def _may_be_head(triple: int, n: int) -> bool:
    """`_may_be_word` for `_HEADS`."""
    return _may_be_word(_HEAD_TRIPLES, triple, n, _SHORTEST_HEAD, _LONGEST_HEAD)


def _head_follows(low: str, q: int, r: int) -> bool:
    """True when the stretch of word characters at `low[q:r]` is a head that `_DESCRIBED_HEAD`
    finds, and no space, plain word and space that `_PLAIN_NEXT_WORD` reads follow it, or the
    plain word is one of `_HEAD_FOLLOWERS`."""
    if not _SHORTEST_HEAD <= r - q <= _LONGEST_HEAD or not _head_at(low, q, r):
        return False
    n = len(low)
    t = r + 1
    while t < n and "a" <= low[t] <= "z":
        t += 1
    if not (r < n and low[r] == " " and r + 1 < t < n and low[t] == " "):
        return True
    return low[r + 1 : t] in _HEAD_FOLLOWERS


def _head_char(c: str) -> bool:
    r"""True for a character of `[\w’']`, the class `_DESCRIBED_HEAD`'s look-arounds refuse."""
    return _wordish(c) and c != "-"


def _head_at(low: str, q: int, r: int) -> bool:
    """True when `low[q:r]` is one of `_HEADS` (first told from its first three letters)."""
    return not _opens_no_word(_HEAD_TRIPLES, low, q) and low[q:r] in _HEADS


def _gender_word(word: str) -> Gender | None:
    low = word.lower()
    if low in MALE_WORDS:
        return "m"
    if low in FEMALE_WORDS:
        return "f"
    return None


def _pronoun_after(masked: str, s: int, e: int) -> str | None:
    """The gender of the first he/she after the sentence's subject, if any."""
    m = _HE_SHE.search(masked[s:e])
    if not m:
        return None
    clause = masked[s : s + m.start()].rsplit(",", 1)[-1]
    if _RELATIVE_OPENER.search(clause):
        return None  # "X, whose symphony she premiered, …": "she" is someone else
    return "m" if m.group() in ("he", "him", "his") else "f"


def _appositive_role(masked: str, after: int, limit: int) -> str | None:
    """The role in "Barry Appleton, an international trade lawyer and ..., said"."""
    m = _APPOSITIVE_ROLE.match(masked, after, limit)
    if not m:
        return None
    role = _role_head(m.group(1))
    words = role.split()
    if not _ADVERB_WORDS.isdisjoint(role.lower().split()) or not SPEECH_FORMS.isdisjoint(words):
        return None  # "For Mrs Hale, the priority is simpler": a clause, not a role
    return _clean_role(role) if len(words) >= 2 else None


def _pre_role(masked: str, s: int, run_start: int, name: Name) -> str | None:
    """The role in "State Department spokeswoman Tammy Bruce" or "Mexican President X"."""
    if run_start > s and masked[run_start - 1].isspace():
        # The last five words of the 80 characters before (read from the right).
        words = masked[max(s, run_start - 80) : run_start].rsplit(None, 5)[-5:]
    elif not name.titles:
        return None  # a name that opens its sentence, or follows a mark, has no role before it
    else:
        words = []
    picked: list[str] = []
    for w in reversed(words):
        low = w.lower()
        if low in PREPOSITIONS or low in DETERMINERS or low.endswith((",", ";")) or low == "and":
            break
        if _MASK in w or _CLOSE_MARK in w or _OPEN_MARK in w:
            break  # a quote before the name is someone's words, not their role
        if w[:1].islower() and low not in ROLE_NOUNS and low not in TITLES and not picked:
            break
        picked.append(w)
    role = " ".join(reversed(picked))
    if name.titles:
        role = f"{role} {name.titles}".strip()
    return role or None


def _clean_role(role: str) -> str | None:
    role = role.strip(" ,;")
    if COMPILED:
        role = role[_article_end(role) :]
    else:
        article = _LEADING_ARTICLE.match(role)  # (what `sub` would take away, at half its cost)
        if article is not None:
            role = role[article.end() :]
    return role or None


def _article_end(role: str) -> int:
    """Where `_LEADING_ARTICLE.match(role)` ends (0 for no match), read character by character
    for the compiled build, where the call costs ~1,500 instructions and this a few dozen."""
    n = len(role)
    if n > 2 and role[0] == "a" and role[1] == "n" and role[2].isspace():
        at = 2
    elif n > 1 and role[0] == "a" and role[1].isspace():
        at = 1
    elif n > 3 and role[0] == "t" and role[1] == "h" and role[2] == "e" and role[3].isspace():
        at = 3
    else:
        return 0
    while at < n and role[at].isspace():
        at += 1
    return at


def _role_head(role: str) -> str:
    """`role` up to its first `_CUT_ROLE` ("and", "who", a comma): what splitting it once and
    keeping the first piece gives, from one search and a slice."""
    if COMPILED:
        at = _role_cut(role)
        return role if at < 0 else role[:at]
    cut = _CUT_ROLE.search(role)
    return role if cut is None else role[: cut.start()]


_ROLE_CUT_WORDS = frozenset(_words("and who which with whose that where while when"))
"""The words `_CUT_ROLE` cuts before."""


def _role_cut(role: str) -> int:
    """Where `_CUT_ROLE.search(role)` starts (-1 for no match), read character by character
    for the compiled build: a comma or semicolon, or a space before one of `_ROLE_CUT_WORDS`
    and another space (the search tries every position, ~150 instructions each)."""
    n = len(role)
    for at, c in enumerate(role):
        if c == "," or c == ";":
            return at
        if c.isspace() and at + 1 < n and role[at + 1] in "atw":  # (each word opens with one)
            end = at + 1
            while end < n and "a" <= role[end] <= "z":
                end += 1
            if end < n and role[end].isspace() and role[at + 1 : end] in _ROLE_CUT_WORDS:
                return at
    return -1


# Candidates and filters ------------------------------------------------------------------------


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and text[b - 1] in ",." and not text[a:b].endswith(".."):
        b -= 1
        while b > a and text[b - 1].isspace():
            b -= 1
    return a, b


def _candidates(paras: list[_Para]) -> list[_Cand]:
    """Quote candidates in order; quoted names and titles are unmasked back into the prose."""
    cands: list[_Cand] = []
    for para in paras:
        dropped: list[MarkSpan] = []
        for span in para.spans:
            a, b = _trim(para.text, span.open + 1, span.close)
            # `_trim` leaves a non-space first character, mostly a letter: look at it before
            # setting up a search (`[^\W_]` accepts exactly the characters str.isalnum does).
            if b <= a or not (para.text[a].isalnum() or _ALNUM.search(para.text, a, b)):
                continue
            cand = _Cand(span, a, b, para.text[a:b], _sentence_of(para, span.open))
            if span.carried or span.runs_on or not _not_speech(para, cand):
                cands.append(cand)
            else:
                dropped.append(span)
        for span in dropped:
            # A nickname or title is neither speaker nor speech: blank it out of the prose.
            blank = " " * (span.close + 1 - span.open)
            para.masked = para.masked[: span.open] + blank + para.masked[span.close + 1 :]
    return cands


_LAST_FOUR_WORDS_REVERSED = re.compile(
    r"[^\w’'.-]*(?:([\w’'.-]+)(?:[^\w’'.-]+([\w’'.-]+)"
    r"(?:[^\w’'.-]+([\w’'.-]+)(?:[^\w’'.-]+([\w’'.-]+))?)?)?)?"
)
"""Up to four words (runs of letters, digits, apostrophes, dots and hyphens) read backwards
from the start of a reversed text: the first group is the text's last word."""


def _words_before(text: str, pos: int, n: int) -> list[str]:
    """The last `n` (at most 4) words in the 80 characters before `pos`.

    The words `findall` would list last in `text[pos - 80 : pos]`, read from the window's end
    with one anchored match instead of listing every word in it.
    """
    assert n <= 4
    found = _LAST_FOUR_WORDS_REVERSED.match(text[max(0, pos - 80) : pos][::-1]).groups()
    return [word[::-1] for word in reversed(found[:n]) if word]


_NAMED_THING_AFTER = re.compile(
    r",\s+(?:an?|the)\s+[^,]*\b(?:charity|group|organi[sz]ation|website|campaign|"
    r"company|firm|band|film|book|song|show|programme|program)\b"
)
"""", a charity that …" after a quoted title: the quote names the thing."""


_FIRST_PERSON_WORDS = frozenset(
    _words("I I'm I’m I've I’ve I'd I’d I'll I’ll me my mine myself we We our ourselves Our us")
)
"""The words `_FIRST_PERSON` finds: it finds each only as a whole stretch of `[\\w’']`."""
_LONGEST_FIRST_PERSON = max(map(len, _FIRST_PERSON_WORDS))


def _first_person_in(text: str) -> bool:
    """True when `_FIRST_PERSON.search(text)` finds a word: in the compiled build, read word by
    word, where the search (which cannot skip ahead to one fixed letter) costs ~100
    instructions a character."""
    if not COMPILED:
        return _FIRST_PERSON.search(text) is not None
    start = -1
    for at, c in enumerate(text):
        if _head_char(c):
            if start < 0:
                start = at
        elif start >= 0:
            if _first_person_at(text, start, at):
                return True
            start = -1
    return start >= 0 and _first_person_at(text, start, len(text))


def _first_person_at(text: str, q: int, r: int) -> bool:
    """True when the stretch of word characters `text[q:r]` is one of `_FIRST_PERSON_WORDS`."""
    return (
        r - q <= _LONGEST_FIRST_PERSON and text[q] in "ImwWoOu" and text[q:r] in _FIRST_PERSON_WORDS
    )


def _not_speech(para: _Para, cand: _Cand) -> bool:
    """True for quoted names, titles, nicknames and glosses."""
    masked = para.masked
    content = cand.text
    if _first_person_in(content):
        return False
    words = content.split()
    nickname_like = len(words) <= 3
    short = len(words) <= 8 and not _CLAUSE_PUNCT.search(content)
    title_like = short and content[:1].isupper()
    if not nickname_like and not title_like and not content[:1].islower():
        return False  # a long quote that opens with a capital: no rule below applies
    before = _words_before(masked, cand.span.open, 4)
    prev = before[-1].lower() if before else ""
    after_text = next_word = ""
    if nickname_like or title_like:
        after_text = masked[cand.span.close + 1 : cand.span.close + 120]
        nxt = _NEXT_WORD.match(after_text)
        next_word = nxt.group(1) if nxt else ""
    # Enrique “Kiki” Camarena: a nickname between a first name and a surname.
    if (
        nickname_like
        and before
        and before[-1][:1].isupper()
        and masked[cand.span.open - 1 : cand.span.open] == " "
        and next_word[:1].isupper()
        and after_text[:1] == " "
        and prev not in TITLES
    ):
        return True
    if title_like:
        capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
        title_case = capitalised >= max(1, (len(words) + 1) // 2)
        if prev in _TITLE_CUES and (title_case or prev in ("called", "titled", "named", "as")):
            return True
        if prev == "of" and len(before) >= 2 and before[-2][:1].isupper():
            return True  # "Anna Franowska of “Have no fear”": an affiliation
        if any(w.lower().strip(",") in _TITLE_NOUNS for w in before[-3:]) and title_case:
            return True
        if next_word.lower() in _TITLE_NOUNS and title_case:
            return True
        if _NAMED_THING_AFTER.match(after_text):
            return True
    if prev in _GLOSS_CUES and content[:1].islower():
        before_or = masked[: cand.span.open].rstrip()
        if not before_or.endswith(("or", "meaning")) or not before_or[:-2].rstrip().endswith(
            _CLOSE_MARK
        ):
            return True
    return False


# Attribution -----------------------------------------------------------------------------------


def _attribute(paras: list[_Para], cands: list[_Cand], cast: Cast) -> None:
    """Give every candidate a kind and a speaker; drop fragments nobody is said to have said."""
    by_sentence: dict[tuple[int, int], list[_Cand]] = {}
    for c in cands:
        by_sentence.setdefault((c.span.paragraph, c.sentence), []).append(c)
    for (p, si), group in by_sentence.items():
        para = paras[p]
        s, e = para.sentences[si]
        for k, c in enumerate(group):
            prev_close = group[k - 1].span.close + 1 if k else s
            next_open = group[k + 1].span.open if k + 1 < len(group) else e
            _explicit(para, c, prev_close, next_open)
        for k, c in enumerate(group):
            if c.who is not None and c.who.kind == "same":
                c.who = group[k - 1].who if k else _subject(para.masked, s, c.who.pos)
                c.how = "sentence" if k else "pre"
            if c.who is None and k and group[k - 1].who is not None:
                c.who, c.how = group[k - 1].who, "sentence"
        for k in range(len(group) - 2, -1, -1):
            c = group[k]
            if c.who is None and group[k + 1].who is not None and group[k + 1].how != "sentence":
                c.who, c.how = group[k + 1].who, "sentence"
        for k, c in enumerate(group):
            c.kind = _kind(para, c, group[k - 1] if k else None)

    # Whether a sentence holds speech, from the attributions found so far (the loop below adds
    # context speakers, which must not count); first-person words are looked for only when a
    # sentence's answer is asked for and its attributions do not settle it. (Loops and helpers,
    # not closures: the compiled build then makes this a typed C function.)
    attributed: dict[tuple[int, int], bool] = {}
    for key, group in by_sentence.items():
        attributed[key] = _any_attributed(group)

    kept: list[_Cand] = []
    last: _Cand | None = None
    resolved: dict[tuple[_Who, int], tuple[str | None, str | None, Person | None]] = {}
    for c in cands:
        if c.who is None:
            c.who, c.how = _from_context(paras, c, last), "context"
            key = (c.span.paragraph, c.sentence)
            if c.kind == "partial" and not (attributed[key] or _any_first_person(by_sentence[key])):
                continue
        if c.who is None and c.kind == "partial" and not c.span.carried:
            continue
        key = (c.who, c.who.para if c.who is not None and c.who.para >= 0 else c.span.paragraph)
        if c.who is not None and key in resolved:
            c.speaker, c.role, c.person = resolved[key]
        else:
            _resolve(c, cast, last)
            if c.who is not None:
                resolved[key] = (c.speaker, c.role, c.person)
        if c.who is not None and c.who.kind == "desc" and c.person is None:
            _written_anaphora(paras, c, kept, cast)
        if c.person is not None:
            c.person.spoke = True
            pos = c.span.paragraph * _PARA + c.span.open
            # (tuple.__new__: a named tuple's own constructor runs a Python-level __new__)
            cast.add(_tuple_new(Name, (c.person.kind, c.person.name, "", pos)), pos, subject=True)
        kept.append(c)
        last = c
    _share_runs(kept)
    cands[:] = kept


def _any_attributed(group: list[_Cand]) -> bool:
    """True when a candidate of the group has a speaker or is direct speech (a loop, not any()
    over a generator, which `_attribute` as a C function could not hold)."""
    for c in group:  # noqa: SIM110
        if c.who is not None or c.kind == "direct":
            return True
    return False


def _any_first_person(group: list[_Cand]) -> bool:
    """True when a candidate of the group holds a first-person word (a loop: see above)."""
    for c in group:  # noqa: SIM110
        if _first_person_in(c.text):
            return True
    return False


_SOURCE_ANAPHOR = re.compile(
    r"(?:the|this|that|its|his|her|their)\s+(statement|letter|post|tweet|message|email|report|"
    r"release|memo|note|decree|declaration|announcement|filing|notice|document|communiqu[eé])",
    re.IGNORECASE,
)


def _written_anaphora(paras: list[_Para], c: _Cand, kept: list[_Cand], cast: Cast) -> None:
    """ "…," the statement said: whoever the article says issued the statement.

    The nearest earlier sentence that mentions the source names its issuer: the speaker of a
    quote in it, else its subject ("Minister X announced the change in a written statement").
    """
    m = _SOURCE_ANAPHOR.fullmatch(c.who.text if c.who else "")
    if not m:
        return
    noun = re.compile(rf"\b{m.group(1)}\b", re.IGNORECASE)
    for p in range(c.span.paragraph, max(-1, c.span.paragraph - 3), -1):
        para = paras[p]
        top = c.sentence - 1 if p == c.span.paragraph else len(para.sentences) - 1
        for si in range(top, -1, -1):
            s, e = para.sentences[si]
            if not noun.search(para.masked, s, e):
                continue
            for prev in reversed(kept[-8:]):
                # an earlier quote from the same source, once resolved, names the issuer too
                if (
                    (prev.span.paragraph, prev.sentence) == (p, si)
                    and prev.speaker
                    and (prev.who != c.who or prev.speaker != c.who.text)
                ):
                    c.speaker, c.role, c.person = prev.speaker, prev.role, prev.person
                    return
            issuer = _issuer(para, s, e, cast)
            if issuer is not None:
                c.speaker, c.role, c.person = issuer.speaker, issuer.role, issuer.person
                return


def _issuer(para: _Para, s: int, e: int, cast: Cast) -> _Cand | None:
    """The subject of a sentence that mentions a written source, resolved like a speaker."""
    who = _subject(para.masked, s, _first_clause_end(para.masked, s, e))
    if who is None or _SOURCE_ANAPHOR.fullmatch(who.text):
        return None
    if who.kind == "desc":
        # The clause end is a guess ("the company cut its forecast"): stop at the head noun.
        words = who.text.split()
        head = next(
            (i for i, w in enumerate(words) if w.lower() in _ORG_TYPES or w.lower() in ROLE_NOUNS),
            len(words) - 1,
        )
        who = who._replace(text=" ".join(words[: head + 1]))
    probe = _Cand(MarkSpan(para.index, s, s), s, s, "", 0)
    probe.who = _new_who(who.kind, who.text, who.role, who.pos, para.index)
    _resolve(probe, cast, None)
    return probe if probe.speaker else None


def _share_runs(kept: list[_Cand]) -> None:
    """Pieces of one quote over several paragraphs share one speaker."""
    k = 0
    while k < len(kept):
        j = k
        while j + 1 < len(kept) and kept[j].span.runs_on and kept[j + 1].span.carried:
            j += 1
        if j > k:
            pieces = kept[k : j + 1]
            source = next((p for p in pieces if p.how in ("pre", "post")), pieces[0])
            for piece in pieces:
                piece.speaker, piece.role, piece.person = source.speaker, source.role, source.person
        k = j + 1


def _explicit(para: _Para, c: _Cand, lo: int, hi: int) -> None:
    """Attribution written next to the quote: after it, before it, or "according to"/"by"."""
    masked = para.masked
    s, e = para.sentences[c.sentence]
    if c.span.close < len(masked):
        who = _post_attribution(masked, c.span.close + 1, hi, e)
        if who is not None:
            c.who, c.how = who, "post"
            return
    who = _pre_attribution(masked, lo, c.span.open, s, e)
    if who is not None:
        c.who, c.how = who, "pre"
        return
    who = _according_or_by(masked, lo, c.span.open, e)
    if who is not None:
        c.who, c.how = who, "pre"
        return
    who = _source_read(masked, c.span.close + 1, hi, lo, c.span.open)
    if who is not None:
        c.who, c.how = who


_SOURCE_NP = (
    r"((?:the|this|that|its|his|her|their|a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:"
    + trie_pattern(WRITTEN_SOURCES)
    + r"))\s+read\b"
)
_SOURCE_READ_AFTER = re.compile(r"[\s,]*" + _SOURCE_NP, re.IGNORECASE)
_SOURCE_READ_BEFORE = re.compile(r"\b" + _SOURCE_NP + r"\s*[,:]?\s*$", re.IGNORECASE)


def _source_read(masked: str, after: int, hi: int, lo: int, before: int) -> tuple[_Who, str] | None:
    """ "…," the statement read / The letter read: "…": past-tense "read" after a written source."""
    m = _SOURCE_READ_AFTER.match(masked, after, hi) if after < len(masked) else None
    if m is not None:
        return _new_who("desc", m.group(1), None, m.start(1)), "post"
    # The pattern holds "read" (its only case folds are the ASCII ones, which lower() undoes)
    # and, opening with a word boundary, is tried at every position: most stretches lack it.
    if "read" not in masked[lo:before].lower():
        return None
    m = _SOURCE_READ_BEFORE.search(masked, lo, before)
    if m is not None:
        return _new_who("desc", m.group(1), None, m.start(1)), "pre"
    return None


def _post_attribution(masked: str, start: int, end: int, sentence_end: int) -> _Who | None:
    """ "…," said X / "…," X said / "…" X told Y."""
    stop = masked.find(";", start, end)
    end = stop if stop >= 0 else end
    region = masked[start:end]
    if COMPILED:
        # `SPEECH_VERB_RE.search(region)`, read character by character (with no capital to
        # stop at), where the search's set-up and calls cost several thousand instructions.
        found = _scan_verb_or_capital(region, 0, len(region), False)
        if found is False:
            return None
        verb_at, verb = found
        verb_end = verb_at + len(verb)
    else:
        m = SPEECH_VERB_RE.search(region)
        if not m:
            return None
        verb_at, verb_end, verb = m.start(), m.end(), m.group()
    before = region[:verb_at]
    lead = before.strip(" ,:—–-")
    if _OPEN_MARK in before or _MASK in before:
        return None
    if len(lead.split()) > 14 or (lead and _STOP_THEN_SPACE.search(before)):
        return None
    # (a lead of only "\r" or tabs survives the strip above but has no words)
    first = lead.split()[0] if lead.split() else ""
    if (
        first[:1].islower()
        and pronoun_gender(first) is None
        and first.lower()
        not in (
            "they",
            "it",
            "we",
            "i",
            *DETERMINERS,
        )
    ):
        who = _subject(masked, start, start + verb_at, after_quote=True)
        if who is not None and who.kind in ("name", "org", "pronoun"):
            return who  # "…," transport chief Dana Whitlock said
        lead = ""  # "…" such as troop deployment, said X: the reporter's words, then the verb
        if not _ENDS_COMMA.search(before):
            return None
    if verb.endswith("ing"):
        return None
    passive = _passive_agent(masked, start + verb_at, start + verb_end, sentence_end)
    if passive is not None:
        return passive
    if lead:
        who = _subject(masked, start, start + verb_at, after_quote=True)
        if who is not None:
            return who
    if verb in NAMING_FORMS:
        return None
    who = _np_after(masked, start + verb_end, end)
    if who is not None:
        return who
    if lead:
        return _description(lead, start)
    return None


_BE_BEFORE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+ly\s+)?$")
_BY_WORD = re.compile(r"b(?<!\wb)y\s+")
r"""`\bby\s+`, with the boundary checked after the "b" so the search can skip from b to b."""


def _passive_agent(masked: str, vs: int, ve: int, end: int) -> _Who | None:
    """ "was announced to be a "pandemic" by the WHO", "described by Marine Bulletin as"."""
    if not masked[vs:ve].endswith("ed"):
        return None
    head = masked[max(0, vs - 30) : vs]
    right_after = _BY_AFTER.match(masked[ve : ve + 5])
    if not right_after and not _BE_BEFORE.search(head):
        return None
    m = _BY_WORD.search(masked, ve, end)
    if not m:
        return None
    return _np_after(masked, m.end(), end, written_ok=True)


def _according_search(masked: str, lo: int, hi: int) -> re.Match[str] | None:
    """`_ACCORDING.search(masked, lo, hi)`, started at the first "ccording to" in the stretch.

    A pattern opening with a word boundary is tried at every position; finding its fixed
    middle with str.find first skips the stretches that cannot hold it.
    """
    at = masked.find("ccording to", lo, hi)
    return _ACCORDING.search(masked, max(lo, at - 1), hi) if at >= 0 else None


@functools.lru_cache(maxsize=64)
def _speech_verbs_in(masked: str, lo: int, hi: int) -> tuple[re.Match[str], ...]:
    """The speech verbs in `masked[lo:hi]`, the words before a quote.

    Both `_pre_attribution` and `_kind` read them for the same quote: scan the stretch once.
    """
    if hi - lo < SHORTEST_VERB:
        return ()  # a quote that opens its sentence: no verb fits before it
    return tuple(SPEECH_VERB_RE.finditer(masked, lo, hi))


def _pre_attribution(masked: str, lo: int, hi: int, s: int, e: int) -> _Who | None:
    """X said "…" / X told Y that "…" / X said: "…" — the first speech verb with a subject."""
    according = _according_search(masked, lo, hi)
    according_end = -1
    if according:
        comma = masked.find(",", according.end(), hi)
        according_end = comma if comma >= 0 else hi
    for m in _speech_verbs_in(masked, lo, hi):
        verb = m.group()
        if according and according.start() <= m.start() < according_end:
            continue  # "according to a statement released by X": left to _according_or_by
        if verb in NOUN_LIKE_FORMS and not _verb_position(masked, lo, m.start()):
            continue
        if verb.endswith("ing"):
            lead = masked[lo : m.start()]
            tail = _CLAUSE_SPLIT.split(lead)[-1].split()
            if len(tail) <= 1:
                # "…," further saying, "…" / …, telling X: "…": the main clause's speaker.
                return _new_who("same", "", None, m.start())
            continue
        passive = _passive_agent(masked, m.start(), m.end(), e)
        if passive is not None:
            return passive
        who = _subject(masked, lo, m.start())
        lead = masked[lo : m.start()].strip(" ,;:—–-")
        if who is None and lo != s and lead in ("", "and", "but", "while", "then", "and then"):
            return _new_who("same", "", None, m.start())
        between = masked[m.end() : hi]
        if who is None and verb not in RECIPIENT_FORMS and _ENDS_COMMA_COLON.search(between):
            who = _np_after(masked, m.end(), hi)
        if who is not None:
            return who
    return _labelled_speaker(masked, lo, hi)


_ON_LABEL = re.compile(r",\s+(?:on|in|via|from|at|to)\s+[^,;:.“”\x00]{1,60}:\s*$")
"""", on commentary:" / ", in a video:" closing the words before a quote."""


def _labelled_speaker(masked: str, lo: int, hi: int) -> _Who | None:
    """ "Former champion Ruth Adeyemi, on commentary: "…"": the name just before the label."""
    # Every match holds a colon: most stretches have none, and str.find is far cheaper than
    # trying the pattern at each comma.
    m = _ON_LABEL.search(masked, lo, hi) if masked.find(":", lo, hi) >= 0 else None
    if m is None:
        return None
    runs = runs_in(masked, lo, m.start())
    if not runs or masked[runs[-1].end : m.start()].strip():
        return None
    name = runs[-1].name
    if name is None or name.kind not in ("person", "single", "org"):
        return None
    return _new_who("org" if name.kind == "org" else "name", name.text, None, name.start)


def _verb_position(masked: str, lo: int, at: int) -> bool:
    """True when the word before `at` can be a subject ("Trump states", not "the states")."""
    prev = _WORD_BEFORE_SPACE.search(masked[max(lo, at - 40) : at])
    if not prev:
        return True
    word = prev.group(1)
    low = word.lower().strip(",")
    if word.endswith(","):
        return True
    return (
        word[:1].isupper()
        or pronoun_gender(low) is not None
        or low in ("they", "it", "we", "i", "who", "which", "that", "and")
        or low in _ADVERB_WORDS
        or low.endswith("ly")
    )


def _according_or_by(masked: str, lo: int, hi: int, e: int) -> _Who | None:
    m = _according_search(masked, lo, e)
    if m:
        return _np_after(masked, m.end(), e, written_ok=True)
    return None


def _segments(masked: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Comma-separated stretches of `masked[lo:hi]`, with parentheses and dash asides blanked."""
    chunk = masked[lo:hi]
    if "(" in chunk:
        chunk = _PARENS.sub(_blanked, chunk)
    if "—" in chunk or "–" in chunk or "--" in chunk:
        chunk = _DASH_ASIDE.sub(_as_commas, chunk)
    elif ";" not in chunk and ":" not in chunk:
        # With no dash (so nothing above added a comma), colon or semicolon, only commas break,
        # and most stretches have none or one: str.find steps to them, the empty stretches
        # left out as they go, where the pattern's matches and the filtering list cost more.
        segs: list[tuple[int, int]] = []
        start = lo
        at = chunk.find(",")
        while at >= 0:
            if masked[start : lo + at].strip():
                segs.append((start, lo + at))
            start = lo + at + 1
            at = chunk.find(",", at + 1)
        if masked[start:hi].strip():
            segs.append((start, hi))
        return segs
    segs = []
    start = 0
    # Without an en dash only single marks break: a plain character class, which the search
    # can skip to (the full pattern's alternatives make it try every position).
    breaks = _SEGMENT_BREAK if "–" in chunk else _SEGMENT_MARK
    for m in breaks.finditer(chunk):
        segs.append((lo + start, lo + m.start()))
        start = m.end()
    segs.append((lo + start, hi))
    return [(a, b) for a, b in segs if masked[a:b].strip()]


def _blanked(m: re.Match[str]) -> str:
    """A parenthesis, blanked out (named, not a lambda: `_segments` is then a C function)."""
    return " " * len(m.group())


def _as_commas(m: re.Match[str]) -> str:
    """A dash aside, made commas between its two spaces."""
    return " " + "," * (len(m.group()) - 2) + " "


_SEGMENT_BREAK = re.compile(r"[,;:]|—|\s–\s")
_SEGMENT_MARK = re.compile(r"[,;:—]")
"""`_SEGMENT_BREAK` for a text without an en dash."""
_RELATIVE_WHO = re.compile(r"((?:[A-Z][\w’'.-]*\s){1,4})who\s*$")


def _appositive(seg: str) -> bool:
    """ "the Speaker of the House", "a shipping researcher …", "Director General of …"."""
    words = seg.split()
    if not words:
        return False
    low = [w.lower() for w in words]
    if low[0] in DETERMINERS and len(words) > 1 and words[1][:1].islower():
        return True
    if low[0] in DETERMINERS and len(words) > 1 and low[1].rstrip(".") in TITLES:
        return True
    if low[0].rstrip(".") in TITLES and "of" in low:
        title_run = 0
        while title_run < len(low) and low[title_run].rstrip(".") in TITLES:
            title_run += 1
        return title_run < len(low) and low[title_run] == "of"
    return False


_NON_SPACE = re.compile(r"\S+")
"""A word as str.split() finds them."""


def _subject(masked: str, lo: int, hi: int, after_quote: bool = False) -> _Who | None:
    """The speaker named just before a verb: walk back over appositives and adverbials."""
    # (`after_quote` is not keyword-only: see `_np_after`.)
    rel = _RELATIVE_WHO.search(masked, lo, hi) if masked.find("who", lo, hi) >= 0 else None
    if rel:
        runs = runs_in(masked, rel.start(1), rel.end(1))
        name = runs[-1].name if runs else None
        if name is not None and name.kind in ("person", "single", "org"):
            return _new_who("name" if name.kind != "org" else "org", name.text, None, name.start)
    desc: _Who | None = None
    segs = _segments(masked, lo, hi)
    for n, (a, b) in enumerate(reversed(segs)):
        clause = False  # this stretch opens a clause ("…, and the club's account posted")
        seg = masked[a:b]
        words = seg.split()
        if not words or _MASK in seg or _OPEN_MARK in seg or _CLOSE_MARK in seg:
            if n == 0 and after_quote:
                return None
            continue
        first = words[0].lower()
        if (pronoun_gender(first) is not None or first in ("they", "it", "we", "i")) and (
            _adverbs_only(words[1:])
        ):
            return _new_who("pronoun", first, None, a + seg.index(words[0]))
        if (
            n == 0
            and (first in _SUBORDINATORS or first in ("and", "but"))
            and len(words) > 1
            and first not in PREPOSITIONS
        ):
            # "…, though a spokeswoman warned": the clause's own subject.
            a += seg.index(words[1])
            seg, words = masked[a:b], words[1:]
            first = words[0].lower()
            clause = True
        if n == 0 and not clause and len(words) > 2:
            inner = _inner_clause(words)
            if inner:
                # "Shares fell after the supplier warned": the subject is the supplier
                # (where the word starts: the inner-th last of the words split() gave)
                a += [m.start() for m in _NON_SPACE.finditer(seg)][-inner]
                seg, words = masked[a:b], words[-inner:]
                first, clause = words[0].lower(), True
        if first in _SUBORDINATORS or (first in PREPOSITIONS and first != "of"):
            continue
        if first.endswith("ing") and n > 0:
            continue
        if n + 1 < len(segs) and not clause and _appositive(seg):
            if desc is None:
                desc = _description(seg, a)
                if desc is not None:
                    desc = _new_who("role", desc.text, None, desc.pos)
            continue
        name = _name_in(masked, a, b)
        if name is not None:
            role = desc.text if desc is not None and desc.kind == "role" else None
            return _new_who(
                name.kind if name.kind == "org" else "name", name.text, role, name.start
            )
        if desc is None or desc.kind == "role":
            found = _description(seg, a)
            if (found is not None and desc is None) or (
                found is not None and desc is not None and desc.kind == "role"
            ):
                desc = found
        if after_quote and n >= 2:
            break
    if desc is not None and desc.kind == "role":
        return _new_who("desc", desc.text, None, desc.pos)
    return desc


def _adverbs_only(words: list[str]) -> bool:
    """True when every word is an adverb, one of `_ADVERB_WORDS` or one ending in "ly" (a loop,
    not all() over a generator: see quotes.pxd)."""
    for w in words:
        low = w.lower()
        if low not in _ADVERB_WORDS and not low.endswith("ly"):
            return False
    return True


def _inner_clause(words: list[str]) -> int:
    """How many closing words form a clause after a subordinator ("after the firm"), or 0."""
    for k in range(len(words) - 1, max(0, len(words) - 5), -1):
        low = words[k - 1].lower()
        if (low in _SUBORDINATORS and low not in PREPOSITIONS) or low == "after":
            head = words[k].lower()
            if head in DETERMINERS and all(w[:1].islower() for w in words[k:]):
                return len(words) - k
            return 0
    return 0


class _CommonWords:
    """Whether a word appears in lower case in an article's prose (as `_LOWER_WORD` reads it).

    Only a few words are ever asked about, so each is looked for on its own rather than listing
    every lower-case word of the article.
    """

    def __init__(self, paras: list[_Para]) -> None:
        self._paras = paras
        self._prose: str | None = None
        self._known: dict[str, bool] = {}

    def capitalised_inside(self, word: str) -> bool:
        """True when `word` stands capitalised somewhere other than at a sentence's start."""
        if self._prose is None:
            self._prose = "\n".join(para.masked for para in self._paras)
        # The word first and the boundary look-behind after it: the search then jumps from one
        # occurrence of the word to the next instead of trying every position of the article.
        word_re = re.escape(word)
        pattern = rf"{word_re}(?<![\w’'-]{word_re})(?![\w’'-])"
        for m in re.finditer(pattern, self._prose):
            if not _sentence_initial(self._prose, m.start()):
                return True
        return False

    def __contains__(self, word: str) -> bool:
        found = self._known.get(word)
        if found is None:
            if self._prose is None:
                self._prose = "\n".join(para.masked for para in self._paras)
            found = self._known[word] = _lower_word_in(self._prose, word)
        return found


def _lower_word_in(prose: str, word: str) -> bool:
    """True when `_LOWER_WORD.findall(prose)` would list `word`."""
    at = prose.find(word) if word else -1
    while at >= 0:
        start = at
        if start > 0 and prose[start - 1] in "’'-":
            # Perhaps the tail of a longer word ("well-known"): read from where its stretch
            # begins, as findall would.
            while start > 0 and (prose[start - 1] in "’'-" or "a" <= prose[start - 1] <= "z"):
                start -= 1
        for m in _LOWER_WORD.finditer(prose, start):
            if m.start() == at and m.group() == word:
                return True
            if m.end() > at:
                break
        at = prose.find(word, at + 1)
    return False


_COMMON: ContextVar[_CommonWords | frozenset[str]] = ContextVar("_COMMON", default=frozenset())
"""Lower-case words of the article being read, set for the length of one extract_quotes call."""


def _name_in(masked: str, a: int, b: int) -> Name | None:
    """The first person (else body) in a stretch, skipping objects, modifiers and possessors."""
    org: Name | None = None
    lead = a + len(masked[a:b]) - len(masked[a:b].lstrip())
    for run in runs_in(masked, a, b):
        name = run.name
        if name is None or name.kind in ("place", "title"):
            continue
        bare = run.start == lead  # the stretch starts here: nothing before
        if name.kind == "single" and len(run.words) == 1 and _common_noun(masked, run):
            continue  # "Residents of Lowbridge …": a common word that starts a sentence
        if not subject_like(run, bare) and not (
            name.kind == "person" and name.titles and not run.possessive
        ):
            # "House of Commons Speaker John Bercow": a titled name after "of" still leads.
            continue
        if name.kind in ("person", "single"):
            if not bare and run.before == "the" and not name.titles:
                continue  # "Buffy the Vampire Slayer": people rarely take "the"
            return name
        if org is None:
            org = name
    return org


_PLURAL_LEAD = re.compile(r"[A-Z][a-z]+[^sui’'\W]s\s+(?:in|of|at|for|from|on|across|over)\s")
"""A sentence-opening word that reads as a plural noun ("Shares in", "Prices for")."""


def _common_noun(masked: str, run: Run) -> bool:
    """True for a capitalised common word that only starts sentences, never a name."""
    word = run.words[0]
    common = _COMMON.get()
    if word.lower() in common:
        return True
    if not _PLURAL_LEAD.match(masked, run.start) or not _sentence_initial(masked, run.start):
        return False
    return isinstance(common, _CommonWords) and not common.capitalised_inside(word)


def _sentence_initial(masked: str, pos: int) -> bool:
    head = masked[max(0, pos - 4) : pos].rstrip(" \n\t“\"‘'(")
    return not head or head[-1] in ".!?:"


def _np_after(masked: str, start: int, end: int, written_ok: bool = False) -> _Who | None:
    """The speaker named after a verb: "said Barry Appleton, an international trade lawyer"."""
    # (`written_ok` is not keyword-only: the compiled build makes this a typed C function,
    # which takes none, called without the interpreter's argument parsing.)
    region = masked[start:end]
    stop = _np_stop(region)
    region = region[:stop] if stop >= 0 else region
    if not region.strip():
        return None
    best: _Who | None = None
    segs = _segments(masked, start, start + len(region))
    for n, (a, b) in enumerate(segs[:3]):
        seg = masked[a:b]
        if written_ok:
            owner = _written_owner(seg, a)
            if owner is not None:
                return _new_who("org", owner.text, None, owner.start)
        cut = _np_cut(" " + seg)
        if cut > 0:
            b = a + cut
            seg = masked[a:b]
        if not seg.strip():
            continue
        words = seg.split()
        first = words[0].lower()
        if n == 0 and pronoun_gender(first) is not None and len(words) <= 2:
            return _new_who("pronoun", first, None, a + seg.index(words[0]))
        name = _name_in(masked, a, b)
        if name is not None:
            role = None
            if n + 1 < len(segs):
                role = _clean_role(masked[segs[n + 1][0] : segs[n + 1][1]])
            if role and (role[:1].isupper() or len(role.split()) > 12):
                role = None
            if role:
                role = _role_head(role + " ").strip() or None
            if name.kind in ("person", "single"):
                return _new_who("name", name.text, role, name.start)
            best = best or _new_who("org", name.text, None, name.start)
            continue
        if n == 0 and best is None:
            best = _description(seg, a)
            if best is None:
                break
    return best


def _np_stop(region: str) -> int:
    """Where `_NP_STOP.search(region)` starts, or -1: in the compiled build, for a region
    without a dash, the first of its marks read character by character."""
    if "—" in region or "–" in region:
        m = _NP_STOP.search(region)
    elif COMPILED:
        for at, c in enumerate(region):
            if c in ".!?;“”\x00":  # (`_MASK` among them)
                return at
        return -1
    else:
        m = _NP_STOP_MARK.search(region)
    return -1 if m is None else m.start()


_NP_CUT_WORDS = frozenset(
    _words(
        """
        on in at during after before when while yesterday today tonight last this earlier later
        according via adding saying noting as to who which that
        """
    )
)
"""The words `_CUT_NP` cuts before (besides "of" before a lower-case word)."""


def _np_cut(text: str) -> int:
    """Where `_CUT_NP.search(text)` starts, or -1; read character by character in the compiled
    build, where the search, which cannot skip ahead to one fixed character, costs ~100
    instructions a character.

    After a space, the pattern's words must be the whole stretch of word characters there (its
    closing boundary rules out a longer one), except "of", which needs spaces and then a
    lower-case ASCII letter.
    """
    if not COMPILED:
        m = _CUT_NP.search(text)
        return -1 if m is None else m.start()
    n = len(text)
    for at, c in enumerate(text):
        if not c.isspace() or at + 1 == n or text[at + 1] not in "abdeilnostvwy":
            continue  # (the letters the words open with)
        end = at + 1
        while end < n and (text[end].isalnum() or text[end] == "_"):
            end += 1
        word = text[at + 1 : end]
        if word == "of":
            after = end
            while after < n and text[after].isspace():
                after += 1
            if after > end and after < n and "a" <= text[after] <= "z":
                return at
        elif word in _NP_CUT_WORDS:
            return at
    return -1


def _written_owner(seg: str, a: int) -> Name | None:
    """ "a statement released by Erdogan's office" → the owner of a written source."""
    m = _BY_FROM_OF.search(seg)
    if m and any(w.lower() in WRITTEN_SOURCES for w in seg[: m.start()].split()):
        owner = _LEADING_THE.sub("", m.group(1).strip())
        return Name("org", owner, "", a + m.start(1))
    return None


def _description(seg: str, pos: int) -> _Who | None:
    """An unnamed speaker's describing phrase ("one person familiar with the talks")."""
    text = seg.strip(" ,;:—–-\x00“”")
    words = text.split()
    if not words:
        return None
    first = words[0].lower()
    if first in _SUBORDINATORS or first == "according" or (first in PREPOSITIONS and first != "of"):
        return None
    # A phrase of more than 12 words is no description, so only the first 13 words can hold
    # the cut that leaves one: past them, cut or not, too many words are left.
    low = [w.lower() for w in words[:13]]
    cut = len(words)
    for i in range(1, len(low)):
        w = low[i]
        if w in _ADVERB_WORDS or w in SPEECH_FORMS or w == "and" or w == "but":
            cut = i
            break
    words, low = words[:cut], low[:cut]
    if not words or len(words) > 12 or low[-1] in TIME_WORDS:
        return None
    possessive = words[0][:1].isupper() and _POSSESSIVE_END.search(words[0])
    head = low[-1].rstrip("s")
    if (
        low[0] in DETERMINERS
        or low[0] in _PERSON_HEADS
        or (low[0] in ROLE_NOUNS and len(low) > 1 and low[1] == "of")
        or low[-1] in ROLE_NOUNS
        or head in ROLE_NOUNS
        or possessive
        or any(w in WRITTEN_SOURCES for w in low)
        or _PLURAL_LEAD.match(text)  # "Engineers at Dunmore Yard": a plural noun, described
    ):
        if low[0] not in DETERMINERS and not possessive and len(words) > 4:
            return None
        return _new_who("desc", " ".join(words), None, pos)
    return None


def _from_context(paras: list[_Para], c: _Cand, last: _Cand | None) -> _Who | None:
    """A quote with no attribution in its sentence: the speaker a reader carries over."""
    para = paras[c.span.paragraph]
    s, _e = para.sentences[c.sentence]
    starts_sentence = para.masked[s : c.span.open].strip() == ""
    if not starts_sentence:
        # The reporter's own sentence: its subject, when the quoted words read as speech.
        who = _subject(para.masked, s, _first_clause_end(para.masked, s, c.span.open))
        if who is not None and who.kind != "desc":
            return who
    near = last is not None and (
        last.span.paragraph == c.span.paragraph
        or (last.span.paragraph == c.span.paragraph - 1 and c.sentence == 0)
    )
    prev_para, prev_sent = c.span.paragraph, c.sentence - 1
    if prev_sent < 0:
        prev_para -= 1
        prev_sent = len(paras[prev_para].sentences) - 1 if prev_para >= 0 else -1
    if prev_para >= 0 and prev_sent >= 0:
        if (
            near
            and last is not None
            and (last.span.paragraph, last.sentence)
            == (
                prev_para,
                prev_sent,
            )
        ):
            return last.who
        pp = paras[prev_para]
        ps, pe = pp.sentences[prev_sent]
        who = _subject(pp.masked, ps, _first_clause_end(pp.masked, ps, pe))
        if who is None or who.kind not in ("name", "pronoun"):
            who = _sentence_subject(pp.masked, ps, pe)
        if who is not None and who.kind in ("name", "pronoun"):
            return _new_who(who.kind, who.text, who.role, who.pos, prev_para)
    if near and last is not None:
        return last.who
    return None


def _sentence_subject(masked: str, s: int, e: int) -> _Who | None:
    """The grammatical subject of a sentence: its first segment that is not an adverbial."""
    for a, b in _segments(masked, s, e):
        seg = masked[a:b]
        words = seg.split()
        if not words or _MASK in seg or _OPEN_MARK in seg:
            continue
        first = words[0].lower()
        if first in _SUBORDINATORS or first in PREPOSITIONS or first.endswith(("ing", "ed")):
            continue
        if pronoun_gender(first) is not None or first in ("they", "it", "we"):
            return _new_who("pronoun", first, None, a + seg.index(words[0]))
        end = _first_clause_end(masked, a, b)
        name = _name_in(masked, a, end)
        if name is not None and name.kind in ("person", "single"):
            return _new_who("name", name.text, None, name.start)
        return None
    return None


def _first_clause_end(masked: str, s: int, e: int) -> int:
    if COMPILED:
        # `SPEECH_VERB_RE.search(masked, s, e)`, read character by character (with no capital
        # to stop at): the search's skipping expression is then never compiled.
        found = _scan_verb_or_capital(masked, s, e, False)
        if isinstance(found, tuple):
            return found[0]
    else:
        verb = SPEECH_VERB_RE.search(masked, s, e)
        if verb:
            return verb.start()
    m = _FINITE_VERB.search(masked[s:e])
    return s + m.start() if m else e


def _kind(para: _Para, c: _Cand, prev: _Cand | None) -> QuoteKind:
    """Direct when the quote is a sentence or clause given as the speaker's words."""
    if c.span.carried or c.span.runs_on:
        return "direct"
    masked = para.masked
    s, e = para.sentences[c.sentence]
    lead = masked[s : c.span.open]
    lo = prev.span.close + 1 if prev is not None else s
    pre = masked[lo : c.span.open]
    post = masked[c.span.close + 1 : e] if c.span.close < len(masked) else ""
    upper = c.text[:1].isupper() or c.text[:1] in "[(" or c.text[:1].isdigit()
    if prev is not None and _AND_OR.fullmatch(pre):
        return prev.kind
    continues = (
        c.how != "post"
        and "a" <= post.lstrip()[:1] <= "z"  # a lower-case ASCII letter after any spaces
        and not _continues_as_attribution(post)
    )
    if not lead.strip():
        return "partial" if continues else "direct"
    if _ENDS_COMMA_COLON.search(pre) and (upper or prev is not None):
        return "partial" if continues else "direct"
    # The verbs in `pre`, read in the paragraph: `pre` follows a space or a closing mark, so
    # they are the same words a search of `pre` alone would find.
    for m in _speech_verbs_in(masked, lo, c.span.open):
        verb = m.group()
        if verb in NAMING_FORMS:
            continue
        gap = masked[m.end() : c.span.open].split()
        if gap and gap[-1].lower() == "that":
            gap = gap[:-1]
        if _holds_that(gap):
            continue  # "told Reuters that Haddad was "…"": the reporter's clause
        if _all_adverbial(gap) or (verb in RECIPIENT_FORMS and _recipient(gap)):
            return "direct"
    if c.how == "post" and upper:
        return "direct"
    return "partial"


def _holds_that(words: list[str]) -> bool:
    """True when one of the words is "that", in any case (loops like this one and the next,
    not any() or all() over a generator, let the compiled build make `_kind` a C function)."""
    for w in words:  # noqa: SIM110
        if w.lower() == "that":
            return True
    return False


def _all_adverbial(words: list[str]) -> bool:
    """True when every word is `_adverbial`."""
    for w in words:  # noqa: SIM110
        if not _adverbial(w):
            return False
    return True


def _continues_as_attribution(post: str) -> bool:
    r"""True when `post` goes on, after any white space, with a speech verb, "he", "she",
    "they", "it", "we" or "according" as whole words: what `\s*(?:\b<verbs>\b|he|she|they|it|
    we|according)\b` matches.

    Every verb ends with a word character, so the boundary after it says that the word there is
    the verb (or a verb of two words, "went on", starts with it). Looking the word up spares the
    worker processes compiling that expression, the speech-verb trie once more, at start-up.
    """
    m = _LEADING_WORD.match(post)
    if m is None:
        return False
    word = m.group(1)
    if word in _ATTRIBUTION_WORDS:
        return True
    for verb in _VERBS_OF_TWO_WORDS.get(word, ()):
        end = m.start(1) + len(verb)
        if post.startswith(verb, m.start(1)) and (end == len(post) or not _is_word(post[end])):
            return True
    return False


_LEADING_WORD = re.compile(r"\s*(\w+)")
_ATTRIBUTION_WORDS = frozenset(SPEECH_FORMS) | {"he", "she", "they", "it", "we", "according"}
"""The one-word continuations `_continues_as_attribution` looks for (verbs of two words too,
which never are a whole word)."""


def _verbs_by_first_word(forms: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The speech verbs of more than one word ("went on"), by their first word: those that
    are not one stretch of word characters."""
    found: dict[str, tuple[str, ...]] = {}
    for form in sorted(forms):
        first = _LEADING_WORD.match(form)
        if first is not None and first.end() < len(form):
            found[first.group(1)] = (*found.get(first.group(1), ()), form)
    return found


_VERBS_OF_TWO_WORDS = _verbs_by_first_word(SPEECH_FORMS)


def _is_word(c: str) -> bool:
    r"""True for a character of `\w`."""
    return c.isalnum() or c == "_"


def _adverbial(word: str) -> bool:
    low = word.lower().strip(",")
    return (
        low in PREPOSITIONS
        or low in TIME_WORDS
        or low in _ADVERB_WORDS
        or low in DETERMINERS
        or low.endswith("ly")
        or word[:1].isupper()
        or word[:1].isdigit()
    )


_AUDIENCES = frozenset(
    _words(
        """
        reporters journalists press media crowd audience supporters parliament lawmakers
        officials us me him her them viewers listeners readers correspondent interviewer court
        jury
        """
    )
)


def _recipient(gap: list[str]) -> bool:
    """True when the words between "told" and the quote name only who was told."""
    if not gap:
        return True
    if len(gap) > 6:
        return False
    low = [w.lower() for w in gap]
    return any(w in _AUDIENCES or gap[i][:1].isupper() for i, w in enumerate(low)) and all(
        _adverbial(w) or w in _AUDIENCES or w in ("our", "local") for w in low
    )


def _resolve(c: _Cand, cast: Cast, last: _Cand | None) -> None:
    """Turn the attribution into the fullest name, its role and the person behind it."""
    who = c.who
    para_pos = (who.para if who is not None and who.para >= 0 else c.span.paragraph) * _PARA
    if who is None:
        if last is not None:
            c.speaker, c.role, c.person = last.speaker, last.role, last.person
        return
    if who.kind == "pronoun":
        person = _pronoun_person(who, cast, last, para_pos + who.pos)
        if person is None:
            if last is not None:
                c.speaker, c.role, c.person = last.speaker, last.role, last.person
            return
    elif who.kind == "desc":
        person = _desc_person(who.text, cast, para_pos + who.pos)
        if person is None:
            plural = _PLURAL_PRONOUN.search(who.text)
            if last is not None and plural and last.person is None:
                c.speaker, c.role = (
                    last.speaker,
                    last.role,
                )  # "One of them" after "one of the children"
                return
            owner = _possessor_source(who.text, cast, para_pos + who.pos)
            if isinstance(owner, Person):
                c.person, c.speaker = owner, owner.name
            else:
                c.speaker = owner or who.text
            return
    else:
        person = cast.person(who.text)
        if person is None:
            c.speaker, c.role = cast.full_name(who.text), who.role
            return
    c.person = person
    c.speaker = person.name
    c.role = (who.role if who.kind == "name" else None) or person.role
    if c.role and c.role.lower() == person.name.lower():
        c.role = None


def _pronoun_person(who: _Who, cast: Cast, last: _Cand | None, pos: int) -> Person | None:
    if who.text in ("i", "we"):
        return last.person if last else None
    if (
        who.text in ("they", "it")
        and last is not None
        and (last.person is None or last.person.kind == "org")
    ):
        return last.person
    person = cast.pronoun(who.text, pos)
    if person is not None and person.gender is None:
        person.gender = pronoun_gender(who.text)
    return person


def _desc_person(text: str, cast: Cast, pos: int) -> Person | None:
    """ "The commissioner", "the father", "the council" resolved to the named one, if clear."""
    words = text.lower().split()
    if len(words) > 3 or words[0] not in ("the", "this", "that"):
        return None
    noun = words[-1]
    if _AGED.fullmatch(noun):
        return cast.pronoun("he", pos, any_gender=True)  # "the 23-year-old said"
    if noun in _ORG_TYPES:
        return cast.body(noun, pos)
    if noun in _KINSHIP:
        return cast.with_role(noun, pos, _KINSHIP[noun])  # type: ignore[arg-type]
    if noun in TITLES or noun in ROLE_NOUNS:
        return cast.with_role(noun, pos)
    return None


def _possessor_source(text: str, cast: Cast, pos: int) -> str | Person | None:
    """ "The WHO's website", "the club's official account" → the body that owns a source."""
    m = _POSSESSOR_SOURCE.match(text)
    if not m or m.group(2).lower() not in WRITTEN_SOURCES:
        return None
    owner = m.group(1)
    if owner[:1].isupper():
        return cast.full_name(owner)
    if owner.lower() in _ORG_TYPES:
        return cast.body(owner.lower(), pos)
    return None
