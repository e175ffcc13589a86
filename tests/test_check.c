/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_check.c — requirement checks (doc/output.md §7), table-driven: every
 * comparison rule and bound (exact, max, max_exclusive, min,
 * min_exclusive, approx, ranges, several plans), versions with disabled,
 * lists with contains / excludes and what names imply, answers; the
 * unknown cases; broken requirements files (file:line); and the corpus run
 * of the example requirements against corpus/checks/example.json, written
 * by reading the documents. */
#include "check.h"
#include "error.h"
#include "normalize.h"
#include "pipeline.h"
#include "testutil.h"

#include <json-glib/json-glib.h>

static SlxPatterns *patterns;
static const SlxCatalog *meti;
static SlxExtractor *extractor;

typedef struct {
    const char *requirement;   /* the body of one [r] group */
    const char *item;          /* the catalog id the response answers */
    SlxAnswer answer;
    const char *text;          /* the response */
    SlxCheckResult result;
    const char *because;       /* a part of the reason */
} Case;

#define P SLX_CHECK_PASS
#define F SLX_CHECK_FAIL
#define U SLX_CHECK_UNKNOWN
#define YES SLX_ANSWER_YES

static const Case cases[] = {
    /* max: exact, max, max_exclusive, approx pass at or under the limit */
    {"item = rpo\nkind = duration\nmax = 24h", "29", YES, "前日分", P, "1日 (86400秒) ≤ 24h"},
    {"item = rpo\nkind = duration\nmax = 24時間", "29", YES, "24時間以内", P, "≤ 24時間"},
    {"item = rpo\nkind = duration\nmax = 1日", "29", YES, "25時間", F, "> 1日"},
    {"item = rpo\nkind = duration\nmax = 24h", "29", YES, "24時間未満", P, "≤"},
    {"item = rto\nkind = duration\nmax = 3h", "11", YES, "約2時間", P, "≤ 3h"},
    {"item = rto\nkind = duration\nmax = 3営業日", "11", YES, "2営業日以内", P, "≤ 3営業日"},
    {"item = rto\nkind = duration\nmax = 30min", "11", YES, "within 45 minutes", F, "> 30min"},
    /* a lower bound only: fails above the limit, else says nothing */
    {"item = rto\nkind = duration\nmax = 24h", "11", YES, "6時間以上", U, "満たすか分からない"},
    {"item = rto\nkind = duration\nmax = 24h", "11", YES, "2日以上", F, ">"},
    {"item = rto\nkind = duration\nmax = 24h", "11", YES, "24時間超", F, ">"},
    /* a range by its upper end for max, its lower end for min */
    {"item = rto\nkind = duration\nmax = 2d", "11", YES, "1~2営業日", P, "≤"},
    {"item = rto\nkind = duration\nmax = 1d", "11", YES, "1~2営業日", F, ">"},
    {"item = planned_outage_notice\nkind = duration\nmin = 7d", "2", YES, "5~10日前", F, "<"},
    /* min: the mirror image */
    {"item = planned_outage_notice\nkind = duration\nmin = 7d", "2", YES, "2週間前までに", P, "≥ 7d"},
    {"item = planned_outage_notice\nkind = duration\nmin = 7d", "2", YES, "72時間前", F, "< 7d"},
    {"item = planned_outage_notice\nkind = duration\nmin = 7d", "2", YES, "30日以内に通知", U, "分からない"},
    {"item = planned_outage_notice\nkind = duration\nmin = 7d", "2", YES, "3日以内に通知", F, "<"},
    {"item = availability\nkind = percent\nmin = 99.9", "5", YES, "99.95%", P, "99.95% ≥ 99.9"},
    {"item = availability\nkind = percent\nmin = 99.95", "5", YES, "99.9%以上", F, "< 99.95"},
    {"item = availability\nkind = percent\nmin = 99.9", "5", YES, "99.9%未満", F, "<"},
    {"item = availability\nkind = percent\nmin = 99.9", "5", YES, "99.99%超", P, "≥"},
    /* a role: only values with it count */
    {"item = availability\nkind = percent\nrole = target\nmin = 99.9", "5", YES,
     "目標99.5%、実績99.99%", F, "99.5% < 99.9"},
    {"item = availability\nkind = percent\nrole = actual\nmin = 99.9", "5", YES,
     "目標99.5%、実績99.99%", P, "99.99%"},
    /* several plans: every one must pass */
    {"item = backup_generations\nkind = count\nmin = 7", "32", YES, "■ベーシック:7世代 ■プレミアム:30世代", P, "≥ 7"},
    {"item = backup_generations\nkind = count\nmin = 10", "32", YES, "■ベーシック:7世代 ■プレミアム:30世代", F, "7世代 < 10"},
    {"item = availability\nkind = percent\nmin = 99.9", "5", YES, "99.5%以上、99.95%以上", F, "99.5%"},
    /* an approximate value decides: passes, marked approx (below) */
    {"item = mttr\nkind = duration\nmax = 2h", "10", YES, "約1時間", P, "≤ 2h"},
    /* a window measures nothing of the item */
    {"item = rto\nkind = duration\nmax = 24h", "11", YES, "直近3ヶ月の平均は約1時間", P, "1時間程度"},
    /* versions */
    {"item = transport_encryption\nkind = version\nmin = 1.2", "42", YES, "TLS1.2以上", P, "≥ TLS1.2"},
    {"item = transport_encryption\nkind = version\nmin = 1.2", "42", YES, "TLS1.0以上", F, "< TLS1.2"},
    {"item = transport_encryption\nkind = version\nmin = 1.2", "42", YES, "TLS1.2に対応", U, "古い版"},
    {"item = transport_encryption\nkind = version\nmin = 1.2", "42", YES, "TLS1.3に対応。TLS1.1以下は無効", P, "≥"},
    {"item = transport_encryption\nkind = version\nmin = 1.2", "42", YES, "TLS1.1/1.2/1.3に対応", F, "TLS1.1"},
    {"item = transport_encryption\nkind = version\ndisabled = 1.0;1.1", "42", YES, "TLS1.0/1.1は無効", P, "TLS1.0/1.1 無効"},
    {"item = transport_encryption\nkind = version\ndisabled = 1.0;1.1", "42", YES, "TLS1.2未満は無効", P, "無効"},
    {"item = transport_encryption\nkind = version\ndisabled = 1.0", "42", YES, "TLS1.0/1.2に対応", F, "TLS1.0 に対応"},
    {"item = transport_encryption\nkind = version\ndisabled = 1.0", "42", YES, "TLS1.1は無効", U, "TLS1.0 が無効かは"},
    {"item = transport_encryption\nkind = version\nmin = 1.2\ndisabled = 1.0;1.1", "42", YES, "常時SSLにて暗号化", U, "記載なし"},
    /* lists */
    {"item = certifications\nkind = list\ncontains = ISO/IEC 27001", "39", YES, "ISO/IEC 27001、27017を取得", P, "ISO/IEC 27001 あり"},
    {"item = certifications\nkind = list\ncontains = ISO/IEC 27001;PrivacyMark", "39", YES, "ISO/IEC 27001を取得", F, "PrivacyMark なし"},
    {"item = certifications\nkind = list\ncontains = ISO/IEC 27001", "39", YES, "ISMS認証を取得", P, "あり"},   /* ISMS implies */
    {"item = certifications\nkind = list\ncontains = ISO/IEC 27001", "39", SLX_ANSWER_NO, "無", F, "回答: 無"},
    {"item = certifications\nkind = list\ncontains = ISO/IEC 27001", "39", YES, "第三者認証を取得済み", U, "記載なし"},
    {"item = data_location_policy\nkind = list\nrole = location\ncontains = JP", "49", YES, "AWSの東京リージョン", P, "JP あり"},
    {"item = data_location_policy\nkind = list\nrole = location\nexcludes = US", "49", YES, "日本国内のみ", P, "US なし"},
    {"item = data_location_policy\nkind = list\nrole = location\nexcludes = JP", "49", YES, "国内データセンター", F, "JP あり"},
    /* answers */
    {"item = disaster_recovery\nkind = answer\nanswer = yes;partial", "6", SLX_ANSWER_PARTIAL, "オプションで対応", P, "回答: 一部"},
    {"item = 6\nkind = answer\nanswer = yes", "6", SLX_ANSWER_NO, "無", F, "回答: 無"},
    /* unknown: the document does not say enough; never a guess */
    {"item = rpo\nkind = duration\nmax = 24h", "29", SLX_ANSWER_UNDISCLOSED, "非公開", U, "回答が非公開"},
    {"item = rpo\nkind = duration\nmax = 24h", "29", SLX_ANSWER_NOT_APPLICABLE, "該当なし", U, "回答が該当なし"},
    {"item = rpo\nkind = duration\nmax = 24h", "29", SLX_ANSWER_UNKNOWN, "", U, "回答が不明"},
    {"item = rpo\nkind = duration\nmax = 24h", "29", YES, "日次で取得", U, "該当する値の記載なし"},
    {"item = rpo\nkind = duration\nmax = 24h", "30", YES, "7日間", U, "項目の記載なし"},   /* no item 29 */
    {"item = rpo\nkind = duration\nmax = 24h", "29", YES, "数時間", U, "該当する値"},   /* no figure */
};

