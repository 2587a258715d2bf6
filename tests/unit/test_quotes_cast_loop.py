"""`_learn_cast`'s walk over the runs learns the cast its plain form (kept here) learns."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bitereader.extract import quotes as q
from bitereader.extract import speakers


def _plain_learn_cast(paras: list) -> speakers.Cast:
    """The loop as it read before its shortcuts (`max` and `startswith` for the label comma)."""
    orgs = q._org_evidence(paras)
    speakers.known_orgs(orgs)
    cast = speakers.Cast()
    for para in paras:
        cast.learn_acronyms(para.text)
        for m in q._COUPLE.finditer(para.masked):
            first, second, surname = m.groups()
            if all(speakers.guess_gender(g, "") for g in (first, second)):
                for given, at in ((first, m.start(1)), (second, m.start(2))):
                    name = speakers.Name("person", f"{given} {surname}", "", at)
                    cast.add(name, para.index * q._PARA + at, subject=True)
    for para in paras:
        masked = para.masked
        for s, e in para.sentences:
            first_person = None
            persons_here = 0
            for run in speakers.runs_in(masked, s, e):
                name = run.name
                if name is None or name.kind in ("place", "title"):
                    continue
                if run.before in ("in", "at", "from"):
                    cast.places.add(name.text)
                subject = (
                    speakers.subject_like(run) or (name.kind == "person" and bool(name.titles))
                ) and not (run.before == "the" and name.kind in ("person", "single"))
                subject = subject or name.text in orgs
                role = q._appositive_role(masked, run.end, e) if run.gap_after == ", " else None
                if not role:
                    role = q._pre_role(masked, s, run.start, name)
                label = (
                    q._LABEL_BEFORE.search(masked[max(s, run.start - 40) : run.start])
                    if masked.startswith(",", max(s, run.start - 2), run.start)
                    else None
                )
                if label and label.group(1).lower() in q._PERSON_LABELS:
                    role = role or label.group(1).lower()
                pos = para.index * q._PARA + name.start
                person = cast.add(name, pos, subject=subject, role=role)
                if label and person.gender is None:
                    person.gender = q._gender_word(label.group(1))
                if name.kind in ("person", "single"):
                    persons_here += 1
                    if first_person is None and subject and name.kind == "person":
                        first_person = person
            q._learn_described(cast, para, s, e)
            if first_person is not None and persons_here == 1 and first_person.gender is None:
                gender = q._pronoun_after(masked, s, e)
                if gender:
                    first_person.gender = gender
    return cast


def _summary(cast: speakers.Cast) -> tuple:
    people = sorted(
        (k, p.name, p.kind, p.gender, p.role, tuple(p.roles), p.described)
        for k, p in cast.people.items()
    )
    mentions = [(m.pos, m.person.name, m.subject) for m in cast.mentions]
    return people, mentions, sorted(cast.places), sorted(cast.acronyms.items())


def _learnt(paragraphs: list[str], learn) -> tuple:
    spans = q.article_spans(paragraphs)
    paras = [q._analyse(i, text, spans[i]) for i, text in enumerate(paragraphs)]
    token = q._COMMON.set(q._CommonWords(paras))
    try:
        with speakers.run_cache():
            return _summary(learn(paras))
    finally:
        q._COMMON.reset(token)


_PIECES = st.sampled_from(
    [
        "Her brother", "Piotr", "Tom Brennan", "Maria", "Novak", "the", "in", "said", "told",
        "spokeswoman", "Mr", "Mrs Hale", "President", "Harbour Town", "shares in", "Harlow Foods",
        "a spokesperson", "the son of one victim", "he", "she", "and", "“We will build it”",
        "(WHO)", "World Health Organization", "David and Louise Turpin", "sister",
    ]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", " ", ", ", ",", ". ", "; ", ","])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.tuples(_PIECES, _SEPARATORS), max_size=10), min_size=1, max_size=3))
@example([[("Her brother", ", "), ("Piotr", ", "), ("said", " ")]])
@example([[("sister", ","), ("Maria", " "), ("said", " ")]])
@example([[("Tom Brennan", ", "), ("a spokesperson", ", "), ("said", ". ")]])
def test_the_cast_is_what_the_plain_loop_learns(paragraphs: list[list[tuple[str, str]]]) -> None:
    texts = ["".join(p + sep for p, sep in para) for para in paragraphs]
    assert _learnt(texts, q._learn_cast) == _learnt(texts, _plain_learn_cast)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["(", ")", "WHO", "Who", " and ", " And ", "and", "David", " ", "Lee"])
    )
)
def test_the_plain_tests_before_the_patterns_skip_only_texts_they_cannot_match(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    if "(" not in text:
        assert speakers._ACRONYM_DEF.search(text) is None  # learn_acronyms returns at once
    if " and " not in text:
        assert q._COUPLE_HINT.search(text) is None  # _learn_cast looks for no couple
