/* SPDX-License-Identifier: GPL-3.0-or-later */
/* similarity.c — fuzzy comparison of item names and template text. */
#include "similarity.h"
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

/* Whether the match key leaves out C, a non-ASCII code point: spaces,
 * dashes, brackets, quotes and other punctuation. */
static gboolean
similarity_drops(gunichar c)
{
    /* Most of a Japanese key, kanji and kana (ー too), is kept without
     * asking GLib for the type. */
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3041 && c <= 0x3096) ||
        (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC)
        return FALSE;
    switch (g_unichar_type(c)) {
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
        return TRUE;
    default:
        return c == 0x30FB;   /* ・ is Po in Unicode 6+, but be explicit */
    }
}

/* The character after P's: a lead byte's length on, but never past the
 * end of bytes that are not UTF-8 (a reader's, cut short). */
static const char *
similarity_next_char(const char *p)
{
    const char *next = p + 1, *end = g_utf8_next_char(p);
    while (next < end && *next)
        next++;
    return next;
}

char *
slx_match_key(const char *s)
{
    /* Characters are only dropped or, in ASCII, lower-cased: the key is
     * never longer than S, and its characters are S's bytes. */
    char *key = g_malloc(strlen(s) + 1), *out = key;
    while (*s) {
        guchar b = (guchar)*s;
        if (b < 0x80) {
            if (g_ascii_isalnum(b))
                *out++ = g_ascii_tolower(b);
            s++;
            continue;
        }
        const char *next = similarity_next_char(s);
        if (!similarity_drops(slx_utf8_get_char(s)))
            for (const char *p = s; p < next; p++)
                *out++ = *p;
        s = next;
    }
    *out = '\0';
    return key;
}

static int
cmp_u64(const void *a, const void *b)
{
    guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
    return x < y ? -1 : x > y;
}

/* Sort the N bigrams at B.  A cell has tens of them: insertion sort is
 * five times qsort() there (no call per comparison; 40 bigrams: 0.2 µs
 * against 1.1 µs), and qsort() takes the long texts. */
#define SIMILARITY_INSERTION_SORT_MAX 64

static void
similarity_sort(guint64 *b, gsize n)
{
    if (n > SIMILARITY_INSERTION_SORT_MAX) {
        qsort(b, n, sizeof *b, cmp_u64);
        return;
    }
    /* Each bigram's place found by bisection, the greater ones moved up
     * in one memmove. */
    for (gsize i = 1; i < n; i++) {
        guint64 v = b[i];
        if (b[i - 1] <= v)
            continue;
        gsize lo = 0, hi = i - 1;   /* b[hi] > v */
        while (lo < hi) {
            gsize mid = lo + (hi - lo) / 2;
            if (b[mid] > v)
                hi = mid;
            else
                lo = mid + 1;
        }
        memmove(b + lo + 1, b + lo, (i - lo) * sizeof *b);
        b[lo] = v;
    }
}

SlxKey *
slx_key_from_match_key(const char *key)
{
    SlxKey *k = g_new0(SlxKey, 1);
    k->text = g_strdup(key);
    /* Bigrams of adjacent characters, sorted; as many as the characters
     * less one, at most as many as the bytes. */
    gsize len = strlen(key);
    guint64 *b = len > 1 ? g_new(guint64, len) : NULL;
    gunichar prev = 0;
    for (const char *p = key; *p; p = similarity_next_char(p)) {
        gunichar c = slx_utf8_get_char(p);
        if (k->chars++ > 0)
            b[k->n++] = ((guint64)prev << 32) | c;
        prev = c;
    }
    if (k->n > 0) {
        similarity_sort(b, k->n);
        k->bigrams = b;
    } else {
        g_free(b);
    }
    return k;
}

SlxKey *
slx_key_new(const char *normalized)
{
    char *key = slx_match_key(normalized);
    SlxKey *k = slx_key_from_match_key(key);
    g_free(key);
    return k;
}

void
slx_key_free(gpointer p)
{
    SlxKey *k = p;
    if (k == NULL)
        return;
    g_free(k->text);
    g_free(k->bigrams);
    g_free(k);
}