/* The requirement of CASE, loaded from its text. */
static GPtrArray *
load(const char *body, GError **e)
{
    char *text = g_strconcat("[r]\n", body, "\n", NULL);
    GPtrArray *q = slx_requirements_load_data("t.ini", text, strlen(text), patterns, extractor, e);
    g_free(text);
    return q;
}

/* A record of one item answering TEXT as ANSWER. */
static SlxRecord *
record_of(const char *id, SlxAnswer answer, const char *text)
{
    SlxRecord *r = slx_record_new("t.txt");
    SlxItemRecord *it = slx_item_record_new();
    it->item = slx_catalog_lookup(meti, id);
    it->answer = answer;
    it->text = slx_normalize(text, -1, SLX_NORM_DEFAULT);
    g_ptr_array_unref(it->values);
    it->values = slx_extract_values(extractor, it->text, it->item);
    g_ptr_array_add(r->items, it);
    return r;
}

static void
test_cases(void **state)
{
    (void)state;
    guint failed = 0;
    static const char *const names[] = {"pass", "fail", "unknown"};
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        GError *e = NULL;
        GPtrArray *q = load(cases[i].requirement, &e);
        if (q == NULL)
            fail_msg("case %zu: %s", i, e->message);
        SlxRecord *r = record_of(cases[i].item, cases[i].answer, cases[i].text);
        GPtrArray *checks = slx_check_record(q, r, &patterns->vocab);
        const SlxCheck *c = g_ptr_array_index(checks, 0);
        if (c->result != cases[i].result || !strstr(c->because, cases[i].because)) {
            print_error("case %zu \"%s\" against\n%s\n   got  %s: %s\n   want %s: …%s…\n", i,
                        cases[i].text, cases[i].requirement, names[c->result], c->because,
                        names[cases[i].result], cases[i].because);
            failed++;
        }
        g_ptr_array_unref(checks);
        slx_record_free(r);
        g_ptr_array_unref(q);
    }
    print_message("%zu checks, %u wrong\n", G_N_ELEMENTS(cases), failed);
    assert_int_equal(failed, 0);
}

