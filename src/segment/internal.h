/* SPDX-License-Identifier: GPL-3.0-or-later */
/* segment/internal.h — what the files of the segmentation stage share.
 *
 * segment.c drives the blocks of a document through table.c (table rows:
 * headers, alignment of cells to columns, continuation lines), text.c
 * (headings, item-name lines, label/value lines, Q&A) and transcript.c
 * (a table copied one cell per line).  Nothing here is seen outside
 * src/segment/: the stage's interface is ../segment.h. */
#ifndef SLX_SEGMENT_INTERNAL_H
#define SLX_SEGMENT_INTERNAL_H

#include "segment.h"
#include "normalize.h"
#include "similarity.h"

/* The context every decision of the stage needs, built once per document. */
typedef struct {
    const SlxPatterns *patterns;
    GHashTable *name_likeness, *template_likeness;   /* match key → best similarity (double *) */
} Context;

/* The state of one document's segmentation. */
typedef enum {
    OPEN_SECTION,   /* a heading, an item-name line or a question: what follows is its response */
    OPEN_LINE,      /* 「名前:値」 on one line: only indented lines continue it */
} OpenKind;

typedef struct {
    Context cx;
    const SlxDocument *doc;
    SlxTable *t;
    GArray *roles;          /* the table header in force, or NULL */
    guint frame;            /* leading columns that are a sheet viewer's row numbers */
    char *section;
    guint section_number;
    SlxRow *last;           /* the table row a continuation line extends */
    guint cut_page;         /* the page whose first row last continued LAST, or 0 */
    GArray *last_roles;     /* the roles of LAST's cells */
    guint table_rows;       /* rows read from tables (the rest from text layouts) */
    SlxRow *open;           /* the item a text layout is filling, not yet in t->rows */
    OpenKind open_kind;
    guint open_labels;      /* label/value pairs put into OPEN so far */
    gboolean skipping;      /* under a question that names no item: its answer is not read */
    guint heading_parts;    /* parts of the number of the first numbered name line (1.1: 2), or 0 */
    GArray *transcript;     /* a table transcribed one cell per line: its header's roles, or NULL */
    guint transcript_skip;  /* blocks up to this index are the transcript's header */
    GPtrArray *cell_lines;  /* the lines of the transcribed row being read (char *) */
    char *cell_no;          /* its item number */
    const SlxBlock *cell_block; /* its first block */
    GPtrArray *doc_titles;  /* level-0 headings (<title>, Subject): noted after the rest */
    gboolean closed;        /* past the line that closes a letter (「以上」): nothing more is read */
    gboolean other_sheet;   /* in a workbook sheet that is not the answer (記入例): not read */
    guint sheet;            /* the workbook sheet being read (1-based), 0 outside workbooks */
} Segmenter;

/* segment.c: rows and their fields, the catalog, the preamble. */
gboolean slx_seg_is_number(const Context *cx, const char *text);
gboolean slx_seg_glued(const Context *cx, const char *text, char **no, char **name);
gboolean slx_seg_is_category(const Context *cx, const char *key);
gboolean slx_seg_is_unit(const Context *cx, const char *key);
gboolean slx_seg_numbered(const GPtrArray *patterns, const char *text, char **no, char **name);
void slx_seg_row_free(gpointer row);
SlxRow *slx_seg_new_row(const SlxBlock *block, const char *section, guint section_number);
/* Add ROW (taken) to the checklist rows, on the sheet being read. */
void slx_seg_add_row(Segmenter *sg, SlxRow *row);
void slx_seg_append_field(char **field, const char *text);
void slx_seg_add_response(SlxRow *row, const char *text, SlxColumnRole role, guint column);
void slx_seg_put(SlxRow *row, SlxColumnRole role, const char *text, guint column);
double slx_seg_best_similarity(const Context *cx, const SlxKey *key, gboolean names);
double slx_seg_best_name_similarity(const Context *cx, const SlxKey *key);
gboolean slx_seg_section_of(const Context *cx, const char *text, gboolean in_table, guint *number);
void slx_seg_note_preamble(const Context *cx, SlxTable *t, const char *text);
void slx_seg_set_section(Segmenter *sg, const char *text, guint number);
gboolean slx_seg_is_rule(const Context *cx, const SlxBlock *block);

/* table.c: a table row (or a paragraph no text layout claims). */
void slx_seg_table_row(Segmenter *sg, const SlxBlock *block, guint index);

/* text.c: a heading, paragraph, list item or label/value block. */
void slx_seg_text_block(Segmenter *sg, const SlxBlock *block, guint index);
void slx_seg_close_open(Segmenter *sg);
gboolean slx_seg_row_under_heading(Segmenter *sg, const SlxBlock *block);

/* transcript.c: a line of a table transcribed one cell per line. */
gboolean slx_seg_transcript_line(Segmenter *sg, const SlxBlock *block, guint index,
                                 const char *text);
void slx_seg_transcript_end(Segmenter *sg);

#endif
