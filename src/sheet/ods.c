/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet/ods.c — an OpenDocument spreadsheet (.ods) → blocks.
 *
 * content.xml holds every sheet (<table:table>) in order, streamed here
 * (zip.c).  An ODS cell stores the text it shows (<text:p>), already
 * through its number format, so the figure is what the vendor saw.  What
 * the format adds over a grid, and how it is read (OpenDocument 1.3 §9):
 *   - repeated rows and cells (number-rows-repeated, number-columns-
 *     repeated): an empty run only moves on, a filled one is copied, up
 *     to the grid's bounds, so "1048576 empty rows" costs nothing;
 *   - merged cells (number-rows-spanned …) as ranges, the covered cells
 *     following them empty;
 *   - hidden rows and columns (visibility collapse or filter), and hidden
 *     sheets (their table style says display="false");
 *   - comments (<office:annotation>) are not the cell's text. */
#include "sheet/internal.h"
#include "error.h"

#include <string.h>

/* Spaces one <text:s text:c="N"/> stands for at most. */
#define ODS_MAX_SPACES 1000

typedef struct {
    SlxZip *zip;
    SlxDocument *doc;
    GHashTable *hidden_styles;   /* table style names with display="false" */
    SlxCellBudget budget;        /* the workbook's cells */
} Ods;

/* The text a cell shows: its paragraphs joined by line breaks, spaces and
 * tabs as <text:s>/<text:tab> say, comments left out.  The reader is on
 * the cell's start and is left on its end. */
static char *
ods_cell_text(xmlTextReaderPtr r)
{
    GString *text = g_string_new(NULL);
    int depth = xmlTextReaderDepth(r), skip = -1, type;
    guint paragraphs = 0;
    while ((type = slx_xml_next(r)) != -1) {
        int d = xmlTextReaderDepth(r);
        if (type == XML_READER_TYPE_END_ELEMENT && d == depth)
            break;
        if (skip >= 0) {
            if (type == XML_READER_TYPE_END_ELEMENT && d == skip)
                skip = -1;
            continue;
        }
        if (type == XML_READER_TYPE_ELEMENT) {
            gboolean empty = xmlTextReaderIsEmptyElement(r);
            if (slx_xml_is(r, type, "annotation") || slx_xml_is(r, type, "table")) {
                if (!empty)
                    skip = d;
            } else if (slx_xml_is(r, type, "p") || slx_xml_is(r, type, "h")) {
                if (paragraphs++ > 0)
                    g_string_append_c(text, '\n');
            } else if (slx_xml_is(r, type, "s")) {
                guint64 n = MIN(slx_xml_attr_uint(r, "c", 1), ODS_MAX_SPACES);
                for (guint64 k = 0; k < n; k++)
                    g_string_append_c(text, ' ');
            } else if (slx_xml_is(r, type, "tab")) {
                g_string_append_c(text, '\t');
            } else if (slx_xml_is(r, type, "line-break")) {
                g_string_append_c(text, '\n');
            }
        } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                   type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v)
                g_string_append(text, (const char *)v);
        }
    }
    return g_string_free(text, FALSE);
}

/* One row's cells: (column, text) until the row ends. */
typedef struct {
    guint col;
    char *text;
} OdsCell;

static void
ods_cell_clear(gpointer p)
{
    g_free(((OdsCell *)p)->text);
}

/* Read the row the reader is on: its cells into CELLS, merges into G. */
static void
ods_read_row(Ods *o, xmlTextReaderPtr r, SlxGrid *g, guint row, GArray *cells)
{
    if (xmlTextReaderIsEmptyElement(r))
        return;
    int depth = xmlTextReaderDepth(r), type;
    guint col = 0;
    while ((type = slx_xml_next(r)) != -1) {
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth)
            break;
        gboolean cell = slx_xml_is(r, XML_READER_TYPE_ELEMENT, "table-cell");
        if (!cell && !slx_xml_is(r, XML_READER_TYPE_ELEMENT, "covered-table-cell"))
            continue;
        guint64 repeat = slx_xml_attr_uint(r, "number-columns-repeated", 1);
        guint64 span_rows = slx_xml_attr_uint(r, "number-rows-spanned", 1);
        guint64 span_cols = slx_xml_attr_uint(r, "number-columns-spanned", 1);
        g_autofree char *value = slx_xml_attr(r, "value");
        char *text = xmlTextReaderIsEmptyElement(r) ? g_strdup("") : ods_cell_text(r);
        if (!cell) {
            /* A covered cell may keep the text it had before the merge:
             * the sheet shows none. */
            g_free(text);
            text = g_strdup("");
        } else if (*text == '\0' && value) {
            g_free(text);
            text = g_strdup(value);     /* a writer that stores no <text:p> */
        }
        if (cell && (span_rows > 1 || span_cols > 1) && col < SLX_GRID_MAX_COLUMNS)
            slx_grid_merge(g, row, col, (guint)MIN(row + span_rows - 1, G_MAXUINT - 1),
                           (guint)MIN(col + span_cols - 1, SLX_GRID_MAX_COLUMNS));
        if (*text == '\0') {
            col = (guint)MIN(col + repeat, SLX_GRID_MAX_COLUMNS);
            g_free(text);
            continue;
        }
        for (guint64 k = 0; k < repeat; k++, col++) {
            if (col >= SLX_GRID_MAX_COLUMNS) {
                o->budget.dropped = TRUE;
                break;
            }
            OdsCell c = {col, g_strdup(text)};
            g_array_append_val(cells, c);
        }
        g_free(text);
    }
}

