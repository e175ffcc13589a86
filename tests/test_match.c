/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_match.c — rows → items: printed numbers in every form, evidence
 * that agrees and disagrees, duplicates, numbering that is not METI's, and
 * an item's confidence from what OCR made of its row. */
#include "match.h"
#include "pipeline.h"
#include "read_text.h"
#include "testutil.h"

#include <math.h>

static SlxPatterns *patterns;
static const SlxCatalog *meti;

static void
test_numbers(void **state)
{
    (void)state;
    static const struct { const char *no; guint section; const char *id; } cases[] = {
        {"29", 0, "29"}, {"No.5", 0, "5"}, {"(7)", 0, "7"}, {"3.", 0, "3"},
        {"1.1", 0, "1"}, {"1.25", 0, "25"}, {"2.2", 0, "27"}, {"3.2", 0, "29"},
        {"4.11", 0, "49"}, {"1-1", 0, "1"},
        {"4.12", 0, NULL}, {"1.26", 0, NULL}, {"50", 0, NULL}, {"x", 0, NULL}, {NULL, 0, NULL},
        /* numbering that restarts in each section */
        {"2", 3, "29"}, {"11", 4, "49"}, {"12", 4, "12"}, {"30", 3, "30"}, {"2", 1, "2"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        const SlxCatalogItem *it = slx_item_for_number(meti, cases[i].no, cases[i].section);
        const char *got = it ? it->id : NULL;
        if (g_strcmp0(got, cases[i].id) != 0)
            fail_msg("\"%s\" in section %u: %s, expected %s", cases[i].no, cases[i].section,
                     got ? got : "none", cases[i].id ? cases[i].id : "none");
    }
}

static SlxMatchResult *
match(const char *text, SlxTable **table)
{
    SlxDocument *g = slx_read_text(text, strlen(text));
    *table = slx_segment(g, patterns);
    slx_document_free(g);
    return slx_match(*table, patterns);
}

static const SlxMatch *
match_at(const SlxMatchResult *r, guint i)
{
    assert_true(i < r->matches->len);
    return g_ptr_array_index(r->matches, i);
}

static void
assert_item(const SlxMatch *m, const char *id, guint flags)
{
    if (id == NULL) {
        if (m->item)
            fail_msg("row \"%s\" matched %s, expected an extra row", m->row->name, m->item->id);
        return;
    }
    if (m->item == NULL || strcmp(m->item->id, id) != 0)
        fail_msg("row \"%s\": %s, expected %s", m->row->name, m->item ? m->item->id : "extra", id);
    if (m->flags != flags)
        fail_msg("row \"%s\": flags %#x, expected %#x", m->row->name, m->flags, flags);
}

static const char header[] = "No.\t種別\tサービスレベル項目\t規定内容\t回答\n";

static void
test_evidence(void **state)
{
    (void)state;
    SlxTable *t;
    char *text = g_strconcat(header,
        /* exact */
        "1\t可用性\tサービス時間\tサービスを提供する時間帯\t24時間365日\n"
        /* a retyped name, right number and template */
        "13\t\tシステム監査基準\tシステム監視基準(監視内容/監視・通知基準)の設定に基づく監視\t有\n"
        /* a number slip: the name wins, flagged */
        "16\t\t障害通知時間\t異常検出後に指定された連絡先に通知するまでの時間\t1時間以内\n"
        /* the wrong template pasted: name and number win, flagged */
        "39\t\t公的認証取得の要件\tデータをバックアップした媒体を保管する期限\t有\n"
        /* the same item twice: the more confident row is kept, the other
         * becomes an extra; on a tie the first is kept */
        "40\t\t第三者による評価の状況\tx\t有\n"
        "40\t\tアプリケーションに関する第三者評価\tx\t有\n"
        "41\t\t情報取扱い環境\tx\t有\n"
        "41\t\t情報取扱い環境\tx\t無\n"
        /* the vendor's own item */
        "50\t\tパスワードポリシー\tパスワードの長さを強制できるか\t有\n"
        /* an English name */
        "\t\tPlanned outage notice\t\tYes, 14 days ahead\n", NULL);
    SlxMatchResult *r = match(text, &t);
    assert_item(match_at(r, 0), "1", 0);
    assert_item(match_at(r, 1), "13", 0);
    assert_item(match_at(r, 2), "15", SLX_FLAG_NUMBER_MISMATCH);
    assert_item(match_at(r, 3), "39", SLX_FLAG_TEMPLATE_MISMATCH);
    assert_item(match_at(r, 4), NULL, 0);
    assert_item(match_at(r, 5), "40", SLX_FLAG_DUPLICATE);
    assert_item(match_at(r, 6), "41", SLX_FLAG_DUPLICATE);
    assert_item(match_at(r, 7), NULL, 0);
    assert_item(match_at(r, 8), NULL, 0);
    assert_item(match_at(r, 9), "2", 0);
    assert_true(match_at(r, 0)->confidence > 0.95);
    assert_int_equal(r->items_found, 7);
    slx_match_result_free(r);
    slx_table_free(t);
    g_free(text);
}

/* Names as OCR misreads them (from the scans of the corpus) are still
 * their items: the catalog's names are matched by similarity, with no
 * number to help; a name with two characters wrong is matched less surely,
 * and says so.  A short name with one wrong (「サービス物働率」: two of its six
 * bigrams lost) needs its printed number. */
static void
test_ocr_misread_names(void **state)
{
    (void)state;
    SlxTable *t;
    SlxMatchResult *r = match(
        "項目\t回答\n"
        "サービス提伏代了時の事前通知\t有\n"        /* 提供終了 */
        "データタ消去の要件\t有\n"                  /* a タ twice */
        "バックアップデータを取得するタタイミング(RPO)\t24時間\n"
        "サービス提供時間淀(一般問合せ)\t同上\n"      /* 帯 read as 淀 */
        "サービス物働率\t99.9%\n", &t);             /* 稼 read as 物 */
    static const struct { const char *id; guint flags; } want[] = {
        {"3", SLX_FLAG_LOW_CONFIDENCE}, {"31", 0}, {"29", 0}, {"27", 0}};
    for (guint i = 0; i < G_N_ELEMENTS(want); i++)
        assert_item(match_at(r, i), want[i].id, want[i].flags);
    assert_item(match_at(r, 4), NULL, 0);
    slx_match_result_free(r);
    slx_table_free(t);
    r = match("No.\t項目\t回答\n1\tサービス時間\t24時間\n5\tサービス物働率\t99.9%\n", &t);
    assert_item(match_at(r, 1), "5", 0);
    slx_match_result_free(r);
    slx_table_free(t);
}

/* Another checklist numbered 1, 2, 3 …: its numbers are not METI ids. */
static void
test_foreign_numbering(void **state)
{
    (void)state;
    SlxTable *t;
    SlxMatchResult *r = match(
        "No.\t種別\t項目\t規定内容\t回答\n"
        "1\t事業所\t開示情報の時点\t開示情報の年月日\t2024年4月1日\n"
        "2\t\t事業者名\t正式名称\t株式会社\n"
        "3\t\t設立年\t設立年\t2009年\n"
        "14\t\tサービス稼働率\t前年度の稼働率の実績値\t99.98%\n"
        "18\t\t認定・認証の取得\t第三者認定の取得状況\t取得済み\n", &t);
    assert_item(match_at(r, 0), NULL, 0);
    assert_item(match_at(r, 1), NULL, 0);
    assert_item(match_at(r, 2), NULL, 0);
    assert_item(match_at(r, 3), "5", 0);     /* by name; the number is not evidence */
    assert_item(match_at(r, 4), NULL, 0);
    assert_int_equal(r->items_found, 1);
    slx_match_result_free(r);
    slx_table_free(t);
}

/* A workbook's sheets are judged one by one: the checklist sheet's numbers
 * are evidence even though a questionnaire sheet beside it numbers its own
 * questions 1, 2, 3, and the questionnaire, matching no item, is another
 * form: its rows are neither items nor extras. */
static void
test_sheets(void **state)
{
    (void)state;
    static TestBlockLine blocks[] = {
        {"sheet", "Checklist"}, {"row", "No.", "Service level item", "Answer"},
        {"row", "1", "Service hours", "24/7"}, {"row", "11", "Recovery objective", "4 hours"},
        {"sheet", "Security"}, {"row", "No.", "Question", "Response"},
        {"row", "1", "Do you enforce MFA?", "Yes"}, {"row", "2", "Password length", "12"},
        {"row", "3", "Staff training", "Yearly"},
    };
    SlxDocument *d = test_document_of(blocks, G_N_ELEMENTS(blocks));
    SlxTable *t = slx_segment(d, patterns);
    slx_document_free(d);
    SlxMatchResult *r = slx_match(t, patterns);
    assert_int_equal(r->matches->len, 2);
    assert_item(match_at(r, 0), "1", 0);
    assert_item(match_at(r, 1), "11", 0);    /* its number agrees with its name */
    slx_match_result_free(r);
    slx_table_free(t);
}

/* A sheet the vendor numbers 1 to 4 agrees with the catalog on 1 and 2 by
 * chance: half is not enough to trust its numbers, so 3 and 4 are no
 * number_mismatch. */
static void
test_numbering_by_chance(void **state)
{
    (void)state;
    static TestBlockLine blocks[] = {
        {"sheet", "可用性"}, {"row", "No", "項目", "回答"},
        {"row", "1", "サービス時間", "24時間365日"}, {"row", "2", "計画停止予定通知", "有"},
        {"row", "3", "サービス稼働率", "99.9%"}, {"row", "4", "ディザスタリカバリ", "無"},
    };
    SlxDocument *d = test_document_of(blocks, G_N_ELEMENTS(blocks));
    SlxTable *t = slx_segment(d, patterns);
    slx_document_free(d);
    SlxMatchResult *r = slx_match(t, patterns);
    assert_item(match_at(r, 0), "1", 0);
    assert_item(match_at(r, 1), "2", 0);
    assert_item(match_at(r, 2), "5", 0);
    assert_item(match_at(r, 3), "6", 0);
    slx_match_result_free(r);
    slx_table_free(t);
}

/* A short name inside a longer one is not the longer one. */
static void
test_containment(void **state)
{
    (void)state;
    SlxTable *t;
    SlxMatchResult *r = match("項目\t回答\n利用者数\t2,300社\n目標復旧時間\t4時間\n", &t);
    assert_item(match_at(r, 0), NULL, 0);
    assert_item(match_at(r, 1), "11", 0);
    slx_match_result_free(r);
    slx_table_free(t);
}

/* A name cut short where an excerpt ends matches nothing; with an answer
 * under it, it is still read by its likeness. */
static void
test_cut_short(void **state)
{
    (void)state;
    SlxTable *t;
    SlxMatchResult *r = match("No.\t項目\t回答\n7\t重大障害時の代替手段\t有\n8\t代替措置で提供するデ\t\n", &t);
    assert_item(match_at(r, 0), "7", 0);
    assert_item(match_at(r, 1), NULL, 0);
    slx_match_result_free(r);
    slx_table_free(t);
    r = match("No.\t項目\t回答\n7\t重大障害時の代替手段\t有\n8\t代替措置で提供するデ\tCSV\n", &t);
    assert_item(match_at(r, 1), "8", 0);
    slx_match_result_free(r);
    slx_table_free(t);
}

/* The record of DOC's blocks, each row as sure as READ says (1: a text
 * layer's). */
static SlxRecord *
record_read(const double *read, gsize n, const SlxExtractor *x)
{
    TestBlockLine lines[] = {
        {"row", "No.", "サービスレベル項目", "回答"},
        {"row", "1", "サービス時間", "24時間365日"},
        {"row", "5", "サービス稼働率", "99.9%"},
        {"row", "11", "目標復旧時間(RTO)", "8時間以内"},
    };
    SlxDocument *d = test_document_of(lines, G_N_ELEMENTS(lines));
    for (gsize i = 0; i < n; i++)
        ((SlxBlock *)g_ptr_array_index(d->blocks, i + 1))->confidence = read[i];
    SlxRecord *r = slx_record_new("scan.pdf");
    slx_process_blocks(r, d, patterns, x);
    slx_document_free(d);
    assert_int_equal(r->items->len, 3);
    return r;
}

/* An item is as sure as its mapping times the reader's confidence in its
 * row's text (OCR's, for a scan): under 0.6 it is flagged for review, and
 * a row read as the document has it keeps its mapping's confidence. */
static void
test_read_confidence(void **state)
{
    (void)state;
    SlxExtractor *x = test_extractor(patterns);
    static const double sure[] = {1, 1, 1}, ocr[] = {1, 0.5, 0.9};
    SlxRecord *base = record_read(sure, G_N_ELEMENTS(sure), x);
    SlxRecord *scan = record_read(ocr, G_N_ELEMENTS(ocr), x);
    for (guint i = 0; i < 3; i++) {
        const SlxItemRecord *b = g_ptr_array_index(base->items, i);
        const SlxItemRecord *s = g_ptr_array_index(scan->items, i);
        assert_false(b->flags & SLX_FLAG_LOW_CONFIDENCE);
        assert_float_equal(s->confidence, round(b->confidence * ocr[i] * 100) / 100, 0.011);
        assert_int_equal((s->flags & SLX_FLAG_LOW_CONFIDENCE) != 0, s->confidence < SLX_MATCH_LOW);
    }
    assert_true(((const SlxItemRecord *)g_ptr_array_index(scan->items, 1))->flags &
                SLX_FLAG_LOW_CONFIDENCE);
    slx_record_free(base);
    slx_record_free(scan);
    slx_extractor_free(x);
}

int
main(void)
{
    patterns = test_patterns();
    meti = g_ptr_array_index(patterns->catalogs, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_evidence),
        cmocka_unit_test(test_foreign_numbering),
        cmocka_unit_test(test_sheets),
        cmocka_unit_test(test_numbering_by_chance),
        cmocka_unit_test(test_containment),
        cmocka_unit_test(test_cut_short),
        cmocka_unit_test(test_read_confidence),
        cmocka_unit_test(test_ocr_misread_names),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    slx_patterns_free(patterns);
    return failed;
}
