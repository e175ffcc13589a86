/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet/grid.c — one sheet's cells, collected before they become blocks.
 *
 * A sheet's XML states its merged ranges after its cells, and its hidden
 * columns before them, so a sheet is gathered first and emitted when it
 * ends: rows in order, hidden rows and columns left out, merged cells
 * copied down as HTML's rowspan is (read_html.c). */
#include "sheet/internal.h"

#include <string.h>

typedef struct {
    guint row1, col1, row2, col2;
} GridMerge;

struct SlxGrid {
    GTree *rows;            /* row index (GUINT_TO_POINTER) → GPtrArray of char * (NULL: no cell) */
    GHashTable *hidden_rows, *hidden_columns;
    GArray *merges;         /* GridMerge */
};

static gint
grid_compare_rows(gconstpointer a, gconstpointer b, gpointer unused)
{
    (void)unused;
    guint x = GPOINTER_TO_UINT(a), y = GPOINTER_TO_UINT(b);
    return x < y ? -1 : x > y;
}

SlxGrid *
slx_grid_new(void)
{
    SlxGrid *g = g_new0(SlxGrid, 1);
    g->rows = g_tree_new_full(grid_compare_rows, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
    g->hidden_rows = g_hash_table_new(NULL, NULL);
    g->hidden_columns = g_hash_table_new(NULL, NULL);
    g->merges = g_array_new(FALSE, FALSE, sizeof(GridMerge));
    return g;
}

void
slx_grid_free(SlxGrid *g)
{
    if (g == NULL)
        return;
    g_tree_destroy(g->rows);
    g_hash_table_destroy(g->hidden_rows);
    g_hash_table_destroy(g->hidden_columns);
    g_array_free(g->merges, TRUE);
    g_free(g);
}

static GPtrArray *
grid_row(SlxGrid *g, guint row, gboolean create)
{
    GPtrArray *cells = g_tree_lookup(g->rows, GUINT_TO_POINTER(row));
    if (cells == NULL && create) {
        cells = g_ptr_array_new_with_free_func(g_free);
        g_tree_insert(g->rows, GUINT_TO_POINTER(row), cells);
    }
    return cells;
}

void
slx_grid_put(SlxGrid *g, SlxCellBudget *budget, guint row, guint col, char *text)
{
    if (col >= SLX_GRID_MAX_COLUMNS || budget->cells >= SLX_GRID_MAX_CELLS) {
        budget->dropped = TRUE;
        g_free(text);
        return;
    }
    /* The XML parser recovers past bytes that are not UTF-8 (a damaged
     * part is read as far as it goes): each becomes U+FFFD here, for every
     * reader of workbooks, so that no later stage meets them. */
    if (!g_utf8_validate(text, -1, NULL)) {
        char *valid = g_utf8_make_valid(text, -1);
        g_free(text);
        text = valid;
    }
    GPtrArray *cells = grid_row(g, row, TRUE);
    if (cells->len <= col)
        g_ptr_array_set_size(cells, col + 1);
    g_free(g_ptr_array_index(cells, col));
    g_ptr_array_index(cells, col) = text;
    budget->cells++;
}

void
slx_cell_budget_warn(const SlxCellBudget *budget, SlxDocument *doc)
{
    if (budget->dropped)
        slx_document_warn(doc, "cells beyond column %u or past %u cells were not read",
                          SLX_GRID_MAX_COLUMNS, SLX_GRID_MAX_CELLS);
}

void
slx_grid_hide_row(SlxGrid *g, guint row)
{
    g_hash_table_add(g->hidden_rows, GUINT_TO_POINTER(row + 1));
}

void
slx_grid_hide_column(SlxGrid *g, guint col)
{
    if (col < SLX_GRID_MAX_COLUMNS)
        g_hash_table_add(g->hidden_columns, GUINT_TO_POINTER(col + 1));
}

void
slx_grid_merge(SlxGrid *g, guint row1, guint col1, guint row2, guint col2)
{
    GridMerge m = {MIN(row1, row2), MIN(col1, col2), MAX(row1, row2), MAX(col1, col2)};
    g_array_append_val(g->merges, m);
}

/* Copy each merged cell's text into the rows below it that the range
 * covers and that hold other cells (a range drawn over empty rows adds
 * none), up to SLX_GRID_MAX_SPAN rows. */
static void
grid_copy_merges(SlxGrid *g)
{
    for (guint i = 0; i < g->merges->len; i++) {
        const GridMerge *m = &g_array_index(g->merges, GridMerge, i);
        GPtrArray *top = grid_row(g, m->row1, FALSE);
        const char *text = top && m->col1 < top->len ? g_ptr_array_index(top, m->col1) : NULL;
        if (text == NULL || *text == '\0' || m->col1 >= SLX_GRID_MAX_COLUMNS)
            continue;
        guint last = MIN(m->row2, m->row1 + SLX_GRID_MAX_SPAN);
        for (guint r = m->row1 + 1; r <= last; r++) {
            GPtrArray *cells = grid_row(g, r, FALSE);
            if (cells == NULL)
                continue;
            if (cells->len <= m->col1)
                g_ptr_array_set_size(cells, m->col1 + 1);
            if (g_ptr_array_index(cells, m->col1) == NULL ||
                *(char *)g_ptr_array_index(cells, m->col1) == '\0') {
                g_free(g_ptr_array_index(cells, m->col1));
                g_ptr_array_index(cells, m->col1) = g_strdup(text);
            }
        }
    }
}

typedef struct {
    SlxGrid *grid;
    SlxDocument *doc;
} GridEmit;

static gboolean
grid_emit_row(gpointer key, gpointer value, gpointer data)
{
    GridEmit *e = data;
    guint row = GPOINTER_TO_UINT(key);
    GPtrArray *cells = value;
    if (g_hash_table_contains(e->grid->hidden_rows, GUINT_TO_POINTER(row + 1)))
        return FALSE;
    guint filled = 0, last = 0;
    for (guint c = 0; c < cells->len; c++) {
        const char *t = g_ptr_array_index(cells, c);
        if (t && *t && !g_hash_table_contains(e->grid->hidden_columns, GUINT_TO_POINTER(c + 1)))
            filled++, last = c + 1;
    }
    if (filled == 0)
        return FALSE;
    SlxBlock *b = slx_document_add_row(e->doc, row + 1, 0);
    for (guint c = 0; c < last; c++) {
        if (g_hash_table_contains(e->grid->hidden_columns, GUINT_TO_POINTER(c + 1)))
            continue;
        const char *t = g_ptr_array_index(cells, c);
        slx_block_take_cell(b, g_strdup(t ? t : ""));
    }
    return FALSE;
}

void
slx_grid_emit(SlxGrid *g, const char *name, SlxDocument *doc)
{
    SlxBlock *sheet = slx_document_add(doc, SLX_BLOCK_SHEET, 0, 0);
    slx_block_take_cell(sheet, g_strdup(name ? name : ""));
    grid_copy_merges(g);
    GridEmit e = {g, doc};
    g_tree_foreach(g->rows, grid_emit_row, &e);
}