double
slx_key_similarity(const SlxKey *a, const SlxKey *b)
{
    if (*a->text == '\0' || *b->text == '\0')
        return 0.0;
    /* Equal texts have as many bigrams: most pairs need no strcmp. */
    if (a->n == b->n && strcmp(a->text, b->text) == 0)
        return 1.0;
    if (a->n == 0 || b->n == 0)
        return 0.0;
    gsize i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        if (a->bigrams[i] == b->bigrams[j]) {
            common++;
            i++;
            j++;
        } else if (a->bigrams[i] < b->bigrams[j]) {
            i++;
        } else {
            j++;
        }
    }
    return 2.0 * (double)common / (double)(a->n + b->n);
}

double
slx_similarity(const char *a, const char *b)
{
    SlxKey *ka = slx_key_from_match_key(a), *kb = slx_key_from_match_key(b);
    double s = slx_key_similarity(ka, kb);
    slx_key_free(ka);
    slx_key_free(kb);
    return s;
}

/* ---- an index of keys --------------------------------------------------- */

typedef struct {
    guint key;            /* index in the index's keys */
    guint count;          /* how often the bigram occurs in that key */
} SimilarityPosting;

/* A bit for each bigram's hash (mod SIMILARITY_FILTER_BITS) that some key
 * has: most bigrams of a vendor's cell are in no name of the catalog, and
 * the bit says so before the hash table is asked (a Bloom filter of one
 * hash). */
#define SIMILARITY_FILTER_BITS 65536

struct SlxKeyIndex {
    GHashTable *postings; /* bigram (guint64 *) → GArray of SimilarityPosting */
    GPtrArray *keys;      /* const SlxKey *, not owned */
    GHashTable *by_text;  /* key text → GArray of guint: the keys with that text */
    gsize max_n;          /* the most bigrams a key has: a longer text is no key's */
    guint64 filter[SIMILARITY_FILTER_BITS / 64];
};

static guint
similarity_hash_u64(gconstpointer p)
{
    guint64 v = *(const guint64 *)p;
    return (guint)(v ^ (v >> 29) ^ (v >> 47));
}

/* BIGRAM's bit of the filter: the index of the word that holds it, and
 * its *MASK there. */
static guint
similarity_filter_bit(guint64 bigram, guint64 *mask)
{
    guint h = similarity_hash_u64(&bigram) % SIMILARITY_FILTER_BITS;
    *mask = G_GUINT64_CONSTANT(1) << (h % 64);
    return h / 64;
}

static gboolean
similarity_filter_has(const SlxKeyIndex *ix, guint64 bigram)
{
    guint64 mask;
    return (ix->filter[similarity_filter_bit(bigram, &mask)] & mask) != 0;
}

static gboolean
similarity_equal_u64(gconstpointer a, gconstpointer b)
{
    return *(const guint64 *)a == *(const guint64 *)b;
}

static void
similarity_free_array(gpointer a)
{
    g_array_free(a, TRUE);
}

SlxKeyIndex *
slx_key_index_new(void)
{
    SlxKeyIndex *ix = g_new0(SlxKeyIndex, 1);
    ix->postings = g_hash_table_new_full(similarity_hash_u64, similarity_equal_u64, g_free,
                                         similarity_free_array);
    ix->keys = g_ptr_array_new();
    ix->by_text = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, similarity_free_array);
    return ix;
}

void
slx_key_index_free(SlxKeyIndex *ix)
{
    if (ix == NULL)
        return;
    g_hash_table_unref(ix->postings);
    g_ptr_array_unref(ix->keys);
    g_hash_table_unref(ix->by_text);
    g_free(ix);
}

