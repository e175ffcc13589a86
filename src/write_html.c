/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write_html.c — records → one self-contained HTML comparison page.
 *
 * The page needs no network and no other file: the style and the script
 * are inline.  One row per catalog item, one column per document; a cell
 * shows the answer and, on a line of its own, the headline figure,
 * coloured by answer, ⚑ where a review flag asks for a look, the vendor's
 * text, page and confidence on hover (title) and on click (details); a
 * failed document's column says its error.  Headers and item columns stay
 * in view while scrolling; a box filters rows by item or answer.  With
 * requirements, a table of the checks comes first (○ / × / ? and the
 * reason), each cell linking to its item's row; the documents and their
 * status come last.  Printed: A4 landscape, every column on the page, the
 * header row on every page, no filter box, every cell open.  The words are
 * the workbook's (report.c). */
#include "write_html.h"
#include "check.h"
#include "report.h"

#include <string.h>

static void
esc(GString *out, const char *s)
{
    if (s == NULL)
        return;
    for (; *s; s++) {
        switch (*s) {
        case '&':  g_string_append(out, "&amp;"); break;
        case '<':  g_string_append(out, "&lt;"); break;
        case '>':  g_string_append(out, "&gt;"); break;
        case '"':  g_string_append(out, "&quot;"); break;
        case '\'': g_string_append(out, "&#39;"); break;
        default:   g_string_append_c(out, *s);
        }
    }
}

static const char style[] =
    "body{font-family:'Noto Sans CJK JP','Hiragino Sans','Yu Gothic',sans-serif;margin:0;font-size:13px;color:#222}"
    "header{padding:8px 12px;background:#f4f4f4;border-bottom:1px solid #ccc;position:sticky;left:0}"
    "h1{font-size:16px;margin:0 0 6px}"
    "#filter{width:22em;padding:4px;font-size:13px}"
    ".legend span{display:inline-block;padding:1px 6px;margin-left:4px;border:1px solid #bbb}"
    "table{border-collapse:separate;border-spacing:0}"
    "th,td{border-right:1px solid #ccc;border-bottom:1px solid #ccc;padding:4px 6px;vertical-align:top;background:#fff}"
    "thead th{position:sticky;top:0;z-index:2;background:#e8e8e8;min-width:11em}"
    "th.id,td.id{position:sticky;left:0;z-index:1;min-width:2.5em}"
    "th.cat,td.cat{position:sticky;left:3.4em;z-index:1;min-width:6em}"
    "th.name,td.name{position:sticky;left:10.4em;z-index:1;min-width:16em;max-width:16em}"
    "thead th.id,thead th.cat,thead th.name{z-index:3}"
    "td.doc{min-width:11em;max-width:18em}"
    "summary{cursor:pointer;list-style:none}"
    "details p{margin:4px 0 0;white-space:pre-wrap;font-size:12px}"
    ".page{color:#666}"
    ".a-yes{background:#d9f2d0}.a-partial{background:#fff2cc}.a-no{background:#f8cbad}"
    ".a-undisclosed{background:#d9d9d9}.a-not_applicable{background:#ddebf7}.a-unknown{background:#fff}"
    ".a-missing{background:#fff;color:#999}"
    "#checks{margin-bottom:16px}#checks td.req{min-width:16em;max-width:16em}"
    ".c-pass{background:#d9f2d0}.c-fail{background:#f8cbad}.c-unknown{background:#e7e6e6}"
    "#checks a{color:inherit;text-decoration:none}"
    ".flag{color:#b45f06;font-weight:bold}.primary{display:block}"
    "th.error,.a-error{background:#ffc7ce;color:#9c0006}.err{display:block;font-weight:normal}"
    ".flags{margin:4px 0 0;font-size:12px}.flags dt{display:inline;font-weight:bold}"
    ".flags dd{display:inline;margin:0 12px 0 4px}"
    "#documents{margin-top:16px}#documents td{max-width:40em}"
    "@page{size:A4 landscape;margin:10mm}"
    "@media print{body{font-size:8px}header{position:static;background:none}#filter{display:none}"
    "table{width:100%;table-layout:fixed}thead{display:table-header-group}tr{break-inside:avoid}"
    "thead th,td.id,td.cat,td.name,th.id,th.cat,th.name{position:static}"
    "thead th,td.doc,th.name,td.name,#checks td.req{min-width:0;max-width:none}"
    "th.id,td.id{width:3em}th.cat,td.cat{width:5em}th.name,td.name{width:12em}"
    "details p{font-size:7px}}";

