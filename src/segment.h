/* SPDX-License-Identifier: GPL-3.0-or-later */
/* segment.h — a document's blocks → checklist rows with named fields.
 *
 * The one place where meaning is decided, for every format: which blocks
 * are headers (also repeated ones), section rows (アプリケーション運用 …),
 * titles and preamble, continuation lines, furniture, and checklist rows —
 * from table rows, heading sections, item-name lines, label/value lines,
 * Q&A pairs and transcribed tables (src/segment/); finds the document
 * title and service name; and says for every cell of a checklist row which
 * column it belongs to, even where a merged 種別 cell shifted the row left. */
#ifndef SLX_SEGMENT_H
#define SLX_SEGMENT_H

#include "document.h"
#include "patterns.h"
#include "similarity.h"

typedef struct {
    char *text;            /* normalized, CJK spaces kept (word boundaries) */
    SlxColumnRole role;    /* SLX_COL_ANSWER or SLX_COL_REMARKS */
    guint column;          /* the column (or label) it came from */
} SlxResponse;

typedef struct {
    char *no;              /* the printed number ("29", "3.2"), or NULL */
    char *category;        /* 種別 printed on the row, or NULL */
    char *name;            /* item name as printed (normalized), or NULL */
    char *template_text;   /* 規定内容 as printed, or NULL */
    char *unit;            /* 測定単位, or NULL */
    char *example;         /* 設定例, or NULL */
    GPtrArray *responses;  /* SlxResponse *: answer and remarks cells in order */
    char *section;         /* the section row in force, or NULL */
    guint section_number;  /* its number (1 for 「1.アプリケーション運用」), or 0 */
    guint line, page;
    guint sheet;           /* the workbook sheet it is on (1-based), 0 outside workbooks */
    double confidence;     /* the least reader's confidence of its blocks (SlxBlock) */
    /* The match keys (similarity.h) of the name and the template ("" when
     * there is none), made once the document is segmented, for matching. */
    SlxKey *name_key, *template_key;
} SlxRow;

typedef struct {
    char *title;           /* normalized, or NULL */
    char *untitled;        /* while segmenting: the first short preamble line */
    char *service;         /* normalized, or NULL */
    guint service_rank;    /* the index of the [document] service pattern that named it */
    GPtrArray *rows;       /* SlxRow *, in document order */
    guint header_rows;     /* header rows seen (repeats included) */
    guint text_rows;       /* rows read from text layouts (headings, label/value, Q&A), not tables */
} SlxTable;

SlxTable *slx_segment(const SlxDocument *doc, const SlxPatterns *patterns);
void slx_table_free(SlxTable *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(SlxTable, slx_table_free)

/* The response text of ROW: its cells joined with one space. */
char *slx_row_response_text(const SlxRow *row);

/* The role a header label names, or SLX_COL_NONE (exposed for tests). */
SlxColumnRole slx_header_role(const SlxVocabulary *v, const char *normalized_label);

#endif
