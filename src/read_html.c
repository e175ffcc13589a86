/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_html.c — web pages → blocks: table rows, headings, paragraphs, dt/dd.
 *
 * libxml2's HTML parser runs in SAX mode: no tree is built, so a 50 MB
 * page costs its blocks and nothing more, and no recursion of ours follows
 * the nesting (elements deeper than MAX_DEPTH are ignored and reported).
 * The network is off and the page's own charset hint is ignored: the bytes
 * were decoded already (decode.c) and are handed over as UTF-8.
 *
 * What the page says, block by block (what it means is segment/'s job):
 *   - a table row, with rowspan cells copied into every row they cover (the
 *     merged 種別) and colspan cells padded with empty cells; <br>, <p>,
 *     <li> inside a cell are line breaks; a nested table's rows are rows;
 *   - a heading with its level (h1–h6; the <title> is level 0);
 *   - a <dt> and the <dd> after it as a label/value pair (a <dt> alone is
 *     a paragraph);
 *   - an <li> as a list item; any other block (p, div …) as a paragraph.
 * Navigation, footers, forms, scripts and styles are not content.
 *
 * This is the module slaxtract-html.so: libxml2 (with the ICU it links)
 * costs a start 2 ms, which a run without web pages does not pay;
 * read_html_load.c loads it for the first page. */
#include "read_html.h"

#include <gmodule.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#define MAX_DEPTH 512
#define MAX_SPAN 1000

typedef struct {
    guint remaining;   /* rows still covered below */
    char *text;
} Span;

typedef struct {
    GPtrArray *row;    /* char *, NULL for a column not yet filled */
    GArray *spans;     /* Span, per column */
    GString *cell;     /* the cell being read, or NULL */
    guint colspan, rowspan;
    gboolean in_row;
} Table;

typedef struct {
    SlxDocument *doc;
    GPtrArray *tables;      /* Table *: the open tables, innermost last */
    guint depth;            /* element depth */
    guint skip_from;        /* depth at which skipped content started, 0 if none */
    gboolean truncated;
    guint errors;
    GString *block;         /* text of the block being read outside tables */
    char *dt;               /* a dt waiting for its dd */
} Html;

static gboolean
is_one_of(const char *name, const char *const *set)
{
    for (; *set; set++)
        if (g_ascii_strcasecmp(name, *set) == 0)
            return TRUE;
    return FALSE;
}

static const char *const skipped[] = {
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
    "select", "textarea", "iframe", "svg", "object", "canvas", "map", NULL};
static const char *const blocks[] = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "main", "header", "blockquote", "pre", "title", "caption", "address", "hr", "body",
    NULL};

static int
html_heading_level(const char *name)
{
    if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
        return name[1] - '0';
    return 0;
}

/* Append a row of the N CELLS (taking them; NULL is an empty cell), unless
 * every cell is blank. */
static void
html_add_row(Html *h, char **cells, guint n)
{
    gboolean any = FALSE;
    for (guint i = 0; i < n; i++)
        any |= cells[i] && *g_strstrip(cells[i]);
    if (!any) {
        for (guint i = 0; i < n; i++)
            g_free(cells[i]);
        return;
    }
    SlxBlock *row = slx_document_add_row(h->doc, 0, 0);
    for (guint i = 0; i < n; i++)
        slx_block_take_cell(row, cells[i] ? cells[i] : g_strdup(""));
}

/* Append a one-cell block of KIND (taking TEXT). */
static SlxBlock *
html_add_text(Html *h, SlxBlockKind kind, char *text)
{
    return slx_document_add_text(h->doc, kind, text, 0);
}

/* A <dt> that no <dd> followed is a paragraph of its own. */
static void
html_flush_dt(Html *h)
{
    if (h->dt)
        html_add_text(h, SLX_BLOCK_PARAGRAPH, h->dt);
    h->dt = NULL;
}

/* The block NAME ended (or another began): say what it was. */
static void
html_flush_block(Html *h, const char *name)
{
    char *text = g_strstrip(g_strdup(h->block->str));
    g_string_truncate(h->block, 0);
    if (*text == '\0') {
        g_free(text);
        return;
    }
    int level = html_heading_level(name);
    if (g_ascii_strcasecmp(name, "dd") == 0 && h->dt) {
        SlxBlock *b = slx_document_add(h->doc, SLX_BLOCK_LABEL_VALUE, 0, 0);
        slx_block_take_cell(b, h->dt);
        slx_block_take_cell(b, text);
        h->dt = NULL;
        return;
    }
    html_flush_dt(h);
    if (g_ascii_strcasecmp(name, "dt") == 0) {
        h->dt = text;
    } else if (level > 0 || g_ascii_strcasecmp(name, "title") == 0) {
        html_add_text(h, SLX_BLOCK_HEADING, text)->level = (guint)level;
    } else if (g_ascii_strcasecmp(name, "li") == 0) {
        html_add_text(h, SLX_BLOCK_LIST_ITEM, text);
    } else {
        html_add_text(h, SLX_BLOCK_PARAGRAPH, text);
    }
}

