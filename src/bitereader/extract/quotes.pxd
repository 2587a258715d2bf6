# Static types for the compiled build of quotes.py (Cython reads this "augmenting" .pxd when it
# compiles the .py; plain Python never sees it, and setup.py then ignores the .py's annotations).
# Functions are cpdef, so tests still find them as module attributes; a function with
# keyword-only arguments, a decorator, or a closure (a lambda or generator expression: cpdef
# functions cannot hold one) stays a plain def.
cimport cython

from bitereader.extract.speakers cimport Cast, _tuple_new, runs_in, subject_like


# Plain classes in the .py, C structs here: their fields are read by offset, not looked up.
cdef class _Para:
    cdef public Py_ssize_t index
    cdef public str text, masked
    cdef public list sentences, spans


cdef class _Cand:
    cdef public object span, who, speaker, role, person
    cdef public Py_ssize_t start, end, sentence
    cdef public str text, how, kind


@cython.locals(p=str)
cpdef bint _holds_a_mark(list paragraphs) except -1

cpdef _new_who(str kind, str text, role, Py_ssize_t pos, Py_ssize_t para=*)

cdef tuple _QUOTE_SLOTS, _QUOTE_MEMBERS


cdef extern from *:
    """
    #include "structmember.h"

    /* `descr.__set__(obj, value)` for the member descriptor `descr` of a slot of obj's own
       type, as the descriptor sets it (PyMember_SetOne), once its check that obj is an
       instance of that type is passed: the caller makes obj of that type. */
    static int bitereader_fill_slot(PyObject *descr, PyObject *obj, PyObject *value) {
        return PyMember_SetOne((char *)obj, ((PyMemberDescrObject *)descr)->d_member, value);
    }
    """
    int _fill_slot "bitereader_fill_slot"(object descr, object obj, object value) except -1

@cython.locals(i=Py_ssize_t)
cpdef _new_quote(tuple values)

@cython.locals(
    parts=list, at=Py_ssize_t, o=Py_ssize_t, c=Py_ssize_t, keep=Py_ssize_t, tail=str,
    last_stop=Py_ssize_t,
)
cpdef str _mask(str text, list spans)

@cython.locals(bounds=list, start=Py_ssize_t, stop=Py_ssize_t, end=Py_ssize_t)
cpdef list _sentences(str masked)

@cython.locals(ends=list, done=Py_ssize_t, at=Py_ssize_t)
cpdef list _sentence_ends(str masked)

@cython.locals(spans=list, done=Py_ssize_t, at=Py_ssize_t, c=Py_UCS4, end=Py_ssize_t)
cpdef list _sentence_end_spans(str masked)

@cython.locals(n=Py_ssize_t, q=Py_ssize_t, r=Py_ssize_t, c=Py_UCS4)
cpdef Py_ssize_t _sentence_end_at(str masked, Py_ssize_t at) except -2

@cython.locals(start=Py_ssize_t, limit=Py_ssize_t, word=str, token=str)
cpdef bint _abbreviation_before(str masked, Py_ssize_t stop) except -1

@cython.locals(
    para=_Para, cast=Cast, masked=str, runs_of=list, i=Py_ssize_t, runs=list, base=Py_ssize_t,
    k=Py_ssize_t, s=Py_ssize_t, e=Py_ssize_t, persons_here=Py_ssize_t, start=Py_ssize_t,
    comma_at=Py_ssize_t, subject=bint, before=str,
)
cpdef Cast _learn_cast(list paras)

@cython.locals(
    para=_Para, found=set, i=Py_ssize_t, masked=str, before=str, before2=str, shares=bint, first=str
)
cpdef frozenset _org_evidence(list paras, list runs_of=*)

@cython.locals(stop=Py_ssize_t, n=Py_ssize_t, start=Py_ssize_t)
cpdef bint _org_word_ends_clause(str masked, Py_ssize_t comma) except -1

@cython.locals(at=Py_ssize_t, hole=Py_ssize_t, stop=Py_ssize_t)
cpdef tuple _verb_before_capital(str masked, Py_ssize_t lo, Py_ssize_t hi)

