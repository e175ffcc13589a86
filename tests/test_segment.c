/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_segment.c — grid → checklist rows: headers (also repeated), section
 * rows, shifted rows, glued numbers, continuation lines, title and service. */
#include "read_text.h"
#include "segment.h"
#include "normalize.h"
#include "testutil.h"

static SlxPatterns *patterns;

static SlxTable *
segment(const char *text)
{
    SlxDocument *g = slx_read_text(text, strlen(text));
    SlxTable *t = slx_segment(g, patterns);
    slx_document_free(g);
    return t;
}

static const SlxRow *
row_at(const SlxTable *t, guint i)
{
    assert_true(i < t->rows->len);
    return g_ptr_array_index(t->rows, i);
}

static void
assert_field(const char *got, const char *want)
{
    if (want == NULL)
        assert_null(got);
    else
        assert_string_equal(got, want);
}

static const char header[] = "No\t種別\tサービスレベル項目\t規定内容\t測定単位\t対応/可否\t備考\n";

/* Seed 001 after item 34: no 種別 and no 備考 cell. */
static void
test_shifted_left(void **state)
{
    (void)state;
    char *text = g_strconcat(header,
        "34\t\tマルチテナントストレージにおけるキー管理要件\tマルチテナントストレージのキー管理要件の有無、内容\t有無/内容\t【無】 使用していません。\t\n",
        "35\tデータ漏洩・破壊時の補償／保険\tデータ漏洩・破壊時の補償／保険の有無\t有無\t【有】 賠償いたします。\n", NULL);
    SlxTable *t = segment(text);
    assert_int_equal(t->rows->len, 2);
    const SlxRow *r = row_at(t, 1);
    assert_field(r->no, "35");
    assert_null(r->category);
    assert_field(r->name, "データ漏洩・破壊時の補償/保険");
    assert_field(r->unit, "有無");
    assert_int_equal(r->responses->len, 1);
    assert_string_equal(((SlxResponse *)g_ptr_array_index(r->responses, 0))->text, "【有】 賠償いたします。");
    slx_table_free(t);
    g_free(text);
}

/* Seed 004 items 26–38: the name in the 種別 slot, an empty cell after it;
 * and a 規定内容 rewritten as a question stays out of the answer. */
static void
test_name_in_category_slot(void **state)
{
    (void)state;
    SlxTable *t = segment(
        "No.\t種別\tサービスレベル項目例\t規程内容\t対応/可否\t内容\n"
        "26\tサービス提供時間帯（障害対応）\t\t障害対応時の問合せ受付業務を実施する時間\t○\t24時間365日受付\n"
        "59\t\tアカウントロック\t一定回数ログインに失敗した場合に、ロックアウトが可能か。\t\t対応しておりません。\n");
    const SlxRow *r = row_at(t, 0);
    assert_field(r->no, "26");
    assert_field(r->name, "サービス提供時間帯(障害対応)");
    assert_field(r->template_text, "障害対応時の問合せ受付業務を実施する時間");
    assert_int_equal(r->responses->len, 2);
    r = row_at(t, 1);
    assert_field(r->template_text, "一定回数ログインに失敗した場合に、ロックアウトが可能か。");
    assert_int_equal(r->responses->len, 1);
    slx_table_free(t);
}

/* Lines that start in the answer columns continue the row above. */
static void
test_continuation(void **state)
{
    (void)state;
    SlxTable *t = segment(
        "No.\t種別\tサービスレベル項目例\t規程内容\t対応/可否\t内容\n"
        "3\t\tサービス提供終了時の事前通知\t事前連絡確認\t○\t約款に記載しています。\n"
        "\t\t\t\t\t3ヶ月以上前までに通知致します。\n"
        "4\t\t突然のサービス提供停止に対する対処\t預託\t○\tx\n");
    assert_int_equal(t->rows->len, 2);
    char *text = slx_row_response_text(row_at(t, 0));
    assert_string_equal(text, "○約款に記載しています。3か月以上前までに通知致します。");
    g_free(text);
    slx_table_free(t);
}

