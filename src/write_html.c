/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write_html.c — records → one self-contained HTML comparison page.
 *
 * The page needs no network and no other file: the style and the script
 * are inline.  One row per catalog item, one column per document; a cell
 * shows 「有 / 7世代」 coloured by answer, the vendor's text and page on
 * hover (title) and on click (details); headers and item columns stay in
 * view while scrolling; a box filters rows by item or answer; printing
 * opens every cell.  With requirements, a table of the checks comes first
 * (○ / × / ? and the reason), each cell linking to its item's row. */
#include "write_html.h"
#include "check.h"

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
    "@media print{header{position:static}#filter{display:none}thead th,td.id,td.cat,td.name,"
    "th.id,th.cat,th.name{position:static}td.doc{max-width:none}}";

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

/* The requirement checks (OUTPUT.md §7): one row per requirement, one
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
    g_string_append(out, "<table id=\"checks\">\n<thead><tr><th class=\"req\">要件</th>");
    for (guint r = 0; r < records->len; r++) {
        char *label = slx_record_label(g_ptr_array_index(records, r));
        g_string_append(out, "<th class=\"doc\">");
        esc(out, label);
        g_string_append(out, "</th>");
        g_free(label);
    }
    g_string_append(out, "</tr></thead>\n<tbody>\n");
    for (guint i = 0; i < checks->len; i++) {
        const SlxRequirement *q = ((const SlxCheck *)g_ptr_array_index(checks, i))->requirement;
        g_string_append(out, "<tr data-requirement=\"");
        esc(out, q->id);
        g_string_append(out, "\"><td class=\"req\">");
        esc(out, q->label);
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
    g_string_append(out, "</span>\n</header>\n");
    write_checks(out, records);
    g_string_append(out, "<table id=\"comparison\">\n<thead><tr>"
                         "<th class=\"id\">No</th><th class=\"cat\">種別</th><th class=\"name\">項目</th>");
    for (guint r = 0; r < records->len; r++) {
        const SlxRecord *rec = g_ptr_array_index(records, r);
        char *label = slx_record_label(rec);
        g_string_append(out, "<th class=\"doc\" data-file=\"");
        esc(out, rec->file);
        g_string_append(out, "\" title=\"");
        esc(out, rec->file);
        g_string_append(out, "\">");
        esc(out, label);
        g_string_append(out, "</th>");
        g_free(label);
    }
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
            if (it == NULL) {
                g_string_append(cells, "<td class=\"doc a-missing\" data-answer=\"missing\">—</td>");
                continue;
            }
            const char *cls = "unknown";
            for (gsize k = 0; k < G_N_ELEMENTS(classes); k++)
                if (classes[k].a == it->answer)
                    cls = classes[k].cls;
            const char *label = slx_answer_label(it->answer);
            g_string_append_printf(search, " %s %s", label, it->primary ? it->primary : "");
            g_string_append_printf(cells, "<td class=\"doc a-%s\" data-answer=\"%s\" title=\"", cls,
                                   slx_answer_name(it->answer));
            esc(cells, it->text);
            if (it->page)
                g_string_append_printf(cells, " (p.%u)", it->page);
            g_string_append(cells, "\"><details><summary>");
            esc(cells, label);
            if (it->primary) {
                g_string_append(cells, " / ");
                esc(cells, it->primary);
            }
            g_string_append(cells, "</summary><p>");
            esc(cells, it->text);
            g_string_append(cells, "</p>");
            if (it->page)
                g_string_append_printf(cells, "<p class=\"page\">p.%u</p>", it->page);
            g_string_append(cells, "</details></td>");
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
    g_string_append(out, "</tbody>\n</table>\n<script>");
    g_string_append(out, script);
    g_string_append(out, "</script>\n</body>\n</html>\n");
}
