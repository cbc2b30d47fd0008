/* The values half of newsitem's YAML reader, in C: the same grammar as
 * _parser.py and _scanner.py with the _Values sink of _yaml.py, for the
 * constructs real front matter has.
 *
 * values(text, max_nodes, max_depth, resolve) returns the dict that
 * _yaml.values() builds, or None. None means "not handled here": anything
 * outside the subset (tags, directives, explicit keys, several documents,
 * ...) and anything that is or might be an error or a limit. The pure reader
 * then reads the text and raises its own error with its own position, so the
 * native part never decides a verdict; it only ever agrees with an accepted
 * text. A differential test holds it to that (tests/test_native.py).
 *
 * located(text, max_nodes, max_depth, resolve) is the same parse with the
 * _Sink of _located.py: beside the values, each node leaves its spot
 * (start, last, block, table) in P, for its parent to put in its own table;
 * it returns (data, root spot, first key's start) or None, and declines
 * exactly what values() declines. Spots are in characters: a text that is
 * not ASCII gets a table from byte offsets to character offsets.
 *
 * The text is read as UTF-8: every character the grammar looks at is ASCII,
 * and every cut is made at an ASCII character, so byte offsets stand in for
 * character offsets (indentation is spaces, which are one byte).
 *
 * Functions that build a value return a new reference, or NULL to decline;
 * a NULL with a Python exception set (no memory, or an error in `resolve`)
 * is passed on as that exception.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <string.h>

/* First characters of a plain scalar that may be other than a string
 * (_scalars.NOT_ONLY_STR; a test checks that the two agree). */
static const char NOT_ONLY_STR[] = "0123456789+-.~nNtTfF";
/* Deeper nesting is left to the pure reader, whose recursion has limits. */
#define NATIVE_MAX_DEPTH 48

typedef struct {
    const unsigned char *s;
    Py_ssize_t n;
    Py_ssize_t pos; /* a line start, or n: where the next skip_lines starts */
    long long expanded;
    long long max_nodes;
    int depth;
    int max_depth;
    PyObject *anchors; /* name -> (value, size) */
    PyObject *resolve;
    char *buf; /* scratch for values that are not one slice of the text */
    Py_ssize_t len;
    Py_ssize_t cap;
    /* located(): each node built leaves its spot here (see _located.py) */
    int located;
    Py_ssize_t *chars; /* byte offset -> character offset; NULL for ASCII */
    PyObject *spot;    /* the last node's spot, for its parent to take */
    Py_ssize_t last;   /* the last node's end (its "last"), in bytes */
    Py_ssize_t root_key; /* where the root mapping's first key starts, or -1 */
} P;

enum { CTX_VALUE, CTX_ENTRY };

/* -- characters ----------------------------------------------------------- */

static inline int ch(const P *p, Py_ssize_t i) { return i < p->n ? p->s[i] : 0; }

static inline int blankish(int c) { return c == 0 || c == ' ' || c == '\t' || c == '\n'; }

static inline int flow_indicator(int c) {
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

static inline int indicator(int c) { return c != 0 && strchr("-?:,[]{}#&*!|>'\"%@`", c) != NULL; }

static inline int stop(int c, int flow) {
    return c == 0 || c == ' ' || c == '\t' || c == '\n' || (flow && flow_indicator(c));
}

static inline Py_ssize_t skip_white(const P *p, Py_ssize_t i) {
    while (i < p->n && (p->s[i] == ' ' || p->s[i] == '\t')) i++;
    return i;
}

static inline Py_ssize_t skip_spaces(const P *p, Py_ssize_t i) {
    while (i < p->n && p->s[i] == ' ') i++;
    return i;
}

static inline Py_ssize_t eol(const P *p, Py_ssize_t i) {
    const void *at = i < p->n ? memchr(p->s + i, '\n', (size_t)(p->n - i)) : NULL;
    return at ? (Py_ssize_t)((const unsigned char *)at - p->s) : p->n;
}

/* The column of i in its line, in characters: on the first line, a
 * byte-order mark (three bytes) counts as one, as the pure reader counts it. */
static int column_of(const P *p, Py_ssize_t i) {
    Py_ssize_t start = i;
    while (start > 0 && p->s[start - 1] != '\n') start--;
    if (start == 0 && p->n >= 3 && memcmp(p->s, "\xEF\xBB\xBF", 3) == 0) return (int)(i - 2);
    return (int)(i - start);
}

/* A "---" or "..." line at the line start i. */
static int marker(const P *p, Py_ssize_t i) {
    if (i + 3 > p->n) return 0;
    if (memcmp(p->s + i, "---", 3) != 0 && memcmp(p->s + i, "...", 3) != 0) return 0;
    return blankish(ch(p, i + 3));
}

static int plain_first(const P *p, Py_ssize_t i, int flow) {
    int c = ch(p, i);
    if (c == 0 || c == ' ' || c == '\t' || c == '\n') return 0;
    if (!indicator(c)) return 1;
    if (c != '-' && c != '?' && c != ':') return 0;
    int after = ch(p, i + 1);
    return !blankish(after) && !(flow && flow_indicator(after));
}

/* One word of _scanner.plain_run from i: its end, or -1. */
static Py_ssize_t word(const P *p, Py_ssize_t i, int flow) {
    int c = ch(p, i);
    if (stop(c, flow) || c == '#') return -1;
    if (c == ':' && stop(ch(p, i + 1), flow)) return -1;
    i++;
    for (;;) {
        c = ch(p, i);
        if (stop(c, flow)) break;
        if (c == ':' && stop(ch(p, i + 1), flow)) break;
        i++;
    }
    return i;
}

/* _scanner.plain_run: words separated by blanks, from i; its end (i for none). */
static Py_ssize_t plain_run(const P *p, Py_ssize_t i, int flow) {
    Py_ssize_t end = word(p, i, flow);
    if (end < 0) return i;
    for (;;) {
        Py_ssize_t next = skip_white(p, end);
        if (next == end) break;
        Py_ssize_t more = word(p, next, flow);
        if (more < 0) break;
        end = more;
    }
    return end;
}

/* -- the scratch buffer and values ------------------------------------------ */

static int put(P *p, const void *data, Py_ssize_t size) {
    if (p->len + size > p->cap) {
        Py_ssize_t cap = p->cap ? p->cap : 256;
        while (cap < p->len + size) cap *= 2;
        char *grown = PyMem_Realloc(p->buf, (size_t)cap);
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        p->buf = grown;
        p->cap = cap;
    }
    memcpy(p->buf + p->len, data, (size_t)size);
    p->len += size;
    return 0;
}

static int put_char(P *p, char c) { return put(p, &c, 1); }

static int put_breaks(P *p, Py_ssize_t count) {
    for (Py_ssize_t i = 0; i < count; i++)
        if (put_char(p, '\n') < 0) return -1;
    return 0;
}

static PyObject *text_of(const char *data, Py_ssize_t size) {
    return PyUnicode_DecodeUTF8(data, size, "strict");
}

static PyObject *buffered(P *p) { return text_of(p->buf, p->len); }

/* The words _scalars.resolve reads as null, true and false (_scalars._WORDS;
 * a test checks that the two agree), with their values. */
static const char *const WORDS[] = {"~", "null", "Null", "NULL", "true", "True", "TRUE",
                                    "false", "False", "FALSE"};

static PyObject *word_value(PyObject *text) {
    for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++) {
        if (PyUnicode_CompareWithASCIIString(text, WORDS[i]) == 0) {
            Py_DECREF(text);
            if (i < 4) Py_RETURN_NONE;
            if (i < 7) Py_RETURN_TRUE;
            Py_RETURN_FALSE;
        }
    }
    return text; /* any other word: a string */
}

/* A decimal integer of at most 18 digits ([-+]?[0-9]+, which resolve reads
 * with int()), or NULL with no error for any other text. */
static PyObject *small_int(PyObject *text, Py_ssize_t size) {
    if (!PyUnicode_IS_ASCII(text) || size > 19) return NULL;
    const char *digits = (const char *)PyUnicode_DATA(text);
    Py_ssize_t i = digits[0] == '-' || digits[0] == '+';
    if (i == size || size - i > 18) return NULL;
    long long value = 0;
    for (Py_ssize_t k = i; k < size; k++) {
        if (digits[k] < '0' || digits[k] > '9') return NULL;
        value = value * 10 + (digits[k] - '0');
    }
    return PyLong_FromLongLong(digits[0] == '-' ? -value : value);
}

