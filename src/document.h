/* SPDX-License-Identifier: GPL-3.0-or-later */
/* document.h — what every reader produces: blocks in reading order.
 *
 * A reader (text, HTML, e-mail, PDF, workbook) says only what its format says: this
 * is a table row of cells, a heading of level N, a paragraph, a list item,
 * a label with its value.  Deciding what a block means for the checklist
 * (header row, section, item, response, preamble, furniture) is done once,
 * for every format, in segment.c.  Cells hold cleaned text (markup
 * removed) that is not yet normalized. */
#ifndef SLX_DOCUMENT_H
#define SLX_DOCUMENT_H

#include <glib.h>

typedef enum {
    SLX_BLOCK_ROW,          /* a table row: cells in column order */
    SLX_BLOCK_HEADING,      /* one cell; LEVEL 1–6, 0 for a document title (<title>, Subject) */
    SLX_BLOCK_PARAGRAPH,    /* one cell: a line of plain text, a <p> */
    SLX_BLOCK_LIST_ITEM,    /* one cell, its bullet removed */
    SLX_BLOCK_LABEL_VALUE,  /* two cells: label, value (<dt>/<dd>) */
    SLX_BLOCK_SHEET,        /* one cell: the name of the workbook sheet whose rows follow */
} SlxBlockKind;

typedef struct {
    SlxBlockKind kind;
    GPtrArray *cells;  /* char *, never NULL, possibly "" */
    guint level;       /* HEADING: its level */
    guint indent;      /* PARAGRAPH: the line starts indented (a continuation in plain text) */
    guint line;        /* 1-based line in the source (text), 0 if none */
    guint page;        /* 1-based page (PDF), 0 otherwise */
    gboolean continues;/* ROW: the rest of the row above (cut by a page break) */
    double confidence; /* 0–1, how sure the reader is of its text: OCR's mean confidence
                          in its words; 1 for text read as the document has it */
} SlxBlock;

typedef struct {
    GPtrArray *blocks;   /* SlxBlock * */
    GPtrArray *warnings; /* char *: what the reader could not read as it should */
    gboolean ocr;        /* some page's text came from OCR (its blocks say how surely) */
} SlxDocument;

SlxDocument *slx_document_new(void);
void slx_document_free(SlxDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(SlxDocument, slx_document_free)

/* A new empty block of KIND, in no document yet: a reader that finds a
 * page's blocks out of order makes them first and appends them sorted. */
SlxBlock *slx_block_new(SlxBlockKind kind, guint line, guint page);
/* Append BLOCK (taken) to DOC. */
void slx_document_append(SlxDocument *doc, SlxBlock *block);
/* Append an empty block of KIND and return it. */
SlxBlock *slx_document_add(SlxDocument *doc, SlxBlockKind kind, guint line, guint page);
/* Append an empty table row and return it. */
SlxBlock *slx_document_add_row(SlxDocument *doc, guint line, guint page);
/* Append a one-cell block of KIND holding TEXT (taken). */
SlxBlock *slx_document_add_text(SlxDocument *doc, SlxBlockKind kind, char *text, guint line);
/* Add a warning the record will carry. */
void slx_document_warn(SlxDocument *doc, const char *format, ...) G_GNUC_PRINTF(2, 3);

/* Append a cell (takes ownership of TEXT). */
void slx_block_take_cell(SlxBlock *block, char *text);

/* Number of non-empty (non-blank) cells. */
guint slx_block_filled(const SlxBlock *block);
const char *slx_block_cell(const SlxBlock *block, guint i);
/* "row", "heading", "paragraph", "list_item", "label_value", "sheet". */
const char *slx_block_kind_name(SlxBlockKind kind);

#endif
