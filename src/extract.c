/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract.c — typed values from a normalized response (doc/output.md §3).
 *
 * The order of the passes is the design (normalization.md §0, §C step 9):
 *   1. numerals written as words become digits, but only before a unit or
 *      counter: kanji (三世代, 一時間以内) except inside words that keep
 *      them (十分な, 一括, 万一, 第三者), and English (three months,
 *      twenty-four hours).  Every value still reports the span of the text
 *      as given;
 *   2. TLS/SSL versions first, so no date or number rule sees 「TLS1.2」;
 *   3. spans that hold numbers but state no value are claimed: URLs, mail
 *      addresses, phone numbers, dates, standard and registration numbers,
 *      ordinals, sizes, ratios (values.ini [not values]);
 *   4. schedules (24時間365日 is a schedule, never also a 24-hour duration),
 *      time ranges, frequencies, durations, percentages, counts — each
 *      skips what an earlier pass claimed;
 *   5. lists (certifications, formats, locations, channels) by name;
 *      channels only where the sentence says how the vendor notifies or
 *      takes inquiries, or in an item about them.
 * The grammar (a number, then a unit, then a bound …) is here; every word
 * it is built from comes from the vocabulary (patterns/values.ini), and so
 * does every pre-check that lets a pass skip its regex.  Numbers are parsed
 * from the literal with g_ascii_strtod: 99.99 stays 99.99. */
#include "extract.h"
#include "error.h"
#include "normalize.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NUM "[0-9]+(?:,[0-9]{3})*(?:\\.[0-9]+)?"

/* ---- word sets: a group of values.ini, compiled ------------------------ */

/* A span of a text: where a needle is, or a window a pass reads. */
typedef struct {
    gsize start, end;
} Window;

/* One term of a group: its name and the regex that tells a matched word
 * belongs to it.  Of a list's names only the alternation is kept here:
 * find_list searches each with a regex of its own (names_re). */
typedef struct {
    const char *name;         /* owned by the vocabulary */
    char *alt;                /* (?:p1|p2…) */
    GRegex *search;           /* alt, for a search in running text; NULL for a list's names */
    GRegex *whole;            /* ^alt$, compiled when wordset_name first needs it: most words
                                 are never asked for (word_whole) */
} Word;

typedef struct {
    GArray *words;            /* Word, in file order */
    char *alt;                /* (?:p1|p2|…) over every term */
    GPtrArray *needles;       /* lower-case literal prefixes; NULL: cannot pre-check */
    GRegexCompileFlags flags; /* what the words' regexes compile with (word_whole) */
} WordSet;

struct SlxExtractor {
    GRegex *kanji_run, *kanji_keep, *english_number;
    GRegex *version, *version_more;
    GRegex *masks, *schedule, *time_range, *frequency, *duration, *percent, *count;
    GRegex *days_before_re, *days_after_re, *bound_before_re;
    WordSet duration_units, count_units, bounds_after, bounds_before, frequency_words,
            frequency_periods, days_before, days_after, schedules, roles, versions_off,
            interval_words, duration_words;
    char *lead_at_least;      /* the alternation of [lead time] at_least */
    /* What starts each pass (values.ini words and grammar words): a pass
     * reads only the windows of text around them. */
    GPtrArray *needles_schedule, *needles_frequency, *needles_duration, *needles_masks,
              *needles_version, *needles_duration_units, *needles_count_units;
    struct {
        const char *role;
        WordSet names;
        GRegex *context;      /* NULL: every mention counts */
        GRegex *not_context;  /* NULL, or words of sentences whose mentions do not */
        GArray *names_re;     /* GRegex *: each name, then no letter after a Latin end */
        GPtrArray *names_needles;   /* GPtrArray * of needles per name, NULL: always */
    } lists[4];
    /* Every needle of the lists above by its first character: one walk
     * over a text finds them all (first char → GArray of IndexEntry). */
    GHashTable *needle_index;
    guint8 needle_starts[0x10000 / 8];   /* a bit per BMP character that starts a needle */
    GPtrArray *subsumed;      /* SlxTerm * of [list subsumed], owned by the vocabulary */
};

static const char *const list_roles[] = {"certification", "format", "location", "channel"};

/* ---- small helpers --------------------------------------------------- */

const char *
slx_value_kind_name(SlxValueKind k)
{
    static const char *const names[] = {"duration", "percent", "count", "frequency",
                                        "time_range", "schedule", "version", "list"};
    return k < SLX_VALUE_N ? names[k] : "?";
}

const char *
slx_bound_name(SlxBound b)
{
    static const char *const names[] = {NULL, "max", "max_exclusive", "min", "min_exclusive",
                                        "approx"};
    return names[b];
}

double
slx_unit_seconds(const char *unit)
{
    static const struct { const char *unit; double s; } t[] = {
        {"second", 1}, {"minute", 60}, {"hour", 3600}, {"day", 86400},
        {"business_day", 86400}, {"week", 604800}, {"month", 2592000}, {"year", 31536000},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(t); i++)
        if (unit && strcmp(t[i].unit, unit) == 0)
            return t[i].s;
    return 0;
}

double
slx_value_seconds(const SlxValue *v)
{
    if (v->kind != SLX_VALUE_DURATION || v->valueless)
        return -1;
    return v->value * slx_unit_seconds(v->unit);
}

void
slx_value_free(gpointer p)
{
    SlxValue *v = p;
    if (v == NULL)
        return;
    g_free(v->text);
    if (v->items)
        g_ptr_array_unref(v->items);
    g_free(v);
}

SlxValue *
slx_value_copy(const SlxValue *v)
{
    SlxValue *c = g_new(SlxValue, 1);
    *c = *v;
    c->text = g_strdup(v->text);
    if (v->items) {
        c->items = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; i < v->items->len; i++)
            g_ptr_array_add(c->items, g_strdup(g_ptr_array_index(v->items, i)));
    }
    return c;
}

static GRegex *
compile(const SlxVocabulary *v, const char *pattern, GError **error)
{
    GError *e = NULL;
    GRegex *r = g_regex_new(pattern, v->compile_flags | G_REGEX_CASELESS, 0, &e);
    if (r == NULL) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_PATTERNS,
                    "the words of values (values.ini and --patterns files) make no valid pattern "
                    "(%s): %s", e->message, pattern);
        g_error_free(e);
    }
    return r;
}

static double
parse_number(const char *s)
{
    char *plain = g_strdup(s);
    char *w = plain;
    for (const char *p = s; *p; p++)
        if (*p != ',')
            *w++ = *p;
    *w = '\0';
    double v = g_ascii_strtod(plain, NULL);
    g_free(plain);
    return v;
}

/* Group NAME of MI, or NULL if it did not take part. */
static char *
group(GMatchInfo *mi, const char *name)
{
    char *s = g_match_info_fetch_named(mi, name);
    if (s && *s == '\0') {
        g_free(s);
        return NULL;
    }
    return s;
}

/* The longest literal text every match of a pattern contains (lower
 * case), or NULL when it has none or is an alternation: 「メール」 →
 * メール, 「e-?mail」 → mail, 「(?:ISO|JIS Q)\s*27001」 → 27001.  A pass
 * or a name whose every pattern has one is skipped where none occurs. */
static char *
literal_prefix(const char *pattern)
{
    GString *run = g_string_new(NULL), *best = g_string_new(NULL);
    int depth = 0;
    gboolean alternation = FALSE;
    for (const char *p = pattern; *p;) {
        const char *next = g_utf8_next_char(p);
        gboolean literal = FALSE;
        if (*p == '\\') {
            next = p[1] ? p + 2 : p + 1;    /* an escape: a class, \K, … */
        } else if (*p == '(' || *p == '[') {
            if (*p == '[') {                /* skip the class whole */
                const char *q = p + 1;
                if (*q == ']')
                    q++;
                while (*q && *q != ']')
                    q += *q == '\\' && q[1] ? 2 : 1;
                next = *q ? q + 1 : q;
            } else {
                depth++;
            }
        } else if (*p == ')') {
            depth--;
        } else if (*p == '{') {             /* a quantifier {m,n}: skip it whole */
            const char *q = strchr(p, '}');
            next = q ? q + 1 : p + 1;
        } else if (*p == '|') {
            alternation |= depth == 0;
        } else if (depth == 0 && !strchr("^$.?*+{}", *p)) {
            /* a literal, unless a quantifier makes it optional */
            literal = !(*next && strchr("?*{", *next));
        }
        if (literal) {
            g_string_append_len(run, p, next - p);
        } else {
            if (run->len > best->len)
                g_string_assign(best, run->str);
            g_string_truncate(run, 0);
        }
        p = next;
    }
    if (run->len > best->len)
        g_string_assign(best, run->str);
    g_string_free(run, TRUE);
    char *low = alternation || best->len == 0 ? NULL : g_ascii_strdown(best->str, -1);
    g_string_free(best, TRUE);
    return low;
}

/* Add the literals of every pattern of TERMS to *NEEDLES; one pattern
 * without a literal makes *NEEDLES NULL (always run). */
static void
add_needles(GPtrArray **needles, const GPtrArray *terms)
{
    for (guint i = 0; terms && i < terms->len && *needles; i++) {
        const SlxTerm *t = g_ptr_array_index(terms, i);
        for (guint k = 0; k < t->patterns->len && *needles; k++) {
            char *lit = literal_prefix(g_ptr_array_index(t->patterns, k));
            if (lit == NULL) {
                g_ptr_array_unref(*needles);
                *needles = NULL;
            } else {
                g_ptr_array_add(*needles, lit);
            }
        }
    }
}

/* The literals of the patterns of TERMS that have one, onto NEEDLES (for
 * a pass that also starts at every digit). */
static void
add_prefix_needles(GPtrArray *needles, const GPtrArray *terms)
{
    for (guint i = 0; terms && i < terms->len; i++) {
        const SlxTerm *t = g_ptr_array_index(terms, i);
        for (guint k = 0; k < t->patterns->len; k++) {
            char *lit = literal_prefix(g_ptr_array_index(t->patterns, k));
            if (lit)
                g_ptr_array_add(needles, lit);
        }
    }
}

static void
add_needle(GPtrArray *needles, const char *literal)
{
    if (needles)
        g_ptr_array_add(needles, g_strdup(literal));
}

static void
needles_free(gpointer p)
{
    if (p)
        g_ptr_array_unref(p);
}

/* One needle of one list, in the extractor's index. */
typedef struct {
    const char *literal;
    gsize len;
    const GPtrArray *owner;
} IndexEntry;

