/* SPDX-License-Identifier: GPL-3.0-or-later */
/* furniture.c — page headers and footers: text outside the table that
 * comes back at the same height on other pages. */
#include "pdf.h"

#include <math.h>

/* Text outside the table that comes back at the same height on other pages
 * (the sheet's name, 「2 / 5」) is the page's furniture, not the document's:
 * a page header printed first would pass for its title.  FURNITURE maps
 * the text, digits masked, and its height to the grid rows holding it. */
void
slx_pdf_note_furniture(GHashTable *furniture, SlxBlock *row, double top)
{
    GString *key = g_string_new(NULL);
    for (const char *p = slx_block_cell(row, 0); *p; p++)
        g_string_append_c(key, g_ascii_isdigit(*p) ? '#' : *p);
    g_string_append_printf(key, "@%d", (int)floor(top / 4));
    GPtrArray *rows = g_hash_table_lookup(furniture, key->str);
    if (rows == NULL) {
        rows = g_ptr_array_new();
        g_hash_table_insert(furniture, g_strdup(key->str), rows);
    }
    g_ptr_array_add(rows, row);
    g_string_free(key, TRUE);
}

/* Remove from GRID the rows of FURNITURE found on more than one page. */
void
slx_pdf_drop_furniture(GHashTable *furniture, SlxDocument *grid)
{
    GHashTableIter it;
    gpointer value;
    GHashTable *drop = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_hash_table_iter_init(&it, furniture);
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        GPtrArray *rows = value;
        const SlxBlock *first = g_ptr_array_index(rows, 0);
        gboolean pages = FALSE;
        for (guint i = 1; i < rows->len && !pages; i++)
            pages = ((const SlxBlock *)g_ptr_array_index(rows, i))->page != first->page;
        for (guint i = 0; pages && i < rows->len; i++)
            g_hash_table_add(drop, g_ptr_array_index(rows, i));
    }
    for (guint i = grid->blocks->len; i-- > 0;)
        if (g_hash_table_contains(drop, g_ptr_array_index(grid->blocks, i)))
            g_ptr_array_remove_index(grid->blocks, i);
    g_hash_table_unref(drop);
}
