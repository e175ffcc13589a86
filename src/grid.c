/* grid.c — the raw table a reader produces. */
#include "grid.h"

static void
row_free(gpointer p)
{
    SlxGridRow *row = p;
    g_ptr_array_unref(row->cells);
    g_free(row);
}

SlxGrid *
slx_grid_new(void)
{
    SlxGrid *grid = g_new0(SlxGrid, 1);
    grid->rows = g_ptr_array_new_with_free_func(row_free);
    return grid;
}

void
slx_grid_free(SlxGrid *grid)
{
    if (grid == NULL)
        return;
    g_ptr_array_unref(grid->rows);
    g_free(grid);
}

SlxGridRow *
slx_grid_add_row(SlxGrid *grid, guint line, guint page)
{
    SlxGridRow *row = g_new0(SlxGridRow, 1);
    row->cells = g_ptr_array_new_with_free_func(g_free);
    row->line = line;
    row->page = page;
    g_ptr_array_add(grid->rows, row);
    return row;
}

void
slx_grid_row_take_cell(SlxGridRow *row, char *text)
{
    g_ptr_array_add(row->cells, text);
}

static gboolean
is_blank(const char *s)
{
    for (; *s; s = g_utf8_next_char(s)) {
        gunichar c = g_utf8_get_char(s);
        if (!g_unichar_isspace(c) && c != 0x3000)
            return FALSE;
    }
    return TRUE;
}

guint
slx_grid_row_filled(const SlxGridRow *row)
{
    guint n = 0;
    for (guint i = 0; i < row->cells->len; i++)
        if (!is_blank(g_ptr_array_index(row->cells, i)))
            n++;
    return n;
}

const char *
slx_grid_cell(const SlxGridRow *row, guint i)
{
    return i < row->cells->len ? g_ptr_array_index(row->cells, i) : "";
}