static void
index_needles(GHashTable *index, guint8 *starts, const GPtrArray *needles)
{
    for (guint i = 0; needles && i < needles->len; i++) {
        const char *lit = g_ptr_array_index(needles, i);
        gunichar c = g_utf8_get_char(lit);
        if (c < 0x10000)
            starts[c / 8] |= (guint8)(1u << (c % 8));
        gpointer key = GUINT_TO_POINTER(c);
        GArray *entries = g_hash_table_lookup(index, key);
        if (entries == NULL) {
            entries = g_array_new(FALSE, FALSE, sizeof(IndexEntry));
            g_hash_table_insert(index, key, entries);
        }
        IndexEntry e = {lit, strlen(lit), needles};
        g_array_append_val(entries, e);
    }
}

static void
free_windows(gpointer p)
{
    g_array_free(p, TRUE);
}

/* Walk LOWER once and note where every needle of the index occurs, per
 * needle list. */
static GHashTable *
find_needles(GHashTable *index, const guint8 *starts, const char *lower)
{
    GHashTable *found = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, free_windows);
    for (const char *p = lower; *p; p = g_utf8_next_char(p)) {
        gunichar c = slx_utf8_get_char(p);
        if (c < 0x10000 && !(starts[c / 8] & (1u << (c % 8))))
            continue;           /* no needle starts with it: most characters */
        GArray *entries = g_hash_table_lookup(index, GUINT_TO_POINTER(c));
        for (guint i = 0; entries && i < entries->len; i++) {
            const IndexEntry *e = &g_array_index(entries, IndexEntry, i);
            if (strncmp(p, e->literal, e->len) != 0)
                continue;
            GArray *hits = g_hash_table_lookup(found, e->owner);
            if (hits == NULL) {
                hits = g_array_new(FALSE, FALSE, sizeof(Window));
                g_hash_table_insert(found, (gpointer)e->owner, hits);
            }
            Window w = {(gsize)(p - lower), (gsize)(p - lower) + e->len};
            g_array_append_val(hits, w);
        }
    }
    return found;
}

/* A needle of NEEDLES occurs in the text (NULL: cannot tell, so yes). */
static gboolean
needles_in(GHashTable *found, const GPtrArray *needles)
{
    return needles == NULL || g_hash_table_contains(found, needles);
}

/* A word's ^alt$, compiled on first use.  It cannot fail: alt compiled
 * once already (as the word's search, or in its list's names_re), and
 * anchoring a group changes nothing of its syntax.  The extractor may be
 * shared by threads: the first regex stored is the one kept. */
static GRegex *
word_whole(const WordSet *ws, Word *w)
{
    GRegex *re = g_atomic_pointer_get(&w->whole);
    if (re != NULL)
        return re;
    g_autofree char *whole = g_strdup_printf("^%s$", w->alt);
    GRegex *made = g_regex_new(whole, ws->flags, 0, NULL);
    g_assert(made != NULL);
    if (!g_atomic_pointer_compare_and_exchange(&w->whole, NULL, made))
        g_regex_unref(made);
    return g_atomic_pointer_get(&w->whole);
}

/* The words of GROUP_NAME, each with its search regex compiled (which
 * says on load whether the vocabulary makes a valid one) unless they are
 * a list's NAMES (build_lists compiles those). */
static gboolean
wordset_init(WordSet *ws, const SlxVocabulary *v, const char *group_name, gboolean names,
             GError **error)
{
    GPtrArray *terms = slx_value_terms(v, group_name);
    ws->words = g_array_new(FALSE, TRUE, sizeof(Word));
    ws->needles = g_ptr_array_new_with_free_func(g_free);
    ws->flags = v->compile_flags | G_REGEX_CASELESS;   /* as compile() */
    add_needles(&ws->needles, terms);
    GString *all = g_string_new("(?:");
    gboolean first = TRUE;
    for (guint i = 0; terms && i < terms->len; i++) {
        const SlxTerm *t = g_ptr_array_index(terms, i);
        GString *one = g_string_new("(?:");
        for (guint k = 0; k < t->patterns->len; k++) {
            char *pat = slx_expand_units(v, g_ptr_array_index(t->patterns, k));
            g_string_append_printf(one, "%s(?:%s)", k ? "|" : "", pat);
            g_free(pat);
        }
        g_string_append_c(one, ')');
        if (t->patterns->len == 0)
            g_string_assign(one, "(?!)");
        g_string_append_printf(all, "%s%s", first ? "" : "|", one->str);
        first = FALSE;
        Word w = {t->name, g_string_free(one, FALSE), NULL, NULL};
        if (!names)
            w.search = compile(v, w.alt, error);
        g_array_append_val(ws->words, w);
        if (!names && w.search == NULL) {
            g_string_free(all, TRUE);
            return FALSE;
        }
    }
    if (first)
        g_string_append(all, "(?!)");   /* no words: matches nothing */
    g_string_append_c(all, ')');
    ws->alt = g_string_free(all, FALSE);
    return TRUE;
}

static void
wordset_clear(WordSet *ws)
{
    for (guint i = 0; ws->words && i < ws->words->len; i++) {
        Word *w = &g_array_index(ws->words, Word, i);
        if (w->whole)
            g_regex_unref(w->whole);
        if (w->search)
            g_regex_unref(w->search);
        g_free(w->alt);
    }
    if (ws->words)
        g_array_free(ws->words, TRUE);
    if (ws->needles)
        g_ptr_array_unref(ws->needles);
    g_free(ws->alt);
}

/* The name of the term TEXT (a word the set's alternation matched) is. */
static const char *
wordset_name(const WordSet *ws, const char *text)
{
    if (text == NULL)
        return NULL;
    for (guint i = 0; i < ws->words->len; i++) {
        Word *w = &g_array_index(ws->words, Word, i);   /* the array's, not const */
        if (g_regex_match(word_whole(ws, w), text, 0, NULL))
            return w->name;
    }
    return NULL;
}

static const Word *
wordset_word(const WordSet *ws, const char *name)
{
    for (guint i = 0; i < ws->words->len; i++)
        if (strcmp(g_array_index(ws->words, Word, i).name, name) == 0)
            return &g_array_index(ws->words, Word, i);
    return NULL;
}

/* The alternation of term NAME of group GROUP_NAME, "(?!)" if it has none. */
static const char *
term_alt(const SlxVocabulary *v, const char *group_name, const char *name, GString *buf)
{
    g_string_assign(buf, "(?:");
    GPtrArray *terms = slx_value_terms(v, group_name);
    gboolean any = FALSE;
    for (guint i = 0; terms && i < terms->len; i++) {
        const SlxTerm *t = g_ptr_array_index(terms, i);
        if (strcmp(t->name, name) != 0)
            continue;
        for (guint k = 0; k < t->patterns->len; k++) {
            g_string_append_printf(buf, "%s(?:%s)", any ? "|" : "",
                                   (char *)g_ptr_array_index(t->patterns, k));
            any = TRUE;
        }
    }
    if (!any)
        g_string_append(buf, "(?!)");
    g_string_append_c(buf, ')');
    return buf->str;
}

/* ---- numerals written as words --------------------------------------- */

static int
kanji_digit(gunichar c)
{
    static const gunichar d[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
                                 0x516B, 0x4E5D};   /* 〇一二三四五六七八九 */
    for (int i = 0; i < 10; i++)
        if (d[i] == c)
            return i;
    return -1;
}

/* 三 → 3, 十二 → 12, 三百六十五 → 365, 二〇二四 → 2024. */
static long
kanji_value(const char *s, const char *end)
{
    long total = 0, section = 0, cur = 0;
    gboolean have = FALSE;
    for (const char *p = s; p < end; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        int d = kanji_digit(c);
        if (d >= 0) {
            cur = cur * 10 + d;
            have = TRUE;
        } else {
            long mult = c == 0x5341 ? 10 : c == 0x767E ? 100 : c == 0x5343 ? 1000 : 10000;
            if (mult == 10000) {
                total += (section + cur) * 10000;
                section = 0;
            } else {
                section += (have ? cur : 1) * mult;
            }
            cur = 0;
            have = FALSE;
        }
    }
    return total + section + cur;
}