/* Digits from *i, at least min and at most max of them: their number, or -1. */
static long digits_at(const char *s, Py_ssize_t size, Py_ssize_t *i, int min, int max) {
    long value = 0;
    int n = 0;
    while (n < max && *i < size && s[*i] >= '0' && s[*i] <= '9') {
        value = value * 10 + (s[*i] - '0');
        (*i)++;
        n++;
    }
    return n >= min ? value : -1;
}

/* _scalars.parse_timestamp on an ASCII text: a date or an aware datetime;
 * the text itself where it is none (resolve's "parse_timestamp(text) or text"). */
static PyObject *timestamp(PyObject *text, const char *s, Py_ssize_t size) {
    Py_ssize_t i = 0;
    long year = digits_at(s, size, &i, 4, 4);
    if (year < 0 || i >= size || s[i++] != '-') return Py_NewRef(text);
    Py_ssize_t month_at = i;
    long month = digits_at(s, size, &i, 1, 2);
    if (month < 0 || i >= size || s[i++] != '-') return Py_NewRef(text);
    Py_ssize_t day_at = i;
    long day = digits_at(s, size, &i, 1, 2);
    if (day < 0) return Py_NewRef(text);
    PyObject *value;
    if (i == size) { /* a date: two digits each, as _DATE wants */
        if (day_at - month_at != 3 || i - day_at != 2) return Py_NewRef(text);
        value = PyDate_FromDate((int)year, (int)month, (int)day);
    } else {
        if (s[i] == 'T' || s[i] == 't') {
            i++;
        } else if (s[i] == ' ' || s[i] == '\t') {
            while (i < size && (s[i] == ' ' || s[i] == '\t')) i++;
        } else {
            return Py_NewRef(text);
        }
        long hour = digits_at(s, size, &i, 1, 2);
        if (hour < 0 || i >= size || s[i++] != ':') return Py_NewRef(text);
        long minute = digits_at(s, size, &i, 2, 2);
        if (minute < 0 || i >= size || s[i++] != ':') return Py_NewRef(text);
        long second = digits_at(s, size, &i, 2, 2);
        if (second < 0) return Py_NewRef(text);
        long micro = 0;
        if (i < size && s[i] == '.') {
            i++;
            int n = 0;
            while (i < size && s[i] >= '0' && s[i] <= '9') {
                if (n < 6) micro = micro * 10 + (s[i] - '0');
                n++;
                i++;
            }
            for (; n < 6; n++) micro *= 10;
        }
        while (i < size && (s[i] == ' ' || s[i] == '\t')) i++;
        long offset = 0; /* minutes east of UTC */
        if (i < size && s[i] == 'Z') {
            i++;
        } else if (i < size && (s[i] == '+' || s[i] == '-')) {
            int sign = s[i++] == '-' ? -1 : 1;
            long hours = digits_at(s, size, &i, 1, 2);
            if (hours < 0) return Py_NewRef(text);
            long minutes = 0;
            if (i < size && s[i] == ':') {
                i++;
                minutes = digits_at(s, size, &i, 2, 2);
                if (minutes < 0) return Py_NewRef(text);
            }
            if (hours * 60 + minutes >= 24 * 60) return Py_NewRef(text);
            offset = sign * (hours * 60 + minutes);
        }
        if (i != size) return Py_NewRef(text);
        PyObject *zone;
        if (offset == 0) {
            zone = Py_NewRef(PyDateTime_TimeZone_UTC);
        } else {
            PyObject *delta = PyDelta_FromDSU(0, (int)(offset * 60), 0);
            if (delta == NULL) return NULL;
            zone = PyTimeZone_FromOffset(delta);
            Py_DECREF(delta);
            if (zone == NULL) return NULL;
        }
        value = PyDateTimeAPI->DateTime_FromDateAndTime(
            (int)year, (int)month, (int)day, (int)hour, (int)minute, (int)second, (int)micro, zone,
            PyDateTimeAPI->DateTimeType);
        Py_DECREF(zone);
    }
    if (value == NULL && PyErr_ExceptionMatches(PyExc_ValueError)) {
        PyErr_Clear(); /* no such day or time: a string */
        return Py_NewRef(text);
    }
    return value;
}

/* The value of a plain scalar: a string, or what _scalars.resolve makes of it
 * (its words, small integers and timestamps read here, the same way, without
 * a call; the rest by calling resolve). */
static PyObject *plain_value(P *p, PyObject *text) {
    if (text == NULL) return NULL;
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    if (size > 0) {
        Py_UCS4 first = PyUnicode_READ_CHAR(text, 0);
        if (first < 128 && strchr("~nNtTfF", (int)first) != NULL) {
            return size == 1 || size == 4 || size == 5 ? word_value(text) : text;
        }
        if (first < 128 && strchr(NOT_ONLY_STR, (int)first) != NULL) {
            if (size > 4 && PyUnicode_IS_ASCII(text)) {
                const char *ascii = (const char *)PyUnicode_DATA(text);
                if (ascii[4] == '-' && ascii[0] >= '0' && ascii[0] <= '9' && ascii[1] >= '0' &&
                    ascii[1] <= '9' && ascii[2] >= '0' && ascii[2] <= '9' && ascii[3] >= '0' &&
                    ascii[3] <= '9') {
                    PyObject *stamp = timestamp(text, ascii, size);
                    Py_DECREF(text);
                    return stamp;
                }
            }
            PyObject *number = small_int(text, size);
            if (number != NULL || PyErr_Occurred()) {
                Py_DECREF(text);
                return number;
            }
            PyObject *value = PyObject_CallOneArg(p->resolve, text);
            Py_DECREF(text);
            return value;
        }
        return text;
    }
    Py_DECREF(text);
    Py_RETURN_NONE;
}

/* -- spots (located only) -------------------------------------------------- */

static inline Py_ssize_t char_at(const P *p, Py_ssize_t b) { return p->chars ? p->chars[b] : b; }

/* The spot of the node just built: (start, last, block, table), as
 * _located._Sink records it, in characters. table: NULL for a scalar. */
static int set_spot(P *p, Py_ssize_t start, Py_ssize_t last, int block, PyObject *table) {
    p->last = last;
    if (!p->located) return 0;
    /* Built item by item: Py_BuildValue parses its format on every call. */
    PyObject *spot = PyTuple_New(4);
    if (spot == NULL) return -1;
    PyObject *first = PyLong_FromSsize_t(char_at(p, start));
    PyObject *end = PyLong_FromSsize_t(char_at(p, last));
    if (first == NULL || end == NULL) {
        Py_XDECREF(first);
        Py_XDECREF(end);
        Py_DECREF(spot);
        return -1;
    }
    PyObject *flag = block ? Py_True : Py_False;
    PyObject *children = table ? table : Py_None;
    Py_INCREF(flag);
    Py_INCREF(children);
    PyTuple_SET_ITEM(spot, 0, first);
    PyTuple_SET_ITEM(spot, 1, end);
    PyTuple_SET_ITEM(spot, 2, flag);
    PyTuple_SET_ITEM(spot, 3, children);
    Py_XDECREF(p->spot);
    p->spot = spot;
    return 0;
}

/* The spot set_spot left (a new reference), or NULL when not located. */
static PyObject *take_spot(P *p) {
    PyObject *spot = p->spot;
    p->spot = NULL;
    return spot;
}

/* Where _located puts an empty value in a mapping: after the ':' that
 * follows its key (blanks between), else at the key's end. */
static Py_ssize_t empty_after_key(const P *p, Py_ssize_t key_end) {
    Py_ssize_t at = skip_white(p, key_end);
    return ch(p, at) == ':' ? at + 1 : key_end;
}

/* An anchor's record: (value, size), and its spot when located. */
static int record_anchor(P *p, PyObject *anchor, PyObject *value, long long size) {
    PyObject *entry = p->located ? Py_BuildValue("(OLO)", value, size, p->spot)
                                 : Py_BuildValue("(OL)", value, size);
    if (entry == NULL) return -1;
    int failed = PyDict_SetItem(p->anchors, anchor, entry);
    Py_DECREF(entry);
    return failed;
}