guint
slx_key_index_add(SlxKeyIndex *ix, const SlxKey *key)
{
    guint id = ix->keys->len;
    g_ptr_array_add(ix->keys, (gpointer)key);
    GArray *same = g_hash_table_lookup(ix->by_text, key->text);
    if (same == NULL) {
        same = g_array_new(FALSE, FALSE, sizeof(guint));
        g_hash_table_insert(ix->by_text, key->text, same);
    }
    g_array_append_val(same, id);
    ix->max_n = MAX(ix->max_n, key->n);
    /* The bigrams are sorted: each distinct one with how often it comes. */
    for (gsize i = 0; i < key->n;) {
        gsize j = i;
        while (j < key->n && key->bigrams[j] == key->bigrams[i])
            j++;
        GArray *list = g_hash_table_lookup(ix->postings, &key->bigrams[i]);
        if (list == NULL) {
            list = g_array_new(FALSE, FALSE, sizeof(SimilarityPosting));
            g_hash_table_insert(ix->postings, g_memdup2(&key->bigrams[i], sizeof(guint64)), list);
        }
        SimilarityPosting post = {id, (guint)(j - i)};
        g_array_append_val(list, post);
        guint64 mask;
        ix->filter[similarity_filter_bit(key->bigrams[i], &mask)] |= mask;
        i = j;
    }
    return id;
}

guint
slx_key_index_size(const SlxKeyIndex *ix)
{
    return ix->keys->len;
}

gboolean
slx_key_index_holds(const SlxKeyIndex *ix, const SlxKey *query)
{
    return *query->text != '\0' && query->n <= ix->max_n &&
           g_hash_table_contains(ix->by_text, query->text);
}

/* COMMON[k] = the bigrams QUERY and key k share, counted as the merge of
 * slx_key_similarity counts them (the least of the two multiplicities);
 * the keys with any are listed in TOUCHED, as many as returned.  COMMON
 * and TOUCHED hold a guint for every key of IX, COMMON zeroed. */
static guint
similarity_common(const SlxKeyIndex *ix, const SlxKey *query, guint *common, guint *touched)
{
    guint n_touched = 0;
    for (gsize i = 0; i < query->n;) {
        gsize j = i;
        while (j < query->n && query->bigrams[j] == query->bigrams[i])
            j++;
        const GArray *list = similarity_filter_has(ix, query->bigrams[i])
                                 ? g_hash_table_lookup(ix->postings, &query->bigrams[i])
                                 : NULL;
        for (guint k = 0; list && k < list->len; k++) {
            const SimilarityPosting *post = &g_array_index(list, SimilarityPosting, k);
            if (common[post->key] == 0)
                touched[n_touched++] = post->key;
            common[post->key] += MIN(post->count, (guint)(j - i));
        }
        i = j;
    }
    return n_touched;
}

static double
similarity_score(const SlxKeyIndex *ix, const SlxKey *query, guint k, guint common)
{
    const SlxKey *key = g_ptr_array_index(ix->keys, k);
    return 2.0 * (double)common / (double)(query->n + key->n);
}

void
slx_key_index_similarities(const SlxKeyIndex *ix, const SlxKey *query, double *scores)
{
    guint n = ix->keys->len;
    memset(scores, 0, n * sizeof *scores);
    if (*query->text == '\0' || n == 0)
        return;
    guint *common = g_new0(guint, 2 * (gsize)n), *touched = common + n;
    guint n_touched = similarity_common(ix, query, common, touched);
    for (guint t = 0; t < n_touched; t++)
        scores[touched[t]] = similarity_score(ix, query, touched[t], common[touched[t]]);
    g_free(common);
    /* Equal texts are 1, bigrams or not (a one-character name); equal
     * texts have as many bigrams. */
    const GArray *same =
        query->n <= ix->max_n ? g_hash_table_lookup(ix->by_text, query->text) : NULL;
    for (guint k = 0; same && k < same->len; k++)
        scores[g_array_index(same, guint, k)] = 1.0;
}

double
slx_key_index_best(const SlxKeyIndex *ix, const SlxKey *query)
{
    guint n = ix->keys->len;
    if (*query->text == '\0' || n == 0)
        return 0.0;
    if (slx_key_index_holds(ix, query))
        return 1.0;
    guint *common = g_new0(guint, 2 * (gsize)n), *touched = common + n;
    guint n_touched = similarity_common(ix, query, common, touched);
    double best = 0.0;
    for (guint t = 0; t < n_touched; t++) {
        double score = similarity_score(ix, query, touched[t], common[touched[t]]);
        best = MAX(best, score);
    }
    g_free(common);
    return best;
}

gboolean
slx_key_contains(const char *haystack, const char *needle)
{
    return *needle != '\0' && strstr(haystack, needle) != NULL;
}