static void
test_sections_headers_titles(void **state)
{
    (void)state;
    SlxTable *t = segment(
        "\n【経済産業省】クラウドサービスレベルのチェックリスト\n\n対象サービス: Active! gate SS\n\n"
        "No\t種別\tサービスレベル項目\t規定内容\t回答\n"
        "アプリケーション運用\t\t\t\t\n"
        "1\t可用性\tサービス時間\t時間帯\t24時間365日\n"
        "# 【経済産業省】クラウドサービスレベルのチェックリスト\n"
        "No\t種別\tサービスレベル項目\t規定内容\t回答\n"
        "3.データ管理\t\t\t\t\n"
        "2\t\tバックアップデータを取得するタイミング(RPO)\tx\t前日分\n"
        "その他\t\t\t\t\n"
        "50\t\tパスワード\tx\t有\n");
    assert_field(t->title, "【経済産業省】クラウドサービスレベルのチェックリスト");
    assert_field(t->service, "Active! gate SS");
    assert_int_equal(t->header_rows, 2);
    assert_int_equal(t->rows->len, 3);
    assert_field(row_at(t, 0)->section, "アプリケーション運用");
    assert_int_equal(row_at(t, 0)->section_number, 1);
    assert_field(row_at(t, 1)->section, "3.データ管理");
    assert_int_equal(row_at(t, 1)->section_number, 3);
    assert_field(row_at(t, 2)->section, "その他");
    assert_int_equal(row_at(t, 2)->section_number, 0);
    slx_table_free(t);
}

/* A short line above the title names the service unless it is a company,
 * a date or a "label: value" line; a service line beats it. */
static void
test_service_heading(void **state)
{
    (void)state;
    static const struct { const char *preamble, *service; } cases[] = {
        {"Larkspur HR Suite\nCloud service level checklist (METI)\n", "Larkspur HR Suite"},
        {"株式会社ミドリ舎\nクラウドサービスレベルのチェックリスト\n", NULL},
        {"Northwind Ltd.\nCloud service level checklist\n", NULL},
        {"回答日 2026年4月1日\nクラウドサービスレベルのチェックリスト\n", NULL},
        {"ハコブネ経費\nクラウドサービスレベルのチェックリスト\nサービス名:ハコブネ経費Pro\n",
         "ハコブネ経費Pro"},
        {"クラウドサービスレベルのチェックリスト\n", NULL},
        /* from the title, unless a service line follows */
        {"ツバメ会議室予約　クラウドサービスレベルのチェックリスト 回答書\n", "ツバメ会議室予約"},
        {"【経済産業省】クラウドサービスレベルのチェックリスト\n対象サービス: Active! gate SS\n",
         "Active! gate SS"},
        {"サービスレベル回答書(クラウドサービスレベルのチェックリスト準拠)\n", NULL},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *doc = g_strconcat(cases[i].preamble, "\nNo\tサービスレベル項目\t回答\n"
                                "1\tサービス時間\t24時間365日\n", NULL);
        SlxTable *t = segment(doc);
        if (g_strcmp0(t->service, cases[i].service) != 0)
            fail_msg("case %zu: service %s, expected %s", i, t->service ? t->service : "null",
                     cases[i].service ? cases[i].service : "null");
        slx_table_free(t);
        g_free(doc);
    }
}

/* 「1.3サービス提供終了時の事前通知」, 「1可用性サービス時間」; 「2.サポート」 is a section. */
static void
test_glued_numbers(void **state)
{
    (void)state;
    SlxTable *t = segment(
        "項番\tサービスレベル項目\t規定内容\t回答\n"
        "1.3サービス提供終了時の事前通知\t事前連絡確認\tあり\n"
        "2.サポート\t\t\t\n"
        "1可用性サービス時間\t時間帯\t24時間365日\n"
        "1.1\tサービス時間\tx\t24時間\n");
    assert_int_equal(t->rows->len, 3);
    assert_field(row_at(t, 0)->no, "1.3");
    assert_field(row_at(t, 0)->name, "サービス提供終了時の事前通知");
    assert_field(row_at(t, 1)->no, "1");
    assert_field(row_at(t, 1)->category, "可用性");
    assert_field(row_at(t, 1)->name, "サービス時間");
    assert_int_equal(row_at(t, 1)->section_number, 2);
    assert_field(row_at(t, 2)->no, "1.1");
    slx_table_free(t);
}