cdef extern from *:
    """
    /* `_wordish` in C: [\\w’'-]. */
    static inline int bitereader_wordish(Py_UCS4 c) {
        if (c < 0x80)
            return c - 'a' < 26 || c - 'A' < 26 || c - '0' < 10 || c == '_' || c == '\\'' || c == '-';
        return Py_UNICODE_ISALNUM(c) || c == 0x2019;
    }

    /* A word that may be a speech verb: [start, end), or end -1 for a capital after a space
       first, -2 for neither before the stretch ends. */
    typedef struct { Py_ssize_t start, end; } bitereader_verb_word;

    /* The loop of `_scan_verb_or_capital` for one storage kind (a constant once inlined, so
       each kind gets a loop of its own, with no switch on the kind at every character). */
    static inline bitereader_verb_word bitereader_verb_word_in(
        int kind, const void *data, Py_ssize_t n, Py_ssize_t q, Py_ssize_t stop, Py_ssize_t at,
        int after_break, int capitals, const unsigned char *triples, Py_ssize_t shortest,
        Py_ssize_t longest
    ) {
        bitereader_verb_word found;
        Py_ssize_t word = -1, triple = 0, end = stop < n ? stop : n;
        for (; q < end; q++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, q);
            if (!bitereader_wordish(c)) {
                if (word >= 0 && shortest <= q - word && q - word <= longest
                        && (triple < 0 || triples[triple])) {
                    found.start = word;
                    found.end = q;
                    return found;
                }
                word = -1;
                after_break = 1;
            } else if (after_break) {
                if (c - 'a' < 26) {
                    word = q;
                    triple = c - 'a';
                } else if (capitals && c - 'A' < 26 && q > at
                        && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, q - 1))) {
                    found.start = q;
                    found.end = -1;
                    return found;
                }
                after_break = 0;
            } else if (word >= 0 && q - word < 3) {
                triple = triple >= 0 && c - 'a' < 26 ? triple * 26 + (Py_ssize_t)(c - 'a') : -1;
            }
        }
        if (word >= 0 && shortest <= stop - word && stop - word <= longest
                && (triple < 0 || triples[triple])) {
            found.start = word;
            found.end = stop;
            return found;
        }
        found.start = -1;
        found.end = -2;
        return found;
    }

    /* From `q` (after a break when `after_break`) to the next word of `text[q:stop]` that
       `_scan_verb_or_capital` would look up (its first three letters and its length allowed by
       the table `triples`), unless a capital after a space at or after `at` + 1 comes first. */
    static bitereader_verb_word bitereader_next_verb_word(
        PyObject *text, Py_ssize_t q, Py_ssize_t stop, Py_ssize_t at, int after_break,
        int capitals, const char *triples, Py_ssize_t shortest, Py_ssize_t longest
    ) {
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t n = PyUnicode_GET_LENGTH(text);
        const unsigned char *table = (const unsigned char *)triples;
        switch (PyUnicode_KIND(text)) {
        case PyUnicode_1BYTE_KIND:
            return bitereader_verb_word_in(PyUnicode_1BYTE_KIND, data, n, q, stop, at,
                                           after_break, capitals, table, shortest, longest);
        case PyUnicode_2BYTE_KIND:
            return bitereader_verb_word_in(PyUnicode_2BYTE_KIND, data, n, q, stop, at,
                                           after_break, capitals, table, shortest, longest);
        default:
            return bitereader_verb_word_in(PyUnicode_4BYTE_KIND, data, n, q, stop, at,
                                           after_break, capitals, table, shortest, longest);
        }
    }
    """
    ctypedef struct _VerbWord "bitereader_verb_word":
        Py_ssize_t start, end
    _VerbWord _next_verb_word "bitereader_next_verb_word"(
        str text, Py_ssize_t q, Py_ssize_t stop, Py_ssize_t at, bint after_break, bint capitals,
        const char *triples, Py_ssize_t shortest, Py_ssize_t longest
    )


@cython.locals(
    q=Py_ssize_t, word=Py_ssize_t, triple=Py_ssize_t, c=Py_UCS4, after_break=bint, found=_VerbWord
)
cpdef object _scan_verb_or_capital(str masked, Py_ssize_t at, Py_ssize_t stop, bint capitals=*)

cpdef bint _wordish(Py_UCS4 c) noexcept