static int count(P *p, long long nodes) {
    p->expanded += nodes;
    return p->expanded > p->max_nodes ? -1 : 0;
}

/* A scalar node from start to end: counted, its spot set, and recorded under
 * its anchor. Steals value. */
static PyObject *scalar_node(P *p, PyObject *value, PyObject *anchor, Py_ssize_t start,
                             Py_ssize_t end, int block) {
    if (value == NULL) return NULL;
    if (count(p, 1) < 0 || set_spot(p, start, end, block, NULL) < 0 ||
        (anchor != NULL && record_anchor(p, anchor, value, 1) < 0)) {
        Py_DECREF(value);
        return NULL;
    }
    return value;
}

static int open_node(P *p) {
    if (p->depth >= p->max_depth || p->depth >= NATIVE_MAX_DEPTH) return -1;
    p->depth++;
    return count(p, 1);
}

/* A collection is closed: its spot set, and recorded under its anchor with
 * its size. table: its children's spots (NULL when not located). */
static int close_node(P *p, PyObject *value, PyObject *anchor, long long before, Py_ssize_t start,
                      Py_ssize_t last, PyObject *table) {
    p->depth--;
    if (set_spot(p, start, last, 0, table) < 0) return -1;
    if (anchor == NULL) return 0;
    return record_anchor(p, anchor, value, p->expanded - before + 1);
}

/* An alias from start to end: its anchor's value, and its spot holds the
 * table of the anchor's. */
static PyObject *alias(P *p, PyObject *name, Py_ssize_t start, Py_ssize_t end) {
    PyObject *entry = PyDict_GetItemWithError(p->anchors, name);
    if (entry == NULL) return NULL; /* no such anchor: declined (or an error) */
    long long size = PyLong_AsLongLong(PyTuple_GET_ITEM(entry, 1));
    if (size < 0 || count(p, size) < 0) return NULL;
    PyObject *table = p->located ? PyTuple_GET_ITEM(PyTuple_GET_ITEM(entry, 2), 3) : NULL;
    if (set_spot(p, start, end, 0, table == Py_None ? NULL : table) < 0) return NULL;
    PyObject *value = PyTuple_GET_ITEM(entry, 0);
    Py_INCREF(value);
    return value;
}

/* An anchor or alias name from i (after its & or *): its end, or -1. */
static Py_ssize_t name_end(const P *p, Py_ssize_t i) {
    Py_ssize_t start = i;
    while (i < p->n) {
        int c = p->s[i];
        if (c == ' ' || c == '\t' || c == '\n' || flow_indicator(c)) break;
        i++;
    }
    return i > start ? i : -1;
}

/* -- lines ---------------------------------------------------------------- */

/* Past blank and comment lines from p->pos; p->pos is left at the line start.
 * Returns the offset after the line's spaces; *spaces is their number. */
static Py_ssize_t skip_lines(P *p, Py_ssize_t *spaces) {
    Py_ssize_t line = p->pos;
    for (;;) {
        Py_ssize_t j = skip_white(p, line);
        if (ch(p, j) == '#') j = eol(p, j);
        if (j < p->n && p->s[j] == '\n') {
            line = j + 1;
            continue;
        }
        break;
    }
    Py_ssize_t at = skip_spaces(p, line);
    p->pos = line;
    *spaces = at - line;
    return at;
}

/* After a node on its line: blanks and a comment, then the line break. */
static int end_line(P *p, Py_ssize_t at) {
    Py_ssize_t j = skip_white(p, at);
    if (ch(p, j) == '#') {
        if (j == 0 || (p->s[j - 1] != ' ' && p->s[j - 1] != '\t')) return -1;
        j = eol(p, j);
    }
    if (j < p->n && p->s[j] != '\n') return -1;
    p->pos = j < p->n ? j + 1 : p->n;
    return 0;
}

/* -- scalars -------------------------------------------------------------- */

/* _scanner.plain: a plain scalar from at (a valid first character). */
static PyObject *plain(P *p, Py_ssize_t at, int indent, int flow, Py_ssize_t *end_out) {
    Py_ssize_t end = plain_run(p, at, flow);
    if (ch(p, end) != '\n') {
        Py_ssize_t nl = eol(p, end);
        if (nl >= p->n || skip_white(p, end) != nl) {
            *end_out = end;
            return text_of((const char *)p->s + at, end - at);
        }
    }
    p->len = 0;
    if (put(p, p->s + at, end - at) < 0) return NULL;
    for (;;) {
        Py_ssize_t e = skip_white(p, end);
        if (ch(p, e) != '\n') break;
        Py_ssize_t line = e + 1;
        for (;;) { /* blank lines */
            Py_ssize_t j = skip_white(p, line);
            if (j < p->n && p->s[j] == '\n') {
                line = j + 1;
                continue;
            }
            break;
        }
        Py_ssize_t spaces = skip_spaces(p, line) - line;
        Py_ssize_t start = skip_white(p, line);
        if (spaces <= indent || start >= p->n || p->s[start] == '#' || marker(p, line)) break;
        int c = p->s[start];
        if ((c == ':' || (flow && flow_indicator(c))) && !plain_first(p, start, flow)) break;
        Py_ssize_t more = plain_run(p, start, flow);
        if (more == start) break;
        Py_ssize_t breaks = -1;
        for (Py_ssize_t k = e; k < line; k++) breaks += p->s[k] == '\n';
        if (breaks ? put_breaks(p, breaks) : put_char(p, ' ')) return NULL;
        if (put(p, p->s + start, more - start) < 0) return NULL;
        end = more;
    }
    *end_out = end;
    return buffered(p);
}

/* Continuation lines of a quoted scalar: indented, and no document marker.
 * Every line after a break, the closing quote's included, is indented more
 * than indent; only a line of blanks alone may be indented less. */
static int check_lines(const P *p, Py_ssize_t at, Py_ssize_t close, int indent) {
    for (Py_ssize_t i = at; i < close; i++) {
        if (p->s[i] != '\n') continue;
        Py_ssize_t line = i + 1;
        if (marker(p, line)) return -1;
        Py_ssize_t spaces = skip_spaces(p, line) - line;
        Py_ssize_t white = skip_white(p, line);
        if (spaces <= indent && p->s[white] != '\n') return -1;
    }
    return 0;
}

/* Line folding inside a quoted scalar, at k (a blank or line break) before
 * close: returns the offset after the fold, or k when there is none there. */
static Py_ssize_t fold(P *p, Py_ssize_t k, Py_ssize_t close, int *failed) {
    Py_ssize_t j = k;
    while (j < close && (p->s[j] == ' ' || p->s[j] == '\t')) j++;
    if (j >= close || p->s[j] != '\n') return k;
    j++;
    Py_ssize_t empty = 0;
    for (;;) {
        Py_ssize_t t = j;
        while (t < close && (p->s[t] == ' ' || p->s[t] == '\t')) t++;
        if (t < close && p->s[t] == '\n') {
            empty++;
            j = t + 1;
            continue;
        }
        j = t;
        break;
    }
    if (empty ? put_breaks(p, empty) : put_char(p, ' ')) *failed = 1;
    return j;
}

static PyObject *single_quoted(P *p, Py_ssize_t at, int indent, Py_ssize_t *end_out) {
    Py_ssize_t close = at + 1;
    int simple = 1;
    for (;;) {
        if (close >= p->n) return NULL; /* not closed */
        int c = p->s[close];
        if (c == '\'') {
            if (ch(p, close + 1) != '\'') break;
            simple = 0;
            close += 2;
            continue;
        }
        if (c == '\n') simple = 0;
        close++;
    }
    *end_out = close + 1;
    if (simple) return text_of((const char *)p->s + at + 1, close - at - 1);
    if (check_lines(p, at, close, indent) < 0) return NULL;
    p->len = 0;
    Py_ssize_t k = at + 1;
    int failed = 0;
    while (k < close) {
        int c = p->s[k];
        if (c == '\'') {
            if (put_char(p, '\'') < 0) return NULL;
            k += 2;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n') {
            Py_ssize_t after = fold(p, k, close, &failed);
            if (failed) return NULL;
            if (after != k) {
                k = after;
                continue;
            }
        }
        if (put_char(p, (char)c) < 0) return NULL;
        k++;
    }
    return buffered(p);
}

