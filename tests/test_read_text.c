/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_read_text.c — text exports → blocks: TSV with quoted cells, CRLF,
 * pipe tables with and without outer bars, markdown headings, bullets,
 * indented and plain lines, and the markup cleaned from cells. */
#include "read_text.h"
#include "testutil.h"

static char *
flatten(const char *text)
{
    SlxDocument *g = slx_read_text(text, strlen(text));
    char *s = document_text(g);
    slx_document_free(g);
    return s;
}

typedef struct {
    const char *name, *in, *out;
} Case;

static const Case cases[] = {
    {"tsv", "No\t項目\tA\n1\tサービス時間\t有\n2\t計画停止\t無\n3\tx\ty\n",
     "No|項目|A\n1|サービス時間|有\n2|計画停止|無\n3|x|y"},
    {"tsv crlf", "a\tb\r\nc\td\r\ne\tf\r\n", "a|b\nc|d\ne|f"},
    {"tsv quoted line breaks", "No\tA\n1\t\"有\n・日次\n・7世代\"\n2\t\"say \"\"hi\"\"\"\n3\t\"tab\there\"\n",
     "No|A\n1|有\n・日次\n・7世代\n2|say \"hi\"\n3|tab\there"},
    {"tsv quoted crlf", "a\tb\r\n1\t\"x\r\ny\"\r\n2\tz\r\n", "a|b\n1|x\ny\n2|z"},
    {"tsv unclosed quote is text", "a\tb\n1\t\"最新の報告書\n2\tc\n3\td\n", "a|b\n1|\"最新の報告書\n2|c\n3|d"},
    {"tsv empty cells kept", "1\t\t\tx\n\t\t\t\ty\n2\t\t\tz\n", "1|||x\n||||y\n2|||z"},
    {"pipe table", "| No | 項目 |\n|---|:--:|\n| 1 | サービス時間 |\n| 2 | a \\| b |\n| 3 | c |\n",
     "No|項目\n1|サービス時間\n2|a | b\n3|c"},
    {"plain lines", "タイトル\n\n本文です。\n", "タイトル\n本文です。"},
    {"markdown headings", "# 回答書\n### 1.1. サービス時間\n####### seven\n#tag\n",
     "#1 回答書\n#3 1.1. サービス時間\n####### seven\n#tag"},
    {"bullets", "- 日次\n* 週次\n・7世代\n• TLS1.2\n-5℃\n", "- 日次\n- 週次\n- 7世代\n- TLS1.2\n-5℃"},
    {"indented lines", "【13】監視:\n　　死活監視\n  5分間隔\n",
     "【13】監視:\n> 死活監視\n> 5分間隔"},
    {"pipes without outer bars", "   | A | B | C\n1  | 題名\n2  | No. | 項目 | 回答\n3  | 1 | サービス時間 | 有\n"
     "4  | 5 | 稼働率 | 99.95% | \n",
     "|A|B|C\n1|題名\n2|No.|項目|回答\n3|1|サービス時間|有\n4|5|稼働率|99.95%|"},
    {"a lone bar in a pipe document is a row", "| a | b |\n| c | d |\nx | y\nplain\n", "a|b\nc|d\nx|y\nplain"},
    {"html remnants", "1\t<b>アプリケーション運用</b>\tx\n2\t有 <ul style=\"list-style-type: none\"> <li>日次</li></ul>\ty\n3\ta&amp;b&nbsp;c &#x3042;&#12354;\tz\n",
     "1|アプリケーション運用|x\n2|有    日次|y\n3|a&b c ああ|z"},
    {"not a tag", "1\t5分<10分 と a<b>\tx\n2\ty\tz\n3\tp\tq\n", "1|5分<10分 と a|x\n2|y|z\n3|p|q"},
    {"markdown escapes and emphasis", "## チェックリスト版\\_MSSV3\n1\t**有**\tx\n2\ta\\*b\ty\n3\tc\tz\n",
     "チェックリスト版_MSSV3\n1|有|x\n2|a*b|y\n3|c|z"},
};

static void
test_cases(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = flatten(cases[i].in);
        if (strcmp(got, cases[i].out) != 0)
            fail_msg("%s:\n--- got\n%s\n--- expected\n%s", cases[i].name, got, cases[i].out);
        g_free(got);
    }
}

/* 「- 3 -」 is a page number printed as such, not a list item 「3 -」. */
static void
test_page_number_is_no_bullet(void **state)
{
    (void)state;
    const char *text = "- 3 -\n- 3 - 4\n";
    SlxDocument *d = slx_read_text(text, strlen(text));
    assert_int_equal(d->blocks->len, 2);
    assert_int_equal(((SlxBlock *)g_ptr_array_index(d->blocks, 0))->kind, SLX_BLOCK_PARAGRAPH);
    assert_int_equal(((SlxBlock *)g_ptr_array_index(d->blocks, 1))->kind, SLX_BLOCK_LIST_ITEM);
    slx_document_free(d);
}

static void
test_line_numbers(void **state)
{
    (void)state;
    const char *text = "a\tb\n1\t\"x\ny\"\n2\tz\n3\tw\n";
    SlxDocument *g = slx_read_text(text, strlen(text));
    assert_int_equal(g->blocks->len, 4);
    const guint want[] = {1, 2, 4, 5};   /* the quoted cell spans lines 2–3 */
    for (guint r = 0; r < 4; r++)
        assert_int_equal(((SlxBlock *)g_ptr_array_index(g->blocks, r))->line, want[r]);
    slx_document_free(g);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_page_number_is_no_bullet),
        cmocka_unit_test(test_line_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
