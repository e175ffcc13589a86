/* grid.h — the raw table a reader produces: rows of cells, nothing decided.
 *
 * Every reader (text, and later PDF and HTML) ends in an SlxGrid; the
 * segmenter decides which rows are headers, sections and checklist items.
 * Cells hold cleaned text (markup removed) that is not yet normalized. */
#ifndef SLX_GRID_H
#define SLX_GRID_H

#include <glib.h>

typedef struct {
    GPtrArray *cells;  /* char *, never NULL, possibly "" */
    guint line;        /* 1-based line in the source (text), 0 if none */
    guint page;        /* 1-based page (PDF), 0 otherwise */
    gboolean heading;  /* the reader knows it is a heading (HTML h1–h6), not a row */
    gboolean continues;/* the reader knows it is the rest of the row above (PDF page break) */
} SlxGridRow;

typedef struct {
    GPtrArray *rows;   /* SlxGridRow * */
} SlxGrid;

SlxGrid *slx_grid_new(void);
void slx_grid_free(SlxGrid *grid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(SlxGrid, slx_grid_free)

/* Append an empty row and return it. */
SlxGridRow *slx_grid_add_row(SlxGrid *grid, guint line, guint page);
/* Append a cell (takes ownership of TEXT). */
void slx_grid_row_take_cell(SlxGridRow *row, char *text);

/* Number of non-empty (non-blank) cells. */
guint slx_grid_row_filled(const SlxGridRow *row);
const char *slx_grid_cell(const SlxGridRow *row, guint i);

#endif