cdef bytes _VERB_TRIPLES
cdef Py_ssize_t _SHORTEST_VERB_WORD, _LONGEST_VERB_WORD

@cython.locals(x=Py_UCS4, y=Py_UCS4, z=Py_UCS4)
cpdef bint _opens_no_word(bytes triples, str text, Py_ssize_t q) except -1

cpdef Py_ssize_t _next_triple(Py_ssize_t triple, Py_UCS4 c) noexcept

cpdef bint _may_be_word(
    bytes triples, Py_ssize_t triple, Py_ssize_t n, Py_ssize_t shortest, Py_ssize_t longest
) except -1

cpdef bint _may_be_verb(Py_ssize_t triple, Py_ssize_t n) except -1

@cython.locals(word=str)
cpdef object _verb_at(str masked, Py_ssize_t q, Py_ssize_t r, Py_ssize_t stop)

@cython.locals(close=Py_ssize_t, verb_at=Py_ssize_t, words=list, head_at=Py_ssize_t, head=str, i=Py_ssize_t, w=str)
cpdef _learn_described(Cast cast, _Para para, Py_ssize_t s, Py_ssize_t e)

cpdef bint _may_end_in_head(str low) except -1

cdef bytes _HEAD_TRIPLES
cdef Py_ssize_t _SHORTEST_HEAD, _LONGEST_HEAD

@cython.locals(q=Py_ssize_t, word=Py_ssize_t, triple=Py_ssize_t, c=Py_UCS4)
cpdef bint _scan_heads(str low) except -1

cpdef bint _may_be_head(Py_ssize_t triple, Py_ssize_t n) except -1

@cython.locals(n=Py_ssize_t, t=Py_ssize_t)
cpdef bint _head_follows(str low, Py_ssize_t q, Py_ssize_t r) except -1

cpdef bint _head_char(Py_UCS4 c) noexcept

cpdef bint _head_at(str low, Py_ssize_t q, Py_ssize_t r) except -1

cpdef _gender_word(str word)

@cython.locals(clause=str)
cpdef _pronoun_after(str masked, Py_ssize_t s, Py_ssize_t e)

@cython.locals(role=str, words=list)
cpdef _appositive_role(str masked, Py_ssize_t after, Py_ssize_t limit)

@cython.locals(words=list, picked=list, low=str, w=str, role=str)
cpdef _pre_role(str masked, Py_ssize_t s, Py_ssize_t run_start, name)

@cython.locals(article=object)
cpdef _clean_role(str role)

@cython.locals(at=Py_ssize_t)
cpdef str _role_head(str role)

@cython.locals(n=Py_ssize_t, at=Py_ssize_t)
cpdef Py_ssize_t _article_end(str role) except -1

@cython.locals(n=Py_ssize_t, at=Py_ssize_t, end=Py_ssize_t, c=Py_UCS4)
cpdef Py_ssize_t _role_cut(str role) except -2

cdef Py_ssize_t _LONGEST_FIRST_PERSON

@cython.locals(start=Py_ssize_t, at=Py_ssize_t, c=Py_UCS4)
cpdef bint _first_person_in(str text) except -1

cpdef bint _first_person_at(str text, Py_ssize_t q, Py_ssize_t r) except -1

cpdef tuple _trim(str text, Py_ssize_t a, Py_ssize_t b)

@cython.locals(para=_Para, cand=_Cand, cands=list, dropped=list, a=Py_ssize_t, b=Py_ssize_t)
cpdef list _candidates(list paras)

cpdef list _words_before(str text, Py_ssize_t pos, Py_ssize_t n)

@cython.locals(
    by_sentence=dict, c=_Cand, p=Py_ssize_t, si=Py_ssize_t, group=list, para=_Para,
    s=Py_ssize_t, e=Py_ssize_t, k=Py_ssize_t, prev_close=Py_ssize_t, next_open=Py_ssize_t,
    attributed=dict, kept=list, resolved=dict,
)
cpdef _attribute(list paras, list cands, Cast cast)

@cython.locals(c=_Cand)
cpdef bint _any_attributed(list group) except -1

@cython.locals(c=_Cand)
cpdef bint _any_first_person(list group) except -1

@cython.locals(masked=str)
cpdef _explicit(_Para para, _Cand c, Py_ssize_t lo, Py_ssize_t hi)

