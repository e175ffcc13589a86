/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_read_html.c — web pages → grid, and pages that must not hurt:
 * charset declared vs real, rowspan/colspan, line breaks in cells, nested
 * and several tables, heading pages and definition lists, what is not
 * content, malformed markup, deep nesting, entity bombs, a 50 MB page. */
#include "decode.h"
#include "read_html.h"
#include "testutil.h"

static char *
flatten(const char *html, guint *errors, gboolean *truncated)
{
    guint e;
    gboolean t;
    SlxDocument *g = slx_read_html(html, strlen(html), errors ? errors : &e, truncated ? truncated : &t,
                                   NULL);
    char *s = document_text(g);
    slx_document_free(g);
    return s;
}

typedef struct {
    const char *name, *in, *out;
} Case;

static const Case cases[] = {
    {"rowspan and colspan",
     "<table><tr><th>No</th><th>種別</th><th>項目</th><th>回答</th></tr>"
     "<tr><td colspan=4>アプリケーション運用</td></tr>"
     "<tr><td>1</td><td rowspan=3>可用性</td><td>サービス時間</td><td>24時間365日</td></tr>"
     "<tr><td>2</td><td>計画停止予定通知</td><td>有</td></tr>"
     "<tr><td>3</td><td>サービス提供終了時の事前通知</td><td>有</td></tr>"
     "<tr><td>4</td><td>x</td><td>y</td><td>z</td></tr></table>",
     "No|種別|項目|回答\nアプリケーション運用|||\n1|可用性|サービス時間|24時間365日\n"
     "2|可用性|計画停止予定通知|有\n3|可用性|サービス提供終了時の事前通知|有\n4|x|y|z"},
    {"rowspan in the last column",
     "<table><tr><td>1</td><td rowspan=2>同じ回答</td></tr><tr><td>2</td></tr></table>",
     "1|同じ回答\n2|同じ回答"},
    {"line breaks in cells",
     "<table><tr><td>1</td><td>有<br>・日次<p>・7世代</p><ul><li>a</li><li>b</li></ul></td></tr></table>",
     "1|有\n・日次\n・7世代\n\na\nb"},
    {"nested and several tables",
     "<table><tr><td>layout<table><tr><td>1</td><td>inner</td></tr></table></td><td>side</td></tr></table>"
     "<p>between</p><table><tr><td>50</td><td>extra</td></tr></table>",
     "1|inner\nlayout|side\nbetween\n50|extra"},
    {"not content",
     "<head><title>SLA</title><style>td{x:1}</style><script>var a='<td>9</td>';</script></head>"
     "<body><nav><a>ホーム</a></nav><!-- <td>comment</td> --><p>本文</p>"
     "<form><textarea>24時間</textarea></form><footer>03-1234-5678</footer></body>",
     "#0 SLA\n本文"},
    {"heading page with definition lists",
     "<h1>チェックリスト</h1><p>対象サービス: X</p><h2>1. アプリケーション運用</h2>"
     "<h3>1.1. サービス時間</h3><dl><dt>規定内容</dt><dd>時間帯</dd><dt>回答</dt><dd>24時間365日</dd></dl>"
     "<h3>1.2. 計画停止予定通知</h3><dl><dt>規定内容</dt><dd>事前連絡</dd><dt>回答</dt><dd>有</dd></dl>",
     "#1 チェックリスト\n対象サービス: X\n#2 1. アプリケーション運用\n#3 1.1. サービス時間\n"
     "規定内容 => 時間帯\n回答 => 24時間365日\n#3 1.2. 計画停止予定通知\n規定内容 => 事前連絡\n"
     "回答 => 有"},
    {"heading page with paragraphs",
     "<h2>サービス時間</h2><p>24時間365日</p><p>計画停止を除く</p><h2>RPO</h2><p>前日分</p>",
     "#2 サービス時間\n24時間365日\n計画停止を除く\n#2 RPO\n前日分"},
    {"definition list without headings",
     "<dl><dt>サービス時間</dt><dd>24時間365日</dd><dt>RPO</dt><dd>前日分</dd><dt>alone</dt></dl>",
     "サービス時間 => 24時間365日\nRPO => 前日分\nalone"},
    {"cards, lists and a dd without its dt",
     "<div class=card><div class=label>サービス時間</div><div class=value>24時間365日</div></div>"
     "<ul><li>日次</li><li>7世代</li></ul><dd>orphan</dd>",
     "サービス時間\n24時間365日\n- 日次\n- 7世代\norphan"},
    {"entities and whitespace",
     "<table><tr><td> a &amp; b&nbsp;c </td><td>&#x3042;&#12354;</td></tr></table>",
     "a & b\u00a0c|ああ"},
    {"unclosed markup",
     "<table><tr><td>1<td>サービス時間<td>有<tr><td>2<td>計画停止<td>無",
     "1|サービス時間|有\n2|計画停止|無"},
};

static void
test_cases(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = flatten(cases[i].in, NULL, NULL);
        if (strcmp(got, cases[i].out) != 0)
            fail_msg("%s:\n--- got\n%s\n--- expected\n%s", cases[i].name, got, cases[i].out);
        g_free(got);
    }
}

