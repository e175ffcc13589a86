/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write_xlsx.c — records → an Excel workbook (libxlsxwriter).
 *
 * 比較: one row per catalog item (No, 種別, サービスレベル項目), one column
 *       per document, each cell the answer and, on a line of its own, the
 *       headline figure (「有」「7世代」), coloured by answer, ⚑ where a
 *       review flag asks for a look; the vendor's text, page, confidence
 *       and flags in a cell comment; a failed document's column says its
 *       error; a legend of the flags below.  Header row and item columns
 *       frozen, filters on.
 * 判定: with requirements, one row per requirement, one column per
 *       document: ○ / × / ? and the reason, coloured by the result.
 * 明細: the CSV rows, with numbers as numbers (the English keys).
 * 文書: one row per document with its status: file, format, pages,
 *       service, counts, warnings, error.
 * 比較 and 判定 print on A4 landscape, fit to the page's width, the header
 * row and item columns on every page.
 *
 * Built as the module slaxtract-xlsx.so (libxlsxwriter brings OpenSSL's
 * libcrypto): write_xlsx_load.c loads it when a workbook is asked for. */
#include "write_xlsx.h"
#include "check.h"
#include "error.h"
#include "report.h"
#include "write_jsonl.h"

#include <gmodule.h>
#include <string.h>
#include <xlsxwriter.h>

/* Fill colours by answer, light enough to read black text on. */
static const struct { SlxAnswer answer; lxw_color_t fill; } answer_fill[] = {
    {SLX_ANSWER_YES, 0xD9F2D0}, {SLX_ANSWER_PARTIAL, 0xFFF2CC}, {SLX_ANSWER_NO, 0xF8CBAD},
    {SLX_ANSWER_UNDISCLOSED, 0xD9D9D9}, {SLX_ANSWER_NOT_APPLICABLE, 0xDDEBF7},
    {SLX_ANSWER_UNKNOWN, 0xFFFFFF},
};

/* Fill colours by check result: pass, fail, unknown. */
static const lxw_color_t check_fill[] = {0xD9F2D0, 0xF8CBAD, 0xE7E6E6};
static const char *const check_mark[] = {"○", "×", "?"};

typedef struct {
    lxw_format *header, *wrap, *missing, *number, *error, *error_header;
    lxw_format *answer[G_N_ELEMENTS(answer_fill)];
    lxw_format *check[G_N_ELEMENTS(check_fill)];
    GHashTable *cut;       /* the items whose text was cut at a cell's or a comment's limit */
} Formats;

#define XLSX_PAPER_A4 9

/* 比較 and 判定 on paper: A4 landscape, as wide as the page, the header
 * row and the first FIXED columns (the item) on every page. */
static void
xlsx_print_setup(lxw_worksheet *ws, lxw_col_t fixed)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, XLSX_PAPER_A4);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_repeat_columns(ws, 0, fixed - 1);
    worksheet_set_header(ws, "&L&A");
    worksheet_set_footer(ws, "&C&P / &N");
}

/* A comment holds what Excel takes (32767 characters, less what follows
 * the text): a longer response is cut and ends in 「…」. */
#define XLSX_COMMENT_CHARS 30000

/* The comment of an item's cell: the vendor's text, then where it was
 * read, how sure the match is, and the flags to look at. */
static char *
xlsx_comment(const SlxItemRecord *it, Formats *f)
{
    GString *c = g_string_new(NULL);
    glong n = it->text ? g_utf8_strlen(it->text, -1) : 0;
    if (n > XLSX_COMMENT_CHARS) {
        char *head = g_utf8_substring(it->text, 0, XLSX_COMMENT_CHARS);
        g_string_append_printf(c, "%s…", head);
        g_free(head);
        g_hash_table_add(f->cut, (gpointer)it);
    } else if (n > 0) {
        g_string_append(c, it->text);
    }
    char *where = slx_report_where(it);
    g_string_append_printf(c, "%s(%s", c->len ? "\n\n" : "", where);
    g_free(where);
    char *flags = slx_report_flags(it->flags);
    if (flags)
        g_string_append_printf(c, " · %s %s", SLX_REPORT_FLAG_MARK, flags);
    g_free(flags);
    g_string_append_c(c, ')');
    return g_string_free(c, FALSE);
}

