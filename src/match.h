/* SPDX-License-Identifier: GPL-3.0-or-later */
/* match.h — checklist rows → catalog items.
 *
 * This is where a row of a vendor's table becomes a catalog item: every row
 * is scored against every item of every loaded catalog, using the printed
 * number, the item name (fuzzy), keywords and the 規定内容 text. */
#ifndef SLX_MATCH_H
#define SLX_MATCH_H

#include "patterns.h"
#include "segment.h"

/* Output flags (doc/output.md §4), in the order they are written. */
typedef enum {
    SLX_FLAG_NUMBER_MISMATCH   = 1 << 0,
    SLX_FLAG_TEMPLATE_MISMATCH = 1 << 1,
    SLX_FLAG_SAME_AS_PREVIOUS  = 1 << 2,
    SLX_FLAG_TRUNCATED         = 1 << 3,
    SLX_FLAG_DUPLICATE         = 1 << 4,
    SLX_FLAG_TEMPLATE_EXAMPLE  = 1 << 5,
    SLX_FLAG_LOW_CONFIDENCE    = 1 << 6,
} SlxFlag;

/* Below this a row is not taken as its best item: it becomes an extra. */
#define SLX_MATCH_ACCEPT 0.5
/* Below this an accepted row carries low_confidence. */
#define SLX_MATCH_LOW 0.6

typedef struct {
    const SlxRow *row;
    const SlxCatalogItem *item;  /* NULL: an extra row */
    double confidence;           /* of ITEM, or of the best (rejected) item */
    guint flags;                 /* SlxFlag */
} SlxMatch;

typedef struct {
    const SlxCatalog *catalog;   /* the catalog the document matched best */
    GPtrArray *matches;          /* SlxMatch *, one per row, document order */
    guint items_found;           /* distinct catalog items matched */
} SlxMatchResult;

/* Match the rows of TABLE (slx_segment's: its rows carry their keys)
 * against every catalog of PATTERNS and keep the catalog with the most
 * items found. */
SlxMatchResult *slx_match(const SlxTable *table, const SlxPatterns *patterns);
void slx_match_result_free(SlxMatchResult *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(SlxMatchResult, slx_match_result_free)

/* The catalog item a printed number names ("29", "3.2" in section 3), or
 * NULL.  SECTION_NUMBER is the section row in force (0 if none). */
const SlxCatalogItem *slx_item_for_number(const SlxCatalog *c, const char *no,
                                          guint section_number);

#endif
