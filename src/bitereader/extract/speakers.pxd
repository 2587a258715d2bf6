# Static types for the compiled build of speakers.py (Cython reads this "augmenting" .pxd when it
# compiles the .py; plain Python never sees it). Module functions are cpdef, so tests and other
# modules still find them as attributes; ints are C ints only where they never hold None.
cimport cython


cdef extern from *:
    """
    /* tuple.__new__(cls, fields) for a tuple subclass `cls` and a plain tuple `fields`, as
       CPython's tuple_subtype_new builds it: allocated by the type (which tracks it for the
       collector) and filled with new references to the fields. */
    static PyObject *bitereader_tuple_of(PyObject *cls, PyObject *fields) {
        Py_ssize_t n = PyTuple_GET_SIZE(fields), i;
        PyObject *made = ((PyTypeObject *)cls)->tp_alloc((PyTypeObject *)cls, n);
        if (made == NULL) return NULL;
        for (i = 0; i < n; i++) {
            PyObject *item = PyTuple_GET_ITEM(fields, i);
            Py_INCREF(item);
            PyTuple_SET_ITEM(made, i, item);
        }
        return made;
    }
    """
    object _tuple_of "bitereader_tuple_of"(type cls, tuple fields)


cdef extern from *:
    """
    /* Append `at` to `found` as an int; -1 on failure. */
    static int bitereader_append_offset(PyObject *found, Py_ssize_t at) {
        PyObject *item = PyLong_FromSsize_t(at);
        int failed;
        if (item == NULL) return -1;
        failed = PyList_Append(found, item);
        Py_DECREF(item);
        return failed;
    }

    /* The offsets `_capitals_by_character` lists: every ASCII capital, every other upper-case
       character, and every astral one. One loop per storage kind, reading the characters
       straight from the string's buffer: a plain ASCII paragraph costs a compare or two a
       character. */
    static PyObject *bitereader_capital_offsets(PyObject *text) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(text), i;
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        PyObject *found = PyList_New(0);
        if (found == NULL) return NULL;
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *chars = (const Py_UCS1 *)data;
            for (i = 0; i < n; i++) {
                Py_UCS1 c = chars[i];
                if ((Py_UCS1)(c - 'A') < 26 || (c >= 0x80 && Py_UNICODE_ISUPPER(c))) {
                    if (bitereader_append_offset(found, i) < 0) goto failed;
                }
            }
        } else if (kind == PyUnicode_2BYTE_KIND) {
            const Py_UCS2 *chars = (const Py_UCS2 *)data;
            for (i = 0; i < n; i++) {
                Py_UCS2 c = chars[i];
                if ((Py_UCS2)(c - 'A') < 26 || (c >= 0x80 && Py_UNICODE_ISUPPER(c))) {
                    if (bitereader_append_offset(found, i) < 0) goto failed;
                }
            }
        } else {
            for (i = 0; i < n; i++) {
                Py_UCS4 c = PyUnicode_READ(kind, data, i);
                if (c - 'A' < 26 || (c >= 0x80 && (Py_UNICODE_ISUPPER(c) || c > 0xFFFF))) {
                    if (bitereader_append_offset(found, i) < 0) goto failed;
                }
            }
        }
        return found;
    failed:
        Py_DECREF(found);
        return NULL;
    }
    """
    list _capital_offsets "bitereader_capital_offsets"(str text)


cdef class _ArticleCache:
    cdef public dict runs
    cdef public object orgs


cdef class _RunCache:
    cdef object _token


cdef class Person:
    cdef public object name, kind, gender, role
    cdef public list roles
    cdef public bint described, spoke


cpdef _tuple_new(type cls, tuple fields)

@cython.locals(person=Person)
cpdef Person _new_person(name, kind)

@cython.locals(low=str, w=str)
cpdef guess_gender(first, titles)


cdef class Cast:
    cdef public dict people, by_surname, acronyms
    cdef public list mentions, _positions
    cdef public set common, places

    @cython.locals(person=Person, named=bint, parts=list, surname=str)
    cpdef Person add(self, name, pos, bint subject, role=*)

    @cython.locals(parts=list)
    cpdef _lookup_further(self, str text, kind)

    @cython.locals(known=object, first=str)
    cpdef _lookup_named(self, str text, list parts, str surname)


@cython.locals(cache=_ArticleCache, runs=list, first=Py_ssize_t)
cpdef list runs_in(str text, Py_ssize_t lo=*, hi=*)

cpdef bint _is_initial(str word)

@cython.locals(w=str, stripped=str)
cpdef tuple _word(str text, Py_ssize_t a, Py_ssize_t b)

@cython.locals(q=Py_ssize_t)
cpdef bint _word_start(str text, Py_ssize_t p)

@cython.locals(n=Py_ssize_t, end=Py_ssize_t, w=str)
cpdef tuple _previous_word(str text, str rev, Py_ssize_t start)

@cython.locals(begin=Py_ssize_t, word=str, rev=str, prev=tuple)
cpdef tuple _word_before(str text, Py_ssize_t start)

@cython.locals(
    starts=list, runs=list, done=Py_ssize_t, cache=_ArticleCache, s=Py_ssize_t,
    c=Py_UCS4, end=Py_ssize_t, possessive=bint, last=str, prev=tuple, prev2=tuple, plain=tuple,
    run_text=str, key=tuple, seen=tuple,
)
cpdef list _find_runs(str text)

@cython.locals(n=Py_ssize_t, p=Py_ssize_t, q=Py_ssize_t, r=Py_ssize_t, c=Py_UCS4)
cpdef tuple _plain_run_by_character(str text, Py_ssize_t s)

cpdef bint _ascii_letter(Py_UCS4 c) noexcept

cpdef bint _run_char(Py_UCS4 c) noexcept

@cython.locals(found=list, at=Py_ssize_t, marks=bytes, c=Py_UCS4)
cpdef list _capitals(str text)

@cython.locals(found=list, at=Py_ssize_t, c=Py_UCS4)
cpdef list _capitals_by_character(str text)

@cython.locals(end=Py_ssize_t, w=str, toks=list, ne=Py_ssize_t, nw=str, last=str, possessive=bint)
cpdef _read_run(str text, Py_ssize_t s)

@cython.locals(before=str, before2=str, after=str)
cpdef bint subject_like(run, bint bare=*) except -1

cpdef bint is_speech_word(word) except -1
