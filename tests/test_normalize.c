/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_normalize.c — normalization, table-driven: the character cases of
 * normalization.md §D and the pitfalls of §A. */
#include "normalize.h"

#include <stdlib.h>
#include <utf8proc.h>
#include "testutil.h"

typedef struct {
    const char *in;
    const char *out;
    SlxNormFlags flags;
} Case;

static const Case cases[] = {
    /* §D 1–8: tilde and dash families, ー between digits, 24:00 */
    {"平日１０：００～１７：００", "平日10:00~17:00", 0},
    {"平日10:00〜17:00", "平日10:00~17:00", 0},               /* U+301C WAVE DASH */
    {"9:00－18:00", "9:00-18:00", 0},                         /* U+FF0D */
    {"9:00ー18:00", "9:00-18:00", 0},                         /* U+30FC between digits */
    {"9:00−18:00", "9:00-18:00", 0},                          /* U+2212 (macOS IME) */
    {"9時～17時（土日祝日を除く）", "9時~17時(土日祝日を除く)", 0},
    {"午前9時～午後6時", "午前9時~午後6時", 0},
    {"0:00〜24:00", "0:00~24:00", 0},
    {"10:00∼17:00", "10:00~17:00", 0},                        /* U+223C */
    {"10:00〰17:00", "10:00~17:00", 0},                       /* U+3030 */
    {"1‐2", "1-2", 0}, {"1‑2", "1-2", 0}, {"1–2", "1-2", 0},  /* U+2010, 2011, 2013 */
    {"1—2", "1-2", 0}, {"1―2", "1-2", 0}, {"1─2", "1-2", 0},  /* U+2014, 2015, 2500 */
    {"数秒～～5分", "数秒~5分", 0},                            /* runs collapse */
    /* §D 9–12: full width, circled digits protected, half-width kana */
    {"２４時間３６５日", "24時間365日", 0},
    {"②２４時間３６５日", "②24時間365日", 0},                 /* not 224時間 */
    {"①バックアップ　３世代", "①バックアップ3世代", 0},
    {"⑴２時間", "⑴2時間", 0},
    {"❶３世代", "❶3世代", 0},
    {"10²", "10²", 0},                                        /* not 102 */
    {"ﾊﾞｯｸｱｯﾌﾟは７世代保持", "バックアップは7世代保持", 0},
    {"ｻｰﾊﾞｰ", "サーバー", 0},                                 /* ー after kana stays */
    {"サーバー", "サーバー", 0},
    {"か゛", "が", 0},                                        /* spacing mark composes */
    /* §D 14: counters */
    {"３ヶ月", "3か月", 0}, {"3ケ月", "3か月", 0}, {"3カ月", "3か月", 0},
    {"3箇月", "3か月", 0}, {"三ヶ月", "三か月", 0}, {"3ヵ月", "3か月", 0},
    {"3ヶ所", "3か所", 0}, {"5カ国", "5か国", 0},
    {"ヶ月", "ヶ月", 0},                                      /* no numeral: kept */
    {"ケース", "ケース", 0},
    /* §D 26–31, 37, 43: percent, versions, colons */
    {"稼働率９９．９９％以上", "稼働率99.99%以上", 0},
    {"ＴＬＳ１．２以上", "TLS1.2以上", 0},
    {"TLS 1.2/1.3", "TLS 1.2/1.3", 0},
    {"AES‐256", "AES-256", 0},
    {"RPO：２４時間、RTO：４時間", "RPO:24時間、RTO:4時間", 0},
    {"ＩＳＯ／ＩＥＣ　２７００１：２０１３", "ISO/IEC 27001:2013", 0},
    {"−5℃～40℃", "-5°C~40°C", 0},
    /* spaces: unified, collapsed, dropped next to CJK, kept between Latin */
    {"24 時間 365 日", "24時間365日", 0},
    {"TLS 1.2 以上", "TLS 1.2以上", 0},
    {"  有　　3か月前  ", "有3か月前", 0},
    {"有　3か月前", "有 3か月前", SLX_NORM_KEEP_CJK_SPACES},
    {"a\tb\nc\r\nd", "a b c d", 0},
    {"Active!  gate   SS", "Active! gate SS", 0},
    {"ゼロ\u200b幅", "ゼロ幅", 0},                              /* zero-width space */
    /* radicals from PDF producers */
    {"計画停⽌", "計画停止", 0},                               /* Kangxi U+2F4C */
    {"⽅針", "方針", 0},                                       /* Kangxi U+2F45 */
    {"⻑時間", "長時間", 0},                                   /* Radicals Supplement U+2ED1 */
    {"⻄日本", "西日本", 0},
    /* maru and batsu are answers, left alone */
    {"〇", "〇", 0}, {"○", "○", 0}, {"◯", "◯", 0}, {"×", "×", 0},
    {"", "", 0},
};