/* The value that decided is kept, approx is marked, a failed document's
 * checks are all unknown. */
static void
test_decider(void **state)
{
    (void)state;
    GPtrArray *q = load("item = mttr\nkind = duration\nmax = 2h", NULL);
    SlxRecord *r = record_of("10", YES, "平均は約1時間、最長でも90分");
    GPtrArray *checks = slx_check_record(q, r, &patterns->vocab);
    const SlxCheck *c = g_ptr_array_index(checks, 0);
    assert_int_equal(c->result, SLX_CHECK_PASS);
    assert_non_null(c->value);
    assert_true(c->value->value == 90);      /* the one nearest the limit */
    assert_false(c->approx);
    g_ptr_array_unref(checks);
    slx_record_free(r);

    r = record_of("10", YES, "約1時間");
    checks = slx_check_record(q, r, &patterns->vocab);
    assert_true(((SlxCheck *)g_ptr_array_index(checks, 0))->approx);
    g_ptr_array_unref(checks);
    slx_record_free(r);

    r = slx_record_new("gone.pdf");
    g_set_error(&r->error, SLX_ERROR, SLX_ERROR_NOT_FOUND, "gone");
    checks = slx_check_record(q, r, &patterns->vocab);
    c = g_ptr_array_index(checks, 0);
    assert_int_equal(c->result, SLX_CHECK_UNKNOWN);
    assert_string_equal(c->because, "文書を読めなかった");
    g_ptr_array_unref(checks);
    slx_record_free(r);
    g_ptr_array_unref(q);
}

