/* Optional C versions of three inner loops of the rankers, for speed only.
 *
 * Each function returns exactly what its Python twin in briefing/kernels.py (name_py) returns: the same
 * values in the same order; tests/test_kernels.py checks both on random and real input. When this module
 * is not built (no C compiler at install), the Python versions run instead.
 *
 *   count_runs(segments, max_size, min_count, roles) -> list of (run, count)
 *   recurrence(sentences) -> list of float
 *   sorted_search(words, table, width, values, default) -> list of float
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RUN 4

/* ---- a growable open-addressing hash table of fixed-width integer keys ---- */

typedef struct {
    int64_t key[MAX_RUN];
    Py_ssize_t count;
    Py_ssize_t order;  /* when the key was first seen: the order of a Counter's keys */
    Py_ssize_t last;   /* recurrence: the last sentence the key was seen in */
    int size;          /* 0: an empty slot */
    int shared;
} Entry;

typedef struct {
    Entry *slots;
    size_t mask;
    size_t used;
} Table;

static int
table_init(Table *t, size_t hint)
{
    size_t capacity = 64;
    while (capacity < 2 * hint + 2)
        capacity <<= 1;
    t->slots = calloc(capacity, sizeof(Entry));
    t->mask = capacity - 1;
    t->used = 0;
    return t->slots ? 0 : -1;
}

static uint64_t
hash_key(const int64_t *key, int size)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)size;
    for (int i = 0; i < size; i++) {
        h ^= (uint64_t)key[i] + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    }
    return h;
}

/* The slot holding key, or the empty slot where it belongs. */
static Entry *
table_find(Table *t, const int64_t *key, int size)
{
    size_t i = (size_t)hash_key(key, size) & t->mask;
    for (;;) {
        Entry *e = &t->slots[i];
        if (e->size == 0 || (e->size == size && memcmp(e->key, key, sizeof(int64_t) * size) == 0))
            return e;
        i = (i + 1) & t->mask;
    }
}

static int
table_grow(Table *t)
{
    Table bigger;
    if (table_init(&bigger, (t->mask + 1)) < 0)
        return -1;
    for (size_t i = 0; i <= t->mask; i++) {
        Entry *e = &t->slots[i];
        if (e->size)
            *table_find(&bigger, e->key, e->size) = *e;
    }
    bigger.used = t->used;
    free(t->slots);
    *t = bigger;
    return 0;
}

/* The entry of key, inserted (count 0, this order) when new; NULL when out of memory. */
static Entry *
table_get(Table *t, const int64_t *key, int size, Py_ssize_t order)
{
    if (2 * (t->used + 1) > t->mask + 1 && table_grow(t) < 0)
        return NULL;
    Entry *e = table_find(t, key, size);
    if (e->size == 0) {
        memcpy(e->key, key, sizeof(int64_t) * size);
        e->size = size;
        e->order = order;
        e->last = -1;
        t->used++;
    }
    return e;
}

static int
by_order(const void *a, const void *b)
{
    Py_ssize_t x = (*(Entry *const *)a)->order, y = (*(Entry *const *)b)->order;
    return (x > y) - (x < y);
}

/* ---- count_runs ---- */

PyDoc_STRVAR(count_runs_doc,
"count_runs(segments, max_size, min_count, roles) -> list of (run, count)\n\n"
"Runs of 2 to max_size adjacent integers within each segment (a tuple of ints) that occur at least\n"
"min_count times, as (tuple of ints, count), in the order a Counter would first have seen them:\n"
"segment by segment, all runs of 2, then all runs of 3, ... Only runs whose integers may stand where\n"
"they stand count: roles[i] has the bits 1 (first), 2 (inside) and 4 (last) for integer i.");

#define FIRST 1
#define INSIDE 2
#define LAST 4