/* A template column under a label of the vendor's own is told from the
 * answer column by its likeness to the catalog's 規定内容. */
static void
test_unknown_template_column(void **state)
{
    (void)state;
    SlxTable *t = segment(
        "No.\t項目\t確認事項の詳細\tご回答欄\n"
        "1\tサービス時間\tサービスを提供する時間帯(設備やネットワーク等の点検/保守のための計画停止時間の記述を含む)\t24時間365日\n"
        "2\t計画停止予定通知\t定期的な保守停止に関する事前連絡確認(事前通知のタイミング/方法の記述を含む)\t有\n"
        "3\tサービス提供終了時の事前通知\tサービス提供を終了する場合の事前連絡確認\t有 3か月前\n");
    assert_int_equal(t->rows->len, 3);
    for (guint i = 0; i < 3; i++) {
        const SlxRow *r = row_at(t, i);
        assert_non_null(r->template_text);
        assert_int_equal(r->responses->len, 1);
    }
    char *text = slx_row_response_text(row_at(t, 2));
    assert_string_equal(text, "有3か月前");
    g_free(text);
    slx_table_free(t);
}

/* No header at all: the default METI layout, by content. */
static void
test_no_header(void **state)
{
    (void)state;
    SlxTable *t = segment("1\t可用性\tサービス時間\t時間帯\t24時間365日\n"
                          "2\t\t計画停止予定通知\t有無\t有 1か月前\n");
    assert_int_equal(t->header_rows, 0);
    assert_int_equal(t->rows->len, 2);
    assert_field(row_at(t, 1)->name, "計画停止予定通知");
    assert_field(row_at(t, 1)->unit, "有無");
    slx_table_free(t);
}

static void
test_header_roles(void **state)
{
    (void)state;
    const SlxVocabulary *v = &patterns->vocab;
    static const struct { const char *label; SlxColumnRole role; } cases[] = {
        {"No.", SLX_COL_NO}, {"種別", SLX_COL_CATEGORY}, {"サービスレベル項目例", SLX_COL_NAME},
        {"規程内容", SLX_COL_TEMPLATE}, {"測定単位", SLX_COL_UNIT}, {"設定例", SLX_COL_EXAMPLE},
        {"対応/可否", SLX_COL_ANSWER}, {"音読さんの回答", SLX_COL_ANSWER}, {"備考", SLX_COL_REMARKS},
        {"Ｎｏ．", SLX_COL_NO}, {"天気", SLX_COL_NONE},
        /* English headers: "Item" is the name, "Item No" the number */
        {"#", SLX_COL_NO}, {"Item", SLX_COL_NAME}, {"Item No.", SLX_COL_NO},
        {"Our answer", SLX_COL_ANSWER}, {"Vendor response", SLX_COL_ANSWER},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *n = slx_normalize(cases[i].label, -1, SLX_NORM_DEFAULT);
        if (slx_header_role(v, n) != cases[i].role)
            fail_msg("%s: role %d, expected %d", cases[i].label, slx_header_role(v, n), cases[i].role);
        g_free(n);
    }
}

int
main(void)
{
    patterns = test_patterns();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shifted_left),
        cmocka_unit_test(test_name_in_category_slot),
        cmocka_unit_test(test_continuation),
        cmocka_unit_test(test_sections_headers_titles),
        cmocka_unit_test(test_glued_numbers),
        cmocka_unit_test(test_service_heading),
        cmocka_unit_test(test_unknown_template_column),
        cmocka_unit_test(test_no_header),
        cmocka_unit_test(test_header_roles),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    slx_patterns_free(patterns);
    return failed;
}
