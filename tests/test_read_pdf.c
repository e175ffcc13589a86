/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_read_pdf.c — PDF pages → grid: bordered and borderless tables, the
 * page of each row, and every way a PDF can fail to be read.
 *
 * The fixtures in tests/data: small.pdf (a bordered table printed by
 * Chromium), encrypted.pdf (small.pdf encrypted by qpdf, password
 * "secret"), no-text.pdf (a page with drawing only), mixed.pdf (small.pdf
 * and no-text.pdf joined by qpdf) and borderless.pdf (borderless.html
 * printed by Chromium: no borders, a section row across the columns, a
 * merged 種別, a tall cell beside short ones), rotated.pdf (small.pdf
 * drawn sideways and shown upright by /Rotate 90: qpdf --rotate=-90, then
 * --flatten-rotation, then --rotate=+90) and dark-header.pdf
 * (dark-header.html printed by Chromium: white labels on a navy header
 * row, and a line of white text on white).  light-grid.pdf,
 * tight.pdf and headings.pdf are their .html printed by Chromium
 * (chromium --headless --no-pdf-header-footer --print-to-pdf=F.pdf F.html):
 * a table in #CCCCCC borders under a title underlined in the same gray,
 * with a light highlight in a cell; a borderless table at line-height 1
 * with a meta line of fields above and a footnote below; headings by size.
 * headings-writer.pdf is headings.html printed by LibreOffice Writer
 * (soffice --infilter="HTML (StarWriter)" --convert-to pdf), whose fonts
 * have names that say their weight.  Cells are compared
 * normalized, since where a cell wraps is the printer's business.  Every
 * case is read twice, with the ruling lines from the content streams and
 * from a rendering (the fallback), and must come out the same.
 * scan-small.pdf and scan-tight.pdf are small.pdf and tight.pdf scanned
 * (scripts/make-corpus-scans: 200 and 300 dpi, gray, turned 0.4° and
 * -0.3°, noise, JPEG), read by OCR. */
#include "testutil.h"
#include "error.h"
#include "normalize.h"
#include "read_pdf.h"

typedef struct {
    const char *file;
    const char *password;
    const char *grid;          /* normalized cells, "|" between, "\n" between rows; NULL: error */
    int error;                 /* SlxErrorCode when grid is NULL */
    guint pages, pages_without_text;
    gboolean content_only;     /* the rendering fallback reads it otherwise */
} PdfCase;

static const PdfCase cases[] = {
    {"small.pdf", NULL,
     "クラウドサービスレベルのチェックリスト\n"
     "対象サービス:暗号化テスト\n"
     "No.|種別|サービスレベル項目|回答\n"
     "1|可用性|サービス時間|24時間365日\n"
     "2||計画停止予定通知|有14日前までに通知\n"
     "29|データ管理|バックアップデータを取得するタイミング(RPO)|前日分",
     0, 1, 0, FALSE},
    {"borderless.pdf", NULL,
     "クラウドサービスレベルのチェックリスト\n"
     "No.|種別|サービスレベル項目|回答\n"
     "アプリケーション運用\n"
     "1|可用性|サービス時間|24時間365日(計画停止を除く)。計画停止は月に一度、深夜帯に実施いたします。\n"
     "2||計画停止予定通知|有14日前までに通知\n"
     "29|データ管理|バックアップデータを取得するタイミング(RPO)|前日分",
     0, 1, 0, FALSE},
    /* white labels on a dark header row are read; white text on white is
     * hidden and is not.  A rendering sees the header's cells cut up by
     * the white strokes: content only. */
    {"dark-header.pdf", NULL,
     "クラウドサービスレベルのチェックリスト\n"
     "No.|種別|サービスレベル項目|回答\n"
     "1|可用性|サービス時間|24時間365日\n"
     "29|データ管理|バックアップデータを取得するタイミング(RPO)|前日分",
     0, 1, 0, TRUE},
    {"encrypted.pdf", "secret", NULL, -1, 1, 0, FALSE},   /* opens: same grid as small.pdf */
    {"rotated.pdf", NULL, NULL, -1, 1, 0, FALSE},          /* reads as small.pdf */
    {"encrypted.pdf", NULL, NULL, SLX_ERROR_ENCRYPTED, 0, 0, FALSE},
    {"encrypted.pdf", "wrong", NULL, SLX_ERROR_ENCRYPTED, 0, 0, FALSE},
    {"no-text.pdf", NULL, NULL, SLX_ERROR_NO_TEXT, 1, 1, FALSE},
    {"mixed.pdf", NULL, NULL, -1, 2, 1, FALSE},            /* the text page read, the scan counted */
};

