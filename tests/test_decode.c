/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_decode.c — bytes → UTF-8: BOMs, strict UTF-8, charset detection,
 * the CP932 fallback, and the documents that must fail. */
#include "decode.h"
#include "error.h"
#include "testutil.h"

static char *
slurp(const char *rel, gsize *len)
{
    char *path = g_build_filename(SLX_SOURCE_DIR, rel, NULL), *data;
    GError *e = NULL;
    if (!g_file_get_contents(path, &data, len, &e))
        fail_msg("%s: %s", path, e->message);
    g_free(path);
    return data;
}

typedef struct {
    const char *file;       /* under the source tree */
    const char *same_as;    /* the UTF-8 text it must decode to, or NULL */
    const char *encoding;
} Sample;

static const Sample samples[] = {
    {"corpus/003_52953a724f7f6c3d.eucjp.txt", "corpus/003_52953a724f7f6c3d.txt", "EUC-JP"},
    {"corpus/003_52953a724f7f6c3d.utf16.txt", "corpus/003_52953a724f7f6c3d.txt", "UTF-16LE"},
    {"corpus/001_18d14cfe463b0bb2.cp932.txt", NULL, "Shift_JIS"},
    {"tests/data/sample.iso2022jp.txt", "tests/data/sample.utf8.txt", "ISO-2022-JP"},
    {"tests/data/sample.utf16be.txt", "tests/data/sample.utf8.txt", "UTF-16BE"},
    {"tests/data/sample.utf8.txt", "tests/data/sample.utf8.txt", "UTF-8"},
};

static void
test_encodings(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(samples); i++) {
        gsize len;
        char *bytes = slurp(samples[i].file, &len);
        SlxDecoded d;
        GError *e = NULL;
        if (!slx_decode((const guint8 *)bytes, len, &d, &e))
            fail_msg("%s: %s", samples[i].file, e->message);
        if (strcmp(d.encoding, samples[i].encoding) != 0)
            fail_msg("%s: decoded as %s, expected %s", samples[i].file, d.encoding,
                     samples[i].encoding);
        assert_false(d.guessed);
        assert_true(g_utf8_validate(d.utf8, (gssize)d.len, NULL));
        if (samples[i].same_as) {
            gsize n;
            char *want = slurp(samples[i].same_as, &n);
            if (n != d.len || memcmp(want, d.utf8, n) != 0)
                fail_msg("%s does not decode to %s", samples[i].file, samples[i].same_as);
            g_free(want);
        }
        slx_decoded_clear(&d);
        g_free(bytes);
    }
}

/* The CP932 copy has CRLF line ends and decodes to the original's text. */
static void
test_cp932_crlf(void **state)
{
    (void)state;
    gsize len, n;
    char *bytes = slurp("corpus/001_18d14cfe463b0bb2.cp932.txt", &len);
    char *orig = slurp("corpus/001_18d14cfe463b0bb2.txt", &n);
    SlxDecoded d;
    assert_true(slx_decode((const guint8 *)bytes, len, &d, NULL));
    assert_non_null(strstr(d.utf8, "\r\n"));
    /* The last line has no newline but still a CR: drop every CR. */
    char **lines = g_strsplit(d.utf8, "\r", -1);
    char *lf = g_strjoinv("", lines);
    assert_string_equal(lf, orig);
    g_free(lf);
    g_strfreev(lines);
    slx_decoded_clear(&d);
    g_free(bytes);
    g_free(orig);
}

static void
test_utf8_bom(void **state)
{
    (void)state;
    static const char text[] = "\xEF\xBB\xBFNo\t種別\n1\t可用性\n";
    SlxDecoded d;
    assert_true(slx_decode((const guint8 *)text, sizeof text - 1, &d, NULL));
    assert_string_equal(d.encoding, "UTF-8");
    assert_string_equal(d.utf8, "No\t種別\n1\t可用性\n");
    slx_decoded_clear(&d);
}

