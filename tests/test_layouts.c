/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_layouts.c — the layouts segmentation reads from blocks, per block
 * kind and per layout, table-driven: heading sections (markdown, plain
 * numbered lines, HTML headings with definition lists), item-name lines,
 * label/value lines, Q&A pairs, cards, rules, heading marks, a sheet's
 * frame, a table transcribed one cell per line, a header of unknown
 * labels; and a layout pattern added from a file. */
#include "read_html.h"
#include "read_text.h"
#include "segment.h"
#include "testutil.h"

static SlxPatterns *patterns;

typedef struct {
    const char *name;
    gboolean html;
    const char *in;
    const char *rows;    /* "no|name|response" per row, "\n" between */
} Case;

static const Case cases[] = {
    /* tables */
    {"a table that starts at column B, with section rows at its edge", FALSE,
     "\t回答シート\n\t項番\tサービスレベル項目\t対応\t詳細\n\t■ データ管理\n"
     "\t1\tサービス時間\t○\t24時間365日\n\t■ セキュリティ\n\t3\tサービス提供終了時の事前通知\t○\t6か月前\n",
     "1|サービス時間|○ 24時間365日\n3|サービス提供終了時の事前通知|○ 6か月前"},
    /* headings */
    {"markdown heading sections", FALSE,
     "# 回答書\n## 1. アプリケーション運用\n### 1.1. サービス時間\n24時間365日\n\n計画停止を除く\n"
     "### 1.2. 計画停止予定通知\n- 7日前に通知\n",
     "1.1|サービス時間|24時間365日計画停止を除く\n1.2|計画停止予定通知|7日前に通知"},
    {"a heading with nothing under it is no item", FALSE,
     "### 1.1. サービス時間\n### 1.2. 計画停止予定通知\n有\n", "1.2|計画停止予定通知|有"},
    {"an unnumbered heading names an item", FALSE, "## サービス時間\n24時間\n## お問い合わせ\n03-0000\n",
     "|サービス時間|24時間"},
    {"plain numbered heading lines", FALSE, "1.1. サービス時間\n24時間\n1.5. サービス稼働率\n99.5%(月間)\n",
     "1.1|サービス時間|24時間\n1.5|サービス稼働率|99.5%(月間)"},
    {"an excerpt cut after a heading", FALSE, "1.1. サービス時間\n24時間\n1.8. 代替措置で提供するデ\n",
     "1.1|サービス時間|24時間"},
    {"a numbered list inside a response", FALSE, "1.1. サービス時間\n1. 平日\n2. 休日\n",
     "1.1|サービス時間|1.平日2.休日"},
    {"a rule ends a section", FALSE, "### サービス時間\n24時間\n---\nお問い合わせ先\n",
     "|サービス時間|24時間"},
    {"a page footer ends a section", FALSE, "### サービス時間\n24時間\n- 3 -\n株式会社\n",
     "|サービス時間|24時間"},
    {"numbering styles: 1-1, (2), ③", FALSE,
     "1-1 サービス時間\n24時間\n(2) 計画停止予定通知\n7日前\n③ サービス提供終了時の事前通知\n6か月前\n",
     "1-1|サービス時間|24時間\n2|計画停止予定通知|7日前\n3|サービス提供終了時の事前通知|6か月前"},
    {"heading marks", FALSE, "◆1 サービス時間\n　24時間\n■2 計画停止予定通知\n　有\n",
     "1|サービス時間|24時間\n2|計画停止予定通知|有"},
    /* item-name lines */
    {"item-name lines with bullets", FALSE, "サービス時間\n・24時間365日\n稼働率\n・99.9%\n・実績99.95%\n",
     "|サービス時間|24時間365日\n|稼働率|99.9%実績99.95%"},
    {"a line resembling a name is no item", FALSE, "サービスの時間について\n・24時間\n", ""},
    /* label/value lines */
    {"【N】name:value and indented continuations", FALSE,
     "【1】サービス時間：24時間365日\n【13】システム監視基準：\n　　死活監視\n\nその他ご不明な点は\n",
     "1|サービス時間|24時間365日\n13|システム監視基準|死活監視"},
    {"No.N name → value", FALSE, "No.5 稼働率 → 99.9%\nNo.30 バックアップデータの保存期間 → 90日\n",
     "5|稼働率|99.9%\n30|バックアップデータの保存期間|90日"},
    {"English labels; a service label is no item", FALSE,
     "Service name: Wren\nService hours: 24/7\nPrepared by: Trust team\nVirus scan: Yes\n",
     "|Service hours|24/7\n|Virus scan|Yes"},
    {"nothing after the closing line of a letter", FALSE,
     "【1】サービス時間：24時間\n\n以上、よろしくお願いいたします。\n\n【5】稼働率：99.99%以上\n",
     "1|サービス時間|24時間"},
    {"99.9%以上 closes nothing", FALSE, "稼働率\n・99.9%以上\n以上\n", "|稼働率|99.9%以上"},
    {"a form filled in item by item", FALSE,
     "項目：サービス時間\n回答：24時間365日\n備考：計画停止を除く\n\nNo.：5\n項目：稼働率\n回答：99.9%\n",
     "|サービス時間|24時間365日計画停止を除く\n5|稼働率|99.9%"},
    {"leaders between name and value", FALSE, "サービス時間 …… 24時間365日\n稼働率‥‥99.9%\n",
     "|サービス時間|24時間365日\n|稼働率|99.9%"},
    {"a numbered list of name:value lines", FALSE, "1. サービス時間：24時間\n5. 稼働率：99.9%\n",
     "1|サービス時間|24時間\n5|稼働率|99.9%"},
    {"English name - value lines", FALSE,
     "Service hours - 24/7 except maintenance\nService availability — 99.95% (target)\nMulti-tenant security: isolated\n",
     "|Service hours|24/7 except maintenance\n|Service availability|99.95% (target)\n|Multi-tenant security|isolated"},
    /* Q&A */
    {"Q&A pairs; a question naming no item is skipped", FALSE,
     "Q. サービス時間を教えてください。\nA. 24時間365日です。\nQ. 無料期間は?\nA. 30日間です。\n"
     "Q: 稼働率は?\nA: 99.9%\n",
     "|サービス時間|24時間365日です。\n|稼働率|99.9%"},
    /* tables */
    {"a table without a header: names and figures", FALSE, "サービス時間\t24時間365日\n稼働率\t99.9%\nRPO\t24時間\n",
     "|サービス時間|24時間365日\n|稼働率|99.9%\n|RPO|24時間"},
    {"a sheet viewer's frame", FALSE,
     "   | A | B | C\n1  | No. | 項目 | 回答\n2  | 1 | サービス時間 | 有\n3  | 5 | 稼働率 | 99.9% | \n",
     "1|サービス時間|有\n5|稼働率|99.9%"},
    {"a table transcribed one cell per line", FALSE,
     "No.\nサービスレベル項目\n規定内容\n測定単位\n回答\n1\nサービス時間\nサービスを提供する時\n間帯\n時間帯\n24時間365日\n"
     "32\nバックアップ世代数\n保証する世代数\n世代数\n5\n- 1 -\n",
     "1|サービス時間|24時間365日\n32|バックアップ世代数|5"},
    {"a transcript with the checklist's 設定例 beside the answer", FALSE,
     "No.\nサービスレベル項目\n規定内容\n測定単位\n設定例\n回答\n2\n計画停止予定通知\n定期的な保守停止に関\n"
     "する事前連絡確認\n有無\n30日前にメール/ホーム\nページで通知\n有:\n実施7日前までに通知\n",
     "2|計画停止予定通知|有:実施7日前までに通知"},
    {"a transcript of three columns, a note before the first row, ended by a heading", FALSE,
     "No.\n項目\n回答\n(抜粋)\n1\nサービス時間\n24時間\n5\n稼働率\n99.9%\n# 付録\n以下余白\n",
     "1|サービス時間|24時間\n5|稼働率|99.9%"},
    {"a transcribed row with no answer yet and nothing it names", FALSE,
     "No.\n項目\n回答\n1\n2\nサービス時間\n有\n",
     "2|サービス時間|有"},
    {"a header of unknown labels", FALSE,
     "開示項目\t開示内容\n1\t事業者名\tA社\n2\tサービス稼働率\t99.9%\n3\tバックアップ世代数\t7世代\n",
     "1|事業者名|A社\n2|サービス稼働率|99.9%\n3|バックアップ世代数|7世代"},
    {"English cells copied together", FALSE,
     "No.CategoryService level itemDescriptionUnitResponse\n"
     "1availabilityService hoursHours of service (including maintenance)Time rangeAvailable 24/7.\n"
     "42securityCommunication encryption levelStrength of encryptionYes/NoTLS 1.2 or higher.\n",
     "1|Service hours|Available 24/7.\n42|Communication encryption level|TLS 1.2 or higher."},
    {"one capital inside a word is no glue", FALSE, "Service hours: provided via GitHub and SaaS tools\n",
     "|Service hours|provided via GitHub and SaaS tools"},
    /* HTML */
    {"HTML headings with definition lists", TRUE,
     "<h3>1.1. サービス時間</h3><dl><dt>規定内容</dt><dd>時間帯</dd><dt>回答</dt><dd>24時間</dd>"
     "<dt>備考</dt><dd>保守を除く</dd></dl>",
     "1.1|サービス時間|24時間保守を除く"},
    {"HTML headings with a two-column table under each", TRUE,
     "<h3>1. サービス時間</h3><table><tr><th>回答</th><td>24時間365日</td></tr>"
     "<tr><th>備考</th><td>計画停止を除く</td></tr></table>"
     "<h3>5. サービス稼働率</h3><table><tr><td>回答</td><td>99.9%</td></tr></table>",
     "1|サービス時間|24時間365日計画停止を除く\n5|サービス稼働率|99.9%"},
    {"HTML question headings; one naming no item is skipped", TRUE,
     "<h2>SLA FAQ</h2><h4>What are your service hours?</h4><p>We operate 24/7.</p>"
     "<h4>Do you offer a free trial?</h4><p>Yes, 14 days.</p><h4>Backup generations?</h4><p>Seven.</p>",
     "|servicehours|We operate 24/7.\n|Backup generations?|Seven."},
    {"HTML cards", TRUE,
     "<div class=card><div class=label>サービス時間</div><div class=value>24時間365日</div></div>"
     "<div class=card><div class=label>稼働率</div><div class=value>99.9%</div></div>",
     "|サービス時間|24時間365日\n|稼働率|99.9%"},
    {"HTML dl without headings; an unknown label is preamble", TRUE,
     "<dl><dt>提供会社</dt><dd>A社</dd><dt>サービス提供時間</dt><dd>24時間</dd></dl>",
     "|サービス提供時間|24時間"},
};