static const struct { const char *text, *message; } broken[] = {
    {"[a]\nitem = rpo\nkind = duration\nmaximum = 24h\n", "t.ini:4: unknown key 'maximum' in [a]"},
    {"[a]\nkind = duration\nmax = 24h\n", "t.ini:1: [a] needs 'item' and 'kind'"},
    {"[a]\nitem = rpx\nkind = duration\nmax = 24h\n", "t.ini:2: unknown item 'rpx'"},
    {"[a]\nitem = rpo\nkind = size\nmax = 24h\n", "t.ini:3: unknown kind 'size'"},
    {"[a]\nitem = rpo\nkind = duration\nmax = soon\n", "t.ini:4: 'soon' is not a duration"},
    {"[a]\nitem = rpo\nkind = duration\n", "t.ini:3: [a] of kind duration needs max or min"},
    {"[a]\nitem = availability\nkind = percent\nmin = high\n", "t.ini:4: 'high' is not a percentage"},
    {"[a]\nitem = tls\nkind = version\nmin = 1.2\n", "t.ini:2: unknown item 'tls'"},
    {"[a]\nitem = transport_encryption\nkind = version\ndisabled = one\n", "t.ini:4: 'one' is not a version"},
    {"[a]\nitem = transport_encryption\nkind = version\nmax = 1.3\n", "t.ini:4: 'max' does not apply to kind version"},
    {"[a]\nitem = certifications\nkind = list\nmin = 2\n", "t.ini:4: 'min' does not apply to kind list"},
    {"[a]\nitem = certifications\nkind = list\n", "t.ini:3: [a] of kind list needs contains or excludes"},
    {"[a]\nitem = disaster_recovery\nkind = answer\nanswer = maybe\n", "t.ini:4: unknown answer 'maybe'"},
    {"[a]\nitem = rpo\nkind = duration\nmax = 24h\n[a]\n", "t.ini:5: group [a] appears twice"},
    {"# nothing\n", "t.ini:0: no requirements"},
    {"item = rpo\n", "t.ini:1: key outside any [group]"},
};

static void
test_broken_files(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(broken); i++) {
        GError *e = NULL;
        GPtrArray *q = slx_requirements_load_data("t.ini", broken[i].text, strlen(broken[i].text),
                                                  patterns, extractor, &e);
        if (q != NULL)
            fail_msg("case %zu loaded: %s", i, broken[i].text);
        if (!g_str_has_prefix(e->message, broken[i].message))
            fail_msg("case %zu: \"%s\" does not start with \"%s\"", i, e->message, broken[i].message);
        g_error_free(e);
    }
}

/* The example requirements over corpus documents, against the results
 * corpus/checks/example.json says by reading them. */
static void
test_corpus(void **state)
{
    (void)state;
    char *path = g_build_filename(SLX_SOURCE_DIR, "corpus", "checks", "example.json", NULL);
    JsonParser *jp = json_parser_new();
    GError *e = NULL;
    if (!json_parser_load_from_file(jp, path, &e))
        fail_msg("%s: %s", path, e->message);
    JsonObject *want = json_node_get_object(json_parser_get_root(jp));
    char *req_path = g_build_filename(SLX_SOURCE_DIR, json_object_get_string_member(want, "requirements"), NULL);
    GPtrArray *q = slx_requirements_load_file(req_path, patterns, extractor, &e);
    if (q == NULL)
        fail_msg("%s", e->message);
    JsonArray *order = json_object_get_array_member(want, "order");
    JsonObject *docs = json_object_get_object_member(want, "documents");
    GList *names = json_object_get_members(docs);
    guint total = 0, right = 0;
    for (GList *l = names; l; l = l->next) {
        char *doc = g_build_filename(SLX_SOURCE_DIR, "corpus", (char *)l->data, NULL);
        SlxRecord *r = slx_process_file(doc, NULL, patterns, extractor);
        GPtrArray *checks = slx_check_record(q, r, &patterns->vocab);
        char **results = g_strsplit(json_object_get_string_member(docs, l->data), " ", -1);
        assert_int_equal(g_strv_length(results), checks->len);
        for (guint i = 0; i < checks->len; i++) {
            const SlxCheck *c = g_ptr_array_index(checks, i);
            assert_string_equal(c->requirement->id, json_array_get_string_element(order, i));
            total++;
            if (strcmp(slx_check_result_name(c->result), results[i]) == 0)
                right++;
            else
                print_error("%s: %s: expected %s, got %s (%s)\n", (char *)l->data,
                            c->requirement->id, results[i], slx_check_result_name(c->result),
                            c->because);
        }
        g_strfreev(results);
        g_ptr_array_unref(checks);
        slx_record_free(r);
        g_free(doc);
    }
    print_message("checks: %u/%u right over %u documents\n", right, total, g_list_length(names));
    g_list_free(names);
    g_ptr_array_unref(q);
    g_free(req_path);
    g_object_unref(jp);
    g_free(path);
    assert_int_equal(right, total);
}

int
main(void)
{
    patterns = test_patterns();
    meti = g_ptr_array_index(patterns->catalogs, 0);
    extractor = test_extractor(patterns);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_decider),
        cmocka_unit_test(test_broken_files),
        cmocka_unit_test(test_corpus),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    slx_extractor_free(extractor);
    slx_patterns_free(patterns);
    return failed;
}