/* The document columns' headers from column FIRST: each document's
 * label; a failed one says its error there and in a comment. */
static void
xlsx_document_headers(lxw_worksheet *ws, const GPtrArray *records, lxw_col_t first,
                      const Formats *f)
{
    char **labels = slx_report_labels(records);
    for (guint r = 0; r < records->len; r++) {
        const SlxRecord *rec = g_ptr_array_index(records, r);
        lxw_col_t col = (lxw_col_t)(first + r);
        if (rec->error) {
            g_autofree char *code = slx_report_error_short(rec);
            char *head = g_strdup_printf("%s\n%s", labels[r], code);
            worksheet_write_string(ws, 0, col, head, f->error_header);
            char *e = slx_report_error(rec);
            worksheet_write_comment(ws, 0, col, e);
            g_free(e);
            g_free(head);
        } else {
            worksheet_write_string(ws, 0, col, labels[r], f->header);
        }
    }
    g_strfreev(labels);
}

/* Below the comparison, from ROW: what ⚑ and each flag mean. */
static void
xlsx_flag_legend(lxw_worksheet *ws, lxw_row_t row, const Formats *f)
{
    worksheet_write_string(ws, row, 2, SLX_REPORT_FLAG_MARK " 要確認 (the comment says which)", f->header);
    for (guint i = 0; slx_report_flag_label(i); i++) {
        char *line = g_strdup_printf("%s %s: %s", SLX_REPORT_FLAG_MARK, slx_report_flag_label(i),
                                     slx_report_flag_meaning(i));
        worksheet_write_string(ws, row + 1 + i, 2, line, NULL);
        g_free(line);
    }
}

static lxw_format *
answer_format(const Formats *f, SlxAnswer a)
{
    for (gsize i = 0; i < G_N_ELEMENTS(answer_fill); i++)
        if (answer_fill[i].answer == a)
            return f->answer[i];
    return f->wrap;
}

static void
comparison_sheet(lxw_worksheet *ws, const GPtrArray *records, const SlxCatalog *cat, Formats *f)
{
    static const char *const heads[] = {"No", "種別", "サービスレベル項目"};
    for (lxw_col_t c = 0; c < 3; c++)
        worksheet_write_string(ws, 0, c, heads[c], f->header);
    xlsx_document_headers(ws, records, 3, f);
    for (guint i = 0; i < cat->items->len; i++) {
        const SlxCatalogItem *ci = g_ptr_array_index(cat->items, i);
        lxw_row_t row = (lxw_row_t)(i + 1);
        if (ci->number)
            worksheet_write_number(ws, row, 0, ci->number, f->number);
        else
            worksheet_write_string(ws, row, 0, ci->id, NULL);
        worksheet_write_string(ws, row, 1, ci->category ? ci->category : "", f->wrap);
        worksheet_write_string(ws, row, 2, ci->name, f->wrap);
        gboolean two_lines = FALSE;
        for (guint r = 0; r < records->len; r++) {
            const SlxRecord *rec = g_ptr_array_index(records, r);
            const SlxItemRecord *it = slx_record_item(rec, ci->id);
            lxw_col_t col = (lxw_col_t)(3 + r);
            two_lines |= it && it->primary;
            if (it == NULL) {
                worksheet_write_string(ws, row, col, rec->error ? "(エラー)" : "(記載なし)",
                                       rec->error ? f->error : f->missing);
                continue;
            }
            /* The figure on a line of its own: no separator to collide
             * with a value (「ISO/IEC 27001/ISMS」). */
            char *cell = g_strdup_printf("%s%s%s%s", slx_answer_label(it->answer),
                                         it->flags ? " " SLX_REPORT_FLAG_MARK : "",
                                         it->primary ? "\n" : "", it->primary ? it->primary : "");
            worksheet_write_string(ws, row, col, cell, answer_format(f, it->answer));
            char *note = xlsx_comment(it, f);
            worksheet_write_comment(ws, row, col, note);
            g_free(note);
            g_free(cell);
        }
        /* Two lines tall where a figure sits under the answer: a reader
         * that does not fit rows to wrapped text (Calc) would hide it. */
        if (two_lines)
            worksheet_set_row(ws, row, 30, NULL);
    }
    xlsx_flag_legend(ws, (lxw_row_t)cat->items->len + 2, f);
    worksheet_set_column(ws, 0, 0, 5, NULL);
    worksheet_set_column(ws, 1, 1, 11, NULL);
    worksheet_set_column(ws, 2, 2, 36, NULL);
    if (records->len > 0)
        worksheet_set_column(ws, 3, (lxw_col_t)(2 + records->len), 22, NULL);
    worksheet_freeze_panes(ws, 1, 3);
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)cat->items->len, (lxw_col_t)(2 + MAX(records->len, 1)));
    xlsx_print_setup(ws, 3);
}