/* ---- tables ---------------------------------------------------------- */

static void
span_clear(gpointer p)
{
    g_free(((Span *)p)->text);
}

static Table *
table_new(void)
{
    Table *t = g_new0(Table, 1);
    t->row = g_ptr_array_new();
    t->spans = g_array_new(FALSE, TRUE, sizeof(Span));
    g_array_set_clear_func(t->spans, span_clear);
    return t;
}

static void
table_free(Table *t)
{
    for (guint i = 0; i < t->row->len; i++)
        g_free(g_ptr_array_index(t->row, i));
    g_ptr_array_free(t->row, TRUE);
    g_array_free(t->spans, TRUE);
    if (t->cell)
        g_string_free(t->cell, TRUE);
    g_free(t);
}

static void
ensure_columns(Table *t, guint n)
{
    if (t->row->len < n)
        g_ptr_array_set_size(t->row, n);
    if (t->spans->len < n)
        g_array_set_size(t->spans, n);
}

/* The first column at or after COL not taken by a rowspan from above;
 * the taken ones get the spanning text. */
static guint
next_free(Table *t, guint col)
{
    for (;; col++) {
        ensure_columns(t, col + 1);
        Span *s = &g_array_index(t->spans, Span, col);
        if (g_ptr_array_index(t->row, col) != NULL)
            continue;
        if (s->remaining == 0)
            return col;
        g_ptr_array_index(t->row, col) = g_strdup(s->text ? s->text : "");
    }
}

static void
end_cell(Table *t)
{
    if (t->cell == NULL)
        return;
    char *text = g_string_free(t->cell, FALSE);
    t->cell = NULL;
    guint col = next_free(t, 0);
    ensure_columns(t, col + t->colspan);
    g_ptr_array_index(t->row, col) = text;
    for (guint k = 1; k < t->colspan; k++)
        if (g_ptr_array_index(t->row, col + k) == NULL)
            g_ptr_array_index(t->row, col + k) = g_strdup("");
    if (t->rowspan > 1) {
        Span *s = &g_array_index(t->spans, Span, col);
        g_free(s->text);
        s->text = g_strdup(text);
        s->remaining = t->rowspan;    /* counted down at the end of each row */
    }
}

static void
end_row(Html *h, Table *t)
{
    end_cell(t);
    if (!t->in_row)
        return;
    t->in_row = FALSE;
    /* Columns still covered from above, to the right of the last cell. */
    for (guint c = 0; c < t->spans->len; c++) {
        Span *s = &g_array_index(t->spans, Span, c);
        ensure_columns(t, c + 1);
        if (s->remaining > 0 && g_ptr_array_index(t->row, c) == NULL)
            g_ptr_array_index(t->row, c) = g_strdup(s->text ? s->text : "");
    }
    for (guint c = 0; c < t->spans->len; c++) {
        Span *s = &g_array_index(t->spans, Span, c);
        if (s->remaining > 0)
            s->remaining--;
    }
    guint n = t->row->len;
    while (n > 0 && g_ptr_array_index(t->row, n - 1) == NULL)
        n--;
    html_add_row(h, (char **)t->row->pdata, n);
    for (guint i = n; i < t->row->len; i++)
        g_free(g_ptr_array_index(t->row, i));
    g_ptr_array_set_size(t->row, 0);
}

static guint
span_attr(const xmlChar **attrs, const char *name)
{
    for (const xmlChar **a = attrs; a && a[0]; a += 2) {
        if (g_ascii_strcasecmp((const char *)a[0], name) == 0 && a[1]) {
            guint64 v = g_ascii_strtoull((const char *)a[1], NULL, 10);
            return v < 1 ? 1 : v > MAX_SPAN ? MAX_SPAN : (guint)v;
        }
    }
    return 1;
}

/* ---- SAX callbacks --------------------------------------------------- */

static GString *
sink(Html *h)
{
    Table *t = h->tables->len ? g_ptr_array_index(h->tables, h->tables->len - 1) : NULL;
    if (t)
        return t->cell;     /* NULL between cells: text there is not content */
    return h->block;
}

