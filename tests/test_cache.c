/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_cache.c — the SQLite cache of records: a record kept is given back
 * for the same bytes under any name, not for other bytes, not to a run
 * with other patterns or read options; a timeout is not kept; a damaged
 * file is moved aside and a new cache made. */
#include "cache.h"
#include "error.h"
#include "pipeline.h"
#include "testutil.h"

#include <glib/gstdio.h>

static SlxPatterns *patterns;
static SlxExtractor *extractor;

static void
test_keep_and_give_back(void **state)
{
    (void)state;
    g_autofree char *dir = g_dir_make_tmp("slx-cache-XXXXXX", NULL);
    g_autofree char *db = g_build_filename(dir, "cache.db", NULL);
    g_autofree char *doc = g_build_filename(SLX_SOURCE_DIR, "corpus", "107_values_in_every_item.txt", NULL);
    SlxReadOptions opts = {.max_bytes = SLX_DEFAULT_MAX_BYTES};
    char *note = NULL;
    SlxCache *c = slx_cache_open(db, patterns, &opts, &note, NULL);
    assert_non_null(c);
    assert_null(note);
    SlxRecord *r = slx_process_file(doc, &opts, patterns, extractor);
    g_autofree char *sha = slx_cache_file_digest(doc, 0);
    assert_string_equal(sha, r->sha256);
    assert_null(slx_cache_get(c, sha, doc));
    slx_cache_put(c, r);
    SlxRecord *timeout = slx_record_new("slow.pdf");
    timeout->sha256 = g_strdup("0000");
    g_set_error(&timeout->error, SLX_ERROR, SLX_ERROR_TIMEOUT, "slow");
    slx_cache_put(c, timeout);
    slx_cache_close(c);

    /* Another run, the same patterns: the same record, under its new name. */
    c = slx_cache_open(db, patterns, &opts, &note, NULL);
    SlxRecord *back = slx_cache_get(c, sha, "renamed.txt");
    assert_non_null(back);
    assert_string_equal(back->file, "renamed.txt");
    g_free(back->file);
    back->file = g_strdup(doc);
    g_autofree char *want = test_json_of(r), *got = test_json_of(back);
    assert_string_equal(want, got);
    assert_null(slx_cache_get(c, "0000", "slow.pdf"));          /* a timeout is not kept */
    assert_null(slx_cache_get(c, "ffff", doc));                 /* other bytes */
    slx_cache_close(c);
    /* Other read options are another context. */
    SlxReadOptions paged = {.max_bytes = SLX_DEFAULT_MAX_BYTES, .max_pages = 3};
    c = slx_cache_open(db, patterns, &paged, &note, NULL);
    assert_null(slx_cache_get(c, sha, doc));
    slx_cache_close(c);
    /* OCR off, or in other languages, reads scans otherwise. */
    SlxReadOptions no_ocr = {.max_bytes = SLX_DEFAULT_MAX_BYTES, .ocr = SLX_OCR_NEVER};
    SlxReadOptions english = {.max_bytes = SLX_DEFAULT_MAX_BYTES, .ocr_langs = "eng"};
    for (int k = 0; k < 2; k++) {
        c = slx_cache_open(db, patterns, k ? &english : &no_ocr, &note, NULL);
        assert_null(slx_cache_get(c, sha, doc));
        slx_cache_close(c);
    }
    c = slx_cache_open(db, patterns, &opts, &note, NULL);   /* and the first context still is */
    SlxRecord *again = slx_cache_get(c, sha, doc);
    assert_non_null(again);
    slx_cache_close(c);
    slx_record_free(again);
    /* So are other patterns. */
    SlxPatterns *more = test_patterns();
    const char *extra = "[columns]\nanswer = 当社回答\n";
    assert_true(slx_patterns_load_data(more, "extra.ini", extra, strlen(extra), NULL));
    c = slx_cache_open(db, more, &opts, &note, NULL);
    assert_null(slx_cache_get(c, sha, doc));
    slx_cache_close(c);
    slx_patterns_free(more);

    slx_record_free(back);
    slx_record_free(r);
    slx_record_free(timeout);
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void
test_damaged(void **state)
{
    (void)state;
    g_autofree char *dir = g_dir_make_tmp("slx-cache-XXXXXX", NULL);
    g_autofree char *db = g_build_filename(dir, "cache.db", NULL);
    g_file_set_contents(db, "SQLite format 3\\0 but not really, a damaged header", -1, NULL);
    char *note = NULL;
    SlxCache *c = slx_cache_open(db, patterns, NULL, &note, NULL);
    assert_non_null(c);
    assert_non_null(note);
    assert_non_null(strstr(note, "not a usable cache"));
    g_free(note);
    slx_cache_close(c);
    g_autofree char *aside = g_strconcat(db, ".damaged", NULL);
    assert_true(g_file_test(aside, G_FILE_TEST_EXISTS));
    /* A cache that cannot be made at all is an error. */
    GError *e = NULL;
    assert_null(slx_cache_open("/nonexistent/dir/cache.db", patterns, NULL, &note, &e));
    assert_non_null(e);
    g_clear_error(&e);
    g_free(note);
    assert_null(slx_cache_file_digest(dir, 0));                  /* a directory */
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int
main(void)
{
    patterns = test_patterns();
    extractor = test_extractor(patterns);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keep_and_give_back),
        cmocka_unit_test(test_damaged),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    slx_extractor_free(extractor);
    slx_patterns_free(patterns);
    return failed;
}