static gboolean
load(const char *name, guint8 **bytes, gsize *len)
{
    char *path = g_build_filename(SLX_SOURCE_DIR, "tests", "data", name, NULL);
    gboolean ok = g_file_get_contents(path, (char **)bytes, len, NULL);
    g_free(path);
    return ok;
}

/* The grid with every cell normalized, rows of empty cells left out. */
static char *
normalized_grid(const SlxDocument *g)
{
    GString *s = g_string_new(NULL);
    for (guint r = 0; r < g->blocks->len; r++) {
        const SlxBlock *row = g_ptr_array_index(g->blocks, r);
        if (slx_block_filled(row) == 0)
            continue;
        if (s->len)
            g_string_append_c(s, '\n');
        for (guint c = 0; c < row->cells->len; c++) {
            char *n = slx_normalize(g_ptr_array_index(row->cells, c), -1, SLX_NORM_DEFAULT);
            g_string_append_printf(s, "%s%s", c ? "|" : "", n);
            g_free(n);
        }
    }
    return g_string_free(s, FALSE);
}

static char *
read_grid(const char *name, const char *password, SlxPdfRulesFrom from, SlxPdfInfo *info,
          GError **e)
{
    guint8 *bytes;
    gsize len;
    assert_true(load(name, &bytes, &len));
    SlxDocument *g = slx_read_pdf_ruled(bytes, len, password, 0, from, info, e);
    g_free(bytes);
    if (g == NULL)
        return NULL;
    for (guint r = 0; r < g->blocks->len; r++)    /* one page: every row on page 1 */
        if (info->pages == 1)
            assert_int_equal(((SlxBlock *)g_ptr_array_index(g->blocks, r))->page, 1);
    char *text = normalized_grid(g);
    slx_document_free(g);
    return text;
}

static void
read_cases(SlxPdfRulesFrom from)
{
    char *small = read_grid("small.pdf", NULL, from, &(SlxPdfInfo){0}, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        const PdfCase *c = &cases[i];
        if (c->content_only && from != SLX_PDF_RULES_FROM_CONTENT)
            continue;
        SlxPdfInfo info;
        GError *e = NULL;
        char *got = read_grid(c->file, c->password, from, &info, &e);
        print_message("%s (password %s, rules from %s)\n", c->file,
                      c->password ? c->password : "none",
                      from == SLX_PDF_RULES_FROM_CONTENT ? "content" : "rendering");
        if (c->grid) {
            assert_null(e);
            assert_string_equal(got, c->grid);
        } else if (c->error >= 0) {
            assert_null(got);
            assert_true(g_error_matches(e, SLX_ERROR, c->error));
            assert_non_null(strstr(e->message, c->error == SLX_ERROR_ENCRYPTED ? "password" : "text"));
        } else {
            assert_null(e);
            assert_string_equal(got, small);
        }
        assert_int_equal(info.pages, c->pages);
        assert_int_equal(info.pages_without_text, c->pages_without_text);
        g_free(got);
        g_clear_error(&e);
    }
    g_free(small);
}

static void
test_cases(void **state)
{
    (void)state;
    read_cases(SLX_PDF_RULES_FROM_CONTENT);
    read_cases(SLX_PDF_RULES_FROM_RENDERING);
}

/* White text is read on a dark fill, dropped elsewhere, whichever way the
 * rules are found (in a rendering, from the pixels behind the glyph). */
static void
test_white_text(void **state)
{
    (void)state;
    for (int from = SLX_PDF_RULES_FROM_CONTENT; from <= SLX_PDF_RULES_FROM_RENDERING; from++) {
        SlxPdfInfo info;
        char *got = read_grid("dark-header.pdf", NULL, from, &info, NULL);
        assert_non_null(got);
        char *flat = g_strdelimit(g_strdup(got), "|\n", ' ');
        char **words = g_strsplit(flat, " ", -1);
        char *joined = g_strjoinv("", words);
        g_strfreev(words);
        print_message("rules from %s: %s\n", from ? "rendering" : "content", joined);
        assert_non_null(strstr(joined, "No.種別サービスレベル項目回答"));
        assert_null(strstr(joined, "隠し文字"));
        g_free(joined);
        g_free(flat);
        g_free(got);
    }
}