/* English number words: the numeral grammar, not vocabulary. */
static const char *const english_ones[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"};
static const char *const english_tens[] = {"twenty", "thirty", "forty", "fifty", "sixty",
                                           "seventy", "eighty", "ninety"};

/* 「twenty-four」 → 24, 「seven」 → 7, or -1. */
static long
english_value(const char *word)
{
    char *w = g_ascii_strdown(word, -1);
    long v = -1;
    for (gsize t = 0; t < G_N_ELEMENTS(english_tens) && v < 0; t++) {
        gsize n = strlen(english_tens[t]);
        if (strncmp(w, english_tens[t], n) == 0) {
            v = 20 + 10 * (long)t;
            const char *rest = w + n;
            if (*rest == '-' || *rest == ' ')
                for (long o = 1; o < 10; o++)
                    if (strcmp(rest + 1, english_ones[o]) == 0)
                        v += o;
        }
    }
    for (gsize o = 0; o < G_N_ELEMENTS(english_ones) && v < 0; o++)
        if (strcmp(w, english_ones[o]) == 0)
            v = (long)o;
    g_free(w);
    return v;
}

/* One rewrite: bytes [start, end) of the text become REPLACEMENT. */
typedef struct {
    int start, end;
    char replacement[24];
} Rewrite;

/* One of NEEDLES (lower case) is in TEXT; NULL needles: cannot tell, yes. */
static gboolean
text_has(const GPtrArray *needles, const char *text)
{
    for (guint i = 0; needles && i < needles->len; i++)
        if (strstr(text, g_ptr_array_index(needles, i)))
            return TRUE;
    return needles == NULL;
}

static gint
by_rewrite_start(gconstpointer a, gconstpointer b)
{
    const Rewrite *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Apply REWRITES (in order, not overlapping) to TEXT; *MAP gets, for
 * every byte of the result and its end, the offset in TEXT it came from. */
static char *
apply_rewrites(const char *text, GArray *rewrites, GArray **map)
{
    gsize len = strlen(text), out_len = len;
    for (guint i = 0; i < rewrites->len; i++) {
        const Rewrite *r = &g_array_index(rewrites, Rewrite, i);
        out_len = out_len - (gsize)(r->end - r->start) + strlen(r->replacement);
    }
    GString *out = g_string_sized_new(out_len);
    *map = g_array_sized_new(FALSE, FALSE, sizeof(gsize), (guint)out_len + 1);
    g_array_set_size(*map, (guint)out_len + 1);
    gsize *m = (gsize *)(void *)(*map)->data, o = 0, done = 0;
    for (guint i = 0; i <= rewrites->len; i++) {
        const Rewrite *r = i < rewrites->len ? &g_array_index(rewrites, Rewrite, i) : NULL;
        gsize upto = r ? (gsize)r->start : len;
        for (gsize k = done; k < upto; k++)
            m[o++] = k;
        g_string_append_len(out, text + done, (gssize)(upto - done));
        if (r == NULL)
            break;
        for (gsize k = 0; r->replacement[k]; k++)
            m[o++] = (gsize)r->start;
        g_string_append(out, r->replacement);
        done = (gsize)r->end;
    }
    m[o] = len;
    return g_string_free(out, FALSE);
}

/* Step 1: numerals before a unit or counter become digits, and words that
 * are a duration become one (values.ini [duration words]).  Returns the new
 * text; *MAP maps its offsets back to TEXT's. */
static char *
convert_numerals(const SlxExtractor *x, const char *text, GArray **map)
{
    GArray *rewrites = g_array_new(FALSE, FALSE, sizeof(Rewrite));
    GMatchInfo *mi;
    if (g_regex_match(x->kanji_run, text, 0, &mi)) {
        gsize len = strlen(text);
        guint8 *keep = g_new0(guint8, len + 1);
        GMatchInfo *ki;
        g_regex_match(x->kanji_keep, text, 0, &ki);
        while (g_match_info_matches(ki)) {
            int s, e;
            g_match_info_fetch_pos(ki, 0, &s, &e);
            memset(keep + s, 1, (gsize)(e - s));
            g_match_info_next(ki, NULL);
        }
        g_match_info_free(ki);
        while (g_match_info_matches(mi)) {
            int s, e;
            g_match_info_fetch_pos(mi, 1, &s, &e);
            gboolean kept = FALSE;
            for (int k = s; k < e; k++)
                kept |= keep[k];
            if (!kept) {
                Rewrite r = {s, e, ""};
                g_snprintf(r.replacement, sizeof r.replacement, "%ld", kanji_value(text + s, text + e));
                g_array_append_val(rewrites, r);
            }
            g_match_info_next(mi, NULL);
        }
        g_free(keep);
    }
    g_match_info_free(mi);
    /* English number words, and words that are a duration (半年前): neither
     * overlaps a kanji numeral, and a later overlap is dropped below. */
    if (g_regex_match(x->english_number, text, 0, &mi)) {
        while (g_match_info_matches(mi)) {
            int s, e;
            g_match_info_fetch_pos(mi, 1, &s, &e);
            char *w = g_match_info_fetch(mi, 1);
            Rewrite r = {s, e, ""};
            g_snprintf(r.replacement, sizeof r.replacement, "%ld", english_value(w));
            g_free(w);
            g_array_append_val(rewrites, r);
            g_match_info_next(mi, NULL);
        }
    }
    g_match_info_free(mi);
    for (guint i = 0; i < x->duration_words.words->len && text_has(x->duration_words.needles, text); i++) {
        const Word *w = &g_array_index(x->duration_words.words, Word, i);
        g_regex_match(w->search, text, 0, &mi);
        while (g_match_info_matches(mi)) {
            int s, e;
            g_match_info_fetch_pos(mi, 0, &s, &e);
            Rewrite r = {s, e, ""};
            g_strlcpy(r.replacement, w->name, sizeof r.replacement);
            if (e > s)
                g_array_append_val(rewrites, r);
            g_match_info_next(mi, NULL);
        }
        g_match_info_free(mi);
    }
    g_array_sort(rewrites, by_rewrite_start);
    guint kept = 0;
    for (guint i = 0; i < rewrites->len; i++) {
        Rewrite r = g_array_index(rewrites, Rewrite, i);
        if (kept == 0 || r.start >= g_array_index(rewrites, Rewrite, kept - 1).end)
            g_array_index(rewrites, Rewrite, kept++) = r;
    }
    g_array_set_size(rewrites, kept);
    char *out = apply_rewrites(text, rewrites, map);
    g_array_free(rewrites, TRUE);
    return out;
}

/* ---- the scan state -------------------------------------------------- */

typedef struct {
    const SlxExtractor *x;
    const char *text;         /* numerals converted */
    const char *original;     /* the text as given, for the spans */
    const gsize *map;         /* text offset → original offset */
    char *lower;              /* text, ASCII lower-cased, for pre-checks */
    gsize len;
    guint8 *claimed;
    GPtrArray *values;
    const SlxCatalogItem *item;
    GHashTable *found;        /* needle list → GArray of Window: where its needles are */
    gsize last_end[SLX_VALUE_N];   /* the end of the last value of each kind so far */
    GArray *sentences;        /* gsize: sentence starts, ascending, from 0 */
    GArray *clauses;          /* gsize: clause starts (sentences cut at 、 and ,) */
} Scan;

static gboolean
is_free(const Scan *sc, int s, int e)
{
    for (int i = s; i < e; i++)
        if (sc->claimed[i])
            return FALSE;
    return TRUE;
}

/* What a claimed byte is: part of a span that states no value (a date, a
 * URL), or of a value. */
enum { CLAIM_NONE, CLAIM_MASK, CLAIM_VALUE };

static void
claim(Scan *sc, int s, int e, guint8 how)
{
    memset(sc->claimed + s, how, (gsize)(e - s));
}

static SlxValue *
add_value(Scan *sc, SlxValueKind kind, int s, int e)
{
    SlxValue *v = g_new0(SlxValue, 1);
    v->kind = kind;
    v->start = (gsize)s;
    gsize os = sc->map[s], oe = sc->map[e];
    v->text = g_strndup(sc->original + os, oe - os);
    g_ptr_array_add(sc->values, v);
    claim(sc, s, e, CLAIM_VALUE);
    sc->last_end[kind] = (gsize)e;
    return v;
}

/* Sentence ends: 。 ！ ？ ; and a full stop followed by a space (a decimal
 * point is not one).  Clause ends: those and 、 , ，. */
static void
find_boundaries(Scan *sc)
{
    sc->sentences = g_array_new(FALSE, FALSE, sizeof(gsize));
    sc->clauses = g_array_new(FALSE, FALSE, sizeof(gsize));
    gsize zero = 0;
    g_array_append_val(sc->sentences, zero);
    g_array_append_val(sc->clauses, zero);
    for (const char *p = sc->text; *p; p = g_utf8_next_char(p)) {
        gunichar c = slx_utf8_get_char(p);
        const char *next = g_utf8_next_char(p);
        gboolean sentence = c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == ';' || c == 0xFF1B ||
                            ((c == '.' || c == '!' || c == '?') && (*next == ' ' || *next == '\0'));
        gboolean clause = sentence || c == 0x3001 || c == ',' || c == 0xFF0C;
        gsize at = (gsize)(next - sc->text);
        if (sentence)
            g_array_append_val(sc->sentences, at);
        if (clause)
            g_array_append_val(sc->clauses, at);
    }
}

/* The [start, end) of the sentence (or clause) in STARTS holding byte S. */
static void
span_of(const Scan *sc, const GArray *starts, gsize s, gsize *start, gsize *end)
{
    guint lo = 0, hi = starts->len;   /* the last start <= s */
    while (hi - lo > 1) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(starts, gsize, mid) <= s)
            lo = mid;
        else
            hi = mid;
    }
    *start = g_array_index(starts, gsize, lo);
    *end = lo + 1 < starts->len ? g_array_index(starts, gsize, lo + 1) : sc->len;
}

static SlxBound
bound_named(const char *name)
{
    static const struct { const char *w; SlxBound b; } t[] = {
        {"max", SLX_BOUND_MAX}, {"max_exclusive", SLX_BOUND_MAX_EXCLUSIVE}, {"min", SLX_BOUND_MIN},
        {"min_exclusive", SLX_BOUND_MIN_EXCLUSIVE}, {"approx", SLX_BOUND_APPROX},
    };
    for (gsize i = 0; name && i < G_N_ELEMENTS(t); i++)
        if (strcmp(name, t[i].w) == 0)
            return t[i].b;
    return SLX_BOUND_NONE;
}

/* The bound of a figure: a word after it, else a word before it. */
static SlxBound
bound_of(const SlxExtractor *x, const char *pre, const char *post)
{
    if (post)
        return bound_named(wordset_name(&x->bounds_after, post));
    if (pre)
        return bound_named(wordset_name(&x->bounds_before, pre));
    return SLX_BOUND_NONE;
}

/* ---- roles ----------------------------------------------------------- */

/* Where the first (or, with LAST, the last) word of role NAME starts in
 * [from, to), or -1. */