static int hex_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int put_code_point(P *p, unsigned long cp) {
    char out[4];
    Py_ssize_t size;
    if (cp < 0x80) {
        out[0] = (char)cp;
        size = 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        size = 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        size = 3;
    } else {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        size = 4;
    }
    return put(p, out, size);
}

static const char *escape_of(int c) {
    switch (c) {
    case '0': return "\0";
    case 'a': return "\a";
    case 'b': return "\b";
    case 't': case '\t': return "\t";
    case 'n': return "\n";
    case 'v': return "\v";
    case 'f': return "\f";
    case 'r': return "\r";
    case 'e': return "\x1b";
    case ' ': return " ";
    case '"': return "\"";
    case '/': return "/";
    case '\\': return "\\";
    case 'N': return "\xc2\x85";
    case '_': return "\xc2\xa0";
    case 'L': return "\xe2\x80\xa8";
    case 'P': return "\xe2\x80\xa9";
    default: return NULL;
    }
}

static PyObject *double_quoted(P *p, Py_ssize_t at, int indent, Py_ssize_t *end_out) {
    Py_ssize_t close = at + 1;
    int simple = 1;
    for (;;) {
        if (close >= p->n) return NULL; /* not closed */
        int c = p->s[close];
        if (c == '"') break;
        if (c == '\\') {
            if (close + 1 >= p->n) return NULL;
            simple = 0;
            close += 2;
            continue;
        }
        if (c == '\n') simple = 0;
        close++;
    }
    *end_out = close + 1;
    if (simple) return text_of((const char *)p->s + at + 1, close - at - 1);
    if (check_lines(p, at, close, indent) < 0) return NULL;
    p->len = 0;
    Py_ssize_t k = at + 1;
    int failed = 0;
    while (k < close) {
        int c = p->s[k];
        if (c == '\\') {
            int d = p->s[k + 1];
            if (d == '\n') { /* an escaped line break */
                k += 2;
                while (k < close && (p->s[k] == ' ' || p->s[k] == '\t')) k++;
                Py_ssize_t empty = 0;
                while (k < close && p->s[k] == '\n') {
                    empty++;
                    k++;
                    while (k < close && (p->s[k] == ' ' || p->s[k] == '\t')) k++;
                }
                if (put_breaks(p, empty) < 0) return NULL;
                continue;
            }
            int digits = d == 'x' ? 2 : d == 'u' ? 4 : d == 'U' ? 8 : 0;
            if (digits) {
                if (k + 2 + digits > close) return NULL;
                unsigned long cp = 0;
                for (int i = 0; i < digits; i++) {
                    int h = hex_value(p->s[k + 2 + i]);
                    if (h < 0) return NULL;
                    cp = cp * 16 + (unsigned long)h;
                }
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return NULL;
                if (put_code_point(p, cp) < 0) return NULL;
                k += 2 + digits;
                continue;
            }
            const char *escaped = escape_of(d);
            if (escaped == NULL) return NULL; /* an unknown escape */
            if (put(p, escaped, d == '0' ? 1 : (Py_ssize_t)strlen(escaped)) < 0) return NULL;
            k += 2;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n') {
            Py_ssize_t after = fold(p, k, close, &failed);
            if (failed) return NULL;
            if (after != k) {
                k = after;
                continue;
            }
        }
        if (put_char(p, (char)c) < 0) return NULL;
        k++;
    }
    return buffered(p);
}

typedef struct {
    Py_ssize_t start;
    Py_ssize_t size;
} Line;

/* _scanner.block_scalar from its | or >; p->pos is left at the next line,
 * *end_out at the end of its last line of text (with "+", at the next line). */