static void
test_cases(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = slx_normalize(cases[i].in, -1, cases[i].flags);
        if (strcmp(got, cases[i].out) != 0)
            fail_msg("case %zu: normalize(\"%s\") = \"%s\", expected \"%s\"", i, cases[i].in, got,
                     cases[i].out);
        g_free(got);
    }
}

static void
test_length_argument(void **state)
{
    (void)state;
    char *got = slx_normalize("２４時間XYZ", strlen("２４時間"), 0);
    assert_string_equal(got, "24時間");
    g_free(got);
}

static void
test_idempotent(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *once = slx_normalize(cases[i].in, -1, cases[i].flags);
        char *twice = slx_normalize(once, -1, cases[i].flags);
        if (strcmp(once, twice) != 0)
            fail_msg("case %zu: not idempotent: \"%s\" → \"%s\"", i, once, twice);
        g_free(once);
        g_free(twice);
    }
}

/* The code points normalize.c takes past utf8proc (is_nfkc_stable: printable
 * ASCII, kanji, kana, 、。「」『』【】) are those NFKC leaves as they are. */
static void
test_fast_path_is_nfkc(void **state)
{
    (void)state;
    static const gunichar ranges[][2] = {
        {0x20, 0x7E}, {0x4E00, 0x9FFF}, {0x3041, 0x3096}, {0x30A1, 0x30FC},
        {0x3001, 0x3002}, {0x300C, 0x3011},
    };
    for (gsize r = 0; r < G_N_ELEMENTS(ranges); r++)
        for (gunichar c = ranges[r][0]; c <= ranges[r][1]; c++) {
            char in[8] = {0};
            g_unichar_to_utf8(c, in);
            char *got = (char *)utf8proc_NFKC((const utf8proc_uint8_t *)in);
            if (strcmp(got, in) != 0)
                fail_msg("U+%04X: NFKC makes \"%s\" \"%s\"", c, in, got);
            free(got);
        }
}

/* Bytes that are not UTF-8 (a reader's, cut short) are no valid input,
 * but must not take the normalizer past its buffer: they decode to values
 * past U+10FFFF, six bytes each when written back (the sanitizer build
 * catches an overrun). */
static void
test_not_utf8(void **state)
{
    (void)state;
    static const char *const inputs[] = {"\xff\xfe\xff", "a\xe3", "\xfd\xbf\xbf\xbf\xbf\xbf x \xff",
                                         "\x80\x80\x80"};
    for (gsize i = 0; i < G_N_ELEMENTS(inputs); i++)
        for (int flags = 0; flags <= SLX_NORM_KEEP_CJK_SPACES; flags++) {
            g_autofree char *got = slx_normalize(inputs[i], -1, (SlxNormFlags)flags);
            assert_non_null(got);
        }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_length_argument),
        cmocka_unit_test(test_idempotent),
        cmocka_unit_test(test_fast_path_is_nfkc),
        cmocka_unit_test(test_not_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