static PyObject *
count_runs(PyObject *self, PyObject *args)
{
    PyObject *segments, *fast = NULL, *result = NULL;
    int max_size;
    Py_ssize_t min_count;
    Py_buffer roles = {NULL};
    Table table = {NULL, 0, 0};
    Entry **found = NULL;
    int64_t *values = NULL;

    if (!PyArg_ParseTuple(args, "Oiny*:count_runs", &segments, &max_size, &min_count, &roles))
        return NULL;
    const unsigned char *role = roles.buf;
    if (max_size > MAX_RUN) {
        PyErr_Format(PyExc_ValueError, "count_runs: max_size above %d", MAX_RUN);
        goto done;
    }
    fast = PySequence_Fast(segments, "count_runs: segments must be a sequence");
    if (!fast)
        goto done;
    Py_ssize_t n_segments = PySequence_Fast_GET_SIZE(fast), total = 0, longest = 0;
    for (Py_ssize_t s = 0; s < n_segments; s++) {
        PyObject *segment = PySequence_Fast_GET_ITEM(fast, s);
        if (!PyTuple_Check(segment)) {
            PyErr_SetString(PyExc_TypeError, "count_runs: each segment must be a tuple of ints");
            goto done;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(segment);
        total += n;
        longest = n > longest ? n : longest;
    }
    if (table_init(&table, (size_t)total) < 0 || !(values = malloc(sizeof(int64_t) * (longest + 1)))) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t order = 0;
    for (Py_ssize_t s = 0; s < n_segments; s++) {
        PyObject *segment = PySequence_Fast_GET_ITEM(fast, s);
        Py_ssize_t n = PyTuple_GET_SIZE(segment);
        for (Py_ssize_t i = 0; i < n; i++) {
            values[i] = PyLong_AsLongLong(PyTuple_GET_ITEM(segment, i));
            if (values[i] == -1 && PyErr_Occurred())
                goto done;
            if (values[i] < 0 || values[i] >= roles.len) {
                PyErr_SetString(PyExc_IndexError, "count_runs: an integer without a role");
                goto done;
            }
        }
        for (int size = 2; size <= max_size; size++) {
            for (Py_ssize_t i = 0; i + size <= n; i++, order++) {
                const int64_t *run = values + i;
                if (!(role[run[0]] & FIRST) || !(role[run[size - 1]] & LAST))
                    continue;
                int inside = 1;
                for (int k = 1; k < size - 1; k++)
                    inside &= (role[run[k]] & INSIDE) != 0;
                if (!inside)
                    continue;
                Entry *e = table_get(&table, run, size, order);
                if (!e) {
                    PyErr_NoMemory();
                    goto done;
                }
                e->count++;
            }
        }
    }
    Py_ssize_t kept = 0;
    if (!(found = malloc(sizeof(Entry *) * (table.used + 1)))) {
        PyErr_NoMemory();
        goto done;
    }
    for (size_t i = 0; i <= table.mask; i++)
        if (table.slots[i].size && table.slots[i].count >= min_count)
            found[kept++] = &table.slots[i];
    qsort(found, (size_t)kept, sizeof(Entry *), by_order);
    if (!(result = PyList_New(kept)))
        goto done;
    for (Py_ssize_t k = 0; k < kept; k++) {
        Entry *e = found[k];
        PyObject *run = PyTuple_New(e->size);
        if (!run) {
            Py_CLEAR(result);
            goto done;
        }
        for (int i = 0; i < e->size; i++) {
            PyObject *value = PyLong_FromLongLong(e->key[i]);
            if (!value) {
                Py_DECREF(run);
                Py_CLEAR(result);
                goto done;
            }
            PyTuple_SET_ITEM(run, i, value);
        }
        PyObject *pair = Py_BuildValue("(Nn)", run, e->count);
        if (!pair) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, k, pair);
    }
done:
    free(found);
    free(values);
    free(table.slots);
    Py_XDECREF(fast);
    PyBuffer_Release(&roles);
    return result;
}

/* ---- recurrence ---- */

PyDoc_STRVAR(recurrence_doc,
"recurrence(sentences) -> list of float\n\n"
"For each sentence, the share of its overlapping character bigrams of letters and digits (both\n"
"characters str.isalnum) that occur in another sentence too; 0.0 for a sentence without any.");

static int
is_alnum(Py_UCS4 ch)
{
    return Py_UNICODE_ISALNUM(ch);
}

