/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet/internal.h — what the workbook readers (xlsx.c, ods.c, xls.c) share:
 * the parts of a zip package read as bounded XML streams (zip.c), and the
 * grid a sheet's cells are collected in before they become blocks (grid.c).
 * Nothing here is seen outside src/sheet/: the interface is ../read_sheet.h. */
#ifndef SLX_SHEET_INTERNAL_H
#define SLX_SHEET_INTERNAL_H

#include "document.h"

#include <libxml/xmlreader.h>

/* ---- the readers: each reads its format into a document of sheets,
 * *SHEETS receiving the sheets read; NULL with ERROR on failure. */
SlxDocument *slx_read_xlsx(const guint8 *bytes, gsize len, guint *sheets, GError **error);
SlxDocument *slx_read_ods(const guint8 *bytes, gsize len, guint *sheets, GError **error);
SlxDocument *slx_read_xls(const guint8 *bytes, gsize len, guint *sheets, GError **error);

/* ---- zip.c: a zip package in memory ---------------------------------- */

typedef struct SlxZip SlxZip;

/* Open the zip archive in BYTES (not copied: they must outlive it).  NULL
 * with ERROR (SLX_ERROR_DAMAGED) if it is not one. */
SlxZip *slx_zip_open(const guint8 *bytes, gsize len, GError **error);
void slx_zip_close(SlxZip *z);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(SlxZip, slx_zip_close)

gboolean slx_zip_has(SlxZip *z, const char *name);

/* The whole part NAME if it is at most MAX bytes uncompressed, else NULL
 * (also when it is absent or unreadable). */
char *slx_zip_read(SlxZip *z, const char *name, gsize max, gsize *len);

/* A streaming XML reader over part NAME, or NULL if there is none.  The
 * part is inflated as it is read and never beyond a bound proportional to
 * its compressed size (a zip bomb stops there); the network is off and a
 * DTD is refused by slx_xml_next. */
xmlTextReaderPtr slx_zip_xml(SlxZip *z, const char *name);

/* The name of a part that was cut at its bound, or NULL: the reader says so. */
const char *slx_zip_overflowed(const SlxZip *z);
/* The first XML error in a part ("xl/worksheets/sheet1.xml line 3: …"), or
 * NULL: the part was read up to it, and the reader says so. */
const char *slx_zip_damaged(const SlxZip *z);
/* Warn in DOC of what Z's parts lost: a bound reached, an XML error. */
void slx_zip_warn(const SlxZip *z, SlxDocument *doc);

/* ---- XML helpers over a reader ----------------------------------------- */

/* The next node's type, or -1 at the end, on an error or at a DTD (an
 * Office part never has one: entity tricks stop here). */
int slx_xml_next(xmlTextReaderPtr r);

/* Is the node an element start (or end) with local name NAME? */
gboolean slx_xml_is(xmlTextReaderPtr r, int type, const char *name);

/* The attribute of the current element whose local name is NAME
 * (whatever its namespace: Strict and Transitional OOXML differ), or NULL. */
char *slx_xml_attr(xmlTextReaderPtr r, const char *name);

/* An unsigned attribute, or DEFAULT when absent or not a number. */
guint64 slx_xml_attr_uint(xmlTextReaderPtr r, const char *name, guint64 fallback);

/* Is a boolean attribute ("1", "true") set? */
gboolean slx_xml_attr_true(xmlTextReaderPtr r, const char *name);

/* ---- grid.c: one sheet's cells --------------------------------------- */

/* More columns than any checklist has; cells further right are dropped
 * (and the document says so), so that a cell at XFD1 costs nothing. */
#define SLX_GRID_MAX_COLUMNS 1024
/* Cells read from one workbook at most (a sheet of 4 million filled
 * cells is not a checklist); the rest are dropped with a warning. */
#define SLX_GRID_MAX_CELLS 4000000
/* Rows one merged cell is copied into at most, as HTML's rowspan. */
#define SLX_GRID_MAX_SPAN 1000

typedef struct SlxGrid SlxGrid;

/* What a workbook's sheets may still take: the cells put so far (at most
 * SLX_GRID_MAX_CELLS in all), and whether any was left out. */
typedef struct {
    guint cells;
    gboolean dropped;
} SlxCellBudget;

SlxGrid *slx_grid_new(void);
void slx_grid_free(SlxGrid *g);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(SlxGrid, slx_grid_free)

/* Put TEXT (taken) at 0-based ROW, COL, within BUDGET: a cell past the
 * workbook's SLX_GRID_MAX_CELLS, or beyond SLX_GRID_MAX_COLUMNS, is left
 * out, and the budget says so. */
void slx_grid_put(SlxGrid *g, SlxCellBudget *budget, guint row, guint col, char *text);
void slx_grid_hide_row(SlxGrid *g, guint row);
void slx_grid_hide_column(SlxGrid *g, guint col);
/* A merged range, inclusive, 0-based. */
void slx_grid_merge(SlxGrid *g, guint row1, guint col1, guint row2, guint col2);
/* Warn in DOC if BUDGET left cells out. */
void slx_cell_budget_warn(const SlxCellBudget *budget, SlxDocument *doc);

/* Append to DOC a SLX_BLOCK_SHEET block named NAME and the visible rows
 * of G as table rows: hidden rows and columns left out, a merged cell's
 * text copied into the rows below it that it covers (its other columns
 * stay empty, as HTML's colspan), blank rows skipped. */
void slx_grid_emit(SlxGrid *g, const char *name, SlxDocument *doc);

#endif