static const char script[] =
    "(function(){var box=document.getElementById('filter');"
    "var rows=Array.prototype.slice.call(document.querySelectorAll('#comparison tbody tr'));"
    "box.addEventListener('input',function(){var q=box.value.trim().toLowerCase();"
    "rows.forEach(function(r){r.hidden=q!==''&&r.getAttribute('data-search').toLowerCase().indexOf(q)<0;});});"
    "window.addEventListener('beforeprint',function(){document.querySelectorAll('details')"
    ".forEach(function(d){d.open=true;});});"
    /* #q=RPO in the address filters on opening: a link to a filtered view. */
    "var m=/^#q=(.*)$/.exec(location.hash);if(m){box.value=decodeURIComponent(m[1]);"
    "box.dispatchEvent(new Event('input'));}})();";

/* The document columns' headers: each document's label (report.c); a
 * failed one says its error. */
static void
write_document_headers(GString *out, const GPtrArray *records)
{
    char **labels = slx_report_labels(records);
    for (guint r = 0; r < records->len; r++) {
        const SlxRecord *rec = g_ptr_array_index(records, r);
        char *e = slx_report_error(rec);
        g_string_append(out, e ? "<th class=\"doc error\" data-file=\"" : "<th class=\"doc\" data-file=\"");
        esc(out, rec->file);
        g_string_append(out, "\" title=\"");
        esc(out, rec->file);
        if (e) {
            g_string_append(out, " — ");
            esc(out, e);
        }
        g_string_append(out, "\">");
        esc(out, labels[r]);
        if (e) {
            g_autofree char *code = slx_report_error_short(rec);
            g_string_append(out, "<span class=\"err\">");
            esc(out, code);
            g_string_append(out, "</span>");
        }
        g_string_append(out, "</th>");
        g_free(e);
    }
    g_strfreev(labels);
}

/* The requirement checks (doc/output.md §7): one row per requirement, one
 * column per document. */
static void
write_checks(GString *out, const GPtrArray *records)
{
    const GPtrArray *checks = NULL;
    for (guint r = 0; r < records->len && checks == NULL; r++)
        checks = ((const SlxRecord *)g_ptr_array_index(records, r))->checks;
    if (checks == NULL)
        return;
    static const char *const mark[] = {"○", "×", "?"};
    g_string_append(out, "<table id=\"checks\">\n<thead><tr><th class=\"id\">id</th>"
                         "<th class=\"req\">要件</th><th class=\"item\">項目</th>");
    write_document_headers(out, records);
    g_string_append(out, "</tr></thead>\n<tbody>\n");
    for (guint i = 0; i < checks->len; i++) {
        const SlxRequirement *q = ((const SlxCheck *)g_ptr_array_index(checks, i))->requirement;
        g_string_append(out, "<tr data-requirement=\"");
        esc(out, q->id);
        g_string_append(out, "\"><td class=\"id\">");
        esc(out, q->id);
        g_string_append(out, "</td><td class=\"req\">");
        esc(out, q->label);
        g_string_append(out, "</td><td class=\"item\">");
        esc(out, q->item);
        g_string_append(out, "</td>");
        for (guint r = 0; r < records->len; r++) {
            const SlxRecord *rec = g_ptr_array_index(records, r);
            const SlxCheck *c = rec->checks && i < rec->checks->len ? g_ptr_array_index(rec->checks, i)
                                                                    : NULL;
            if (c == NULL) {
                g_string_append(out, "<td class=\"doc\"></td>");
                continue;
            }
            g_string_append_printf(out, "<td class=\"doc c-%s\" data-result=\"%s\"><a href=\"#item-",
                                   slx_check_result_name(c->result), slx_check_result_name(c->result));
            esc(out, q->item);
            g_string_append_printf(out, "\">%s ", mark[c->result]);
            esc(out, c->because);
            g_string_append(out, "</a></td>");
        }
        g_string_append(out, "</tr>\n");
    }
    g_string_append(out, "</tbody>\n</table>\n");
}

