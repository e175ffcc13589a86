/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_record_wire.c — a record through the wire a worker sends it on:
 * packed and unpacked, every document of the corpus writes the same JSON
 * line; bytes cut anywhere, or sent for another file, are no record. */
#include "pipeline.h"
#include "record_wire.h"
#include "testutil.h"

static SlxPatterns *patterns;
static SlxExtractor *extractor;

static void
test_corpus_round_trip(void **state)
{
    (void)state;
    g_autofree char *dir = g_build_filename(SLX_SOURCE_DIR, "corpus", NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    assert_non_null(d);
    guint documents = 0, values = 0;
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
            continue;
        SlxRecord *r = slx_process_file(path, NULL, patterns, extractor);
        g_autoptr(GByteArray) bytes = g_byte_array_new();
        slx_record_pack(r, bytes);
        SlxRecord *back = slx_record_unpack(bytes->data, bytes->len, path, patterns, TRUE);
        if (back == NULL)
            fail_msg("%s: not unpacked", name);
        g_autofree char *want = test_json_of(r), *got = test_json_of(back);
        if (strcmp(want, got) != 0)
            fail_msg("%s:\n  sent     %.300s\n  received %.300s", name, want, got);
        for (guint i = 0; i < back->items->len; i++)
            values += ((SlxItemRecord *)g_ptr_array_index(back->items, i))->values->len;
        slx_record_free(r);
        slx_record_free(back);
        documents++;
    }
    g_dir_close(d);
    assert_true(documents > 100);
    assert_true(values > 900);
}

static void
test_damaged_wire(void **state)
{
    (void)state;
    g_autofree char *path = g_build_filename(SLX_SOURCE_DIR, "corpus", "107_values_in_every_item.txt", NULL);
    SlxRecord *r = slx_process_file(path, NULL, patterns, extractor);
    g_autoptr(GByteArray) bytes = g_byte_array_new();
    slx_record_pack(r, bytes);
    for (guint cut = 0; cut < bytes->len; cut += 97)
        assert_null(slx_record_unpack(bytes->data, cut, path, patterns, TRUE));
    assert_null(slx_record_unpack(bytes->data, bytes->len, "another.txt", patterns, TRUE));
    g_byte_array_append(bytes, (const guint8 *)"x", 1);
    assert_null(slx_record_unpack(bytes->data, bytes->len, path, patterns, TRUE));
    /* An error goes over as its code and message. */
    SlxRecord *failed = slx_process_file("/nonexistent/x.pdf", NULL, patterns, extractor);
    g_byte_array_set_size(bytes, 0);
    slx_record_pack(failed, bytes);
    SlxRecord *back = slx_record_unpack(bytes->data, bytes->len, "/nonexistent/x.pdf", patterns, TRUE);
    assert_non_null(back);
    assert_int_equal(back->error->code, failed->error->code);
    assert_string_equal(back->error->message, failed->error->message);
    slx_record_free(back);
    slx_record_free(failed);
    slx_record_free(r);
}

int
main(void)
{
    patterns = test_patterns();
    extractor = test_extractor(patterns);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_round_trip),
        cmocka_unit_test(test_damaged_wire),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    slx_extractor_free(extractor);
    slx_patterns_free(patterns);
    return failed;
}
