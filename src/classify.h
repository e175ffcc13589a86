/* SPDX-License-Identifier: GPL-3.0-or-later */
/* classify.h — the vendor's response → yes / partial / no / undisclosed /
 * not_applicable / unknown (doc/output.md §2). */
#ifndef SLX_CLASSIFY_H
#define SLX_CLASSIFY_H

#include "patterns.h"
#include "segment.h"

typedef enum {
    SLX_ANSWER_UNKNOWN,
    SLX_ANSWER_YES,
    SLX_ANSWER_PARTIAL,
    SLX_ANSWER_NO,
    SLX_ANSWER_UNDISCLOSED,
    SLX_ANSWER_NOT_APPLICABLE,
    /* Not an answer of its own: 同上, resolved by the caller from the row
     * before. */
    SLX_ANSWER_SAME_AS_PREVIOUS,
} SlxAnswer;

/* "yes", "partial", … as written in the output. */
const char *slx_answer_name(SlxAnswer a);

/* Classify the responses of ROW.  ITEM (may be NULL for extra rows) tells
 * whether the item is measured by a quantity, is a limit, or has phrases
 * that mean "does not apply"; VALUES (may be NULL) are the values the
 * response states (extract.h), a stated figure of the item's quantity. */
SlxAnswer slx_classify(const SlxRow *row, const SlxCatalogItem *item,
                       const SlxVocabulary *vocab, const GPtrArray *values);

/* Whether a response cell of ROW says only 「同上」 (same as above) beside
 * others (a 有 in the marker column, 同上 in the detail): the row takes
 * the values of the row above, and its answer too unless a marker gives
 * one. */
gboolean slx_row_same_as_previous(const SlxRow *row, const SlxVocabulary *v);

/* The same for a response text alone (used by the tests and by readers
 * that have no rows).  TEXT is normalized with SLX_NORM_KEEP_CJK_SPACES. */
SlxAnswer slx_classify_text(const char *text, const SlxCatalogItem *item,
                            const SlxVocabulary *vocab, const GPtrArray *values);

#endif
