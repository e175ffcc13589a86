/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_ocr_words.c — what OCR misreads, put right by the shipped
 * patterns/ocr.ini (digits and units where OCR reads letters, dashes and
 * 96), and recognized words made into the glyphs the table builder reads:
 * abutting like a text layer's, spaces only at wide gaps, never across a
 * column's rule.  Apart from Tesseract: these run in every build. */
#include "testutil.h"
#include "pdf/pdf.h"

static void
test_fixes(void **state)
{
    (void)state;
    SlxPatterns *p = test_patterns();
    static const struct { const char *in, *want; } cases[] = {
        {"1O", "10"},             /* the letter O in a number */
        {"10O%", "100%"},
        {"1OO", "100"},           /* each O beside a digit once the one before is one */
        {"O5", "05"},
        {"ISO27001", "ISO27001"}, /* a name ending in O before digits */
        {"TOKYO", "TOKYO"},
        {"l0", "10"},             /* l and I in a number */
        {"2l", "21"},
        {"I5", "15"},
        {"i5", "i5"},             /* not caseless: i is no 1 */
        {"|5", "|5"},             /* a rule's stroke beside a figure is not 1 */
        {"SLA", "SLA"},
        {"9:00ー18:00", "9:00-18:00"},  /* a dash read as ー or 一 */
        {"03一1234", "03-1234"},
        {"一部", "一部"},
        {"99.996", "99.9%"},      /* % read as 96 */
        {"99.9996以上", "99.99%以上"},
        {"99.9596", "99.95%"},
        {"1.96", "1.96"},         /* too few digits before: a figure */
        {"4096", "4096"},
        {"99.9%", "99.9%"},
        {"O", "○"},               /* the mark ○ read as the letter */
        {"〇", "○"},
        {"OK", "OK"},
        {"8:30<17:30", "8:30~17:30"},   /* a wave dash between times read as < */
        {"9:00>18:00", "9:00~18:00"},
        {"x<5", "x<5"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = slx_pdf_ocr_fix_word(p->vocab.ocr_fixes, cases[i].in);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("\"%s\": \"%s\", expected \"%s\"", cases[i].in, got, cases[i].want);
        g_free(got);
    }
    char *same = slx_pdf_ocr_fix_word(NULL, "1O");   /* no fixes: as read */
    assert_string_equal(same, "1O");
    g_free(same);
    /* An analyst adds a fix without recompiling: a lone A in a marker
     * column is the mark △. */
    static const char more[] = "[ocr fix triangle]\nmatch = ^A$\nreplace = △\n";
    assert_true(slx_patterns_load_data(p, "more.ini", more, sizeof more - 1, NULL));
    static const char *const triangles[][2] = {{"A", "△"}, {"API", "API"}, {"1O", "10"}};
    for (gsize i = 0; i < G_N_ELEMENTS(triangles); i++) {
        char *got = slx_pdf_ocr_fix_word(p->vocab.ocr_fixes, triangles[i][0]);
        assert_string_equal(got, triangles[i][1]);
        g_free(got);
    }
    slx_patterns_free(p);
}

/* The glyphs of words, as "c[x1-x2]" each, " " before a glyph with a
 * space before it. */
static char *
glyphs_text(const GArray *glyphs)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < glyphs->len; i++) {
        const Glyph *g = &g_array_index(glyphs, Glyph, i);
        char c[8] = {0};
        g_unichar_to_utf8(g->c, c);
        g_string_append_printf(s, "%s%s[%.1f-%.1f]", g->space_before ? " " : "", c, g->x1, g->x2);
    }
    return g_string_free(s, FALSE);
}

static GArray *
boxes(const double *x, gsize n)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(SlxRect));
    for (gsize i = 0; i + 1 < n; i += 2) {
        SlxRect r = {x[i], 100, x[i + 1], 110};
        g_array_append_val(a, r);
    }
    return a;
}