static PyObject *block_scalar(P *p, Py_ssize_t at, int indent, Py_ssize_t *end_out) {
    int style = p->s[at];
    int digit = 0, chomp = 0;
    Py_ssize_t i = at + 1;
    int c = ch(p, i);
    if (c >= '1' && c <= '9') {
        digit = c - '0';
        i++;
        if (ch(p, i) == '-' || ch(p, i) == '+') chomp = p->s[i++];
    } else if (c == '-' || c == '+') {
        chomp = c;
        i++;
        if (ch(p, i) >= '1' && ch(p, i) <= '9') digit = p->s[i++] - '0';
    }
    Py_ssize_t j = skip_white(p, i);
    if (j > i && ch(p, j) == '#') j = eol(p, j);
    if (j < p->n && p->s[j] != '\n') return NULL; /* an invalid header */
    Py_ssize_t pos = j + 1 < p->n ? j + 1 : p->n;
    Py_ssize_t last_text_end = j < p->n ? j : p->n;
    Py_ssize_t content_indent;
    if (digit) {
        content_indent = (indent > 0 ? indent : 0) + digit;
    } else {
        content_indent = indent + 1;
        Py_ssize_t probe = pos, widest = 0;
        int found = 0;
        while (probe < p->n) {
            Py_ssize_t spaces = skip_spaces(p, probe) - probe;
            Py_ssize_t line_end = eol(p, probe);
            if (probe + spaces != line_end) {
                if (spaces < widest) return NULL;
                content_indent = spaces > indent + 1 ? spaces : indent + 1;
                found = 1;
                break;
            }
            if (spaces > widest) widest = spaces;
            probe = line_end + 1;
        }
        if (!found) content_indent = widest > indent + 1 ? widest : indent + 1;
    }
    Line *lines = NULL;
    Py_ssize_t nlines = 0, capacity = 0, body = 0;
    Py_ssize_t line = pos;
    PyObject *value = NULL;
    while (line < p->n) {
        if (content_indent == 0 && marker(p, line)) break;
        Py_ssize_t line_end = eol(p, line);
        Py_ssize_t spaces = 0;
        while (line + spaces < line_end && p->s[line + spaces] == ' ') spaces++;
        Line item;
        if (spaces >= content_indent) {
            item.start = line + content_indent;
            item.size = line_end - item.start;
        } else if (line + spaces == line_end) {
            item.start = line_end;
            item.size = 0;
        } else {
            Py_ssize_t k = line;
            while (k < line_end && (p->s[k] == ' ' || p->s[k] == '\t')) k++;
            if (k == line_end) goto done; /* a tab where the indentation is */
            break;
        }
        if (nlines == capacity) {
            capacity = capacity ? capacity * 2 : 16;
            Line *grown = PyMem_Realloc(lines, (size_t)capacity * sizeof(Line));
            if (grown == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            lines = grown;
        }
        lines[nlines++] = item;
        if (item.size > 0) {
            body = nlines;
            Py_ssize_t stripped = line_end;
            while (stripped > line && (p->s[stripped - 1] == ' ' || p->s[stripped - 1] == '\t'))
                stripped--;
            last_text_end = stripped - line > content_indent ? stripped : line_end;
        }
        line = line_end + 1;
    }
    p->pos = line < p->n ? line : p->n;
    *end_out = chomp == '+' ? p->pos : last_text_end;
    p->len = 0;
    if (style == '|') {
        for (Py_ssize_t k = 0; k < body; k++) {
            if (k && put_char(p, '\n') < 0) goto done;
            if (put(p, p->s + lines[k].start, lines[k].size) < 0) goto done;
        }
    } else { /* folded: _scanner._fold_block */
        int previous_text = 0, emitted = 0;
        Py_ssize_t pending = 0;
        for (Py_ssize_t k = 0; k < body; k++) {
            if (lines[k].size == 0) {
                pending++;
                continue;
            }
            int more = p->s[lines[k].start] == ' ' || p->s[lines[k].start] == '\t';
            int failed;
            if (emitted && previous_text && !more)
                failed = pending ? put_breaks(p, pending) : put_char(p, ' ');
            else
                failed = put_breaks(p, emitted ? pending + 1 : pending);
            if (failed) goto done;
            emitted = 1;
            pending = 0;
            if (put(p, p->s + lines[k].start, lines[k].size) < 0) goto done;
            previous_text = !more;
        }
    }
    if (body && chomp != '-' && put_char(p, '\n') < 0) goto done;
    if (chomp == '+' && put_breaks(p, nlines - body) < 0) goto done;
    value = buffered(p);
done:
    PyMem_Free(lines);
    return value;
}

/* -- flow collections --------------------------------------------------------- */

static PyObject *flow_node(P *p, Py_ssize_t at, int indent, Py_ssize_t *end_out, int *is_scalar);

/* Past blanks, line breaks and comments inside a flow collection; -1 declines. */
static Py_ssize_t flow_skip(const P *p, Py_ssize_t at, int indent) {
    for (;;) {
        at = skip_white(p, at);
        if (at >= p->n) return at;
        int c = p->s[at];
        if (c == '#') {
            if (at > 0 && p->s[at - 1] != ' ' && p->s[at - 1] != '\t' && p->s[at - 1] != '\n')
                return -1;
            at = eol(p, at);
            if (at >= p->n) return p->n;
            c = '\n';
        }
        if (c != '\n') return at;
        Py_ssize_t line = at + 1;
        if (marker(p, line)) return -1;
        at = skip_white(p, line);
        Py_ssize_t spaces = skip_spaces(p, line) - line;
        if (at < p->n && !strchr("\n#]}", p->s[at]) && spaces <= indent) return -1;
    }
}

static inline int ends_value(int c) { return blankish(c) || c == ',' || c == ']' || c == '}'; }

static PyObject *flow_collection(P *p, Py_ssize_t at, int indent, PyObject *anchor,
                                 Py_ssize_t *end_out) {
    int mapping = p->s[at] == '{';
    int closing = mapping ? '}' : ']';
    if (open_node(p) < 0) return NULL;
    long long before = p->expanded;
    PyObject *container = mapping ? PyDict_New() : PyList_New(0);
    if (container == NULL) return NULL;
    PyObject *table = NULL, *spot = NULL;
    if (p->located) {
        table = mapping ? PyDict_New() : PyList_New(0);
        if (table == NULL) goto fail;
    }
    Py_ssize_t pos = at + 1;
    for (;;) {
        pos = flow_skip(p, pos, indent);
        if (pos < 0 || pos >= p->n) goto fail;
        int c = p->s[pos];
        if (c == closing) break;
        if (c == ',' || c == ']' || c == '}') goto fail;
        /* one entry */
        if ((c == '?' && blankish(ch(p, pos + 1))) || (c == ':' && ends_value(ch(p, pos + 1))))
            goto fail; /* an explicit or empty key */
        Py_ssize_t start = pos, end;
        int is_scalar;
        PyObject *node = flow_node(p, pos, indent, &end, &is_scalar);
        if (node == NULL) goto fail;
        spot = take_spot(p);
        /* JSON-like (spec 7.4.2): its content, after an anchor, quoted or a flow
         * collection; a plain scalar or an alias ending with a quote is not */
        Py_ssize_t content = start;
        if (p->s[content] == '&') content = skip_white(p, name_end(p, content + 1));
        int first = ch(p, content);
        int json_like = first == '"' || first == '\'' || first == '[' || first == '{';
        Py_ssize_t next = flow_skip(p, end, indent);
        if (next < 0) {
            Py_DECREF(node);
            goto fail;
        }
        int has_value = ch(p, next) == ':' && (json_like || ends_value(ch(p, next + 1)));
        if (!mapping) {
            if (has_value) { /* a single pair: a mapping in the sequence */
                Py_DECREF(node);
                goto fail;
            }
            int failed = PyList_Append(container, node);
            Py_DECREF(node);
            if (failed < 0 || (table != NULL && PyList_Append(table, spot) < 0)) goto fail;
            Py_CLEAR(spot);
            pos = end;
        } else {
            if (!is_scalar) { /* a collection or an alias as a key */
                Py_DECREF(node);
                goto fail;
            }
            int present = PyDict_Contains(container, node);
            if (present != 0) {
                Py_DECREF(node);
                goto fail;
            }
            Py_CLEAR(spot); /* a key's spot: not kept */
            Py_ssize_t empty = empty_after_key(p, end);
            PyObject *value;
            if (!has_value) {
                value = scalar_node(p, Py_NewRef(Py_None), NULL, empty, empty, 0);
                pos = end;
            } else {
                Py_ssize_t colon = next;
                pos = flow_skip(p, colon + 1, indent);
                if (pos < 0 || pos >= p->n) {
                    Py_DECREF(node);
                    goto fail;
                }
                if (strchr(",]}", p->s[pos])) {
                    value = scalar_node(p, Py_NewRef(Py_None), NULL, empty, empty, 0);
                } else if (pos == colon + 1 && !json_like) {
                    value = NULL; /* a value needs a blank after ':' */
                } else {
                    value = flow_node(p, pos, indent, &pos, &is_scalar);
                }
            }
            if (value == NULL) {
                Py_DECREF(node);
                goto fail;
            }
            spot = take_spot(p);
            int failed = PyDict_SetItem(container, node, value);
            if (failed == 0 && table != NULL) failed = PyDict_SetItem(table, node, spot);
            Py_DECREF(node);
            Py_DECREF(value);
            if (failed < 0) goto fail;
            Py_CLEAR(spot);
        }
        pos = flow_skip(p, pos, indent);
        if (pos < 0 || pos >= p->n) goto fail;
        c = p->s[pos];
        if (c == ',')
            pos++;
        else if (c != closing)
            goto fail;
    }
    if (close_node(p, container, anchor, before, at, pos + 1, table) < 0) goto fail;
    Py_XDECREF(table);
    *end_out = pos + 1;
    return container;
fail:
    Py_XDECREF(spot);
    Py_XDECREF(table);
    Py_DECREF(container);
    return NULL;
}

/* A node inside a flow collection at at (not a key or value indicator). */
static PyObject *flow_node(P *p, Py_ssize_t at, int indent, Py_ssize_t *end_out, int *is_scalar) {
    PyObject *anchor = NULL, *value = NULL;
    *is_scalar = 1;
    if (ch(p, at) == '&') {
        Py_ssize_t end = name_end(p, at + 1);
        if (end < 0) return NULL;
        Py_ssize_t sep = skip_white(p, end);
        int c = ch(p, sep);
        if (sep == end || c == '\n' || c == '#' || c == '&' || c == '!' || c == '*' ||
            ends_value(c))
            return NULL;
        anchor = text_of((const char *)p->s + at + 1, end - at - 1);
        if (anchor == NULL) return NULL;
        at = sep;
    }
    int c = ch(p, at);
    Py_ssize_t end = at;
    if (c == '[' || c == '{') {
        *is_scalar = 0;
        value = flow_collection(p, at, indent, anchor, &end);
    } else if (c == '"') {
        value = double_quoted(p, at, indent, &end);
        value = scalar_node(p, value, anchor, at, end, 0);
    } else if (c == '\'') {
        value = single_quoted(p, at, indent, &end);
        value = scalar_node(p, value, anchor, at, end, 0);
    } else if (c == '*') {
        *is_scalar = 0;
        if (anchor == NULL) {
            end = name_end(p, at + 1);
            if (end >= 0) {
                PyObject *name = text_of((const char *)p->s + at + 1, end - at - 1);
                if (name != NULL) {
                    value = alias(p, name, at, end);
                    Py_DECREF(name);
                }
            }
        }
    } else if (plain_first(p, at, 1)) {
        value = plain_value(p, plain(p, at, indent, 1, &end));
        value = scalar_node(p, value, anchor, at, end, 0);
    }
    Py_XDECREF(anchor);
    *end_out = end;
    return value;
}

/* -- block collections ------------------------------------------------------ */

static PyObject *node(P *p, int indent, int context, Py_ssize_t after);
static PyObject *block_sequence(P *p, Py_ssize_t at, int indent, PyObject *anchor);

/* A key of a block mapping at at: 1 with *key and *colon set, 0 when the text
 * there is no key on one line, -1 to decline. */
static int block_key(P *p, Py_ssize_t at, int indent, PyObject **key, Py_ssize_t *colon) {
    int c = ch(p, at);
    Py_ssize_t end;
    PyObject *value;
    if (c == '"' || c == '\'') {
        value = c == '"' ? double_quoted(p, at, indent, &end) : single_quoted(p, at, indent, &end);
        if (value == NULL) return -1;
        if (memchr(p->s + at, '\n', (size_t)(end - at)) != NULL) {
            Py_DECREF(value);
            return 0;
        }
    } else if (plain_first(p, at, 0) && !indicator(c)) {
        end = plain_run(p, at, 0);
        Py_ssize_t j = skip_white(p, end);
        if (ch(p, j) != ':' || !blankish(ch(p, j + 1))) return 0;
        value = plain_value(p, text_of((const char *)p->s + at, end - at));
        if (value == NULL) return -1;
    } else {
        return 0;
    }
    Py_ssize_t j = skip_white(p, end);
    if (ch(p, j) != ':' || !blankish(ch(p, j + 1))) {
        Py_DECREF(value);
        return 0;
    }
    *key = value;
    *colon = j;
    return 1;
}

/* Entries at column indent, the first key already read; closes the mapping. */
static PyObject *block_mapping(P *p, PyObject *key, Py_ssize_t colon, int indent,
                               PyObject *anchor, Py_ssize_t key_at) {
    if (open_node(p) < 0) {
        Py_DECREF(key);
        return NULL;
    }
    long long before = p->expanded;
    PyObject *table = NULL, *spot = NULL;
    PyObject *mapping = PyDict_New();
    if (mapping == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    if (p->located) {
        table = PyDict_New();
        if (table == NULL) goto fail_key;
    }
    Py_ssize_t last = colon;
    for (;;) {
        if (count(p, 1) < 0) goto fail_key;
        int present = PyDict_Contains(mapping, key);
        if (present != 0) goto fail_key; /* a duplicate key (or an error) */
        PyObject *value = node(p, indent, CTX_VALUE, colon + 1);
        if (value == NULL) goto fail_key;
        last = p->last;
        spot = take_spot(p);
        int failed = PyDict_SetItem(mapping, key, value);
        if (failed == 0 && table != NULL) failed = PyDict_SetItem(table, key, spot);
        Py_CLEAR(spot);
        Py_DECREF(key);
        Py_DECREF(value);
        if (failed < 0) goto fail;
        Py_ssize_t spaces;
        Py_ssize_t at = skip_lines(p, &spaces);
        if (at >= p->n || spaces < indent || (spaces == 0 && marker(p, at))) break;
        if (spaces > indent || p->s[at] == '\t') goto fail;
        if (block_key(p, at, indent, &key, &colon) != 1) goto fail;
    }
    if (close_node(p, mapping, anchor, before, key_at, last, table) < 0) goto fail;
    Py_XDECREF(table);
    return mapping;
fail_key:
    Py_DECREF(key);
fail:
    Py_XDECREF(table);
    Py_DECREF(mapping);
    return NULL;
}

/* Entries "- " at column indent, the first at at; closes the sequence. */
static PyObject *block_sequence(P *p, Py_ssize_t at, int indent, PyObject *anchor) {
    if (open_node(p) < 0) return NULL;
    long long before = p->expanded;
    Py_ssize_t start = at, last = at;
    PyObject *table = NULL;
    PyObject *list = PyList_New(0);
    if (list == NULL) return NULL;
    if (p->located) {
        table = PyList_New(0);
        if (table == NULL) goto fail;
    }
    for (;;) {
        PyObject *item = node(p, indent, CTX_ENTRY, at + 1);
        if (item == NULL) goto fail;
        last = p->last;
        PyObject *spot = take_spot(p);
        int failed = PyList_Append(list, item);
        if (failed == 0 && table != NULL) failed = PyList_Append(table, spot);
        Py_XDECREF(spot);
        Py_DECREF(item);
        if (failed < 0) goto fail;
        Py_ssize_t spaces;
        at = skip_lines(p, &spaces);
        if (at >= p->n || spaces < indent || (spaces == 0 && marker(p, at))) break;
        if (spaces > indent) goto fail;
        if (p->s[at] != '-' || !blankish(ch(p, at + 1))) break;
    }
    if (close_node(p, list, anchor, before, start, last, table) < 0) goto fail;
    Py_XDECREF(table);
    return list;
fail:
    Py_XDECREF(table);
    Py_DECREF(list);
    return NULL;
}

/* The content of a node at at, on the line of its indicator (below = 0) or on
 * a line of its own below it (below = 1, at the column indent, its parent at
 * parent). anchor: the node's, read before at. */
static PyObject *inline_node(P *p, int indent, int context, Py_ssize_t at, PyObject *anchor,
                             int below, int parent) {
    int c = p->s[at];
    int mapping_ok = below || context == CTX_ENTRY;
    int block_indent = below ? parent : indent;
    int column = below ? indent : column_of(p, at);
    int after_blank = blankish(ch(p, at + 1));
    if (c == '-' && after_blank) {
        if (!mapping_ok || (anchor != NULL && !below)) return NULL;
        return block_sequence(p, at, column, anchor);
    }
    if (c == '|' || c == '>') {
        Py_ssize_t end = at;
        PyObject *text = block_scalar(p, at, block_indent, &end);
        return scalar_node(p, text, anchor, at, end, 1);
    }
    if ((c == '?' || c == ':') && after_blank) return NULL;
    if (mapping_ok && c != '[' && c != '{' && c != '*') {
        PyObject *key;
        Py_ssize_t colon;
        int found = block_key(p, at, block_indent, &key, &colon);
        if (found < 0) return NULL;
        if (found) {
            if (anchor != NULL && !below) { /* an anchored key */
                Py_DECREF(key);
                return NULL;
            }
            return block_mapping(p, key, colon, column, anchor, at);
        }
    }
    PyObject *value = NULL;
    Py_ssize_t end = at;
    if (c == '[' || c == '{') {
        value = flow_collection(p, at, block_indent, anchor, &end);
    } else if (c == '"') {
        value = double_quoted(p, at, block_indent, &end);
        value = scalar_node(p, value, anchor, at, end, 0);
    } else if (c == '\'') {
        value = single_quoted(p, at, block_indent, &end);
        value = scalar_node(p, value, anchor, at, end, 0);
    } else if (c == '*') {
        if (anchor != NULL) return NULL;
        end = name_end(p, at + 1);
        if (end < 0) return NULL;
        PyObject *name = text_of((const char *)p->s + at + 1, end - at - 1);
        if (name == NULL) return NULL;
        value = alias(p, name, at, end);
        Py_DECREF(name);
    } else if (plain_first(p, at, 0)) {
        value = plain_value(p, plain(p, at, block_indent, 0, &end));
        value = scalar_node(p, value, anchor, at, end, 0);
    }
    if (value == NULL) return NULL;
    Py_ssize_t after = skip_white(p, end);
    if ((ch(p, after) == ':' && blankish(ch(p, after + 1))) || end_line(p, end) < 0) {
        Py_DECREF(value);
        return NULL;
    }
    return value;
}

/* The node on the lines after its indicator, or an empty node (at empty). */
static PyObject *node_below(P *p, int indent, int context, PyObject *anchor, Py_ssize_t empty) {
    Py_ssize_t spaces;
    Py_ssize_t at = skip_lines(p, &spaces);
    if (at < p->n && !(spaces == 0 && marker(p, at))) {
        int c = p->s[at];
        if (c == '\t' || c == '&' || c == '!') return NULL;
        int sequence = c == '-' && blankish(ch(p, at + 1));
        if (spaces > indent || (spaces == indent && sequence && context == CTX_VALUE)) {
            if (sequence) return block_sequence(p, at, (int)spaces, anchor);
            return inline_node(p, (int)spaces, CTX_ENTRY, at, anchor, 1, indent);
        }
    }
    return scalar_node(p, Py_NewRef(Py_None), anchor, empty, empty, 0);
}

/* A block node after its indicator ("-" or a key's ":") at after. */
static PyObject *node(P *p, int indent, int context, Py_ssize_t after) {
    Py_ssize_t at = after;
    int inline_context = context;
    while (at < p->n && (p->s[at] == ' ' || p->s[at] == '\t')) {
        /* a compact collection needs spaces after its indicator, not a tab */
        if (p->s[at] == '\t') inline_context = CTX_VALUE;
        at++;
    }
    int c = ch(p, at);
    if (c == 0 || c == '\n' || (c == '#' && at > after)) {
        if (end_line(p, at) < 0) return NULL;
        return node_below(p, indent, context, NULL, after);
    }
    if (c == '!') return NULL;
    if (c != '&') return inline_node(p, indent, inline_context, at, NULL, 0, 0);
    Py_ssize_t end = name_end(p, at + 1);
    if (end < 0) return NULL;
    Py_ssize_t sep = skip_white(p, end);
    int next = ch(p, sep);
    if (next == '&' || next == '!') return NULL;
    if (next != 0 && next != '\n' && next != '#' && sep == end) return NULL;
    PyObject *anchor = text_of((const char *)p->s + at + 1, end - at - 1);
    if (anchor == NULL) return NULL;
    PyObject *value;
    if (next == 0 || next == '\n' || next == '#') {
        value = end_line(p, sep) < 0 ? NULL : node_below(p, indent, context, anchor, end);
    } else {
        value = inline_node(p, indent, inline_context, sep, anchor, 0, 0);
    }
    Py_DECREF(anchor);
    return value;
}

/* -- the document ------------------------------------------------------------ */

static PyObject *document(P *p) {
    Py_ssize_t spaces;
    Py_ssize_t at = skip_lines(p, &spaces);
    if (at >= p->n) return PyDict_New(); /* empty, or only comments */
    if (spaces == 0 && (p->s[at] == '%' || marker(p, at))) {
        if (p->s[at] != '-') return NULL; /* a directive or "..." */
        if (end_line(p, at + 3) < 0) return NULL; /* content on the "---" line */
        at = skip_lines(p, &spaces);
        if (at >= p->n || (spaces == 0 && marker(p, at))) return NULL; /* not a mapping */
    }
    int c = p->s[at];
    if (c == '\t' || c == '&' || c == '!') return NULL;
    PyObject *key;
    Py_ssize_t colon;
    if (block_key(p, at, -1, &key, &colon) != 1) return NULL; /* not a mapping */
    p->root_key = at;
    PyObject *root = block_mapping(p, key, colon, column_of(p, at), NULL, at);
    if (root == NULL) return NULL;
    at = skip_lines(p, &spaces);
    if (at < p->n) { /* a second document, or an error */
        Py_DECREF(root);
        return NULL;
    }
    return root;
}

/* Whether every character is one YAML allows (_parser._NOT_PRINTABLE), a
 * byte-order mark at the start aside; a CR is left to the pure reader. */
static int printable(const unsigned char *s, Py_ssize_t n) {
    Py_ssize_t i = 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3;
    while (i < n) {
        unsigned char b = s[i];
        if (b < 0x80) {
            if (!(b == '\t' || b == '\n' || (b >= 0x20 && b <= 0x7E))) return 0;
            i++;
        } else if (b < 0xE0) {
            if (i + 1 >= n) return 0;
            unsigned cp = ((unsigned)(b & 0x1F) << 6) | (s[i + 1] & 0x3F);
            if (!(cp == 0x85 || cp >= 0xA0)) return 0;
            i += 2;
        } else if (b < 0xF0) {
            if (i + 2 >= n) return 0;
            unsigned cp = ((unsigned)(b & 0x0F) << 12) | ((unsigned)(s[i + 1] & 0x3F) << 6) |
                          (s[i + 2] & 0x3F);
            if (!((cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFEFE) ||
                  (cp >= 0xFF00 && cp <= 0xFFFD)))
                return 0;
            i += 3;
        } else {
            i += 4;
        }
    }
    return 1;
}

/* values() and located(): the arguments checked, the text read. */
static PyObject *run(const char *name, PyObject *const *args, Py_ssize_t nargs, int located) {
    if (nargs != 4) {
        PyErr_Format(PyExc_TypeError, "%s() takes 4 arguments", name);
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "%s() needs a str", name);
        return NULL;
    }
    long long max_nodes = PyLong_AsLongLong(args[1]);
    if (max_nodes == -1 && PyErr_Occurred()) return NULL;
    long max_depth = PyLong_AsLong(args[2]);
    if (max_depth == -1 && PyErr_Occurred()) return NULL;
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(args[0], &n);
    if (s == NULL) { /* a lone surrogate: not YAML, the pure reader says why */
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    if (!printable((const unsigned char *)s, n)) Py_RETURN_NONE;
    P p;
    memset(&p, 0, sizeof p);
    p.s = (const unsigned char *)s;
    p.n = n;
    p.max_nodes = max_nodes;
    p.max_depth = max_depth > NATIVE_MAX_DEPTH ? NATIVE_MAX_DEPTH : (int)max_depth;
    p.resolve = args[3];
    p.located = located;
    p.root_key = -1;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) p.pos = 3;
    if (located && !PyUnicode_IS_ASCII(args[0])) { /* byte offsets to characters */
        p.chars = PyMem_Malloc((size_t)(n + 1) * sizeof(Py_ssize_t));
        if (p.chars == NULL) return PyErr_NoMemory();
        Py_ssize_t chars = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            p.chars[i] = chars;
            chars += (p.s[i] & 0xC0) != 0x80;
        }
        p.chars[n] = chars;
    }
    PyObject *result = NULL;
    p.anchors = PyDict_New();
    if (p.anchors != NULL) result = document(&p);
    if (result != NULL && located) { /* (data, root spot, first key) */
        PyObject *spot = take_spot(&p);
        if (spot == NULL) { /* empty, or only comments */
            Py_ssize_t end = PyUnicode_GET_LENGTH(args[0]);
            spot = Py_BuildValue("(nnON)", end, end, Py_False, PyDict_New());
        }
        PyObject *located_result =
            spot == NULL ? NULL
            : p.root_key < 0
                ? Py_BuildValue("(ONO)", result, spot, Py_None)
                : Py_BuildValue("(ONn)", result, spot, char_at(&p, p.root_key));
        Py_SETREF(result, located_result);
    }
    Py_XDECREF(p.anchors);
    Py_XDECREF(p.spot);
    PyMem_Free(p.chars);
    PyMem_Free(p.buf);
    if (result == NULL) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    return result;
}

