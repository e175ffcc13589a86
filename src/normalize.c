/* SPDX-License-Identifier: GPL-3.0-or-later */
/* normalize.c — Japanese text normalization shared by every reader.
 *
 * The order matters and follows normalization.md §C:
 *   1. protect circled and superscript digits (NFKC would glue ② to the 24
 *      that follows it: 「②２４時間」 → 「224時間」);
 *   2. NFKC with utf8proc (COMPAT|COMPOSE|STABLE; LUMP folds 〜 but not ～,
 *      and STRIPMARK turns バックアップ into ハツクアツフ);
 *   3. fold the tilde and dash families NFKC leaves inconsistent, and map CJK
 *      radical code points that PDF producers emit to their ideographs;
 *   4. in context: ー between digits is a dash, ヶ/ケ/カ/箇 before 月 is か;
 *   5. white space unified, collapsed, and dropped next to CJK characters.
 * Kanji numerals are not touched here: only the value extractor knows
 * whether 十 is a number (十二時間) or part of a word (十分な). */
#include "normalize.h"

#include <string.h>
#include <utf8proc.h>

/* Circled, parenthesized and period digits, dingbat digits, superscripts. */
static gboolean
is_protected(gunichar c)
{
    return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) ||
           (c >= 0x3251 && c <= 0x325F) || (c >= 0x32B1 && c <= 0x32BF) ||
           c == 0x00B2 || c == 0x00B3 || c == 0x00B9 || c == 0x2070 ||
           (c >= 0x2074 && c <= 0x2079);
}

gboolean
slx_is_cjk(gunichar c)
{
    return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x2FFFF);
}

/* CJK Radicals Supplement code points have no NFKC mapping (Kangxi radicals
 * U+2F00.. do).  Their equivalent unified ideographs, from Unicode's
 * EquivalentUnifiedIdeograph.txt, for the radicals that stand alone as
 * everyday characters. */
static const struct { gunichar radical, ideograph; } radical_map[] = {
    {0x2E8C, 0x5C0F}, {0x2E8D, 0x5C0F}, {0x2E97, 0x5FC3}, {0x2EA0, 0x6C11},
    {0x2EA8, 0x72AD}, {0x2EA9, 0x738B}, {0x2EAC, 0x793A}, {0x2EAE, 0x7AF9},
    {0x2EB7, 0x7F8A}, {0x2EC4, 0x897F}, {0x2EC6, 0x89D2}, {0x2ECC, 0x8FB6},
    {0x2ED1, 0x9577}, {0x2ED6, 0x961D}, {0x2EDD, 0x98DF}, {0x2EE3, 0x9AA8},
    {0x2EEB, 0x6589}, {0x2EED, 0x6B6F}, {0x2EEF, 0x7ADC}, {0x2EF2, 0x4E80},
};

/* Step 3 for the code points that fold_char() does not keep at once. */
static gunichar
fold_char_slow(gunichar c)
{
    switch (c) {
    case 0x007E: case 0x223C: case 0x223E: case 0x301C: case 0x3030:
    case 0xFF5E:
        return '~';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2043: case 0x2212: case 0x02D7: case 0x058A:
    case 0x207B: case 0x208B: case 0xFE58: case 0xFE63: case 0xFF0D:
    case 0x2500: case 0x2501:
        return '-';
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x00AD:
        return 0;
    case '\t': case '\n': case '\r': case '\v': case '\f':
        return ' ';
    default:
        break;
    }
    if (c >= 0x2E80 && c <= 0x2EFF) {
        for (gsize i = 0; i < G_N_ELEMENTS(radical_map); i++)
            if (radical_map[i].radical == c)
                return radical_map[i].ideograph;
    }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        return ' ';
    if (utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_ZS)
        return ' ';
    return c;
}

/* Step 3: a context-free fold of one code point; 0 deletes it.  Most of a
 * Japanese text, printable ASCII but ~, kana and kanji, is left as it is
 * here, inline, without the switch and utf8proc's category. */
static inline gunichar
fold_char(gunichar c)
{
    if ((c >= 0x20 && c < 0x7E) || (c >= 0x3041 && c <= 0x30FC) || (c >= 0x4E00 && c <= 0x9FFF))
        return c;
    return fold_char_slow(c);
}

static gboolean
is_ascii_digit(gunichar c)
{
    return c >= '0' && c <= '9';
}

static gboolean
is_ascii_alnum(gunichar c)
{
    return c < 0x80 && g_ascii_isalnum((char)c);
}

static gboolean
is_numeral(gunichar c)
{
    return is_ascii_digit(c) ||
           (c != 0 && g_utf8_strchr("〇一二三四五六七八九十百千数何", -1, c) != NULL);
}

static gboolean
is_kana(gunichar c)
{
    return (c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF);
}

/* The code points of a text being normalized: a growable array written
 * in place (a GArray's call per code point was a tenth of the time). */
typedef struct {
    gunichar *cp;
    gsize n, size;
} CodePoints;

static inline void
push_cp(CodePoints *cps, gunichar c)
{
    if (cps->n == cps->size) {
        cps->size = cps->size * 2 + 16;
        cps->cp = g_renew(gunichar, cps->cp, cps->size);
    }
    cps->cp[cps->n++] = c;
}

/* Steps 2–3 for a run: NFKC then fold the LEN bytes at S into CPS. */
static void
nfkc_run(const char *s, gsize len, CodePoints *cps)
{
    if (len == 0)
        return;
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE);
    const char *src = n >= 0 ? (const char *)mapped : s;
    const char *srcend = src + (n >= 0 ? (gsize)n : len);
    for (const char *q = src; q < srcend; q = g_utf8_next_char(q)) {
        gunichar f = fold_char(slx_utf8_get_char(q));
        if (f != 0)
            push_cp(cps, f);
    }
    free(mapped);
}