/* The blocks of a PDF as "kind|cells": h1–h6 for headings, p for
 * paragraphs, r for table rows; cells normalized. */
static char *
read_blocks(const char *name, SlxPdfRulesFrom from)
{
    guint8 *bytes;
    gsize len;
    assert_true(load(name, &bytes, &len));
    SlxPdfInfo info;
    SlxDocument *g = slx_read_pdf_ruled(bytes, len, NULL, 0, from, &info, NULL);
    g_free(bytes);
    assert_non_null(g);
    GString *s = g_string_new(NULL);
    for (guint r = 0; r < g->blocks->len; r++) {
        const SlxBlock *b = g_ptr_array_index(g->blocks, r);
        if (s->len)
            g_string_append_c(s, '\n');
        if (b->kind == SLX_BLOCK_HEADING)
            g_string_append_printf(s, "h%u", b->level);
        else
            g_string_append(s, b->kind == SLX_BLOCK_PARAGRAPH ? "p" : "r");
        for (guint c = 0; c < b->cells->len; c++) {
            char *n = slx_normalize(g_ptr_array_index(b->cells, c), -1, SLX_NORM_DEFAULT);
            g_string_append_printf(s, "|%s", n);
            g_free(n);
        }
    }
    slx_document_free(g);
    return g_string_free(s, FALSE);
}

/* What a page says besides its table: headings by size (and by weight
 * where the font's name says it), paragraphs, a footnote; a meta line of
 * fields above a borderless table and a title underlined in light gray are
 * not table rows; a table in light-gray borders is read by its grid. */