static SlxTable *
segment_case(const Case *c)
{
    SlxDocument *d;
    if (c->html) {
        guint errors;
        gboolean truncated;
        d = slx_read_html(c->in, strlen(c->in), &errors, &truncated, NULL);
    } else {
        d = slx_read_text(c->in, strlen(c->in));
    }
    SlxTable *t = slx_segment(d, patterns);
    slx_document_free(d);
    return t;
}

static char *
rows_text(const SlxTable *t)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < t->rows->len; i++) {
        const SlxRow *r = g_ptr_array_index(t->rows, i);
        char *resp = slx_row_response_text(r);
        g_string_append_printf(s, "%s%s|%s|%s", i ? "\n" : "", r->no ? r->no : "",
                               r->name ? r->name : "", resp);
        g_free(resp);
    }
    return g_string_free(s, FALSE);
}

static void
test_cases(void **state)
{
    (void)state;
    guint failed = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        SlxTable *t = segment_case(&cases[i]);
        char *got = rows_text(t);
        if (strcmp(got, cases[i].rows) != 0) {
            fprintf(stderr, "%s:\n--- got\n%s\n--- expected\n%s\n", cases[i].name, got, cases[i].rows);
            failed++;
        }
        g_free(got);
        slx_table_free(t);
    }
    assert_int_equal(failed, 0);
}