/* Code points that NFKC leaves as they are, whatever precedes them:
 * printable ASCII, kanji, kana, ー and the common CJK punctuation.  Most of
 * a Japanese response is made of them, so they skip utf8proc (the fast
 * path; a combining mark after one sends it through utf8proc after all;
 * test_normalize checks the ranges against utf8proc). */
static gboolean
is_nfkc_stable(gunichar c)
{
    return (c >= 0x20 && c < 0x7F) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FC) ||
           c == 0x3001 || c == 0x3002 || (c >= 0x300C && c <= 0x3011);
}

/* Whether C combines with the code point before it.  Below U+0300 and
 * in the stable ranges none does, without asking utf8proc. */
static inline gboolean
is_combining(gunichar c)
{
    if (c < 0x300 || is_nfkc_stable(c))
        return FALSE;
    return utf8proc_get_property((utf8proc_int32_t)c)->combining_class != 0 || c == 0x309B ||
           c == 0x309C;
}

/* Steps 1–3: protected code points pass through, the runs between them go
 * through NFKC, every result is folded.  Appends to CPS. */
static void
nfkc_and_fold(const char *s, gsize len, CodePoints *cps)
{
    const char *end = s + len;
    const char *run = s;          /* start of the text not yet mapped */
    GString *marks = NULL;        /* a run rewritten for spacing voiced marks */

    gunichar c = s < end ? slx_utf8_get_char(s) : 0;
    for (const char *p = s; p < end;) {
        const char *after = g_utf8_next_char(p);
        gunichar next = after < end ? slx_utf8_get_char(after) : 0;
        if (is_nfkc_stable(c) && !is_combining(next)) {
            /* Map what came before, then take C as it is. */
            if (run < p)
                nfkc_run(run, (gsize)(p - run), cps);
            gunichar f = fold_char(c);
            if (f != 0)
                push_cp(cps, f);
            run = after;
        } else if (c < 0x80) {
            /* a control character: NFKC keeps it, the fold makes it a space */
        } else if (is_protected(c)) {
            nfkc_run(run, (gsize)(p - run), cps);
            push_cp(cps, c);
            run = after;
        } else if (c == 0x309B || c == 0x309C) {
            /* A spacing voiced mark after kana: NFKC would turn it into a
             * space plus a combining mark.  Map the run up to here with the
             * combining mark instead, so that か゛ composes to が. */
            if (marks == NULL)
                marks = g_string_new(NULL);
            g_string_assign(marks, "");
            g_string_append_len(marks, run, p - run);
            g_string_append_unichar(marks, c == 0x309B ? 0x3099 : 0x309A);
            nfkc_run(marks->str, marks->len, cps);
            run = after;
        }
        p = after;
        c = next;
    }
    nfkc_run(run, (gsize)(end - run), cps);
    if (marks)
        g_string_free(marks, TRUE);
}

/* Append C to the UTF-8 at *OUT (three-byte sequences written here). */
static inline void
put_utf8(char **out, gunichar c)
{
    if (c < 0x80) {
        *(*out)++ = (char)c;
    } else if (c >= 0x800 && c < 0x10000) {
        (*out)[0] = (char)(0xE0 | (c >> 12));
        (*out)[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        (*out)[2] = (char)(0x80 | (c & 0x3F));
        *out += 3;
    } else {
        *out += g_unichar_to_utf8(c, *out);
    }
}

char *
slx_normalize(const char *utf8, gssize len, SlxNormFlags flags)
{
    CodePoints cps = {0};
    nfkc_and_fold(utf8, len < 0 ? strlen(utf8) : (gsize)len, &cps);
    const gunichar *a = cps.cp;
    gsize n = cps.n;

    /* Each code point takes at most 6 bytes (g_unichar_to_utf8's most: a
     * reader's bytes that are not UTF-8 decode to values past U+10FFFF)
     * and the space before it one. */
    char *text = g_malloc(n * 7 + 1), *out = text;
    gunichar prev = 0;             /* last code point written to OUT */
    gboolean pending_space = FALSE;
    for (gsize i = 0; i < n; i++) {
        gunichar c = a[i];
        gunichar next = i + 1 < n ? a[i + 1] : 0;

        if (c == ' ') {
            pending_space = out > text;
            continue;
        }
        /* Step 4: ー after a digit, colon or Latin letter and before a digit
         * or Latin letter is a dash (9:00ー18:00); after kana it stays. */
        if (c == 0x30FC && !is_kana(prev) && prev != 0x30FC &&
            (is_ascii_alnum(prev) || prev == ':') && is_ascii_alnum(next))
            c = '-';
        /* Counters: 3ヶ月, 3ケ月, 3カ月, 3箇月 and 三ヶ月 all become 3か月. */
        if ((c == 0x30F6 || c == 0x30B1 || c == 0x30F5 || c == 0x30AB ||
             c == 0x7B87 || c == 0x4E2A) &&
            is_numeral(prev) &&
            (next == 0x6708 || next == 0x6240 || next == 0x56FD || next == 0x5E74))
            c = 0x304B;
        /* Runs of range or dash marks are one mark. */
        if ((c == '-' || c == '~') && c == prev && !pending_space)
            continue;

        if (pending_space) {
            gboolean keep = (flags & SLX_NORM_KEEP_CJK_SPACES) ||
                            !(slx_is_cjk(prev) || slx_is_cjk(c));
            if (keep)
                *out++ = ' ';
            pending_space = FALSE;
        }
        put_utf8(&out, c);
        prev = c;
    }
    *out = '\0';
    g_free(cps.cp);
    return g_realloc(text, (gsize)(out - text) + 1);   /* in place: it shrinks */
}