static void
test_blocks(void **state)
{
    (void)state;
    static const struct {
        const char *file, *blocks;
    } block_cases[] = {
        {"light-grid.pdf",
         "h1|サービスレベル回答\n"
         "p|対象サービス:淡色罫線テスト\n"
         "r|No.|サービスレベル項目|回答\n"
         "r|1|サービス時間|24時間365日\n"
         "r|2|計画停止予定通知|14日前までにメールで通知\n"
         "r|29|バックアップデータを取得するタイミング(RPO)|前日分"},
        {"tight.pdf",
         "h1|SLAチェックリスト回答\n"
         "p|対象サービス:詰め表テスト回答者:株式会社テスト回答日:2026年11月20日\n"
         "r|No|サービスレベル項目|回答|備考\n"
         "r|1|サービス時間|24時間365日|\n"
         "r|3|サービス提供終了時の事前通知|90日前までに通知|※1\n"
         "r|5|サービス稼働率|99.9%|\n"
         "r|11|目標復旧時間(RTO)|8時間以内|\n"
         "r|32|バックアップ世代数|7世代|\n"
         "p|※1契約期間中に限ります。"},
        {"headings.pdf",
         "h1|見出しテストサービスレベルについて\n"
         "h2|可用性\n"
         "h3|サービス時間\n"
         "p|24時間365日ご利用いただけます。\n"
         "h2|データ管理\n"
         "p|バックアップ世代数\n"     /* bold, but a Type 3 font says no weight */
         "p|7世代"},
        {"headings-writer.pdf",
         "h1|見出しテストサービスレベルについて\n"
         "h2|可用性\n"
         "h3|サービス時間\n"
         "p|24時間365日ご利用いただけます。\n"
         "h2|データ管理\n"
         "h4|バックアップ世代数\n"   /* bold body text: the lowest level */
         "p|7世代"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(block_cases); i++)
        for (int from = SLX_PDF_RULES_FROM_CONTENT; from <= SLX_PDF_RULES_FROM_RENDERING; from++) {
            /* A rendering sees no light-gray lines: that table reads as
             * borderless, the same rows. */
            char *got = read_blocks(block_cases[i].file, from);
            print_message("%s (rules from %s)\n", block_cases[i].file, from ? "rendering" : "content");
            assert_string_equal(got, block_cases[i].blocks);
            g_free(got);
        }
}

/* The normalized cells of every table row of DOC, "|" between, one line
 * each. */
static char *
row_lines(const SlxDocument *doc)
{
    GString *s = g_string_new(NULL);
    for (guint r = 0; r < doc->blocks->len; r++) {
        const SlxBlock *b = g_ptr_array_index(doc->blocks, r);
        if (b->kind != SLX_BLOCK_ROW)
            continue;
        for (guint c = 0; c < b->cells->len; c++) {
            char *n = slx_normalize(g_ptr_array_index(b->cells, c), -1, SLX_NORM_DEFAULT);
            g_string_append_printf(s, "%s%s", c ? "|" : "", n);
            g_free(n);
        }
        g_string_append_c(s, '\n');
    }
    return g_string_free(s, FALSE);
}

/* Scans: OCR reads them into the rows of the PDF that was printed, the
 * numbers, answers and figures to the character (where a cell wraps, and
 * a character OCR misreads in a long name, may differ); with OCR off they
 * are the error no_text. */
static void
test_scans(void **state)
{
    (void)state;
    if (!slx_pdf_ocr_built_in()) {
        print_message("OCR is not built in: scans not read\n");
        skip();
    }
    SlxPatterns *p = test_patterns();
    static const struct {
        const char *file;
        const char *rows[6];   /* lines every one of which the rows must hold */
    } scans[] = {
        {"scan-small.pdf", {"No.|種別|サービスレベル項目|回答\n", "1|可用性|サービス時間|24時間365日\n",
                            "2||計画停止予定通知|有14日前までに通知\n", "|前日分\n", "\n29|", NULL}},
        {"scan-tight.pdf", {"\n1|サービス時間|24時間365日|\n", "|90日前までに通知|※",
                            "|99.9%|\n", "\n11|目標復旧時間(RTO)|8時間以内|\n", "|7世代|\n", NULL}},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(scans); i++) {
        guint8 *bytes;
        gsize len;
        assert_true(load(scans[i].file, &bytes, &len));
        SlxPdfOptions opts = {NULL, 0, SLX_PDF_RULES_FROM_CONTENT, SLX_OCR_AUTO, NULL,
                              p->vocab.ocr_fixes};
        SlxPdfInfo info;
        GError *e = NULL;
        SlxDocument *doc = slx_read_pdf_with(bytes, len, &opts, &info, &e);
        assert_non_null(doc);
        assert_int_equal(info.pages_ocr, 1);
        assert_true(doc->ocr);
        /* Every block says how surely OCR read it, the page as a whole
         * surely but not for certain. */
        double conf = 0;
        for (guint b = 0; b < doc->blocks->len; b++) {
            double c = ((const SlxBlock *)g_ptr_array_index(doc->blocks, b))->confidence;
            assert_true(c > 0 && c <= 1);
            conf += c / doc->blocks->len;
        }
        assert_true(conf > 0.6 && conf < 1.0);
        char *rows = row_lines(doc);
        char *framed = g_strdup_printf("\n%s", rows);
        print_message("%s (confidence %.2f):\n%s", scans[i].file, conf, rows);
        for (gsize k = 0; scans[i].rows[k]; k++)
            if (strstr(framed, scans[i].rows[k]) == NULL)
                fail_msg("%s: no row holds \"%s\"", scans[i].file, scans[i].rows[k]);
        g_free(framed);
        g_free(rows);
        slx_document_free(doc);

        opts.ocr = SLX_OCR_NEVER;
        assert_null(slx_read_pdf_with(bytes, len, &opts, &info, &e));
        assert_true(g_error_matches(e, SLX_ERROR, SLX_ERROR_NO_TEXT));
        assert_non_null(strstr(e->message, "--ocr=never"));
        g_clear_error(&e);
        g_free(bytes);
    }
    slx_patterns_free(p);
}

/* A cut-off or damaged PDF: Poppler's message, no grid. */
static void
test_damaged(void **state)
{
    (void)state;
    guint8 *bytes;
    gsize len;
    assert_true(load("small.pdf", &bytes, &len));
    static const gsize keep[] = {0, 8, 2000};
    for (gsize i = 0; i < 2 * G_N_ELEMENTS(keep); i++) {
        SlxPdfInfo info;
        GError *e = NULL;
        SlxPdfRulesFrom from = i % 2 ? SLX_PDF_RULES_FROM_RENDERING : SLX_PDF_RULES_FROM_CONTENT;
        assert_null(slx_read_pdf_ruled(bytes, keep[i / 2], NULL, 0, from, &info, &e));
        assert_true(g_error_matches(e, SLX_ERROR, SLX_ERROR_PDF));
        assert_true(e->message[0] != '\0');
        g_clear_error(&e);
    }
    g_free(bytes);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_white_text),
        cmocka_unit_test(test_blocks),
        cmocka_unit_test(test_damaged),
        cmocka_unit_test(test_scans),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