static void
test_declared_charset(void **state)
{
    (void)state;
    static const struct { const char *head, *want; } cases2[] = {
        {"<meta charset=\"Shift_JIS\">", "shift_jis"},
        {"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=EUC-JP\">", "euc-jp"},
        {"<meta charset='utf-8'/>", "utf-8"},
        {"<p>no meta</p>", NULL},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases2); i++) {
        char *got = slx_html_declared_charset((const guint8 *)cases2[i].head, strlen(cases2[i].head));
        assert_true(g_strcmp0(got, cases2[i].want) == 0);
        g_free(got);
    }
}

/* The meta is trusted only when the bytes agree with it. */
static void
test_declared_vs_real(void **state)
{
    (void)state;
    static const char page[] =
        "<html><head><meta charset=\"Shift_JIS\"></head><body><table><tr><td>サービス時間</td>"
        "<td>２４時間３６５日、計画停止を除く。平日の問い合わせは９時から１７時まで受け付けます。</td>"
        "</tr></table></body></html>";
    /* Saved as UTF-8 with a stale Shift_JIS meta: UTF-8 wins. */
    SlxDecoded d;
    char *declared = slx_html_declared_charset((const guint8 *)page, sizeof page - 1);
    assert_true(slx_decode_full((const guint8 *)page, sizeof page - 1, declared, TRUE, &d, NULL));
    assert_string_equal(d.encoding, "UTF-8");
    slx_decoded_clear(&d);
    /* Really Shift_JIS, as declared. */
    gsize n;
    char *sjis = g_convert(page, -1, "CP932", "UTF-8", NULL, &n, NULL);
    assert_true(slx_decode_full((const guint8 *)sjis, n, declared, TRUE, &d, NULL));
    assert_string_equal(d.encoding, "Shift_JIS");
    assert_non_null(strstr(d.utf8, "サービス時間"));
    slx_decoded_clear(&d);
    /* Really EUC-JP, declared Shift_JIS: the meta is not believed. */
    char *euc = g_convert(page, -1, "EUC-JP", "UTF-8", NULL, &n, NULL);
    assert_true(slx_decode_full((const guint8 *)euc, n, declared, TRUE, &d, NULL));
    assert_string_equal(d.encoding, "EUC-JP");
    assert_non_null(strstr(d.utf8, "サービス時間"));
    slx_decoded_clear(&d);
    g_free(sjis);
    g_free(euc);
    g_free(declared);
}

static void
test_malformed_markup_is_counted(void **state)
{
    (void)state;
    guint errors = 0;
    gboolean truncated;
    char *got = flatten("<table><tr><td>1</td><td>a</b></i></td></tr></tabel><p>b<p", &errors, &truncated);
    assert_true(errors > 0);
    assert_non_null(strstr(got, "1|a"));
    g_free(got);
    /* Valid HTML5 elements are not errors. */
    got = flatten("<!DOCTYPE html><html><body><main><section><p>x</p></section></main></body></html>",
                  &errors, &truncated);
    assert_int_equal(errors, 0);
    g_free(got);
}

static void
test_deep_nesting(void **state)
{
    (void)state;
    GString *s = g_string_new("<table><tr><td>1</td><td>top</td></tr></table>");
    for (int i = 0; i < 10000; i++)
        g_string_append(s, "<div><span>");
    g_string_append(s, "deep");
    guint errors;
    gboolean truncated = FALSE;
    char *got = flatten(s->str, &errors, &truncated);
    assert_true(truncated);
    assert_true(g_str_has_prefix(got, "1|top"));
    assert_null(strstr(got, "deep"));
    g_free(got);
    g_string_free(s, TRUE);
}

static void
test_entity_bomb(void **state)
{
    (void)state;
    static const char bomb[] =
        "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
        "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
        "<html><body><table><tr><td>1</td><td>&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;</td></tr></table></body></html>";
    guint errors;
    gboolean truncated;
    char *got = flatten(bomb, &errors, &truncated);
    assert_true(strlen(got) < 10000);   /* not expanded to 10 MB */
    g_free(got);
}

static void
test_large_page(void **state)
{
    (void)state;
    GString *s = g_string_new("<html><body><table>");
    guint rows = 0;
    while (s->len < 50 * 1000 * 1000) {
        g_string_append_printf(s, "<tr><td>%u</td><td>サービス時間</td><td>24時間365日(計画停止を除く)"
                               "の提供です。メンテナンスは月に1回です。</td></tr>\n", rows % 49 + 1);
        rows++;
    }
    g_string_append(s, "</table></body></html>");
    guint errors;
    gboolean truncated;
    SlxDocument *g = slx_read_html(s->str, s->len, &errors, &truncated, NULL);
    assert_int_equal(g->blocks->len, rows);
    assert_int_equal(errors, 0);
    slx_document_free(g);
    g_string_free(s, TRUE);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_declared_charset),
        cmocka_unit_test(test_declared_vs_real),
        cmocka_unit_test(test_malformed_markup_is_counted),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_entity_bomb),
        cmocka_unit_test(test_large_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