static void
test_short_text_falls_back_to_cp932(void **state)
{
    (void)state;
    /* 「対応可」 in CP932: too short for detection (normalization.md §A6). */
    static const guint8 sjis[] = {0x91, 0xCE, 0x89, 0x9E, 0x89, 0xC2};
    SlxDecoded d;
    assert_true(slx_decode(sjis, sizeof sjis, &d, NULL));
    assert_string_equal(d.encoding, "Shift_JIS");
    assert_true(d.guessed);
    assert_string_equal(d.utf8, "対応可");
    slx_decoded_clear(&d);
}

/* CP932 extensions decode to the Windows code points: ① 87 40, ～ 81 60. */
static void
test_cp932_extensions(void **state)
{
    (void)state;
    static const guint8 sjis[] = {0x87, 0x40, 0x81, 0x60};
    SlxDecoded d;
    assert_true(slx_decode(sjis, sizeof sjis, &d, NULL));
    assert_string_equal(d.utf8, "①～");
    slx_decoded_clear(&d);
}

/* UTF-8 → CP932 (ICU's Shift_JIS): the Windows code points come back as
 * they decode, and what CP932 cannot hold is counted and written '?'. */
static void
test_encode_cp932(void **state)
{
    (void)state;
    GString *out = g_string_new(NULL);
    guint lost = 99;
    gunichar first = 0;
    assert_true(slx_encode("①～A", strlen("①～A"), "Shift_JIS", out, &lost, &first, NULL));
    assert_int_equal(out->len, 5);
    assert_memory_equal(out->str, "\x87\x40\x81\x60" "A", 5);
    assert_int_equal(lost, 0);
    g_string_truncate(out, 0);
    const char *text = "𠮷野家と\xF0\x9F\x98\x80";   /* 𠮷, then an emoji */
    assert_true(slx_encode(text, strlen(text), "Shift_JIS", out, &lost, &first, NULL));
    assert_int_equal(lost, 2);
    assert_int_equal(first, 0x20BB7);
    assert_int_equal(out->str[0], '?');
    assert_int_equal(out->str[out->len - 1], '?');
    GError *e = NULL;
    assert_false(slx_encode("\xFF", 1, "Shift_JIS", out, &lost, NULL, &e));
    g_clear_error(&e);
    assert_false(slx_encode("a", 1, "no-such-charset", out, &lost, NULL, &e));
    g_clear_error(&e);
    g_string_free(out, TRUE);
}

typedef struct {
    const char *what;
    const guint8 *bytes;
    gsize len;
    SlxErrorCode code;
} Bad;

static void
test_bad_input(void **state)
{
    (void)state;
    static const guint8 png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
                                 'I', 'H', 'D', 'R'};
    static const guint8 bom_broken[] = {0xEF, 0xBB, 0xBF, 'a', 0xC3, 0x28};
    gsize dlen;
    char *damaged = slurp("tests/data/damaged.utf8.txt", &dlen);
    const Bad bad[] = {
        {"png", png, sizeof png, SLX_ERROR_BINARY},
        {"utf-8 with a BOM and a broken sequence", bom_broken, sizeof bom_broken,
         SLX_ERROR_INVALID_UTF8},
        {"utf-8 with one broken byte", (const guint8 *)damaged, dlen, SLX_ERROR_INVALID_UTF8},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        SlxDecoded d;
        GError *e = NULL;
        if (slx_decode(bad[i].bytes, bad[i].len, &d, &e))
            fail_msg("%s: decoded as %s", bad[i].what, d.encoding);
        if (!g_error_matches(e, SLX_ERROR, (gint)bad[i].code))
            fail_msg("%s: %s", bad[i].what, e->message);
        g_error_free(e);
    }
    /* The offset of the broken byte is in the message (the fixture has a
     * 0xFF inserted at byte 302, a character boundary). */
    SlxDecoded d;
    GError *e = NULL;
    assert_false(slx_decode((const guint8 *)damaged, dlen, &d, &e));
    assert_non_null(strstr(e->message, "offset 302"));
    g_error_free(e);
    g_free(damaged);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_encode_cp932),
        cmocka_unit_test(test_cp932_crlf),
        cmocka_unit_test(test_utf8_bom),
        cmocka_unit_test(test_short_text_falls_back_to_cp932),
        cmocka_unit_test(test_cp932_extensions),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