/* Put ROW's CELLS into G REPEAT times from ROW on. */
static void
ods_put_row(Ods *o, SlxGrid *g, guint row, guint64 repeat, GArray *cells)
{
    if (cells->len == 0)
        return;
    for (guint64 k = 0; k < MIN(repeat, (guint64)SLX_GRID_MAX_SPAN); k++)
        for (guint i = 0; i < cells->len; i++) {
            const OdsCell *c = &g_array_index(cells, OdsCell, i);
            slx_grid_put(g, &o->budget, (guint)(row + k), c->col, g_strdup(c->text));
        }
}

static gboolean
ods_hidden(xmlTextReaderPtr r)
{
    g_autofree char *v = slx_xml_attr(r, "visibility");
    return v && (strcmp(v, "collapse") == 0 || strcmp(v, "filter") == 0);
}

/* Read the sheet (<table:table>) the reader is on, and emit it. */
static void
ods_read_table(Ods *o, xmlTextReaderPtr r, const char *name)
{
    g_autoptr(SlxGrid) g = slx_grid_new();
    g_autoptr(GArray) cells = g_array_new(FALSE, FALSE, sizeof(OdsCell));
    g_array_set_clear_func(cells, ods_cell_clear);
    int depth = xmlTextReaderDepth(r), type;
    guint row = 0, col = 0;
    while ((type = slx_xml_next(r)) != -1) {
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth)
            break;
        if (slx_xml_is(r, XML_READER_TYPE_ELEMENT, "table-column")) {
            guint64 repeat = slx_xml_attr_uint(r, "number-columns-repeated", 1);
            gboolean hidden = ods_hidden(r);
            for (guint64 k = 0; k < repeat && col < SLX_GRID_MAX_COLUMNS; k++, col++)
                if (hidden)
                    slx_grid_hide_column(g, col);
        } else if (slx_xml_is(r, XML_READER_TYPE_ELEMENT, "table-row")) {
            guint64 repeat = slx_xml_attr_uint(r, "number-rows-repeated", 1);
            gboolean hidden = ods_hidden(r);
            g_array_set_size(cells, 0);
            ods_read_row(o, r, g, row, cells);
            if (!hidden)
                ods_put_row(o, g, row, repeat, cells);
            row = (guint)MIN(row + repeat, G_MAXUINT / 2);
        }
    }
    slx_grid_emit(g, name, o->doc);
}

/* Move the reader from an element's start to its end. */
static void
ods_skip(xmlTextReaderPtr r)
{
    int depth = xmlTextReaderDepth(r), type;
    while ((type = slx_xml_next(r)) != -1)
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth)
            break;
}

SlxDocument *
slx_read_ods(const guint8 *bytes, gsize len, guint *sheets_read, GError **error)
{
    *sheets_read = 0;
    g_autoptr(SlxZip) zip = slx_zip_open(bytes, len, error);
    if (zip == NULL)
        return NULL;
    xmlTextReaderPtr r = slx_zip_xml(zip, "content.xml");
    if (r == NULL) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK,
                    "an OpenDocument package without content.xml");
        return NULL;
    }
    Ods o = {zip, slx_document_new(), g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
             {0, FALSE}};
    char *style = NULL;    /* the table style being read in automatic-styles */
    int type;
    while ((type = slx_xml_next(r)) != -1) {
        if (slx_xml_is(r, XML_READER_TYPE_ELEMENT, "style")) {
            g_autofree char *family = slx_xml_attr(r, "family");
            g_free(style);
            style = family && strcmp(family, "table") == 0 ? slx_xml_attr(r, "name") : NULL;
        } else if (style && slx_xml_is(r, XML_READER_TYPE_ELEMENT, "table-properties")) {
            g_autofree char *display = slx_xml_attr(r, "display");
            if (display && strcmp(display, "false") == 0)
                g_hash_table_add(o.hidden_styles, g_strdup(style));
        } else if (slx_xml_is(r, XML_READER_TYPE_ELEMENT, "table") &&
                   !xmlTextReaderIsEmptyElement(r)) {
            g_autofree char *name = slx_xml_attr(r, "name");
            g_autofree char *table_style = slx_xml_attr(r, "style-name");
            if (table_style && g_hash_table_contains(o.hidden_styles, table_style)) {
                ods_skip(r);               /* a hidden sheet, unread */
                continue;
            }
            ods_read_table(&o, r, name);
            (*sheets_read)++;
        }
    }
    g_free(style);
    xmlFreeTextReader(r);
    slx_cell_budget_warn(&o.budget, o.doc);
    slx_zip_warn(zip, o.doc);
    g_hash_table_destroy(o.hidden_styles);
    return o.doc;
}