/* A cell holds at most 32767 characters (Excel's limit, which
 * libxlsxwriter enforces by writing nothing at all): a longer response is
 * cut there and ends in 「…」, so the cell is never silently empty. */
#define XLSX_CELL_CHARS 32767

static void
xlsx_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const SlxItemRecord *it,
                lxw_format *format, Formats *f)
{
    const char *text = it->text ? it->text : "";
    glong n = g_utf8_strlen(text, -1);
    if (n <= XLSX_CELL_CHARS) {
        worksheet_write_string(ws, row, col, text, format);
        return;
    }
    g_hash_table_add(f->cut, (gpointer)it);
    char *head = g_utf8_substring(text, 0, XLSX_CELL_CHARS - 1);
    char *cut = g_strconcat(head, "…", NULL);
    worksheet_write_string(ws, row, col, cut, format);
    g_free(cut);
    g_free(head);
}

static void
details_sheet(lxw_worksheet *ws, const GPtrArray *records, Formats *f)
{
    static const char *const heads[] = {
        "file", "service", "id", "key", "name", "category", "no", "answer", "primary",
        "values", "text", "page", "confidence", "flags"};
    for (lxw_col_t c = 0; c < G_N_ELEMENTS(heads); c++)
        worksheet_write_string(ws, 0, c, heads[c], f->header);
    lxw_row_t row = 1;
    for (guint r = 0; r < records->len; r++) {
        const SlxRecord *rec = g_ptr_array_index(records, r);
        for (guint i = 0; i < rec->items->len; i++, row++) {
            const SlxItemRecord *it = g_ptr_array_index(rec->items, i);
            worksheet_write_string(ws, row, 0, rec->file, NULL);
            worksheet_write_string(ws, row, 1, rec->service ? rec->service : "", NULL);
            if (it->item->number)
                worksheet_write_number(ws, row, 2, it->item->number, NULL);
            else
                worksheet_write_string(ws, row, 2, it->item->id, NULL);
            worksheet_write_string(ws, row, 3, it->item->key, NULL);
            worksheet_write_string(ws, row, 4, it->item->name, NULL);
            worksheet_write_string(ws, row, 5, it->item->category ? it->item->category : "", NULL);
            char *end;
            double no = it->no ? g_ascii_strtod(it->no, &end) : 0;
            if (it->no && *end == '\0' && strchr(it->no, '.') == NULL)
                worksheet_write_number(ws, row, 6, no, NULL);
            else
                worksheet_write_string(ws, row, 6, it->no ? it->no : "", NULL);
            worksheet_write_string(ws, row, 7, slx_answer_name(it->answer), NULL);
            worksheet_write_string(ws, row, 8, it->primary ? it->primary : "", NULL);
            GString *values = g_string_new(NULL);
            slx_write_values(values, it->values);
            worksheet_write_string(ws, row, 9, values->str, NULL);
            g_string_free(values, TRUE);
            xlsx_write_text(ws, row, 10, it, f->wrap, f);
            if (it->page)
                worksheet_write_number(ws, row, 11, it->page, NULL);
            worksheet_write_number(ws, row, 12, it->confidence, NULL);
            char *flags = slx_flags_joined(it->flags);
            worksheet_write_string(ws, row, 13, flags, NULL);
            g_free(flags);
        }
    }
    worksheet_set_column(ws, 10, 10, 60, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1, G_N_ELEMENTS(heads) - 1);
}