static PyObject *native_values(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    return run("values", args, nargs, 0);
}

static PyObject *native_located(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    return run("located", args, nargs, 1);
}

/* places(text, marks, leads, continuations, spaced, blanks) -> list[int]
 *
 * lint's scan (lint/_places.py, whose pure version gives the same list): the
 * offset, in characters, of each character of `marks`, and of each character
 * of `leads` followed by one of `continuations`, or by one of `blanks` when it
 * is also in `spaced`. `marks` and `blanks` are ASCII, `leads` and `spaced`
 * below U+0100, `continuations` not ASCII: the tables are built per call
 * (a few hundred bytes), so the rules stay in Python. */
static int table_of(PyObject *chars, unsigned char *table, Py_UCS4 below, const char *what) {
    if (!PyUnicode_Check(chars)) {
        PyErr_Format(PyExc_TypeError, "places(): %s must be a str", what);
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(chars);
    int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= below) {
            PyErr_Format(PyExc_ValueError, "places(): %s must be below U+%04X", what, below);
            return -1;
        }
        table[c] = 1;
    }
    return 0;
}

static PyObject *native_places(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 6) {
        PyErr_SetString(PyExc_TypeError, "places() takes 6 arguments");
        return NULL;
    }
    PyObject *text = args[0], *continuations = args[3];
    unsigned char marks[128] = {0}, leads[256] = {0}, spaced[256] = {0}, blanks[128] = {0};
    if (!PyUnicode_Check(text) || !PyUnicode_Check(continuations)) {
        PyErr_SetString(PyExc_TypeError, "places(): text and continuations must be str");
        return NULL;
    }
    if (table_of(args[1], marks, 128, "marks") < 0 || table_of(args[2], leads, 256, "leads") < 0
        || table_of(args[4], spaced, 256, "spaced") < 0
        || table_of(args[5], blanks, 128, "blanks") < 0)
        return NULL;
    Py_ssize_t m = PyUnicode_GET_LENGTH(continuations);
    int ckind = PyUnicode_KIND(continuations);
    const void *cdata = PyUnicode_DATA(continuations);
    for (Py_ssize_t i = 0; i < m; i++) {
        if (PyUnicode_READ(ckind, cdata, i) < 128) {
            PyErr_SetString(PyExc_ValueError, "places(): continuations must not be ASCII");
            return NULL;
        }
    }
    PyObject *found = PyList_New(0);
    if (found == NULL) return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int hit;
        if (c < 128) {
            hit = marks[c];
        } else if (c < 256 && leads[c] && i + 1 < n) {
            Py_UCS4 next = PyUnicode_READ(kind, data, i + 1);
            hit = next < 128 ? spaced[c] && blanks[next]
                             : PyUnicode_FindChar(continuations, next, 0, m, 1) >= 0;
        } else {
            continue;
        }
        if (hit) {
            PyObject *at = PyLong_FromSsize_t(i);
            if (at == NULL || PyList_Append(found, at) < 0) {
                Py_XDECREF(at);
                Py_DECREF(found);
                return NULL;
            }
            Py_DECREF(at);
        }
    }
    return found;
}