/* A label/value under an item's heading says which field it is. */
static void
test_labels_under_heading(void **state)
{
    (void)state;
    const Case c = {"", TRUE,
                    "<h3>1.1. サービス時間</h3><dl><dt>規定内容</dt><dd>時間帯の定義</dd>"
                    "<dt>測定単位</dt><dd>時間帯</dd><dt>対応/可否</dt><dd>24時間</dd></dl>", NULL};
    SlxTable *t = segment_case(&c);
    assert_int_equal(t->rows->len, 1);
    const SlxRow *r = g_ptr_array_index(t->rows, 0);
    assert_string_equal(r->template_text, "時間帯の定義");
    assert_string_equal(r->unit, "時間帯");
    assert_int_equal(r->responses->len, 1);
    assert_int_equal(t->text_rows, 1);
    slx_table_free(t);
}

/* A page's <title> is the title only when the body has none. */
static void
test_document_title(void **state)
{
    (void)state;
    const Case with_h1 = {"", TRUE,
                          "<title>SLA | X社</title><h1>Xサービスレベルチェックリスト</h1><h3>サービス時間</h3><p>24時間</p>",
                          NULL};
    SlxTable *t = segment_case(&with_h1);
    assert_string_equal(t->title, "Xサービスレベルチェックリスト");
    slx_table_free(t);
    const Case title_only = {"", TRUE, "<title>SLAチェックリスト</title><h3>サービス時間</h3><p>24時間</p>", NULL};
    t = segment_case(&title_only);
    assert_string_equal(t->title, "SLAチェックリスト");
    slx_table_free(t);
}