static void
test_word_glyphs(void **state)
{
    (void)state;
    static const struct {
        const char *words[3];      /* one to three words on one line, */
        double x[3][12];           /* the ink boxes of their characters (x1, x2 …), */
        const char *want;
    } cases[] = {
        /* 「90」 read as two words: each sliver widened to half the height
         * (5), the gap between them closed, no space */
        {{"9", "0"}, {{10, 14}, {15, 19}}, "9[9.5-14.5]0[14.5-19.5]"},
        /* a wide gap (7, over 2) is a space: 「REST API」; within a word the
         * boxes meet halfway, and overlap (the widened I) is split too */
        {{"REST", "API"}, {{10, 15, 16, 21, 22, 27, 28, 33}, {40, 45, 46, 51, 52, 53}},
         "R[10.0-15.5]E[15.5-21.5]S[21.5-27.5]T[27.5-33.0] A[40.0-45.5]P[45.5-50.5]I[50.5-55.0]"},
        /* gaps of 3 within one word: digits inked unevenly still abut
         * (under a character's width, 10), other characters are parted
         * (over 2: OCR reads two cells' words as one) */
        {{"500"}, {{10, 14, 18, 22, 26, 30}}, "5[9.5-16.0]0[16.0-24.0]0[24.0-30.5]"},
        {{"abc"}, {{10, 14, 18, 22, 26, 30}}, "a[9.5-14.5] b[17.5-22.5] c[25.5-30.5]"},
        /* a sliver of ink (「1」) is half as wide as the line is tall */
        {{"1"}, {{20, 21}}, "1[18.0-23.0]"},
        /* 「99.996」 fixed to five characters: the word's box (10–41)
         * shared out in fifths */
        {{"99.9%"}, {{10, 15, 16, 21, 22, 23, 24, 29, 30, 35, 36, 41}},
         "9[10.0-16.2]9[16.2-22.4].[22.4-28.6]9[28.6-34.8]%[34.8-41.0]"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        GArray *glyphs = g_array_new(FALSE, FALSE, sizeof(Glyph));
        for (gsize w = 0; w < 3 && cases[i].words[w]; w++) {
            gsize n = 0;
            while (n < 12 && cases[i].x[w][n + 1] > 0)
                n += 2;
            GArray *b = boxes(cases[i].x[w], n);
            slx_pdf_ocr_word_glyphs(cases[i].words[w], b, 105, 10, 10, 2, w == 0, 0.9, glyphs);
            g_array_free(b, TRUE);
        }
        char *got = glyphs_text(glyphs);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("case %zu: %s, expected %s", i, got, cases[i].want);
        for (guint k = 0; k < glyphs->len; k++) {
            const Glyph *g = &g_array_index(glyphs, Glyph, k);
            assert_true(g->x1 < g->x2);
            assert_float_equal(g->y1, 100, 1e-9);   /* the line's height about its centre */
            assert_float_equal(g->y2, 110, 1e-9);
            assert_float_equal(g->confidence, 0.9, 1e-9);   /* its word's */
        }
        g_free(got);
        g_array_free(glyphs, TRUE);
    }
}

/* A word of two cells (OCR read across the painted-out rule) is cut at
 * the rule; a glyph clear of rules, or beside a rule that ends above it,
 * is left alone. */
static void
test_within_rules(void **state)
{
    (void)state;
    GArray *glyphs = g_array_new(FALSE, FALSE, sizeof(Glyph));
    const Glyph in[] = {
        {'9', 40, 100, 52, 110, FALSE, 10, FALSE, 1},     /* over the rule at 50, mostly left */
        {0x7BA1, 49, 100, 60, 110, FALSE, 10, FALSE, 1},  /* 管: over it, mostly right */
        {'x', 10, 100, 20, 110, FALSE, 10, FALSE, 1},     /* clear of it */
        {'y', 45, 200, 55, 210, FALSE, 10, FALSE, 1},     /* below the rule's end */
    };
    g_array_append_vals(glyphs, in, G_N_ELEMENTS(in));
    GArray *v = g_array_new(FALSE, FALSE, sizeof(SlxRule));
    SlxRule r = {50, 0, 150, TRUE};
    g_array_append_val(v, r);
    slx_pdf_ocr_glyphs_within_rules(glyphs, v);
    const Glyph *g = (const Glyph *)(void *)glyphs->data;
    assert_true(g[0].x2 < 50 && g[0].x1 == 40);
    assert_true(g[1].x1 > 50 && g[1].x2 == 60);
    assert_true(g[2].x1 == 10 && g[2].x2 == 20);
    assert_true(g[3].x1 == 45 && g[3].x2 == 55);
    g_array_free(v, TRUE);
    g_array_free(glyphs, TRUE);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixes),
        cmocka_unit_test(test_word_glyphs),
        cmocka_unit_test(test_within_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
