/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_write_csv.c — CSV fields and rows (RFC 4180): quoting of commas,
 * quotes and line breaks, CRLF, the columns of doc/output.md §5, and cells a
 * spreadsheet would take for formulas. */
#include "write_csv.h"
#include "testutil.h"

static void
test_fields(void **state)
{
    (void)state;
    static const struct { const char *in, *out; } cases[] = {
        {"plain", "plain"}, {"有 / 7世代", "有 / 7世代"}, {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""}, {"line1\nline2", "\"line1\nline2\""},
        {"cr\rhere", "\"cr\rhere\""}, {"", ""}, {"全角，カンマ", "全角，カンマ"},
        /* what a spreadsheet would run is kept text (OWASP) */
        {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""}, {"+81-3-1234", "'+81-3-1234"},
        {"@SUM(A1)", "'@SUM(A1)"}, {"\tx", "'\tx"}, {"\rx", "\"'\rx\""}, {"-", "'-"},
        {"- 日次", "'- 日次"}, {"-5", "-5"}, {"-0.5", "-0.5"}, {"a=b", "a=b"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        GString *s = g_string_new(NULL);
        slx_csv_field(s, cases[i].in);
        assert_string_equal(s->str, cases[i].out);
        g_string_free(s, TRUE);
    }
}

static void
test_rows(void **state)
{
    (void)state;
    SlxPatterns *p = test_patterns();
    const SlxCatalog *cat = g_ptr_array_index(p->catalogs, 0);
    SlxRecord *r = slx_record_new("vendor, inc.csv");
    r->service = g_strdup("Service \"X\"");
    SlxItemRecord *it = slx_item_record_new();
    it->item = slx_catalog_lookup(cat, "29");
    it->no = g_strdup("29");
    it->answer = SLX_ANSWER_YES;
    it->text = g_strdup("前日分,\n改行");
    it->primary = g_strdup("1日");
    it->confidence = 0.97;
    it->flags = 0x11;   /* number_mismatch, duplicate */
    g_ptr_array_add(r->items, it);
    GPtrArray *records = g_ptr_array_new();
    g_ptr_array_add(records, r);
    GString *s = g_string_new(NULL);
    slx_write_csv(s, records);
    assert_string_equal(s->str,
        "file,service,id,key,name,category,no,answer,primary,values,text,page,confidence,flags\r\n"
        "\"vendor, inc.csv\",\"Service \"\"X\"\"\",29,rpo,バックアップデータを取得するタイミング(RPO),"
        "データ管理,29,yes,1日,[],\"前日分,\n改行\",,0.97,number_mismatch;duplicate\r\n");
    g_string_free(s, TRUE);
    g_ptr_array_unref(records);
    slx_record_free(r);
    slx_patterns_free(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