static const struct { SlxAnswer a; const char *cls; } classes[] = {
    {SLX_ANSWER_YES, "yes"}, {SLX_ANSWER_PARTIAL, "partial"}, {SLX_ANSWER_NO, "no"},
    {SLX_ANSWER_UNDISCLOSED, "undisclosed"}, {SLX_ANSWER_NOT_APPLICABLE, "not_applicable"},
    {SLX_ANSWER_UNKNOWN, "unknown"},
};

/* One item's cell: the answer, ⚑ if flagged, the figure on a line of its
 * own (no separator to collide with a value), and the vendor's text with
 * where it was read and how sure the match is. */
static void
write_item_cell(GString *cells, const SlxItemRecord *it)
{
    const char *cls = "unknown";
    for (gsize k = 0; k < G_N_ELEMENTS(classes); k++)
        if (classes[k].a == it->answer)
            cls = classes[k].cls;
    /* Where it was read, how sure the match is, what to look at. */
    char *where = slx_report_where(it);
    char *flags = slx_report_flags(it->flags);
    char *about = flags ? g_strdup_printf("%s · " SLX_REPORT_FLAG_MARK " %s", where, flags)
                        : g_strdup(where);
    g_string_append_printf(cells, "<td class=\"doc a-%s\" data-answer=\"%s\" title=\"", cls,
                           slx_answer_name(it->answer));
    esc(cells, it->text);
    g_string_append(cells, " (");
    esc(cells, about);
    g_string_append(cells, ")\"><details><summary>");
    esc(cells, slx_answer_label(it->answer));
    if (flags) {
        g_string_append(cells, " <span class=\"flag\" title=\"");
        esc(cells, flags);
        g_string_append(cells, "\">" SLX_REPORT_FLAG_MARK "</span>");
    }
    if (it->primary) {
        g_string_append(cells, "<span class=\"primary\">");
        esc(cells, it->primary);
        g_string_append(cells, "</span>");
    }
    g_string_append(cells, "</summary><p>");
    esc(cells, it->text);
    g_string_append(cells, "</p><p class=\"page\">");
    esc(cells, about);
    g_string_append(cells, "</p></details></td>");
    g_free(about);
    g_free(flags);
    g_free(where);
}

/* The documents and their status, as the workbook's 文書 sheet. */
static void
write_documents(GString *out, const GPtrArray *records)
{
    g_string_append(out, "<table id=\"documents\">\n<thead><tr><th>ファイル</th><th>状態</th><th>形式</th>"
                         "<th>ページ数</th><th>サービス</th><th>項目数</th><th>記載なし</th><th>警告</th>"
                         "<th>エラー</th></tr></thead>\n<tbody>\n");
    for (guint r = 0; r < records->len; r++) {
        const SlxRecord *rec = g_ptr_array_index(records, r);
        char *e = slx_report_error(rec);
        g_string_append(out, e ? "<tr class=\"error\" data-status=\"error\"><td>" : "<tr><td>");
        esc(out, rec->file);
        g_string_append_printf(out, "</td><td%s>%s</td><td>", e ? " class=\"a-error\"" : "",
                               slx_report_status(rec));
        esc(out, rec->format ? slx_report_format(rec) : NULL);
        g_string_append(out, "</td><td>");
        if (rec->pages)
            g_string_append_printf(out, "%u", rec->pages);
        g_string_append(out, "</td><td>");
        esc(out, rec->service);
        g_string_append_printf(out, "</td><td>%u</td><td>%u</td><td>", rec->items->len,
                               rec->missing->len);
        for (guint i = 0; i < rec->warnings->len; i++) {
            if (i)
                g_string_append(out, "<br>");
            esc(out, g_ptr_array_index(rec->warnings, i));
        }
        g_string_append(out, "</td><td>");
        esc(out, e);
        g_string_append(out, "</td></tr>\n");
        g_free(e);
    }
    g_string_append(out, "</tbody>\n</table>\n");
}