/* A line that names the product or the system names the service; a line
 * that only says what system is used does not.  A name ends at the next
 * label on its line, and before the space that parts it from the title's
 * words; a title with no space is read as before. */
static void
test_service_lines(void **state)
{
    (void)state;
    static const struct {
        const char *in, *service;
    } lines[] = {
        {"Product name: Quill Desk\nNo.\tItem\tAnswer\n1\tService hours\t24/7\n", "Quill Desk"},
        {"システム名: ツユクサ予約\nNo.\t項目\t回答\n1\tサービス時間\t24時間365日\n", "ツユクサ予約"},
        {"System: AWS\nNo.\tItem\tAnswer\n1\tService hours\t24/7\n", NULL},
        {"サービス名称:カワセミ請求\u3000\u3000提供事業者:株式会社カワセミ\u3000\u3000回答日:2026年10月5日\n"
         "No.\t項目\t回答\n1\tサービス時間\t24時間365日\n", "カワセミ請求"},
        {"Service name: Quill Desk    Vendor: Quill Inc.\nNo.\tItem\tAnswer\n1\tService hours\t24/7\n",
         "Quill Desk"},
        {"ヤマブキ文書管理サービス クラウドサービスレベルチェックリスト\n"
         "No.\t項目\t回答\n1\tサービス時間\t24時間365日\n", "ヤマブキ文書管理サービス"},
        {"ミズナラ勤怠クラウド サービスレベルチェックリスト\n"
         "No.\t項目\t回答\n1\tサービス時間\t24時間365日\n", "ミズナラ勤怠クラウド"},
        {"ルリビタキ在庫管理 SLAチェックリスト回答\nNo.\t項目\t回答\n1\tサービス時間\t24時間365日\n",
         "ルリビタキ在庫管理"},
        {"BtoBプラットフォームサービスレベルチェッ クシート\n"
         "No.\t項目\t回答\n1\tサービス時間\t24時間365日\n", "BtoBプラットフォーム"},
        {"Larchmont Ledger - Cloud Service Level Checklist\nNo.\tItem\tAnswer\n1\tService hours\t24/7\n",
         "Larchmont Ledger"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(lines); i++) {
        const Case c = {"", FALSE, lines[i].in, NULL};
        SlxTable *t = segment_case(&c);
        if (g_strcmp0(t->service, lines[i].service) != 0)
            fail_msg("%s: service %s, expected %s", lines[i].in, t->service ? t->service : "none",
                     lines[i].service ? lines[i].service : "none");
        slx_table_free(t);
    }
}

/* A workbook's sheets: a cover row that states the service is no item, a
 * sheet named as a sample is not read, each sheet starts afresh (its own
 * header), and every row knows its sheet. */
static void
test_workbook_sheets(void **state)
{
    (void)state;
    static TestBlockLine blocks[] = {
        {"sheet", "表紙"}, {"row", "サービス名", "ミズナラ勤怠"},
        {"sheet", "記入例"}, {"row", "No.", "サービスレベル項目", "回答"}, {"row", "1", "サービス時間", "例)平日"},
        {"sheet", "回答"}, {"row", "回答", "No.", "サービスレベル項目"}, {"row", "24時間365日", "1", "サービス時間"},
        {"sheet", "補足"}, {"row", "5", "サービス稼働率", "99.9%"},
        /* A table at column B: the next sheet's column A is not its margin's. */
        {"sheet", "B列"}, {"row", "", "No.", "サービスレベル項目", "回答"}, {"row", "", "11", "目標復旧時間", "4時間"},
        {"sheet", "版"}, {"row", "版", "日付"}, {"row", "1.0", "2025/4/1"},
    };
    SlxDocument *d = test_document_of(blocks, G_N_ELEMENTS(blocks));
    SlxTable *t = slx_segment(d, patterns);
    slx_document_free(d);
    char *got = rows_text(t);
    /* The 回答 sheet's header (answer first) is not the 補足 sheet's. */
    assert_string_equal(got, "1|サービス時間|24時間365日\n5|サービス稼働率|99.9%\n11|目標復旧時間|4時間\n"
                             "1.0||2025/4/1");   /* another form: matching drops it */
    g_free(got);
    assert_string_equal(t->service, "ミズナラ勤怠");
    assert_int_equal(((const SlxRow *)g_ptr_array_index(t->rows, 0))->sheet, 3);
    assert_int_equal(((const SlxRow *)g_ptr_array_index(t->rows, 1))->sheet, 4);
    slx_table_free(t);
}

/* A print cuts a tall row at the page break, repeating the header atop
 * the page or not: the first row of the page with its number cell empty
 * is the rest of the row above (once a page); a numbered one, or one
 * under a header that is not the one in force, is a row of its own. */
static void
test_repeated_header(void **state)
{
    (void)state;
    static TestBlockLine blocks[] = {
        {"page", "1"}, {"row", "No", "項目名", "回答"}, {"row", "11", "目標復旧時間", "4時"},
        {"page", "2"}, {"row", "No", "項目名", "回答"}, {"row", "", "(RTO)", "間以内"},
        {"row", "15", "障害通知時間", "1時間以内"},
        {"page", "3"}, {"row", "No", "項目名", "回答"}, {"row", "16", "障害監視間隔", "5分"},
        {"page", "4"}, {"row", "項目名", "回答", "No"}, {"row", "", "1分", ""},
        {"row", "障害監視間隔", "1分", "16"},
        {"page", "5"}, {"row", "", "毎", ""}, {"row", "(補足)", "", ""},
    };
    SlxDocument *d = test_document_of(blocks, G_N_ELEMENTS(blocks));
    SlxTable *t = slx_segment(d, patterns);
    slx_document_free(d);
    char *got = rows_text(t);
    assert_string_equal(got, "11|目標復旧時間 (RTO)|4時間以内\n15|障害通知時間|1時間以内\n"
                             "16|障害監視間隔|5分\n16|障害監視間隔|1分毎");   /* (補足) alone: a section label */
    g_free(got);
    slx_table_free(t);
}

/* Columns of the vendor's bookkeeping after the answer (回答日, 担当) are
 * no part of it. */
static void
test_bookkeeping_columns(void **state)
{
    (void)state;
    static TestBlockLine blocks[] = {
        {"row", "No", "項目名", "回答", "回答日"}, {"row", "1", "サービス時間", "24時間365日", "2026/09/28"},
        {"row", "No", "項目名", "回答", "担当"}, {"row", "5", "サービス稼働率", "99.9%", "佐藤"},
    };
    SlxDocument *d = test_document_of(blocks, G_N_ELEMENTS(blocks));
    SlxTable *t = slx_segment(d, patterns);
    slx_document_free(d);
    char *got = rows_text(t);
    assert_string_equal(got, "1|サービス時間|24時間365日\n5|サービス稼働率|99.9%");
    g_free(got);
    slx_table_free(t);
}

/* An analyst adds a way of writing "name = value" without recompiling. */
static void
test_layout_from_a_file(void **state)
{
    (void)state;
    const Case c = {"", FALSE, "サービス時間=24時間\n", NULL};
    SlxTable *t = segment_case(&c);
    assert_int_equal(t->rows->len, 0);
    slx_table_free(t);

    SlxPatterns *more = test_patterns();
    const char extra[] = "[layout]\nlabel_value = ^(?<name>[^=]{1,40})=(?<value>.+)$\n";
    GError *e = NULL;
    assert_true(slx_patterns_load_data(more, "extra.ini", extra, strlen(extra), &e));
    SlxPatterns *saved = patterns;
    patterns = more;
    t = segment_case(&c);
    patterns = saved;
    char *got = rows_text(t);
    assert_string_equal(got, "|サービス時間|24時間");
    g_free(got);
    slx_table_free(t);
    slx_patterns_free(more);
}

static int
setup(void **state)
{
    (void)state;
    patterns = test_patterns();
    return 0;
}

static int
teardown(void **state)
{
    (void)state;
    slx_patterns_free(patterns);
    return 0;
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_labels_under_heading),
        cmocka_unit_test(test_document_title),
        cmocka_unit_test(test_workbook_sheets),
        cmocka_unit_test(test_service_lines),
        cmocka_unit_test(test_repeated_header),
        cmocka_unit_test(test_bookkeeping_columns),
        cmocka_unit_test(test_layout_from_a_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