static void
on_start(void *ctx, const xmlChar *xname, const xmlChar **attrs)
{
    Html *h = ctx;
    const char *name = (const char *)xname;
    h->depth++;
    if (h->depth > MAX_DEPTH) {
        h->truncated = TRUE;
        return;
    }
    if (h->skip_from)
        return;
    if (is_one_of(name, skipped)) {
        h->skip_from = h->depth;
        return;
    }
    Table *t = h->tables->len ? g_ptr_array_index(h->tables, h->tables->len - 1) : NULL;
    if (g_ascii_strcasecmp(name, "table") == 0) {
        if (t == NULL)
            html_flush_block(h, "p");
        g_ptr_array_add(h->tables, table_new());
    } else if (t && g_ascii_strcasecmp(name, "tr") == 0) {
        end_row(h, t);
        t->in_row = TRUE;
    } else if (t && (g_ascii_strcasecmp(name, "td") == 0 || g_ascii_strcasecmp(name, "th") == 0)) {
        if (!t->in_row)
            t->in_row = TRUE;
        end_cell(t);
        t->cell = g_string_new(NULL);
        t->colspan = span_attr(attrs, "colspan");
        t->rowspan = span_attr(attrs, "rowspan");
    } else if (g_ascii_strcasecmp(name, "br") == 0 || is_one_of(name, blocks)) {
        GString *s = sink(h);
        if (t == NULL && is_one_of(name, blocks))
            html_flush_block(h, "p");
        else if (s)
            g_string_append_c(s, '\n');
    }
}

static void
on_end(void *ctx, const xmlChar *xname)
{
    Html *h = ctx;
    const char *name = (const char *)xname;
    guint depth = h->depth--;
    if (depth > MAX_DEPTH)
        return;
    if (h->skip_from) {
        if (depth == h->skip_from)
            h->skip_from = 0;
        return;
    }
    Table *t = h->tables->len ? g_ptr_array_index(h->tables, h->tables->len - 1) : NULL;
    if (t && g_ascii_strcasecmp(name, "table") == 0) {
        end_row(h, t);
        table_free(t);
        g_ptr_array_remove_index(h->tables, h->tables->len - 1);
    } else if (t && g_ascii_strcasecmp(name, "tr") == 0) {
        end_row(h, t);
    } else if (t && (g_ascii_strcasecmp(name, "td") == 0 || g_ascii_strcasecmp(name, "th") == 0)) {
        end_cell(t);
    } else if (t == NULL && is_one_of(name, blocks)) {
        html_flush_block(h, name);
    }
}

static void
on_text(void *ctx, const xmlChar *text, int len)
{
    Html *h = ctx;
    if (h->skip_from || h->depth > MAX_DEPTH)
        return;
    GString *s = sink(h);
    if (s)
        g_string_append_len(s, (const char *)text, len);
}

/* Markup errors are counted, not printed.  libxml2's parser knows HTML 4
 * only: an HTML5 element (nav, section, footer) is valid markup, not an
 * error. */
static void
on_error(void *ctx, xmlErrorPtr e)
{
    if (e && e->code != XML_HTML_UNKNOWN_TAG)
        ((Html *)ctx)->errors++;
}

/* ---- public ---------------------------------------------------------- */

static SlxDocument *
html_read(const char *utf8, gsize len, guint *errors, gboolean *truncated)
{
    /* Once per process, before the first parse (a no-op after it): a
     * worker reads one document at a time, on its one thread. */
    xmlInitParser();
    Html h = {0};
    h.doc = slx_document_new();
    h.tables = g_ptr_array_new();
    h.block = g_string_new(NULL);

    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(utf8, (int)MIN(len, (gsize)G_MAXINT));
    if (ctxt) {
        xmlSAXHandler *sax = xmlMalloc(sizeof *sax);   /* freed with the context */
        memset(sax, 0, sizeof *sax);
        sax->startElement = on_start;
        sax->endElement = on_end;
        sax->characters = on_text;
        sax->cdataBlock = on_text;
        sax->serror = on_error;
        sax->initialized = XML_SAX2_MAGIC;   /* so that serror is used */
        xmlFree(ctxt->sax);
        ctxt->sax = sax;
        ctxt->userData = &h;
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
        htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOBLANKS);
        htmlParseDocument(ctxt);
        htmlFreeParserCtxt(ctxt);
    }
    while (h.tables->len > 0) {                 /* unclosed tables at the end */
        Table *t = g_ptr_array_index(h.tables, h.tables->len - 1);
        end_row(&h, t);
        table_free(t);
        g_ptr_array_remove_index(h.tables, h.tables->len - 1);
    }
    html_flush_block(&h, "p");
    html_flush_dt(&h);

    *errors = h.errors;
    *truncated = h.truncated;
    if (h.errors)
        slx_document_warn(h.doc, "%u HTML markup errors were found and recovered from", h.errors);
    if (h.truncated)
        slx_document_warn(h.doc, "the HTML nests elements more than %d deep: the deeper content "
                          "was ignored", MAX_DEPTH);
    g_ptr_array_free(h.tables, TRUE);
    g_string_free(h.block, TRUE);
    return h.doc;
}

G_MODULE_EXPORT const SlxReadHtmlModule slx_read_html_module = {html_read};