cpdef tuple _source_read(str masked, Py_ssize_t after, Py_ssize_t hi, Py_ssize_t lo, Py_ssize_t before)

@cython.locals(
    stop=Py_ssize_t, region=str, verb=str, before=str, lead=str, first=str, verb_at=Py_ssize_t,
    verb_end=Py_ssize_t,
)
cpdef _post_attribution(str masked, Py_ssize_t start, Py_ssize_t end, Py_ssize_t sentence_end)

@cython.locals(head=str)
cpdef _passive_agent(str masked, Py_ssize_t vs, Py_ssize_t ve, Py_ssize_t end)

@cython.locals(at=Py_ssize_t)
cpdef _according_search(str masked, Py_ssize_t lo, Py_ssize_t hi)

@cython.locals(according_end=Py_ssize_t, comma=Py_ssize_t, verb=str, lead=str, between=str)
cpdef _pre_attribution(str masked, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t s, Py_ssize_t e)

@cython.locals(runs=list)
cpdef _labelled_speaker(str masked, Py_ssize_t lo, Py_ssize_t hi)

@cython.locals(word=str, low=str)
cpdef bint _verb_position(str masked, Py_ssize_t lo, Py_ssize_t at) except -1

cpdef _according_or_by(str masked, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t e)

@cython.locals(chunk=str, segs=list, start=Py_ssize_t, at=Py_ssize_t, a=Py_ssize_t, b=Py_ssize_t)
cpdef list _segments(str masked, Py_ssize_t lo, Py_ssize_t hi)

@cython.locals(
    segs=list, n=Py_ssize_t, a=Py_ssize_t, b=Py_ssize_t, clause=bint, seg=str, words=list,
    first=str, inner=Py_ssize_t,
)
cpdef _subject(str masked, Py_ssize_t lo, Py_ssize_t hi, bint after_quote=*)

@cython.locals(w=str, low=str)
cpdef bint _adverbs_only(list words) except -1

@cython.locals(words=list, low=list, title_run=Py_ssize_t)
cpdef bint _appositive(str seg) except -1

@cython.locals(
    region=str, stop=Py_ssize_t, segs=list, n=Py_ssize_t, a=Py_ssize_t, b=Py_ssize_t, seg=str,
    cut=Py_ssize_t, words=list, first=str,
)
cpdef _np_after(str masked, Py_ssize_t start, Py_ssize_t end, bint written_ok=*)

@cython.locals(at=Py_ssize_t, c=Py_UCS4)
cpdef Py_ssize_t _np_stop(str region) except -2

@cython.locals(n=Py_ssize_t, at=Py_ssize_t, c=Py_UCS4, end=Py_ssize_t, after=Py_ssize_t, word=str)
cpdef Py_ssize_t _np_cut(str text) except -2

@cython.locals(at=Py_ssize_t, start=Py_ssize_t)
cpdef bint _lower_word_in(str prose, str word) except -1

@cython.locals(lead=Py_ssize_t, bare=bint)
cpdef _name_in(str masked, Py_ssize_t a, Py_ssize_t b)

@cython.locals(word=str)
cpdef bint _common_noun(str masked, run) except -1

@cython.locals(head=str)
cpdef bint _sentence_initial(str masked, Py_ssize_t pos) except -1

@cython.locals(seg=str, words=list, first=str, end=Py_ssize_t)
cpdef _sentence_subject(str masked, Py_ssize_t s, Py_ssize_t e)

cpdef Py_ssize_t _first_clause_end(str masked, Py_ssize_t s, Py_ssize_t e) except -1

@cython.locals(
    masked=str, s=Py_ssize_t, e=Py_ssize_t, lead=str, lo=Py_ssize_t, pre=str, post=str,
    upper=bint, continues=bint, verb=str, gap=list,
)
cpdef str _kind(_Para para, _Cand c, prev)

@cython.locals(w=str)
cpdef bint _holds_that(list words) except -1

@cython.locals(w=str)
cpdef bint _all_adverbial(list words) except -1

@cython.locals(para_pos=Py_ssize_t)
cpdef _resolve(_Cand c, Cast cast, last)

@cython.locals(low=str)
cpdef bint _adverbial(str word) except -1