void
slx_write_html(GString *out, const GPtrArray *records, const SlxCatalog *cat)
{
    g_string_append(out, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<title>クラウドサービスレベル比較</title>\n<style>");
    g_string_append(out, style);
    g_string_append(out, "</style>\n</head>\n<body>\n<header>\n<h1>クラウドサービスレベル比較 — ");
    esc(out, cat->name ? cat->name : cat->id);
    g_string_append_printf(out, "</h1>\n<input id=\"filter\" type=\"search\" placeholder=\"項目・回答で絞り込み"
                                "（例: RPO, 無, 非公開）\"> <span class=\"legend\">%u 文書",
                           records->len);
    for (gsize i = 0; i < G_N_ELEMENTS(classes); i++)
        g_string_append_printf(out, "<span class=\"a-%s\">%s</span>", classes[i].cls,
                               slx_answer_label(classes[i].a));
    g_string_append(out, "<span class=\"a-error\">エラー</span></span>\n<dl class=\"flags\"><dt>"
                         SLX_REPORT_FLAG_MARK " 要確認</dt><dd>(the cell says which)</dd>");
    for (guint i = 0; slx_report_flag_label(i); i++) {
        g_string_append(out, "<dt>");
        esc(out, slx_report_flag_label(i));
        g_string_append(out, "</dt><dd>");
        esc(out, slx_report_flag_meaning(i));
        g_string_append(out, "</dd>");
    }
    g_string_append(out, "</dl>\n</header>\n");
    write_checks(out, records);
    g_string_append(out, "<table id=\"comparison\">\n<thead><tr>"
                         "<th class=\"id\">No</th><th class=\"cat\">種別</th><th class=\"name\">サービスレベル項目</th>");
    write_document_headers(out, records);
    g_string_append(out, "</tr></thead>\n<tbody>\n");
    for (guint i = 0; i < cat->items->len; i++) {
        const SlxCatalogItem *ci = g_ptr_array_index(cat->items, i);
        GString *search = g_string_new(NULL);
        g_string_append_printf(search, "%s %s %s %s", ci->id, ci->key, ci->name,
                               ci->category ? ci->category : "");
        GString *cells = g_string_new(NULL);
        for (guint r = 0; r < records->len; r++) {
            const SlxRecord *rec = g_ptr_array_index(records, r);
            const SlxItemRecord *it = slx_record_item(rec, ci->id);
            if (it == NULL && rec->error) {
                g_string_append(cells, "<td class=\"doc a-error\" data-answer=\"error\">エラー</td>");
                continue;
            }
            if (it == NULL) {
                g_string_append(cells, "<td class=\"doc a-missing\" data-answer=\"missing\">—</td>");
                continue;
            }
            write_item_cell(cells, it);
            const char *label = slx_answer_label(it->answer);
            g_string_append_printf(search, " %s %s", label, it->primary ? it->primary : "");
        }
        g_string_append(out, "<tr data-id=\"");
        esc(out, ci->id);
        g_string_append(out, "\" data-search=\"");
        esc(out, search->str);
        g_string_append(out, "\"><td class=\"id\" id=\"item-");
        esc(out, ci->id);
        g_string_append(out, "\">");
        esc(out, ci->id);
        g_string_append(out, "</td><td class=\"cat\">");
        esc(out, ci->category);
        g_string_append(out, "</td><td class=\"name\">");
        esc(out, ci->name);
        g_string_append_printf(out, "</td>%s</tr>\n", cells->str);
        g_string_free(cells, TRUE);
        g_string_free(search, TRUE);
    }
    g_string_append(out, "</tbody>\n</table>\n");
    write_documents(out, records);
    g_string_append(out, "<script>");
    g_string_append(out, script);
    g_string_append(out, "</script>\n</body>\n</html>\n");
}