/* visit(model, loc, shape_of, models, titles) -> None
 *
 * lint's visit of an item's models (lint/_walk.py, Walk._models, whose pure
 * version does the same): depth first, in the order of the fields, each
 * model whose class `shape_of` gives a shape (None: not a model class). A
 * shape is (ruled, title attr, title key, ((attr, key), ...) of the fields
 * that may hold models). Appends (loc, model) to `models` for a ruled model,
 * and (loc + (title key,), model, title attr, title) to `titles` for a
 * title that is a str. A field's value is read from the model's __dict__,
 * past any accessor; a list's entries by index, each a model or not. */
static int visit_model(PyObject *model, PyObject *loc, PyObject *shape, PyObject *shape_of,
                       PyObject *models, PyObject *titles);

static PyObject *loc_plus(PyObject *loc, PyObject *key, PyObject *index) {
    Py_ssize_t n = PyTuple_GET_SIZE(loc);
    PyObject *out = PyTuple_New(n + (index == NULL ? 1 : 2));
    if (out == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *part = PyTuple_GET_ITEM(loc, i);
        Py_INCREF(part);
        PyTuple_SET_ITEM(out, i, part);
    }
    Py_INCREF(key);
    PyTuple_SET_ITEM(out, n, key);
    if (index != NULL) PyTuple_SET_ITEM(out, n + 1, index); /* stolen */
    return out;
}