static PyObject *
recurrence(PyObject *self, PyObject *sentences)
{
    PyObject *fast = PySequence_Fast(sentences, "recurrence: sentences must be a sequence"), *result = NULL;
    Table table = {NULL, 0, 0};
    Entry **grams = NULL;
    Py_ssize_t *ends = NULL;
    if (!fast)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast), total = 0;
    for (Py_ssize_t s = 0; s < n; s++) {
        PyObject *sentence = PySequence_Fast_GET_ITEM(fast, s);
        if (!PyUnicode_Check(sentence)) {
            PyErr_SetString(PyExc_TypeError, "recurrence: sentences must be str");
            goto done;
        }
        total += PyUnicode_GET_LENGTH(sentence);
    }
    /* every bigram occurrence keeps a pointer to its entry: entries must not move, so the table is
       made large enough for all of them at once */
    if (table_init(&table, (size_t)total) < 0 || !(grams = malloc(sizeof(Entry *) * (total + 1)))
            || !(ends = malloc(sizeof(Py_ssize_t) * (n + 1)))) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t used = 0;
    for (Py_ssize_t s = 0; s < n; s++) {
        PyObject *sentence = PySequence_Fast_GET_ITEM(fast, s);
        int kind = PyUnicode_KIND(sentence);
        const void *data = PyUnicode_DATA(sentence);
        Py_ssize_t length = PyUnicode_GET_LENGTH(sentence);
        int previous_ok = 0;
        Py_UCS4 previous = 0;
        for (Py_ssize_t i = 0; i < length; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            int ok = is_alnum(ch);
            if (ok && previous_ok) {
                int64_t key = ((int64_t)previous << 21) | (int64_t)ch;
                Entry *e = table_find(&table, &key, 1);
                if (e->size == 0) {
                    e->key[0] = key;
                    e->size = 1;
                    e->last = s;
                    table.used++;
                } else if (e->last != s) {
                    e->shared = 1;
                    e->last = s;
                }
                grams[used++] = e;
            }
            previous_ok = ok;
            previous = ch;
        }
        ends[s] = used;
    }
    if (!(result = PyList_New(n)))
        goto done;
    Py_ssize_t start = 0;
    for (Py_ssize_t s = 0; s < n; s++) {
        Py_ssize_t shared = 0;
        for (Py_ssize_t g = start; g < ends[s]; g++)
            shared += grams[g]->shared;
        Py_ssize_t count = ends[s] - start;
        PyObject *value = PyFloat_FromDouble(count ? (double)shared / (double)count : 0.0);
        if (!value) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, s, value);
        start = ends[s];
    }
done:
    free(ends);
    free(grams);
    free(table.slots);
    Py_DECREF(fast);
    return result;
}

/* ---- sorted_search ---- */

PyDoc_STRVAR(sorted_search_doc,
"sorted_search(words, table, width, values, default) -> list of float\n\n"
"table holds sorted words as UTF-32 code points, width of them a word, zero-padded (numpy's U<width>),\n"
"values one double a word. For each word: its value by binary search, or default when it is absent\n"
"(or longer than width).");

static int
compare_padded(const Py_UCS4 *a, const Py_UCS4 *b, Py_ssize_t width)
{
    for (Py_ssize_t i = 0; i < width; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

static PyObject *
sorted_search(PyObject *self, PyObject *args)
{
    PyObject *words, *fast = NULL, *result = NULL;
    Py_buffer table = {NULL}, values = {NULL};
    Py_ssize_t width;
    double fallback;
    Py_UCS4 *query = NULL;
    if (!PyArg_ParseTuple(args, "Oy*ny*d:sorted_search", &words, &table, &width, &values, &fallback))
        return NULL;
    Py_ssize_t count = width > 0 ? table.len / (Py_ssize_t)(4 * width) : 0;
    if (width <= 0 || table.len != count * 4 * width || values.len != count * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "sorted_search: table and values do not fit width");
        goto done;
    }
    if (!(fast = PySequence_Fast(words, "sorted_search: words must be a sequence")))
        goto done;
    if (!(query = PyMem_Malloc(sizeof(Py_UCS4) * width))) {
        PyErr_NoMemory();
        goto done;
    }
    const Py_UCS4 *sorted = table.buf;
    const double *value = values.buf;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    if (!(result = PyList_New(n)))
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = PySequence_Fast_GET_ITEM(fast, i);
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "sorted_search: words must be str");
            Py_CLEAR(result);
            goto done;
        }
        double found = fallback;
        Py_ssize_t length = PyUnicode_GET_LENGTH(word);
        if (length <= width) {
            int kind = PyUnicode_KIND(word);
            const void *data = PyUnicode_DATA(word);
            for (Py_ssize_t k = 0; k < width; k++)
                query[k] = k < length ? PyUnicode_READ(kind, data, k) : 0;
            Py_ssize_t low = 0, high = count;  /* the first entry not below the query */
            while (low < high) {
                Py_ssize_t middle = low + (high - low) / 2;
                if (compare_padded(sorted + middle * width, query, width) < 0)
                    low = middle + 1;
                else
                    high = middle;
            }
            if (low < count && compare_padded(sorted + low * width, query, width) == 0)
                found = value[low];
        }
        PyObject *item = PyFloat_FromDouble(found);
        if (!item) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, i, item);
    }
done:
    PyMem_Free(query);
    Py_XDECREF(fast);
    PyBuffer_Release(&table);
    PyBuffer_Release(&values);
    return result;
}

static PyMethodDef methods[] = {
    {"count_runs", count_runs, METH_VARARGS, count_runs_doc},
    {"recurrence", recurrence, METH_O, recurrence_doc},
    {"sorted_search", sorted_search, METH_VARARGS, sorted_search_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "briefing._speedups", "Optional C versions of per-token passes.", -1, methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModule_Create(&module);
}