/* The requirements the records were checked against: the first record's
 * (every record has the same), or NULL. */
static const GPtrArray *
checked(const GPtrArray *records)
{
    for (guint r = 0; r < records->len; r++) {
        const SlxRecord *rec = g_ptr_array_index(records, r);
        if (rec->checks)
            return rec->checks;
    }
    return NULL;
}

static void
checks_sheet(lxw_worksheet *ws, const GPtrArray *records, const GPtrArray *checks,
             Formats *f)
{
    static const char *const heads[] = {"id", "要件", "項目"};
    for (lxw_col_t c = 0; c < G_N_ELEMENTS(heads); c++)
        worksheet_write_string(ws, 0, c, heads[c], f->header);
    xlsx_document_headers(ws, records, 3, f);
    for (guint i = 0; i < checks->len; i++) {
        const SlxRequirement *q = ((const SlxCheck *)g_ptr_array_index(checks, i))->requirement;
        lxw_row_t row = (lxw_row_t)(i + 1);
        worksheet_write_string(ws, row, 0, q->id, f->wrap);
        worksheet_write_string(ws, row, 1, q->label, f->wrap);
        worksheet_write_string(ws, row, 2, q->item, f->wrap);
        for (guint r = 0; r < records->len; r++) {
            const SlxRecord *rec = g_ptr_array_index(records, r);
            if (rec->checks == NULL || i >= rec->checks->len)
                continue;
            const SlxCheck *c = g_ptr_array_index(rec->checks, i);
            char *cell = g_strdup_printf("%s %s", check_mark[c->result], c->because);
            worksheet_write_string(ws, row, (lxw_col_t)(3 + r), cell, f->check[c->result]);
            g_free(cell);
        }
    }
    worksheet_set_column(ws, 0, 0, 14, NULL);
    worksheet_set_column(ws, 1, 1, 30, NULL);
    worksheet_set_column(ws, 2, 2, 6, NULL);
    worksheet_set_column(ws, 3, (lxw_col_t)(2 + MAX(records->len, 1)), 28, NULL);
    worksheet_freeze_panes(ws, 1, 3);
    xlsx_print_setup(ws, 3);
}