/* Visit `value` at `loc` if shape_of gives its class a shape; 0, or -1 on an error. */
static int visit_if_model(PyObject *value, PyObject *loc, PyObject *shape_of, PyObject *models,
                          PyObject *titles) {
    PyObject *shape = PyObject_CallOneArg(shape_of, (PyObject *)Py_TYPE(value));
    if (shape == NULL) return -1;
    int result = 0;
    if (shape != Py_None) result = visit_model(value, loc, shape, shape_of, models, titles);
    Py_DECREF(shape);
    return result;
}

static int visit_model(PyObject *model, PyObject *loc, PyObject *shape, PyObject *shape_of,
                       PyObject *models, PyObject *titles) {
    if (!PyTuple_Check(shape) || PyTuple_GET_SIZE(shape) != 4
        || !PyTuple_Check(PyTuple_GET_ITEM(shape, 3))) {
        PyErr_SetString(PyExc_TypeError, "visit(): a shape is (ruled, attr, key, nested)");
        return -1;
    }
    if (Py_EnterRecursiveCall(" in visit()")) return -1;
    int result = -1;
    PyObject *values = NULL;
    int ruled = PyObject_IsTrue(PyTuple_GET_ITEM(shape, 0));
    if (ruled < 0) goto done;
    if (ruled) {
        PyObject *pair = PyTuple_Pack(2, loc, model);
        if (pair == NULL || PyList_Append(models, pair) < 0) {
            Py_XDECREF(pair);
            goto done;
        }
        Py_DECREF(pair);
    }
    values = PyObject_GenericGetDict(model, NULL);
    if (values == NULL) goto done;
    if (!PyDict_Check(values)) {
        PyErr_SetString(PyExc_TypeError, "visit(): a model's __dict__ must be a dict");
        goto done;
    }
    PyObject *title_attr = PyTuple_GET_ITEM(shape, 1);
    if (title_attr != Py_None) {
        PyObject *title = PyDict_GetItemWithError(values, title_attr); /* borrowed */
        if (title == NULL && PyErr_Occurred()) goto done;
        if (title != NULL && PyUnicode_Check(title)) {
            PyObject *where = loc_plus(loc, PyTuple_GET_ITEM(shape, 2), NULL);
            if (where == NULL) goto done;
            PyObject *entry = PyTuple_Pack(4, where, model, title_attr, title);
            Py_DECREF(where);
            if (entry == NULL || PyList_Append(titles, entry) < 0) {
                Py_XDECREF(entry);
                goto done;
            }
            Py_DECREF(entry);
        }
    }
    PyObject *nested = PyTuple_GET_ITEM(shape, 3);
    for (Py_ssize_t f = 0; f < PyTuple_GET_SIZE(nested); f++) {
        PyObject *field = PyTuple_GET_ITEM(nested, f);
        if (!PyTuple_Check(field) || PyTuple_GET_SIZE(field) != 2) {
            PyErr_SetString(PyExc_TypeError, "visit(): a nested field is (attr, key)");
            goto done;
        }
        PyObject *key = PyTuple_GET_ITEM(field, 1);
        PyObject *value = PyDict_GetItemWithError(values, PyTuple_GET_ITEM(field, 0));
        if (value == NULL) {
            if (PyErr_Occurred()) goto done;
            continue;
        }
        if (value == Py_None) continue;
        Py_INCREF(value);
        int failed = 0;
        if (PyList_Check(value)) {
            for (Py_ssize_t i = 0; !failed && i < PyList_GET_SIZE(value); i++) {
                PyObject *entry = PyList_GET_ITEM(value, i);
                Py_INCREF(entry);
                PyObject *index = PyLong_FromSsize_t(i);
                PyObject *where = index == NULL ? NULL : loc_plus(loc, key, index);
                failed = where == NULL
                         || visit_if_model(entry, where, shape_of, models, titles) < 0;
                Py_XDECREF(where);
                Py_DECREF(entry);
            }
        } else {
            PyObject *where = loc_plus(loc, key, NULL);
            failed = where == NULL || visit_if_model(value, where, shape_of, models, titles) < 0;
            Py_XDECREF(where);
        }
        Py_DECREF(value);
        if (failed) goto done;
    }
    result = 0;
done:
    Py_XDECREF(values);
    Py_LeaveRecursiveCall();
    return result;
}

static PyObject *native_visit(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "visit() takes 5 arguments");
        return NULL;
    }
    if (!PyTuple_Check(args[1]) || !PyList_Check(args[3]) || !PyList_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError, "visit(): loc must be a tuple, models and titles lists");
        return NULL;
    }
    if (visit_if_model(args[0], args[1], args[2], args[3], args[4]) < 0) return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"values", (PyCFunction)(void (*)(void))native_values, METH_FASTCALL,
     "values(text, max_nodes, max_depth, resolve) -> dict | None\n\n"
     "The values of the YAML text as newsitem's pure reader builds them, or None\n"
     "where the native reader leaves the text to the pure one."},
    {"located", (PyCFunction)(void (*)(void))native_located, METH_FASTCALL,
     "located(text, max_nodes, max_depth, resolve) -> (dict, spot, int | None) | None\n\n"
     "What _located.located() computes: the values, the root's spot (with its\n"
     "children's tables) and where the first key starts; or None where the\n"
     "native reader leaves the text to the pure one."},
    {"places", (PyCFunction)(void (*)(void))native_places, METH_FASTCALL,
     "places(text, marks, leads, continuations, spaced, blanks) -> list[int]\n\n"
     "Where lint's text rules may fire in text (see newsitem.lint._places)."},
    {"visit", (PyCFunction)(void (*)(void))native_visit, METH_FASTCALL,
     "visit(model, loc, shape_of, models, titles) -> None\n\n"
     "lint's visit of an item's models and titles (see newsitem.lint._walk)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_native",
    "The values half of newsitem's YAML reader, in C (see _yaml.values).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__native(void) {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) return NULL;
    PyObject *module = PyModule_Create(&module_def);
    if (module == NULL) return NULL;
    if (PyModule_AddStringConstant(module, "NOT_ONLY_STR", NOT_ONLY_STR) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