static gssize
role_word(const Scan *sc, const char *name, gsize from, gsize to, gboolean last)
{
    const Word *w = wordset_word(&sc->x->roles, name);
    if (w == NULL || to <= from)
        return -1;
    gssize at = -1;
    GMatchInfo *mi;
    g_regex_match_full(w->search, sc->text, (gssize)to, (gint)from, 0, &mi, NULL);
    while (g_match_info_matches(mi) && (last || at < 0)) {
        int s, e;
        g_match_info_fetch_pos(mi, 0, &s, &e);
        at = s;
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    return at;
}

static gssize
first_role_word(const Scan *sc, const char *name, gsize from, gsize to)
{
    return role_word(sc, name, from, to, FALSE);
}

static gssize
last_role_word(const Scan *sc, const char *name, gsize from, gsize to)
{
    return role_word(sc, name, from, to, TRUE);
}

#define ROLE_REACH 256        /* bytes before and after a figure a role word may be */

/* [*FROM, *TO) cut to ROLE_REACH around [s, e), on character boundaries. */
static void
near(const Scan *sc, gsize s, gsize e, gsize *from, gsize *to)
{
    *from = MAX(*from, s > ROLE_REACH ? s - ROLE_REACH : 0);
    *to = MIN(*to, e + ROLE_REACH);
    while (*from > 0 && ((guchar)sc->text[*from] & 0xC0) == 0x80)
        (*from)--;
    while (*to < sc->len && ((guchar)sc->text[*to] & 0xC0) == 0x80)
        (*to)++;
}

/* target or actual, from the sentence around the figure [s, e): the nearer
 * word before it (「稼働目標:99.9% 昨年稼働実績:99.99%」); failing that, a word
 * after it up to the next figure (「6時間以内の復旧を目標」, but in 「3秒以上と
 * なる遅延の継続時間は3時間以内を目標」 only 3時間 is the target); failing that,
 * a distributive word followed by one (「99.5% … 99.95%(いずれも目標値)」). */
static const char *
target_or_actual(const Scan *sc, SlxValueKind kind, gsize s, gsize e)
{
    gsize from, to;
    span_of(sc, sc->sentences, s, &from, &to);
    /* Near the figure only: a text without 。 is one sentence, and reading
     * it all for every figure would be quadratic. */
    near(sc, s, e, &from, &to);
    /* A word before the previous figure of the kind is that figure's
     * (「…実績は99.95%、稼働率99.9%を目標」). */
    from = MAX(from, sc->last_end[kind]);
    gssize t = last_role_word(sc, "target", from, s), a = last_role_word(sc, "actual", from, s);
    if (t >= 0 || a >= 0)
        return t > a ? "target" : "actual";
    /* Up to the next figure; a year or date the masks took is none
     * (「99.9%(2025年度実績)」). */
    gsize next = e;
    while (next < to && (!g_ascii_isdigit(sc->text[next]) || sc->claimed[next] == CLAIM_MASK))
        next++;
    t = first_role_word(sc, "target", e, next);
    a = first_role_word(sc, "actual", e, next);
    if (t >= 0 || a >= 0)
        return (a < 0 || (t >= 0 && t < a)) ? "target" : "actual";
    gssize d = first_role_word(sc, "distributive", e, to);
    if (d >= 0) {
        t = first_role_word(sc, "target", (gsize)d, to);
        a = first_role_word(sc, "actual", (gsize)d, to);
        if (t >= 0 || a >= 0)
            return (a < 0 || (t >= 0 && t < a)) ? "target" : "actual";
    }
    return NULL;
}

/* A look-back window ends just before byte S: 「過去1年間」, 「the past 12
 * months」. */
static gboolean
after_window(const Scan *sc, gsize s)
{
    gsize from = s > 24 ? s - 24 : 0;
    const Word *w = wordset_word(&sc->x->roles, "window");
    if (w == NULL)
        return FALSE;
    gboolean found = FALSE;
    GMatchInfo *mi;
    g_regex_match_full(w->search, sc->text, (gssize)s, (gint)from, 0, &mi, NULL);
    while (g_match_info_matches(mi)) {
        int ms, me;
        g_match_info_fetch_pos(mi, 0, &ms, &me);
        const char *gap = sc->text + me;
        while (gap < sc->text + s && (*gap == ' ' || g_str_has_prefix(gap, "the ")))
            gap += *gap == ' ' ? 1 : 4;
        found |= gap == sc->text + s;
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    return found;
}

/* The role a figure [s, e) of KIND takes from its context. */
static const char *
context_role(const Scan *sc, SlxValueKind kind, gsize s, gsize e)
{
    /* A look-back window (過去1年間) is neither a target nor an actual
     * figure, nor a measure of the item; but 「直近7日分を保管」 is kept for
     * seven days. */
    gboolean window = kind == SLX_VALUE_DURATION && after_window(sc, s);
    const char *role = window ? NULL : target_or_actual(sc, kind, s, e);
    if (role || kind != SLX_VALUE_DURATION)
        return role;
    gsize from, to;
    span_of(sc, sc->clauses, s, &from, &to);
    near(sc, s, e, &from, &to);
    if (first_role_word(sc, "retention", from, to) >= 0)
        return "retention";
    return window ? "window" : NULL;
}

/* ---- the passes ------------------------------------------------------ */

typedef void (*MatchFn)(Scan *sc, GMatchInfo *mi, int s, int e);

/* A pass reads the text only around what can start a value of its kind
 * (a digit, or one of its words), this far before and after it.  Why: the
 * patterns begin with optional words (最大, within …), and in UTF-8 every
 * Japanese character shares its lead bytes with them, so a scan of the
 * whole text tries the pattern at every character. */
#define WINDOW_BEFORE 24     /* the longest bound word before a figure, and its spaces */
#define WINDOW_AFTER 48      /* a unit, a bound and a lead-time word after it */

static void
add_window(const Scan *sc, GArray *windows, gsize from, gsize to)
{
    gsize start = from > WINDOW_BEFORE ? from - WINDOW_BEFORE : 0;
    gsize end = MIN(sc->len, to + WINDOW_AFTER);
    /* Both ends on character boundaries: pcre2's interpreter refuses a
     * subject that ends inside a character (UTF-8 error), where its JIT
     * reads on. */
    while (start > 0 && ((guchar)sc->text[start] & 0xC0) == 0x80)
        start--;
    while (end < sc->len && ((guchar)sc->text[end] & 0xC0) == 0x80)
        end++;
    Window w = {start, end};
    g_array_append_val(windows, w);
}

static gint
by_window_start(gconstpointer a, gconstpointer b)
{
    const Window *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* The windows around every digit run (if DIGITS) and every needle of
 * NEEDLES, merged.  With WHOLE_IF_UNKNOWN, NEEDLES NULL means that a word
 * of the pass has no literal to look for, so the whole text is read. */
static GArray *
trigger_windows(const Scan *sc, const GPtrArray *needles, gboolean digits, gboolean whole_if_unknown)
{
    GArray *windows = g_array_new(FALSE, FALSE, sizeof(Window));
    if (whole_if_unknown && needles == NULL) {
        Window all = {0, sc->len};
        g_array_append_val(windows, all);
        return windows;
    }
    for (gsize i = 0; digits && i < sc->len; i++) {
        if (!g_ascii_isdigit(sc->text[i]))
            continue;
        gsize j = i;
        while (j < sc->len && (g_ascii_isdigit(sc->text[j]) || sc->text[j] == '.' || sc->text[j] == ','))
            j++;
        add_window(sc, windows, i, j);
        i = j;
    }
    GArray *hits = needles ? g_hash_table_lookup(sc->found, needles) : NULL;
    for (guint n = 0; hits && n < hits->len; n++)
        add_window(sc, windows, g_array_index(hits, Window, n).start, g_array_index(hits, Window, n).end);
    g_array_sort(windows, by_window_start);
    guint out = 0;
    for (guint i = 0; i < windows->len; i++) {
        Window w = g_array_index(windows, Window, i);
        if (out > 0 && w.start <= g_array_index(windows, Window, out - 1).end)
            g_array_index(windows, Window, out - 1).end =
                MAX(g_array_index(windows, Window, out - 1).end, w.end);
        else
            g_array_index(windows, Window, out++) = w;
    }
    g_array_set_size(windows, out);
    return windows;
}

/* One of NEEDLES occurs in the window (NULL: cannot tell, so yes). */
static gboolean
window_has(const Scan *sc, const Window *w, const GPtrArray *needles)
{
    if (needles == NULL)
        return TRUE;
    GArray *hits = g_hash_table_lookup(sc->found, needles);
    for (guint i = 0; hits && i < hits->len; i++)
        if (g_array_index(hits, Window, i).start >= w->start && g_array_index(hits, Window, i).end <= w->end)
            return TRUE;
    return FALSE;
}

/* Run RE over the windows the pass's triggers give, those that hold one
 * of REQUIRED (a unit word: a number alone is no duration); call FN for
 * every match on unclaimed bytes. */
static void
each_match_in(Scan *sc, GRegex *regex, MatchFn fn, const GPtrArray *needles, gboolean digits,
              gboolean whole_if_unknown, const GPtrArray *required)
{
    GArray *windows = trigger_windows(sc, needles, digits, whole_if_unknown);
    for (guint i = 0; i < windows->len; i++) {
        const Window *w = &g_array_index(windows, Window, i);
        if (!window_has(sc, w, required))
            continue;
        GMatchInfo *mi;
        g_regex_match_full(regex, sc->text, (gssize)w->end, (gint)w->start, 0, &mi, NULL);
        while (g_match_info_matches(mi)) {
            int s, e;
            g_match_info_fetch_pos(mi, 0, &s, &e);
            if (e > s && is_free(sc, s, e))
                fn(sc, mi, s, e);
            g_match_info_next(mi, NULL);
        }
        g_match_info_free(mi);
    }
    g_array_free(windows, TRUE);
}

static void
each_match(Scan *sc, GRegex *regex, MatchFn fn, const GPtrArray *needles, gboolean digits,
           gboolean whole_if_unknown)
{
    each_match_in(sc, regex, fn, needles, digits, whole_if_unknown, NULL);
}

static void
on_mask(Scan *sc, GMatchInfo *mi, int s, int e)
{
    (void)mi;
    claim(sc, s, e, CLAIM_MASK);
}

/* 「TLS1.2以上」, 「TLS1.0/1.1は無効」, 「TLS1.2未満は無効」, 「TLS1.1以下は無効」,
 * 「SSL 3.0, TLS 1.0 and TLS 1.1 disabled」, 「TLS 1.2 minimum」. */
static void
on_version(Scan *sc, GMatchInfo *mi, int s, int e)
{
    char *name = group(mi, "name"), *ver = group(mi, "ver"), *more = group(mi, "more");
    char *vmin = group(mi, "vmin"), *vmax = group(mi, "vmax"), *below = group(mi, "below");
    char *off = group(mi, "off");
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *versions = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(names, g_ascii_strup(name, -1));
    g_ptr_array_add(versions, g_strdup(ver));
    if (more) {
        GMatchInfo *m2;
        g_regex_match(sc->x->version_more, more, 0, &m2);
        while (g_match_info_matches(m2)) {
            char *n = group(m2, "n");
            g_ptr_array_add(names, n ? g_ascii_strup(n, -1)
                                     : g_strdup(g_ptr_array_index(names, names->len - 1)));
            g_ptr_array_add(versions, g_match_info_fetch_named(m2, "v"));
            g_free(n);
            g_match_info_next(m2, NULL);
        }
        g_match_info_free(m2);
    }
    /* 「TLS1.2未満は無効」 is a minimum of 1.2, not 1.2 disabled. */
    gboolean disabled = off && !below;
    for (guint i = 0; i < versions->len; i++) {
        SlxValue *v = add_value(sc, SLX_VALUE_VERSION, s, e);
        v->start = (gsize)s + i;   /* keep their order */
        v->name = strcmp(g_ptr_array_index(names, i), "SSL") == 0 ? "SSL" : "TLS";
        g_strlcpy(v->version, g_ptr_array_index(versions, i), sizeof v->version);
        v->disabled = disabled;
        if ((vmin || below) && i == 0)
            v->bound = SLX_BOUND_MIN;
        else if (vmax && i + 1 == versions->len)
            v->bound = SLX_BOUND_MAX;
    }
    g_ptr_array_unref(names);
    g_ptr_array_unref(versions);
    g_free(name);
    g_free(ver);
    g_free(more);
    g_free(vmin);
    g_free(vmax);
    g_free(below);
    g_free(off);
}

static void
on_schedule(Scan *sc, GMatchInfo *mi, int s, int e)
{
    char *m = g_match_info_fetch(mi, 0);
    const char *name = wordset_name(&sc->x->schedules, m);
    g_free(m);
    if (name)
        add_value(sc, SLX_VALUE_SCHEDULE, s, e)->schedule = name;
}

static gboolean
clock_time(GMatchInfo *mi, const char *ap_name, const char *apb_name, const char *h_name,
           const char *m_name, const char *n_name, const char *f_name, char out[6])
{
    char *ap = group(mi, ap_name), *h = group(mi, h_name), *m = group(mi, m_name);
    char *n = group(mi, n_name), *f = group(mi, f_name);
    if (ap == NULL)
        ap = group(mi, apb_name);
    int hour = h ? atoi(h) : -1, minute = m ? atoi(m) : n ? atoi(n) : f ? 30 : 0;
    if (ap) {
        gboolean pm = !strcmp(ap, "午後") || g_ascii_tolower(ap[0]) == 'p';
        if (pm && hour >= 1 && hour <= 11)
            hour += 12;
        else if (!pm && hour == 12 && strcmp(ap, "午前") != 0)
            hour = 0;           /* 12:00 AM */
    }
    gboolean ok = hour >= 0 && hour <= 24 && minute >= 0 && minute < 60 &&
                  !(hour == 24 && minute > 0);
    if (ok)
        g_snprintf(out, 6, "%02d:%02d", hour, minute);
    g_free(ap);
    g_free(h);
    g_free(m);
    g_free(n);
    g_free(f);
    return ok;
}

/* The days a range [s, e) holds on: a word just before it in its sentence
 * (平日 9:00~18:00), else one after it (9時~17時(土日祝日を除く)).  *START
 * moves back to a word before it. */
static const char *
range_days(Scan *sc, int s, int e, int *start)
{
    gsize from, to;
    span_of(sc, sc->sentences, (gsize)s, &from, &to);
    near(sc, (gsize)s, (gsize)e, &from, &to);
    char *before = g_strndup(sc->text + from, (gsize)s - from);
    const char *days = NULL;
    GMatchInfo *dm;
    if (g_regex_match(sc->x->days_before_re, before, 0, &dm)) {
        char *d = g_match_info_fetch(dm, 1);
        int ds, de;
        g_match_info_fetch_pos(dm, 1, &ds, &de);
        days = wordset_name(&sc->x->days_before, d);
        if ((gsize)de + from + 4 >= (gsize)s && is_free(sc, (int)from + ds, s))
            *start = (int)from + ds;
        g_free(d);
    }
    g_match_info_free(dm);
    g_free(before);
    if (days == NULL) {
        char *after = g_strndup(sc->text + e, to - (gsize)e);
        if (g_regex_match(sc->x->days_after_re, after, 0, &dm)) {
            char *d = g_match_info_fetch(dm, 0);
            days = wordset_name(&sc->x->days_after, d);
            g_free(d);
        }
        g_match_info_free(dm);
        g_free(after);
    }
    return days;
}

/* 「平日10:00~17:00」, 「9時~17時(土日祝日を除く)」, 「午前9時~午後6時」,
 * 「23:00~翌3:00」, 「9:00 AM to 6:00 PM」. */
static void
on_time_range(Scan *sc, GMatchInfo *mi, int s, int e)
{
    char from[6], to[6];
    /* 「1~2時間」 is a duration, not 01:00–02:00. */
    if (g_str_has_prefix(sc->text + e, "間"))
        return;
    if (!clock_time(mi, "ap1", "apb1", "h1", "m1", "n1", "f1", from) ||
        !clock_time(mi, "ap2", "apb2", "h2", "m2", "n2", "f2", to))
        return;
    int start = s;
    const char *days = range_days(sc, s, e, &start);
    SlxValue *v = add_value(sc, SLX_VALUE_TIME_RANGE, start, e);
    memcpy(v->from_time, from, 6);
    memcpy(v->to_time, to, 6);
    v->days = days;
}

/* 「月次」, 「毎日1回」, 「年に1度」, 「1日4回」, 「半期に一度」, 「年数回」,
 * 「once a month」, 「4 times a day」, 「per month」. */
static void
on_frequency(Scan *sc, GMatchInfo *mi, int s, int e)
{
    const SlxExtractor *x = sc->x;
    char *fixed = group(mi, "fixed"), *fn = group(mi, "fn");
    char *period = group(mi, "per"), *n = group(mi, "n"), *vague = group(mi, "vague");
    char *n2 = group(mi, "n2"), *per2 = group(mi, "per2"), *per3 = group(mi, "per3");
    const char *per = NULL;
    int count = 1;
    gboolean known = TRUE;
    if (fixed) {
        per = wordset_name(&x->frequency_words, fixed);
        if (fn)
            count = atoi(fn);
    } else if (period) {
        per = wordset_name(&x->frequency_periods, period);
        if (vague)
            known = FALSE;
        else if (n)
            count = atoi(n);
    } else if (per2) {
        per = wordset_name(&x->frequency_periods, per2);
        count = !g_ascii_strcasecmp(n2, "once") ? 1 : !g_ascii_strcasecmp(n2, "twice") ? 2
                : !g_ascii_strcasecmp(n2, "thrice") ? 3 : atoi(n2);
    } else if (per3) {
        per = wordset_name(&x->frequency_periods, per3);
    }
    if (per) {
        SlxValue *v = add_value(sc, SLX_VALUE_FREQUENCY, s, e);
        v->per = per;
        v->count = count;
        v->count_known = known;
    }
    g_free(fixed);
    g_free(fn);
    g_free(period);
    g_free(n);
    g_free(vague);
    g_free(n2);
    g_free(per2);
    g_free(per3);
}

/* The bound word that ends just before a figure at *START (最大, within,
 * at least), free of claims: it joins the figure's span (*START moves
 * back to it).  NULL if there is none. */
static char *
word_before(Scan *sc, int *start)
{
    gsize s = (gsize)*start, from = s > WINDOW_BEFORE ? s - WINDOW_BEFORE : 0;
    while (from > 0 && ((guchar)sc->text[from] & 0xC0) == 0x80)
        from--;
    GMatchInfo *mi = NULL;
    char *pre = NULL;
    if (s > 0 && g_regex_match_full(sc->x->bound_before_re, sc->text, (gssize)s, (gint)from, 0, &mi, NULL)) {
        int ms, me;
        g_match_info_fetch_pos(mi, 0, &ms, &me);
        if (is_free(sc, ms, *start)) {
            pre = group(mi, "pre");
            *start = ms;
        }
    }
    g_match_info_free(mi);
    return pre;
}

/* The role of a duration: an interval (every, 間隔), a notice ahead (前),
 * the item's own role, else the context's.  May change *BOUND. */
static const char *
duration_role(Scan *sc, GMatchInfo *mi, int s, int e, SlxBound *bound)
{
    const char *item_role = sc->item ? sc->item->duration_role : NULL;
    char *every = group(mi, "every"), *everypre = group(mi, "everypre");
    if (every == NULL)
        every = group(mi, "everyword");
    char *ago = group(mi, "ago"), *at_least = group(mi, "agopost");
    const char *role;
    if (every || everypre) {
        role = "interval";
    } else if (ago && item_role && strcmp(item_role, "rpo") == 0) {
        /* 「当日10分前まで保証」: the data-loss window, not a notice. */
        role = "rpo";
        *bound = at_least ? SLX_BOUND_MAX : SLX_BOUND_NONE;
    } else if (ago) {
        /* Notice ahead: 「N前までに」 and 「N以上前」 are at least N ahead,
         * 「N前に」 is exactly N, 「N程度前」 about N. */
        role = "lead_time";
        if (at_least || *bound == SLX_BOUND_MIN)
            *bound = SLX_BOUND_MIN;
        else if (*bound == SLX_BOUND_MAX)
            *bound = SLX_BOUND_NONE;
    } else if (item_role) {
        role = item_role;
    } else {
        role = context_role(sc, SLX_VALUE_DURATION, (gsize)s, (gsize)e);
    }
    g_free(every);
    g_free(everypre);
    g_free(ago);
    g_free(at_least);
    return role;
}

/* 「6時間以内」, 「2週間前までに」, 「1~2営業日以内」, 「前日分」, 「当日10分前」,
 * 「1分間隔」, 「数秒」, 「最低1年間」, 「within 30 minutes」, 「every hour」,
 * 「1-minute intervals」, 「at least 7 days in advance」. */
static void
on_duration(Scan *sc, GMatchInfo *mi, int s, int e)
{
    char *prevday = group(mi, "prevday"), *everyword = group(mi, "everyword");
    char *pre = prevday || everyword ? NULL : word_before(sc, &s);
    char *from = group(mi, "from");
    char *vaguefrom = group(mi, "vaguefrom"), *num = group(mi, "num"), *vague = group(mi, "vague");
    char *unit = group(mi, "unit"), *post = group(mi, "post");
    SlxBound bound = SLX_BOUND_NONE;
    const char *u = prevday ? "day"
                    : everyword ? wordset_name(&sc->x->interval_words, everyword)
                                : wordset_name(&sc->x->duration_units, unit);
    if (u) {
        /* The role first: it looks back to the figure before this one. */
        if (!prevday && !everyword)
            bound = bound_of(sc->x, pre, post);   /* 数時間程度 is about a few hours */
        const char *role = duration_role(sc, mi, s, e, &bound);
        SlxValue *v = add_value(sc, SLX_VALUE_DURATION, s, e);
        v->unit = u;
        if (prevday || everyword) {   /* 前日分: the previous day's data; hourly */
            v->value = 1;
        } else if (vague) {     /* 数秒: a few, no figure */
            v->vague = TRUE;
            v->valueless = TRUE;
        } else {
            /* 「数秒~5分」 is one value, 5 minutes at most, vague. */
            v->value = num ? parse_number(num) : 1;   /* 「every hour」 */
            v->vague = vaguefrom != NULL;
            if (from) {
                v->from = parse_number(from);
                v->has_from = TRUE;
            }
        }
        v->role = role;
        v->bound = bound;
    }
    g_free(prevday);
    g_free(everyword);
    g_free(pre);
    g_free(from);
    g_free(vaguefrom);
    g_free(num);
    g_free(vague);
    g_free(unit);
    g_free(post);
}

/* 「99.99%以上」, 「稼働率実績99.95%」, 「約99.9%」, 「up to 10%」. */
static void
on_percent(Scan *sc, GMatchInfo *mi, int s, int e)
{
    char *pre = word_before(sc, &s), *num = group(mi, "num"), *post = group(mi, "post");
    const char *role = context_role(sc, SLX_VALUE_PERCENT, (gsize)s, (gsize)e);
    SlxValue *v = add_value(sc, SLX_VALUE_PERCENT, s, e);
    v->value = parse_number(num);
    v->bound = bound_of(sc->x, pre, post);
    v->role = role;
    g_free(pre);
    g_free(num);
    g_free(post);
}

/* 「7世代」, 「障害件数0件」, 「0(ゼロ)件」, 「1,000ユーザーまで」, 「35 generations」,
 * 「0 major incidents」. */
static void
on_count(Scan *sc, GMatchInfo *mi, int s, int e)
{
    char *pre = word_before(sc, &s), *num = group(mi, "num"), *unit = group(mi, "unit");
    char *post = group(mi, "post");
    const char *u = wordset_name(&sc->x->count_units, unit);
    if (u) {
        SlxValue *v = add_value(sc, SLX_VALUE_COUNT, s, e);
        v->value = parse_number(num);
        v->unit = u;
        v->bound = bound_of(sc->x, pre, post);
    }
    g_free(pre);
    g_free(num);
    g_free(unit);
    g_free(post);
}

/* A context word of the list is in the sentence around byte S. */
static gboolean
in_context(const Scan *sc, GRegex *context, gsize s)
{
    gsize from, to;
    span_of(sc, sc->sentences, s, &from, &to);
    near(sc, s, s, &from, &to);
    return g_regex_match_full(context, sc->text, (gssize)to, (gint)from, 0, NULL, NULL);
}

/* A name of a list found in the text. */
typedef struct {
    int start, end;
    guint word;               /* index in the list's words */
} Hit;

static gint
by_position(gconstpointer a, gconstpointer b)
{
    const Hit *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* One list value for list L: the canonical names in order of first
 * mention, placed at the first. */
static void
find_list(Scan *sc, guint l)
{
    const SlxExtractor *x = sc->x;
    const WordSet *names = &x->lists[l].names;
    const char *role = x->lists[l].role;
    GRegex *context = x->lists[l].context;
    GRegex *not_context = x->lists[l].not_context;
    if (sc->item && g_strcmp0(sc->item->list_role, role) == 0)
        context = NULL;         /* the item is about this list */
    GArray *found = g_array_new(FALSE, FALSE, sizeof(Hit));
    guint8 *taken = g_new0(guint8, sc->len + 1);
    for (guint i = 0; i < names->words->len; i++) {
        if (!needles_in(sc->found, g_ptr_array_index(x->lists[l].names_needles, i)))
            continue;
        GRegex *re = g_array_index(x->lists[l].names_re, GRegex *, i);
        GMatchInfo *mi;
        for (gint from = 0;
             g_regex_match_full(re, sc->text, (gssize)sc->len, from, 0, &mi, NULL);
             g_match_info_free(mi)) {
            int s, e;
            g_match_info_fetch_pos(mi, 0, &s, &e);
            from = e > s ? e : s + 1;
            /* A Latin name starts a word (CSV, not xCSV; Webフォーム is a form). */
            if (s > 0 && g_ascii_isalpha(sc->text[s]) && g_ascii_isalpha(sc->text[s - 1])) {
                from = s + 1;
                continue;
            }
            gboolean free_span = TRUE;
            for (int k = s; k < e; k++)
                free_span &= !taken[k];
            if (e > s && free_span && (context == NULL || in_context(sc, context, (gsize)s)) &&
                (not_context == NULL || !in_context(sc, not_context, (gsize)s))) {
                memset(taken + s, 1, (gsize)(e - s));
                Hit h = {s, e, i};
                g_array_append_val(found, h);
            }
            if ((gsize)from > sc->len)
                break;
        }
        g_match_info_free(mi);
    }
    g_free(taken);
    if (found->len == 0) {
        g_array_free(found, TRUE);
        return;
    }
    g_array_sort(found, by_position);
    int first = g_array_index(found, Hit, 0).start, last = 0;
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < found->len; i++) {
        const Hit *h = &g_array_index(found, Hit, i);
        const char *c = g_array_index(names->words, Word, h->word).name;
        last = MAX(last, h->end);
        gboolean dup = FALSE;
        for (guint k = 0; k < items->len; k++)
            dup |= strcmp(g_ptr_array_index(items, k), c) == 0;
        if (!dup)
            g_ptr_array_add(items, g_strdup(c));
    }
    g_array_free(found, TRUE);
    /* ISMS認証(ISO/IEC 27001) is ISO/IEC 27001: a name goes when a more
     * precise one it stands for is there ([list subsumed]). */
    for (guint i = 0; x->subsumed && i < x->subsumed->len; i++) {
        const SlxTerm *t = g_ptr_array_index(x->subsumed, i);
        for (guint k = 0; k < items->len; k++) {
            if (strcmp(g_ptr_array_index(items, k), t->name) != 0)
                continue;
            gboolean precise = FALSE;
            for (guint j = 0; j < items->len; j++)
                for (guint p = 0; p < t->patterns->len; p++)
                    precise |= strcmp(g_ptr_array_index(items, j), g_ptr_array_index(t->patterns, p)) == 0;
            if (precise)
                g_ptr_array_remove_index(items, k);
            break;
        }
    }
    SlxValue *v = g_new0(SlxValue, 1);
    v->kind = SLX_VALUE_LIST;
    v->role = role;
    v->start = (gsize)first;
    v->text = g_strndup(sc->original + sc->map[first], sc->map[last] - sc->map[first]);
    v->items = items;
    g_ptr_array_add(sc->values, v);
}

/* ---- building the grammar -------------------------------------------- */

static gboolean
build_conversions(SlxExtractor *x, const SlxVocabulary *v, GError **error)
{
    /* A numeral before a unit or counter: the unit words, the periods of
     * frequencies (月1回), 度 and %. */
    char *counters = g_strdup_printf("(?:%s|%s|%s|度|%%)", x->duration_units.alt,
                                     x->count_units.alt, x->frequency_periods.alt);
    char *kanji = g_strdup_printf("((?:[〇一二三四五六七八九十百千万])+)(?=%s)", counters);
    x->kanji_run = compile(v, kanji, error);
    g_free(kanji);
    GString *keep = g_string_new(NULL);
    GPtrArray *keeps = slx_value_terms(v, "kanji words");
    for (guint i = 0; keeps && i < keeps->len; i++) {
        const SlxTerm *t = g_ptr_array_index(keeps, i);
        for (guint k = 0; k < t->patterns->len; k++)
            g_string_append_printf(keep, "%s(?:%s)", keep->len ? "|" : "",
                                   (char *)g_ptr_array_index(t->patterns, k));
    }
    if (keep->len == 0)
        g_string_append(keep, "(?!)");
    x->kanji_keep = x->kanji_run ? compile(v, keep->str, error) : NULL;
    g_string_free(keep, TRUE);
    GString *en = g_string_new("(?<![A-Za-z-])((?:");
    for (gsize t = 0; t < G_N_ELEMENTS(english_tens); t++)
        g_string_append_printf(en, "%s%s", t ? "|" : "", english_tens[t]);
    g_string_append(en, ")(?:[- ](?:");
    for (gsize o = 1; o < 10; o++)
        g_string_append_printf(en, "%s%s", o > 1 ? "|" : "", english_ones[o]);
    g_string_append(en, "))?");
    for (gsize o = G_N_ELEMENTS(english_ones); o-- > 0;)
        g_string_append_printf(en, "|%s", english_ones[o]);
    g_string_append_printf(en, ")(?![A-Za-z])(?=[\\s-]+%s)", counters);
    x->english_number = x->kanji_keep ? compile(v, en->str, error) : NULL;
    g_string_free(en, TRUE);
    g_free(counters);
    return x->english_number != NULL;
}

static gboolean
build_version(SlxExtractor *x, const SlxVocabulary *v, GError **error)
{
    GString *min = g_string_new(NULL), *max = g_string_new(NULL), *below = g_string_new(NULL);
    term_alt(v, "bounds after", "min", min);
    term_alt(v, "bounds after", "max", max);
    term_alt(v, "bounds after", "max_exclusive", below);
    char *pattern = g_strdup_printf(
        "(?<![A-Za-z])(?<name>TLS|SSL)\\s*v?\\s*(?<ver>[0-9](?:\\.[0-9])?)(?![0-9])"
        "(?<more>(?:\\s*(?:[/,、・]|and|or|および|及び|と)\\s*(?:(?:TLS|SSL)\\s*v?\\s*)?[0-9]\\.[0-9])*)"
        "(?:\\s*(?:(?<vmin>%s)|(?<below>%s)|(?<vmax>%s)))?"
        "(?:\\s*(?:は|を|are|is|will be)?\\s*(?<off>%s))?",
        min->str, below->str, max->str, x->versions_off.alt);
    x->version = compile(v, pattern, error);
    g_free(pattern);
    g_string_free(min, TRUE);
    g_string_free(max, TRUE);
    g_string_free(below, TRUE);
    x->version_more = x->version ? compile(v, "(?:(?<n>TLS|SSL)\\s*v?\\s*)?(?<v>[0-9]\\.[0-9])", error)
                                 : NULL;
    return x->version_more != NULL;
}

static gboolean
build_masks(SlxExtractor *x, const SlxVocabulary *v, GError **error)
{
    GPtrArray *terms = slx_value_terms(v, "not values");
    GString *all = g_string_new(NULL);
    for (guint i = 0; terms && i < terms->len; i++) {
        const SlxTerm *t = g_ptr_array_index(terms, i);
        for (guint k = 0; k < t->patterns->len; k++) {
            char *pat = slx_expand_units(v, g_ptr_array_index(t->patterns, k));
            g_string_append_printf(all, "%s(?:%s)", all->len ? "|" : "", pat);
            g_free(pat);
        }
    }
    if (all->len == 0)
        g_string_append(all, "(?!)");
    x->masks = compile(v, all->str, error);
    g_string_free(all, TRUE);
    return x->masks != NULL;
}

static gboolean
build_ranges(SlxExtractor *x, const SlxVocabulary *v, GError **error)
{
    static const char tok1[] =
        "(?:(?<ap1>午前|午後|AM|PM)\\s*)?(?<h1>[0-9]{1,2})"
        "(?:(?<t1>:)(?<m1>[0-9]{2})|時(?:(?<n1>[0-9]{1,2})分|(?<f1>半))?)?"
        "(?:\\s*(?<apb1>AM|PM|a\\.m\\.|p\\.m\\.)(?![A-Za-z]))?";
    static const char tok2[] =
        "(?:(?<ap2>午前|午後|AM|PM)\\s*)?(?<h2>[0-9]{1,2})"
        "(?::(?<m2>[0-9]{2})|時(?:(?<n2>[0-9]{1,2})分|(?<f2>半))?)"
        "(?:\\s*(?<apb2>AM|PM|a\\.m\\.|p\\.m\\.)(?![A-Za-z]))?";
    char *tr = g_strdup_printf("(?<![0-9.:])%s\\s*(?:~|-|から|to|and|until|till|through)\\s*"
                               "(?:翌日?|next day\\s*)?%s(?![0-9])",
                               tok1, tok2);
    x->time_range = compile(v, tr, error);
    g_free(tr);
    char *before = g_strdup_printf("(%s)[^0-9]{0,12}$", x->days_before.alt);
    x->days_before_re = x->time_range ? compile(v, before, error) : NULL;
    g_free(before);
    x->days_after_re = x->days_before_re ? compile(v, x->days_after.alt, error) : NULL;
    return x->days_after_re != NULL;
}

static gboolean
build_figures(SlxExtractor *x, const SlxVocabulary *v, GError **error)
{
    GString *every_before = g_string_new(NULL), *every_after = g_string_new(NULL);
    GString *lead = g_string_new(NULL), *vague = g_string_new(NULL);
    term_alt(v, "intervals", "before", every_before);
    term_alt(v, "intervals", "after", every_after);
    term_alt(v, "lead time", "after", lead);
    term_alt(v, "vague", "few", vague);
    const char *units = x->duration_units.alt, *pre = x->bounds_before.alt, *post = x->bounds_after.alt;
    x->bound_before_re = NULL;
    char *frequency = g_strdup_printf(
        "(?<fixed>%s)(?:\\s*(?<fn>[0-9]+)\\s*回)?|"
        "(?:1\\s*)?(?<per>%s)(?:に|あたり)?\\s*(?:(?<n>[0-9]+)\\s*(?:回|度)|(?<vague>数回))|"
        "(?<n2>once|twice|thrice|[0-9]+\\s*times)\\s*(?:a|an|per|every|each)\\s*(?<per2>%s)(?![A-Za-z])|"
        "(?<![A-Za-z])per\\s+(?<per3>%s)(?![A-Za-z])",
        x->frequency_words.alt, x->frequency_periods.alt, x->frequency_periods.alt,
        x->frequency_periods.alt);
    x->frequency = compile(v, frequency, error);
    g_free(frequency);
    char *duration = g_strdup_printf(
        "(?<prevday>前日分)|(?<everyword>%s)|"
        "(?:(?<everypre>%s)\\s+)?"
        "(?:(?:(?<from>" NUM ")|(?<vaguefrom>%s))\\s*(?:%s)?\\s*(?:[~-]|to)\\s*)?"
        "(?:(?<num>" NUM ")|(?<vague>%s)|(?(<everypre>)|(?!)))\\s*-?\\s*"
        "(?<unit>%s)(?![A-Za-z])(?:間(?!隔)|')?"
        "(?:\\s*(?<every>%s)|\\s*(?<post>%s))?"
        "(?:\\s*(?<ago>%s)(?<agopost>%s)?)?",
        x->interval_words.alt, every_before->str, vague->str, units, vague->str, units,
        every_after->str, post,
        lead->str, x->lead_at_least);
    x->duration = x->frequency ? compile(v, duration, error) : NULL;
    g_free(duration);
    char *percent = g_strdup_printf("(?<num>" NUM ")\\s*(?:%%|パーセント|percent)(?:\\s*(?<post>%s))?",
                                    post);
    x->percent = x->duration ? compile(v, percent, error) : NULL;
    g_free(percent);
    /* In English one or two words may qualify the unit: 「0 major
     * incidents」, 「3 unplanned outages」. */
    char *count = g_strdup_printf("(?<num>" NUM ")\\s*(?:\\((?:ゼロ|零)\\))?\\s*"
                                  "(?:(?<![A-Za-z])(?:[A-Za-z][a-z-]{2,}\\s+){1,2}(?=[A-Za-z]))?"
                                  "(?<unit>%s)(?![A-Za-z])(?:\\s*(?<post>%s))?",
                                  x->count_units.alt, post);
    /* A bound word before a figure is looked for only at a figure: a
     * pattern that began with it would be tried at every character. */
    char *before = g_strdup_printf("(?:(?=[A-Za-z])(?<![A-Za-z])|(?![A-Za-z]))(?<pre>%s)\\s*\\z", pre);
    x->bound_before_re = compile(v, before, error);
    g_free(before);
    x->count = x->percent ? compile(v, count, error) : NULL;
    g_free(count);
    x->schedule = x->count && x->bound_before_re ? compile(v, x->schedules.alt, error) : NULL;
    /* Pre-checks: a pass runs only where one of its words occurs. */
    x->needles_frequency = g_ptr_array_new_with_free_func(g_free);
    add_needles(&x->needles_frequency, slx_value_terms(v, "frequency words"));
    /* A period (年, 月) starts a frequency only with a number (年2回, digits
     * trigger it) or 数回; the grammar's English words start one too. */
    static const char *const frequency_grammar[] = {"回", "度", "once", "twice", "thrice", "times",
                                                    "per"};
    for (gsize i = 0; i < G_N_ELEMENTS(frequency_grammar); i++)
        add_needle(x->needles_frequency, frequency_grammar[i]);
    x->needles_masks = g_ptr_array_new_with_free_func(g_free);
    add_prefix_needles(x->needles_masks, slx_value_terms(v, "not values"));
    /* A window is read for durations or counts only if it holds a unit
     * word (前日分 and every hour hold one too): most numbers are none. */
    x->needles_duration_units = g_ptr_array_new_with_free_func(g_free);
    add_needles(&x->needles_duration_units, slx_value_terms(v, "duration units"));
    add_needles(&x->needles_duration_units, slx_value_terms(v, "interval words"));
    x->needles_count_units = g_ptr_array_new_with_free_func(g_free);
    add_needles(&x->needles_count_units, slx_value_terms(v, "count units"));
    x->needles_version = g_ptr_array_new_with_free_func(g_free);
    add_needle(x->needles_version, "tls");
    add_needle(x->needles_version, "ssl");
    x->needles_duration = g_ptr_array_new_with_free_func(g_free);
    add_needle(x->needles_duration, "前日分");
    add_needles(&x->needles_duration, slx_value_terms(v, "vague"));
    add_needles(&x->needles_duration, slx_value_terms(v, "interval words"));
    /* 「every hour」: an interval word before a unit, with no number. */
    GPtrArray *intervals = slx_value_terms(v, "intervals");
    for (guint i = 0; intervals && i < intervals->len; i++) {
        const SlxTerm *t = g_ptr_array_index(intervals, i);
        if (strcmp(t->name, "before") == 0) {
            GPtrArray *one = g_ptr_array_new();
            g_ptr_array_add(one, (gpointer)t);
            add_needles(&x->needles_duration, one);
            g_ptr_array_unref(one);
        }
    }
    x->needles_schedule = g_ptr_array_new_with_free_func(g_free);
    add_needles(&x->needles_schedule, slx_value_terms(v, "schedules"));
    g_string_free(every_before, TRUE);
    g_string_free(every_after, TRUE);
    g_string_free(lead, TRUE);
    g_string_free(vague, TRUE);
    return x->schedule != NULL;
}

/* The alternation of the [GROUP] entry for ROLE, compiled, or NULL (and
 * TRUE) when there is none. */
static gboolean
role_words(const SlxVocabulary *v, const char *group_name, const char *role, GRegex **out,
           GError **error)
{
    GString *alt = g_string_new(NULL);
    term_alt(v, group_name, role, alt);
    gboolean ok = TRUE;
    if (strcmp(alt->str, "(?:(?!))") != 0) {
        *out = compile(v, alt->str, error);
        ok = *out != NULL;
    }
    g_string_free(alt, TRUE);
    return ok;
}

static gboolean
build_lists(SlxExtractor *x, const SlxVocabulary *v, GError **error)
{
    for (guint l = 0; l < G_N_ELEMENTS(list_roles); l++) {
        char *group_name = g_strconcat("list ", list_roles[l], NULL);
        x->lists[l].role = list_roles[l];
        gboolean ok = wordset_init(&x->lists[l].names, v, group_name, TRUE, error);
        /* A name takes its span first, in file order (AWS東京リージョン is
         * not also 東京).  A Latin name is a whole word: no letter after
         * it here, none before it in find_list (a leading look-behind
         * would cost every name a try at every byte). */
        x->lists[l].names_re = g_array_new(FALSE, FALSE, sizeof(GRegex *));
        x->lists[l].names_needles = g_ptr_array_new_with_free_func(needles_free);
        GPtrArray *terms = slx_value_terms(v, group_name);
        for (guint i = 0; ok && i < x->lists[l].names.words->len; i++) {
            const Word *w = &g_array_index(x->lists[l].names.words, Word, i);
            char *pat = g_strdup_printf("%s(?:(?<=[A-Za-z])(?![A-Za-z])|(?<![A-Za-z]))", w->alt);
            GRegex *re = compile(v, pat, error);
            g_free(pat);
            ok = re != NULL;
            if (ok)
                g_array_append_val(x->lists[l].names_re, re);
            GPtrArray *needles = g_ptr_array_new_with_free_func(g_free);
            GPtrArray *one = g_ptr_array_new();
            g_ptr_array_add(one, g_ptr_array_index(terms, i));
            add_needles(&needles, one);
            g_ptr_array_unref(one);
            g_ptr_array_add(x->lists[l].names_needles, needles);
        }
        ok = ok && role_words(v, "list context", list_roles[l], &x->lists[l].context, error) &&
             role_words(v, "list not context", list_roles[l], &x->lists[l].not_context, error);
        g_free(group_name);
        if (!ok)
            return FALSE;
    }
    x->subsumed = slx_value_terms(v, "list subsumed");
    return TRUE;
}

SlxExtractor *
slx_extractor_new(const SlxVocabulary *v, GError **error)
{
    SlxExtractor *x = g_new0(SlxExtractor, 1);
    static const struct { gsize offset; const char *group; } sets[] = {
        {G_STRUCT_OFFSET(SlxExtractor, duration_units), "duration units"},
        {G_STRUCT_OFFSET(SlxExtractor, count_units), "count units"},
        {G_STRUCT_OFFSET(SlxExtractor, bounds_after), "bounds after"},
        {G_STRUCT_OFFSET(SlxExtractor, bounds_before), "bounds before"},
        {G_STRUCT_OFFSET(SlxExtractor, frequency_words), "frequency words"},
        {G_STRUCT_OFFSET(SlxExtractor, frequency_periods), "frequency periods"},
        {G_STRUCT_OFFSET(SlxExtractor, days_before), "days before"},
        {G_STRUCT_OFFSET(SlxExtractor, days_after), "days after"},
        {G_STRUCT_OFFSET(SlxExtractor, schedules), "schedules"},
        {G_STRUCT_OFFSET(SlxExtractor, roles), "roles"},
        {G_STRUCT_OFFSET(SlxExtractor, versions_off), "versions"},
        {G_STRUCT_OFFSET(SlxExtractor, interval_words), "interval words"},
        {G_STRUCT_OFFSET(SlxExtractor, duration_words), "duration words"},
    };
    gboolean ok = TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(sets) && ok; i++)
        ok = wordset_init(G_STRUCT_MEMBER_P(x, sets[i].offset), v, sets[i].group, FALSE, error);
    if (ok) {
        /* 「前までに」: the one term of [lead time] the duration grammar
         * reads as "at least". */
        GString *at_least = g_string_new(NULL);
        term_alt(v, "lead time", "at_least", at_least);
        x->lead_at_least = g_string_free(at_least, FALSE);
    }
    ok = ok && build_conversions(x, v, error) && build_version(x, v, error) &&
         build_masks(x, v, error) && build_ranges(x, v, error) && build_figures(x, v, error) &&
         build_lists(x, v, error);
    if (!ok) {
        slx_extractor_free(x);
        return NULL;
    }
    x->needle_index = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, free_windows);
    const GPtrArray *lists[] = {x->needles_schedule, x->needles_frequency, x->needles_duration,
                                x->needles_masks, x->needles_version, x->needles_duration_units,
                                x->needles_count_units};
    for (gsize i = 0; i < G_N_ELEMENTS(lists); i++)
        index_needles(x->needle_index, x->needle_starts, lists[i]);
    for (guint l = 0; l < G_N_ELEMENTS(list_roles); l++) {
        index_needles(x->needle_index, x->needle_starts, x->lists[l].names.needles);
        for (guint i = 0; i < x->lists[l].names_needles->len; i++)
            index_needles(x->needle_index, x->needle_starts,
                          g_ptr_array_index(x->lists[l].names_needles, i));
    }
    return x;
}

void
slx_extractor_free(SlxExtractor *x)
{
    if (x == NULL)
        return;
    GRegex **regexes[] = {&x->kanji_run, &x->kanji_keep, &x->english_number, &x->version,
                          &x->version_more, &x->masks, &x->schedule, &x->time_range,
                          &x->frequency, &x->duration, &x->percent, &x->count,
                          &x->days_before_re, &x->days_after_re, &x->bound_before_re};
    for (gsize i = 0; i < G_N_ELEMENTS(regexes); i++)
        if (*regexes[i])
            g_regex_unref(*regexes[i]);
    WordSet *sets[] = {&x->duration_units, &x->count_units, &x->bounds_after, &x->bounds_before,
                       &x->frequency_words, &x->frequency_periods, &x->days_before,
                       &x->days_after, &x->schedules, &x->roles, &x->versions_off,
                       &x->interval_words, &x->duration_words};
    for (gsize i = 0; i < G_N_ELEMENTS(sets); i++)
        wordset_clear(sets[i]);
    GPtrArray *needles[] = {x->needles_schedule, x->needles_frequency, x->needles_duration,
                            x->needles_masks, x->needles_version, x->needles_duration_units,
                            x->needles_count_units};
    for (gsize i = 0; i < G_N_ELEMENTS(needles); i++)
        if (needles[i])
            g_ptr_array_unref(needles[i]);
    if (x->needle_index)
        g_hash_table_unref(x->needle_index);
    g_free(x->lead_at_least);
    for (guint l = 0; l < G_N_ELEMENTS(list_roles); l++) {
        wordset_clear(&x->lists[l].names);
        if (x->lists[l].context)
            g_regex_unref(x->lists[l].context);
        if (x->lists[l].not_context)
            g_regex_unref(x->lists[l].not_context);
        for (guint i = 0; x->lists[l].names_re && i < x->lists[l].names_re->len; i++)
            g_regex_unref(g_array_index(x->lists[l].names_re, GRegex *, i));
        if (x->lists[l].names_re)
            g_array_free(x->lists[l].names_re, TRUE);
        if (x->lists[l].names_needles)
            g_ptr_array_unref(x->lists[l].names_needles);
    }
    g_free(x);
}

/* ---- extraction ------------------------------------------------------ */

static gint
by_start(gconstpointer a, gconstpointer b)
{
    const SlxValue *x = *(SlxValue *const *)a, *y = *(SlxValue *const *)b;
    return x->start < y->start ? -1 : x->start > y->start;
}

GPtrArray *
slx_extract_values(const SlxExtractor *x, const char *text, const SlxCatalogItem *item)
{
    GArray *map;
    char *converted = convert_numerals(x, text, &map);
    Scan sc = {
        .x = x, .text = converted, .original = text, .map = (const gsize *)(void *)map->data,
        .lower = g_ascii_strdown(converted, -1), .len = strlen(converted),
        .values = g_ptr_array_new_with_free_func(slx_value_free), .item = item,
    };
    sc.found = find_needles(x->needle_index, x->needle_starts, sc.lower);
    sc.claimed = g_new0(guint8, sc.len + 1);
    find_boundaries(&sc);

    /* Without a digit there is no version, date, range, percentage or
     * count; frequencies (日次), schedules (年中無休) and vague or spelled
     * durations (数秒, 前日分, every hour) remain.  Each pass reads only the
     * windows around what can start its values. */
    gboolean digits = strpbrk(converted, "0123456789") != NULL;
    if (digits)
        each_match(&sc, x->version, on_version, x->needles_version, FALSE, TRUE);
    each_match(&sc, x->masks, on_mask, x->needles_masks, digits, FALSE);
    each_match(&sc, x->schedule, on_schedule, x->needles_schedule, FALSE, TRUE);
    if (digits)
        each_match(&sc, x->time_range, on_time_range, NULL, TRUE, FALSE);
    each_match(&sc, x->frequency, on_frequency, x->needles_frequency, FALSE, TRUE);
    each_match_in(&sc, x->duration, on_duration, x->needles_duration, digits, TRUE,
                  x->needles_duration_units);
    if (digits && (strchr(converted, '%') || strstr(sc.lower, "percent") ||
                   strstr(converted, "パーセント")))
        each_match(&sc, x->percent, on_percent, NULL, TRUE, FALSE);
    if (digits)
        each_match_in(&sc, x->count, on_count, NULL, TRUE, FALSE, x->needles_count_units);
    for (guint l = 0; l < G_N_ELEMENTS(list_roles); l++)
        if (needles_in(sc.found, x->lists[l].names.needles))
            find_list(&sc, l);

    g_ptr_array_sort(sc.values, by_start);
    g_free(sc.claimed);
    g_free(sc.lower);
    g_array_free(sc.sentences, TRUE);
    g_hash_table_unref(sc.found);
    g_array_free(sc.clauses, TRUE);
    g_array_free(map, TRUE);
    g_free(converted);
    return sc.values;
}

/* ---- the headline ---------------------------------------------------- */

static const char *
unit_ja(const char *unit)
{
    static const struct { const char *u, *ja; } t[] = {
        {"second", "秒"}, {"minute", "分"}, {"hour", "時間"}, {"day", "日"},
        {"business_day", "営業日"}, {"week", "週間"}, {"month", "か月"}, {"year", "年"},
        {"generation", "世代"}, {"times", "回"}, {"incidents", "件"}, {"users", "人"},
        {"companies", "社"}, {"tenants", "テナント"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(t); i++)
        if (unit && strcmp(unit, t[i].u) == 0)
            return t[i].ja;
    return "";
}

static const char *
bound_ja(SlxBound b)
{
    switch (b) {
    case SLX_BOUND_MAX:           return "以内";
    case SLX_BOUND_MAX_EXCLUSIVE: return "未満";
    case SLX_BOUND_MIN:           return "以上";
    case SLX_BOUND_MIN_EXCLUSIVE: return "超";
    case SLX_BOUND_APPROX:        return "程度";
    case SLX_BOUND_NONE:          break;
    }
    return "";
}

static void
append_number(GString *s, double v)
{
    if (v == floor(v))
        g_string_append_printf(s, "%.0f", v);
    else
        g_string_append_printf(s, "%g", v);
}

char *
slx_value_render(const SlxValue *v)
{
    GString *s = g_string_new(NULL);
    switch (v->kind) {
    case SLX_VALUE_DURATION:
    case SLX_VALUE_COUNT:
        if (v->valueless)
            g_string_append(s, "数");
        else {
            if (v->has_from) {
                append_number(s, v->from);
                g_string_append_c(s, '-');
            }
            append_number(s, v->value);
        }
        g_string_append(s, unit_ja(v->unit));
        if (v->role && strcmp(v->role, "lead_time") == 0)
            g_string_append(s, v->bound == SLX_BOUND_MIN ? "前まで" : "前");
        else
            g_string_append(s, bound_ja(v->bound));
        break;
    case SLX_VALUE_PERCENT:
        append_number(s, v->value);
        g_string_append_c(s, '%');
        g_string_append(s, bound_ja(v->bound));
        break;
    case SLX_VALUE_FREQUENCY: {
        static const struct { const char *per, *ja; } t[] = {
            {"day", "日"}, {"week", "週"}, {"month", "月"}, {"year", "年"}, {"half_year", "半期"}};
        for (gsize i = 0; i < G_N_ELEMENTS(t); i++)
            if (strcmp(v->per, t[i].per) == 0)
                g_string_append(s, t[i].ja);
        if (v->count_known)
            g_string_append_printf(s, "%d回", v->count);
        else
            g_string_append(s, "数回");
        break;
    }
    case SLX_VALUE_TIME_RANGE:
        if (v->days)
            g_string_append(s, !strcmp(v->days, "weekdays") ? "平日"
                               : !strcmp(v->days, "everyday") ? "毎日" : "営業日");
        g_string_append_printf(s, "%s-%s", v->from_time, v->to_time);
        break;
    case SLX_VALUE_SCHEDULE:
        g_string_append(s, strcmp(v->schedule, "24x7") == 0 ? "24/7" : "24時間365日");
        break;
    case SLX_VALUE_VERSION:
        g_string_append_printf(s, "%s%s%s", v->name, v->version,
                               v->disabled ? "無効" : v->bound == SLX_BOUND_MIN ? "以上" : "");
        break;
    case SLX_VALUE_LIST:
        /* 「、」, not 「/」, which names hold (ISO/IEC 27001). */
        for (guint i = 0; i < v->items->len; i++)
            g_string_append_printf(s, "%s%s", i ? "、" : "", (char *)g_ptr_array_index(v->items, i));
        break;
    case SLX_VALUE_N:
        break;
    }
    return g_string_free(s, FALSE);
}

/* How good a headline V is for ITEM: a target beats a figure without
 * role, which beats an actual figure; a version's minimum beats a disabled
 * version; a duration of the item's own role beats another; the item's own
 * list beats another list. */
static int
headline_rank(const SlxCatalogItem *item, const SlxValue *v)
{
    if (v->kind == SLX_VALUE_VERSION)
        return v->disabled ? 0 : 1;
    if (v->kind == SLX_VALUE_LIST)
        return g_strcmp0(v->role, item->list_role) == 0 ? 1 : 0;
    if (v->kind == SLX_VALUE_DURATION && item->duration_role)
        return g_strcmp0(v->role, item->duration_role) == 0 ? 1 : 0;
    if (v->role && strcmp(v->role, "target") == 0)
        return 2;
    if (v->role && strcmp(v->role, "actual") == 0)
        return 0;
    return 1;
}

char *
slx_primary(const SlxCatalogItem *item, const GPtrArray *values)
{
    if (item == NULL)
        return NULL;
    /* The best value of the first headline kind the response states, the
     * earliest among equals: 「稼働目標99.9% 実績99.99%」 → 99.9%, 「3秒以上
     * となる遅延は3時間以内を目標」 → 3時間以内. */
    for (guint k = 0; k < item->headline->len; k++) {
        const char *kind = g_ptr_array_index(item->headline, k);
        const SlxValue *pick = NULL;
        for (guint i = 0; i < values->len; i++) {
            const SlxValue *v = g_ptr_array_index(values, i);
            if (strcmp(slx_value_kind_name(v->kind), kind) == 0 &&
                (pick == NULL || headline_rank(item, v) > headline_rank(item, pick)))
                pick = v;
        }
        if (pick)
            return slx_value_render(pick);
    }
    return NULL;
}