static void
documents_sheet(lxw_worksheet *ws, const GPtrArray *records, const Formats *f)
{
    static const char *const heads[] = {"ファイル", "状態", "形式", "文字コード", "ページ数",
                                        "サービス", "表題", "項目数", "記載なし", "警告", "エラー"};
    for (lxw_col_t c = 0; c < G_N_ELEMENTS(heads); c++)
        worksheet_write_string(ws, 0, c, heads[c], f->header);
    for (guint r = 0; r < records->len; r++) {
        const SlxRecord *rec = g_ptr_array_index(records, r);
        lxw_row_t row = (lxw_row_t)(r + 1);
        worksheet_write_string(ws, row, 0, rec->file, NULL);
        worksheet_write_string(ws, row, 1, slx_report_status(rec), rec->error ? f->error : NULL);
        worksheet_write_string(ws, row, 2, rec->format ? slx_report_format(rec) : "", NULL);
        worksheet_write_string(ws, row, 3, rec->encoding ? rec->encoding : "", NULL);
        if (rec->pages)
            worksheet_write_number(ws, row, 4, rec->pages, NULL);
        worksheet_write_string(ws, row, 5, rec->service ? rec->service : "", NULL);
        worksheet_write_string(ws, row, 6, rec->title ? rec->title : "", NULL);
        worksheet_write_number(ws, row, 7, rec->items->len, NULL);
        worksheet_write_number(ws, row, 8, rec->missing->len, NULL);
        GString *w = g_string_new(NULL);
        for (guint i = 0; i < rec->warnings->len; i++)
            g_string_append_printf(w, "%s%s", i ? "\n" : "", (char *)g_ptr_array_index(rec->warnings, i));
        worksheet_write_string(ws, row, 9, w->str, f->wrap);
        g_string_free(w, TRUE);
        char *e = slx_report_error(rec);
        if (e)
            worksheet_write_string(ws, row, 10, e, f->error);
        g_free(e);
    }
    worksheet_set_column(ws, 0, 0, 40, NULL);
    worksheet_set_column(ws, 9, 10, 50, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, XLSX_PAPER_A4);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
}

static gboolean
xlsx_write(const char *path, const GPtrArray *records, const SlxCatalog *cat, guint *cut,
           GError **error)
{
    lxw_workbook *wb = workbook_new(path);
    if (wb == NULL) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_READ, "%s: cannot create the workbook", path);
        return FALSE;
    }
    Formats f = {0};
    f.cut = g_hash_table_new(g_direct_hash, g_direct_equal);
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xDDDDDD);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
    f.wrap = workbook_add_format(wb);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.missing = workbook_add_format(wb);
    format_set_font_color(f.missing, 0x808080);
    format_set_align(f.missing, LXW_ALIGN_VERTICAL_TOP);
    f.number = workbook_add_format(wb);
    format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
    f.error = workbook_add_format(wb);
    format_set_font_color(f.error, 0x9C0006);
    format_set_bg_color(f.error, 0xFFC7CE);
    format_set_text_wrap(f.error);
    format_set_align(f.error, LXW_ALIGN_VERTICAL_TOP);
    f.error_header = workbook_add_format(wb);
    format_set_bold(f.error_header);
    format_set_font_color(f.error_header, 0x9C0006);
    format_set_bg_color(f.error_header, 0xFFC7CE);
    format_set_text_wrap(f.error_header);
    format_set_align(f.error_header, LXW_ALIGN_VERTICAL_TOP);
    for (gsize i = 0; i < G_N_ELEMENTS(answer_fill); i++) {
        f.answer[i] = workbook_add_format(wb);
        format_set_bg_color(f.answer[i], answer_fill[i].fill);
        format_set_text_wrap(f.answer[i]);
        format_set_align(f.answer[i], LXW_ALIGN_VERTICAL_TOP);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(check_fill); i++) {
        f.check[i] = workbook_add_format(wb);
        format_set_bg_color(f.check[i], check_fill[i]);
        format_set_text_wrap(f.check[i]);
        format_set_align(f.check[i], LXW_ALIGN_VERTICAL_TOP);
    }
    comparison_sheet(workbook_add_worksheet(wb, "比較"), records, cat, &f);
    const GPtrArray *checks = checked(records);
    if (checks)
        checks_sheet(workbook_add_worksheet(wb, "判定"), records, checks, &f);
    details_sheet(workbook_add_worksheet(wb, "明細"), records, &f);
    documents_sheet(workbook_add_worksheet(wb, "文書"), records, &f);
    *cut = g_hash_table_size(f.cut);
    g_hash_table_unref(f.cut);
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_READ, "%s: %s", path, lxw_strerror(e));
        return FALSE;
    }
    return TRUE;
}

G_MODULE_EXPORT const SlxWriteXlsxModule slx_write_xlsx_module = {xlsx_write};
